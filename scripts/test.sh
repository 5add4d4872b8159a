#!/usr/bin/env bash
# Installs everything (scripts/setup.sh), then runs every check and test:
# ruff, mypy, the import-linter contract (no Qt in clerk_app/), and pytest on SQLite and on a
# throwaway PostgreSQL cluster. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy clerk_app ui main.py
.venv/bin/lint-imports pyproject.toml
.venv/bin/python -m pytest "$@"
