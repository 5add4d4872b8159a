#!/usr/bin/env bash
# Extracts the shell's translatable strings into resources/i18n/*.ts with pyside6-lupdate.
# zh_CN gets every string; en is the source language, so its file only holds plural forms
# ("1 item" / "2 items"). Translate new entries in Qt Linguist (pyside6-linguist), then run
# scripts/build_translations.py to build the .qm files.
set -euo pipefail
cd "$(dirname "$0")/.."
LUPDATE=${LUPDATE:-.venv/bin/pyside6-lupdate}
# lupdate skips .py files when given a directory, so list them.
mapfile -t SOURCES < <(find ui -name '*.py' -not -path '*/__pycache__/*' | sort; echo main.py)
"$LUPDATE" -no-obsolete -locations relative "${SOURCES[@]}" -ts resources/i18n/clerk_zh_CN.ts
"$LUPDATE" -no-obsolete -locations relative -pluralonly "${SOURCES[@]}" \
  -ts resources/i18n/clerk_en.ts
