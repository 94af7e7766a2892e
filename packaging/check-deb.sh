#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# ctest package.deb: CPack builds the .deb from BUILD into a temporary folder, and dpkg-deb shows it is
# right: name, version, the files of packaging/expected-files.txt under /usr (the same layout as
# `cmake --install`), and Depends naming the package of every library the binaries link (computed by
# dpkg-shlibdeps) plus the Qt plugins they load, all satisfiable here (dpkg --dry-run).
# Usage: check-deb.sh BUILD_DIR SOURCE_DIR VERSION
set -euo pipefail
build=$(cd "$1" && pwd) src=$2 version=$3
fail() { echo "check-deb: $*" >&2; exit 1; }
for tool in cpack dpkg-deb dpkg-shlibdeps objdump; do
  command -v "$tool" >/dev/null || fail "$tool is missing (scripts/install-deps installs it)"
done

tmp=$(mktemp -d /tmp/pgdesk-deb.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && cpack -G DEB -B "$tmp/out" --config "$build/CPackConfig.cmake") >"$tmp/cpack.log" 2>&1 ||
  { cat "$tmp/cpack.log"; fail "cpack failed"; }
debs=("$tmp"/out/pgdesk_*.deb)
[[ ${#debs[@]} -eq 1 && -f ${debs[0]} ]] || fail "expected one pgdesk_*.deb, found: ${debs[*]}"
deb=${debs[0]}
arch=$(dpkg --print-architecture)
[[ ${deb##*/} == "pgdesk_${version}-1_${arch}.deb" ]] || fail "file name ${deb##*/}"
echo "ok: built ${deb##*/} ($(du -k "$deb" | cut -f1) KiB)"

dpkg-deb --info "$deb" >"$tmp/info"
field() { dpkg-deb --field "$deb" "$1"; }
[[ $(field Package) == pgdesk ]] || fail "Package: $(field Package)"
[[ $(field Version) == "$version-1" ]] || fail "Version: $(field Version)"
[[ $(field Architecture) == "$arch" ]] || fail "Architecture: $(field Architecture)"
depends=$(field Depends)
echo "Depends: $depends"
# No `a | grep -q` or `awk … exit` pipes in this file: under pipefail the writer dies of SIGPIPE when the
# reader leaves early, and the pipeline fails at random (CI saw it: the script stopped without a word).
dep_names=" $(tr ',' '\n' <<<"$depends" | sed 's/^ *//; s/ .*//' | tr '\n' ' ') "
has_dep() { [[ $dep_names == *" $1 "* ]]; }
for pkg in libqt6core6 libqt6gui6 libqt6widgets6 libqt6sql6 libpq5 libqt6keychain1 libc6 libstdc++6 \
  qt6-qpa-plugins libqt6sql6-sqlite; do
  has_dep "$pkg" || fail "Depends lacks $pkg"
done

# The same files as `cmake --install`, under /usr.
dpkg-deb --contents "$deb" | awk '$1 !~ /^d/ {print $NF}' | sed 's|^\./usr/||' | LC_ALL=C sort >"$tmp/actual"
grep -v '^#' "$src/packaging/expected-files.txt" | LC_ALL=C sort >"$tmp/expected"
diff -u "$tmp/expected" "$tmp/actual" || fail "the .deb's files differ from packaging/expected-files.txt"
echo "ok: $(wc -l <"$tmp/actual") files under /usr, as cmake --install lays them out"

# Every library a binary links directly comes from a package in Depends (so apt installs it).
dpkg-deb -x "$deb" "$tmp/root"
ldcache=$(ldconfig -p)
for bin in pgdesk pgdesk-cli; do
  for lib in $(objdump -p "$tmp/root/usr/bin/$bin" | awk '/NEEDED/ {print $2}'); do
    path=$(awk -v l="$lib" '$1 == l && /x86-64|64bit|AArch64/ && !p {p = $NF} END {print p}' <<<"$ldcache")
    [[ -n $path ]] || fail "$bin needs $lib, which is not installed here"
    real=$(readlink -f "$path")
    owners=$(dpkg -S "*/${real##*/}" 2>/dev/null || true)
    pkg=$(awk -v a=":$arch: " 'index($0, a) && !p {p = $0; sub(/:.*/, "", p)} END {print p}' <<<"$owners")
    [[ -n $pkg ]] || fail "no package owns $real ($lib, needed by $bin)"
    has_dep "$pkg" || fail "$bin needs $lib from $pkg, which is not in Depends"
  done
done
echo "ok: every library the binaries link is covered by Depends"

# apt's own view (a simulation, no root needed): the package installs here as it stands.
apt-get -s install "$deb" >"$tmp/apt" 2>&1 || { cat "$tmp/apt"; fail "apt-get -s install failed"; }
grep -q '^Inst pgdesk ' "$tmp/apt" || { cat "$tmp/apt"; fail "apt-get -s install would not install pgdesk"; }
echo "ok: apt-get -s install accepts it"
