#!/usr/bin/env bash
# CI's packaging check (run by .ci/run after scripts/test.sh), as root on a Debian machine:
# builds the .deb, installs it with dpkg -i, runs the INSTALLED clerk-desk --screenshot and
# clerk from /tmp with a clean environment, upgrades it over itself with a bumped version
# (the /etc configuration and a SQLite file must survive), removes it (only the configuration
# and the data may remain), purges it, and checks that nothing else was left on the system.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
say() { printf '\n== check-deb: %s (%ss)\n' "$*" "$SECONDS"; }
fail() { echo "check-deb: FAILED: $*" >&2; exit 1; }

if dpkg-query -W -f='${Status}' clerk-desk 2>/dev/null | grep -q installed; then
  fail "clerk-desk is already installed here; remove it first (dpkg --purge clerk-desk)"
fi

say "build the package"
build_start=$SECONDS
DEB1=$(bash scripts/package-deb.sh | tail -1)
build_secs=$((SECONDS - build_start))
V1=$(dpkg-deb -f "$DEB1" Version)
V2="$V1+upgradecheck"
DEB2=$(CLERK_DEB_VERSION="$V2" bash scripts/package-deb.sh --no-freeze | tail -1)
ls -l "$DEB1" "$DEB2"

WORK=$(mktemp -d /tmp/check-deb.XXXXXX)
ours=0
cleanup() {
  # A failed check must not leave its package on the CI machine for the next run.
  if [ "$ours" = 1 ] && dpkg-query -W -f='${Status}' clerk-desk 2>/dev/null | grep -q installed; then
    $SUDO dpkg --purge clerk-desk > /dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
mkdir -p "$WORK/home"
WATCHED=(/opt /usr/bin /usr/lib/systemd/user /usr/share/applications /usr/share/icons /usr/share/doc /etc)
# Files a dpkg trigger rewrites for every package (icon and desktop caches): not ours.
snapshot() { find "${WATCHED[@]}" -xdev 2>/dev/null | grep -vE 'icon-theme\.cache|mimeinfo\.cache|ld\.so\.cache' | sort; }
snapshot > "$WORK/before.txt"

say "install $DEB1 with dpkg -i"
install_start=$SECONDS
ours=1
if ! $SUDO dpkg -i "$DEB1"; then
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -f -y -qq --no-install-recommends
fi
dpkg-query -W -f='${Status} ${Version}\n' clerk-desk | grep -q "install ok installed $V1" \
  || fail "clerk-desk $V1 is not installed"
install_secs=$((SECONDS - install_start))

# The installed programs, from the PATH, outside the checkout, with nothing of the caller's
# environment (no venv, no PYTHONPATH): what a clerk's PC runs.
run() {
  (cd /tmp && env -i PATH=/usr/bin:/bin HOME="$WORK/home" LANG=C.UTF-8 \
    CLERK_DATA_DIR="$WORK/data" CLERK_CONFIG="${CONF:-/etc/clerk-desk/clerk-desk.conf}" "$@")
}
[ "$(command -v clerk-desk)" = /usr/bin/clerk-desk ] || fail "clerk-desk is not /usr/bin/clerk-desk"
[ "$(readlink -f /usr/bin/clerk)" = /opt/clerk-desk/clerk ] || fail "/usr/bin/clerk"

say "libraries every installed binary needs are found"
missing=$(find /opt/clerk-desk -type f \( -name '*.so*' -o -name clerk -o -name clerk-desk \) \
  -exec ldd {} + 2>/dev/null | grep 'not found' | sort -u || true)
[ -z "$missing" ] || fail "unresolved libraries: $missing"

say "installed clerk-desk --screenshot (offscreen, demo hall)"
start=$SECONDS
run QT_QPA_PLATFORM=offscreen clerk-desk --demo --screenshot "$WORK/shots" > "$WORK/shots.txt"
screenshot_secs=$((SECONDS - start))
for screen in login counter dashboard admin kiosk display paper; do
  [ -s "$WORK/shots/$screen.png" ] || fail "no screenshot of $screen"
done
start=$SECONDS
run clerk --help | grep -q "setup-pc" || fail "clerk --help"
help_secs=$((SECONDS - start))

say "configure the PC and make a hall on a local SQLite file"
$SUDO env -i PATH=/usr/bin:/bin /usr/bin/clerk --lang en setup-pc \
  --db-url "sqlite:///$WORK/data/hall.db" --role desk --counter 5
grep -q '^counter = 5$' /etc/clerk-desk/clerk-desk.conf || fail "setup-pc did not write /etc"
run clerk upgrade
echo "correct horse" | run clerk user add chief --role admin --name 主任 --password-stdin
run clerk user list > "$WORK/users-before.txt"
grep -q '^chief' "$WORK/users-before.txt" || fail "the user is not in the hall"
sha=$(sha256sum "$WORK/data/hall.db" | cut -d' ' -f1)

say "upgrade to $V2 over $V1"
$SUDO dpkg -i --force-confold "$DEB2"
dpkg-query -W -f='${Version}' clerk-desk | grep -qx "$V2" || fail "not upgraded to $V2"
grep -q '^counter = 5$' /etc/clerk-desk/clerk-desk.conf || fail "the upgrade lost /etc config"
[ "$(sha256sum "$WORK/data/hall.db" | cut -d' ' -f1)" = "$sha" ] || fail "the upgrade changed the data"
run clerk user list > "$WORK/users-after.txt"
cmp -s "$WORK/users-before.txt" "$WORK/users-after.txt" || fail "the hall differs after the upgrade"

say "remove (dpkg -r): programs gone, configuration and data kept"
$SUDO dpkg -r clerk-desk
for path in /opt/clerk-desk /usr/bin/clerk /usr/bin/clerk-desk /usr/lib/systemd/user/clerk-desk@.service; do
  [ ! -e "$path" ] && [ ! -L "$path" ] || fail "$path is left after dpkg -r"
done
! compgen -G "/usr/share/applications/clerk-desk*" > /dev/null || fail "desktop entries left"
! compgen -G "/usr/share/icons/hicolor/*/apps/clerk-desk*" > /dev/null || fail "icons left"
[ -f /etc/clerk-desk/clerk-desk.conf ] || fail "dpkg -r removed the configuration"
[ -f "$WORK/data/hall.db" ] || fail "dpkg -r removed the data"

say "purge: the configuration goes too, and nothing else is left"
$SUDO dpkg --purge clerk-desk
[ ! -e /etc/clerk-desk ] || fail "/etc/clerk-desk is left after purge"
snapshot > "$WORK/after.txt"
if ! diff "$WORK/before.txt" "$WORK/after.txt" > "$WORK/diff.txt"; then
  grep -i clerk "$WORK/diff.txt" && fail "files left behind (above)"
  echo "check-deb: (other changes under the watched folders, not ours:)"; head -5 "$WORK/diff.txt"
fi

size=$(stat -c %s "$DEB1")
installed=$(dpkg-deb -f "$DEB1" Installed-Size)
cat <<TXT

check-deb: OK in ${SECONDS}s: build ${build_secs}s (+ the upgrade package), install ${install_secs}s,
  .deb $((size / 1024 / 1024)) MiB, installed $((installed / 1024)) MiB,
  installed clerk-desk --screenshot (demo hall seeded, 7 screens) ${screenshot_secs}s, clerk --help ${help_secs}s
TXT
cd "$REPO"
