#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# `make package-check`: the .deb on a clean Debian 12, the way a user installs it. debootstrap makes a
# minimal bookworm (kept as /var/tmp/pgdesk-bookworm-minbase.tar for later runs), `apt install ./pgdesk_*.deb`
# runs in a fresh copy of it with nothing else installed, then pgdesk-cli works there and pgdesk starts on
# an Xvfb display of the host (its socket bound into the chroot): a screenshot of that window is written to
# build/screenshots/clean-install.png. Needs root and Debian's archive; not part of `make test` (it
# downloads about 150 MB the first time).
# Usage: check-clean-install.sh [DEB]   (default: build/pgdesk_*.deb)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
fail() { echo "check-clean-install: $*" >&2; exit 1; }
[[ $(id -u) == 0 ]] || fail "needs root (debootstrap, chroot)"
for tool in debootstrap chroot Xvfb import xdotool; do
  command -v "$tool" >/dev/null || fail "$tool is missing"
done
debs=("${1:-$src/build}"/pgdesk_*.deb)
[[ -f ${1:-} ]] && debs=("$1")
[[ ${#debs[@]} -eq 1 && -f ${debs[0]} ]] || fail "no single pgdesk_*.deb (make package first): ${debs[*]}"
deb=${debs[0]}
mirror=${PGDESK_DEBIAN_MIRROR:-http://deb.debian.org/debian}
seed=/var/tmp/pgdesk-bookworm-minbase.tar

work=$(mktemp -d /var/tmp/pgdesk-clean.XXXXXX)
root=$work/root
display=""
xvfb=""
app=""
cleanup() {
  [[ -n $app ]] && kill "$app" 2>/dev/null || true
  [[ -n $xvfb ]] && kill "$xvfb" 2>/dev/null || true
  for m in "$root/tmp/.X11-unix" "$root/proc" "$root/dev/pts" "$root/dev"; do
    mountpoint -q "$m" 2>/dev/null && umount -l "$m"
  done
  rm -rf "$work"
}
trap cleanup EXIT

if [[ ! -f $seed ]]; then
  echo "check-clean-install: debootstrap bookworm (minbase) from $mirror"
  debootstrap --variant=minbase bookworm "$work/seed" "$mirror" >"$work/debootstrap.log" 2>&1 ||
    { tail -20 "$work/debootstrap.log"; fail "debootstrap failed"; }
  tar -C "$work/seed" -cf "$seed" .
  rm -rf "$work/seed"
fi
mkdir "$root"
tar -C "$root" -xf "$seed"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
cp "$deb" "$root/tmp/"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

echo "check-clean-install: apt install ./${deb##*/} on a clean bookworm"
in_root apt-get update -q >"$work/apt.log" 2>&1 || { tail -20 "$work/apt.log"; fail "apt-get update failed"; }
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "/tmp/${deb##*/}" >>"$work/apt.log" 2>&1 ||
  { tail -30 "$work/apt.log"; fail "apt install of the .deb failed"; }
packages=$(in_root dpkg-query -W -f='${Package}\n' | wc -l)
echo "ok: installed with its dependencies ($packages packages in the system)"

version=$(in_root pgdesk-cli --version)
[[ $version == *"$(dpkg-deb --field "$deb" Version | cut -d- -f1)"* ]] || fail "pgdesk-cli --version: $version"
in_root pgdesk-cli --help >/dev/null || fail "pgdesk-cli --help failed"
echo "ok: $version"

# The GUI on the host's Xvfb: the chroot gets the display's socket, nothing else of the host.
for n in $(seq 90 120); do [[ -e /tmp/.X11-unix/X$n ]] || { display=:$n; break; }; done
[[ -n $display ]] || fail "no free X display number"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
for _ in $(seq 50); do [[ -e /tmp/.X11-unix/X${display#:} ]] && break; sleep 0.1; done
mkdir -p "$root/tmp/.X11-unix"
mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix"
mkdir -p "$root/tmp/run" && chmod 700 "$root/tmp/run"
chroot "$root" env -i PATH=/usr/bin:/bin HOME=/root LANG=C.UTF-8 DISPLAY="$display" \
  XDG_RUNTIME_DIR=/tmp/run QT_QPA_PLATFORM=xcb pgdesk >"$work/pgdesk.log" 2>&1 &
app=$!
window=""
for _ in $(seq 100); do
  kill -0 "$app" 2>/dev/null || { cat "$work/pgdesk.log"; fail "pgdesk exited at start"; }
  window=$(DISPLAY=$display xdotool search --name "PgDesk" 2>/dev/null || true)
  [[ -n $window ]] && break
  sleep 0.1
done
[[ -n $window ]] || { cat "$work/pgdesk.log"; fail "no PgDesk window appeared"; }
sleep 2 # let it paint
mkdir -p "$src/build/screenshots"
import -display "$display" -window root "$src/build/screenshots/clean-install.png"
kill -0 "$app" 2>/dev/null || { cat "$work/pgdesk.log"; fail "pgdesk died after start"; }
echo "ok: pgdesk runs (window shown); screenshot build/screenshots/clean-install.png"
