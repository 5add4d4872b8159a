#!/usr/bin/env bash
# Installs everything the desk needs on a fresh Debian/Ubuntu machine, idempotently:
# system libraries for offscreen Qt, a CJK TrueType font, PostgreSQL binaries (tests),
# poppler/zbar helpers, an offline Chinese voice for the hall display (speech-dispatcher with
# its espeak-ng output module, which --no-install-recommends would leave out: without it the
# daemon loads no module and says nothing), and the Python environment in .venv.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  python3 python3-venv python3-pip python3-dev
  libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libglib2.0-0 libfontconfig1 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
  libxcb-render-util0 libxcb-image0
  libpulse0 fonts-wqy-microhei fonts-dejavu-core postgresql poppler-utils
  speech-dispatcher speech-dispatcher-espeak-ng espeak-ng
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "setup: installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The distribution's own Python when it is 3.11 or newer: Debian and Ubuntu build it with PGO
# and LTO (a pyenv or source build is plain -O2 unless asked), which starts the counter about
# 10 % faster, and the .deb bundles the interpreter it is built with (libpython from
# python3-dev). $PYTHON overrides; an older distribution Python falls back to PATH's python3.
PY=${PYTHON:-}
if [ -z "$PY" ]; then
  if /usr/bin/python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    PY=/usr/bin/python3
  else
    PY=python3
  fi
fi
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e '.[dev]'
  rm -f .venv/.installed-*
  touch "$stamp"
fi
# Translations are built from the .ts sources, never committed as binaries.
.venv/bin/python scripts/build_translations.py
