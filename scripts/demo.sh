#!/usr/bin/env bash
# Installs everything (scripts/setup.sh), then runs the desk on the demo hall (embedded SQLite).
# Extra arguments go to main.py, e.g. --kiosk, --display, --lang en.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python main.py --demo "$@"
