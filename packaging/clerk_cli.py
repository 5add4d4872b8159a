"""Entry script of the frozen ``clerk`` command (PyInstaller needs a file, not an entry point)."""

import sys

from clerk_app.cli import main

sys.exit(main())
