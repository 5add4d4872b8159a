"""Allows ``python -m clerk_app``."""

import sys

from clerk_app.cli import main

sys.exit(main())
