#!/usr/bin/env bash
# Builds the Debian package dist/clerk-desk_VERSION_ARCH.deb (统信UOS, 麒麟, Debian, Ubuntu):
# the desk frozen by PyInstaller (packaging/clerk-desk.spec, onedir) under /opt/clerk-desk,
# clerk-desk and clerk in /usr/bin, menu entries and icons, a systemd user unit for the public
# screens, and /etc/clerk-desk/clerk-desk.conf as a conffile. Nothing is fetched at install.
#
#   bash scripts/package-deb.sh               # freeze, then package
#   bash scripts/package-deb.sh --no-freeze   # package the folder frozen last time again
#   CLERK_DEB_VERSION=0.1.1 bash scripts/package-deb.sh   # another version (default: pyproject)
#
# Builds for the architecture of the machine it runs on (amd64 here; arm64 on an arm64 machine).
# The frozen program needs a glibc at least as new as the build machine's.
set -euo pipefail
cd "$(dirname "$0")/.."
freeze=1
[ "${1:-}" = "--no-freeze" ] && freeze=0

bash scripts/setup.sh   # the venv with PyInstaller (dev extra) and the .qm translations
PY=.venv/bin/python
VERSION=${CLERK_DEB_VERSION:-$($PY -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')}
ARCH=$(dpkg --print-architecture)
FROZEN=build/frozen/clerk-desk

if [ "$freeze" = 1 ] || [ ! -x "$FROZEN/clerk-desk" ]; then
  .venv/bin/pyinstaller --noconfirm --log-level WARN \
    --workpath build/pyinstaller --distpath build/frozen packaging/clerk-desk.spec
fi

ROOTFS=build/deb/clerk-desk_${VERSION}_${ARCH}
rm -rf "$ROOTFS"
mkdir -p "$ROOTFS"/{DEBIAN,opt,usr/bin,usr/share/applications,usr/lib/systemd/user} \
  "$ROOTFS"/usr/share/icons/hicolor/scalable/apps "$ROOTFS"/etc/clerk-desk \
  "$ROOTFS"/usr/share/doc/clerk-desk
cp -a "$FROZEN" "$ROOTFS/opt/clerk-desk"
ln -s /opt/clerk-desk/clerk-desk "$ROOTFS/usr/bin/clerk-desk"
ln -s /opt/clerk-desk/clerk "$ROOTFS/usr/bin/clerk"
install -m 644 packaging/applications/*.desktop "$ROOTFS/usr/share/applications/"
install -m 644 packaging/icons/*.svg "$ROOTFS/usr/share/icons/hicolor/scalable/apps/"
$PY packaging/render_icons.py "$ROOTFS/usr/share/icons/hicolor"
install -m 644 packaging/systemd/clerk-desk@.service "$ROOTFS/usr/lib/systemd/user/"
# The conffile: the template `clerk setup-pc` fills in, every setting at its default.
$PY -c 'from clerk_app.config import DeviceSettings; from clerk_app.setup_pc import render
print(render(DeviceSettings()), end="")' > "$ROOTFS/etc/clerk-desk/clerk-desk.conf"
chmod 644 "$ROOTFS/etc/clerk-desk/clerk-desk.conf"
echo /etc/clerk-desk/clerk-desk.conf > "$ROOTFS/DEBIAN/conffiles"
cat > "$ROOTFS/usr/share/doc/clerk-desk/copyright" <<'TXT'
clerk-desk: the application and the libraries frozen with it (Python, Qt/PySide6 under the
LGPLv3, SQLAlchemy, Alembic, reportlab, psycopg, ...) keep their own licences; see
/opt/clerk-desk/_internal/*.dist-info.
TXT

# What the frozen folder does not carry: the C library, OpenGL/EGL, the X connection, and
# the fonts and voice the desk uses. The xcb helpers are listed although PyInstaller copies
# the build machine's: a build on a machine without them still runs.
DEPENDS=(
  "libc6 (>= $(dpkg-query -W -f='${Version}' libc6 | cut -d- -f1))"
  libgl1 libegl1 libdrm2 libxcb1 libx11-6 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0
  libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0 libxcb-render-util0 libxcb-image0
  libfontconfig1 libdbus-1-3 fonts-wqy-microhei
  speech-dispatcher speech-dispatcher-espeak-ng espeak-ng
)
depends=$(IFS=,; echo "${DEPENDS[*]}" | sed 's/,/, /g')
cat > "$ROOTFS/DEBIAN/control" <<CTL
Package: clerk-desk
Version: $VERSION
Architecture: $ARCH
Maintainer: clerk-desk maintainers <clerk-desk@localhost>
Section: misc
Priority: optional
Installed-Size: $(du -sk --exclude=DEBIAN "$ROOTFS" | cut -f1)
Depends: $depends
Recommends: cups-client
Homepage: https://localhost/clerk-desk
Description: 一窗受理 counter desk of a government service hall
 The staff desk (窗口工作台: queue calls, acceptance, documents), the ticket kiosk (取号机),
 the hall display (叫号屏) and the duty supervisor's dashboard, on one PostgreSQL database
 per hall or an SQLite file per PC. Configure a PC once with "sudo clerk setup-pc".
CTL

mkdir -p dist
DEB=dist/clerk-desk_${VERSION}_${ARCH}.deb
# xz at level 1: a third faster than the default level on 2 cores, 9% larger; every dpkg
# (UOS and Kylin ship dpkg 1.19, which reads no zstd) unpacks it.
dpkg-deb --root-owner-group -Z"${CLERK_DEB_COMPRESS:-xz}" -z"${CLERK_DEB_LEVEL:-1}" --build "$ROOTFS" "$DEB" >/dev/null
echo "$DEB"
