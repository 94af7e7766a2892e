#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# ctest package.install: `cmake --install BUILD --prefix TMP` installs exactly packaging/expected-files.txt
# (no test or bench program), the binaries run from there, and the desktop files are valid and agree
# with the project's version.
# Usage: check-install.sh BUILD_DIR SOURCE_DIR VERSION
set -euo pipefail
build=$1 src=$2 version=$3
fail() { echo "check-install: $*" >&2; exit 1; }
for tool in desktop-file-validate appstreamcli identify man gzip; do
  command -v "$tool" >/dev/null || fail "$tool is missing (scripts/install-deps installs it)"
done

tmp=$(mktemp -d /tmp/pgdesk-install.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" || { cat "$tmp/install.log"; fail "cmake --install failed"; }

# The file list, exactly.
(cd "$prefix" && find . -type f -o -type l) | sed 's|^\./||' | LC_ALL=C sort >"$tmp/actual"
grep -v '^#' "$src/packaging/expected-files.txt" | LC_ALL=C sort >"$tmp/expected"
diff -u "$tmp/expected" "$tmp/actual" || fail "installed files differ from packaging/expected-files.txt (- expected, + installed)"
echo "ok: $(wc -l <"$tmp/actual") files installed, as expected"

# The installed binaries run.
out=$("$prefix/bin/pgdesk-cli" --version)
[[ $out == "pgdesk-cli $version (Qt "*", libpq "*")" ]] || fail "pgdesk-cli --version printed: $out"
echo "ok: $out"
# chart and erd run in pgdesk-cli-draw (libexec), the only one of the two linked with QtGui.
if readelf -d "$prefix/bin/pgdesk-cli" | grep -q 'NEEDED.*libQt6Gui'; then
  fail "pgdesk-cli links QtGui (only libexec/pgdesk/pgdesk-cli-draw should)"
fi
set +e
draw=$("$prefix/bin/pgdesk-cli" --dsn "host=$tmp/no-server connect_timeout=2" erd --format mermaid 2>&1)
rc=$?
set -e
[[ $rc -eq 3 && $draw != *"pgdesk-cli-draw"* ]] || fail "pgdesk-cli erd did not reach pgdesk-cli-draw: exit $rc, $draw"
echo "ok: pgdesk-cli starts without QtGui; erd runs in pgdesk-cli-draw"
set +e
usage=$(QT_QPA_PLATFORM=offscreen timeout 20 "$prefix/bin/pgdesk" --no-such-option 2>&1)
rc=$?
set -e
[[ $rc -eq 2 && $usage == *"Usage: pgdesk"* ]] || fail "pgdesk --no-such-option: exit $rc, output: $usage"
echo "ok: installed pgdesk starts (usage error, exit 2)"

# Desktop entry, AppStream metadata and icons as installed, checked together.
desktop=$prefix/share/applications/io.github.pgdesk.PgDesk.desktop
metainfo=$prefix/share/metainfo/io.github.pgdesk.PgDesk.metainfo.xml
desktop-file-validate "$desktop" || fail "desktop-file-validate failed"
appstreamcli validate --no-net --strict "$metainfo" || fail "appstreamcli validate failed"
appstreamcli validate-tree --no-net "$prefix" || fail "appstreamcli validate-tree failed"
newest=$(grep -m1 -o '<release version="[^"]*"' "$metainfo" | cut -d'"' -f2)
[[ $newest == "$version" ]] || fail "newest <release> in the metainfo is $newest, the project is $version"
grep -q '^Exec=pgdesk$' "$desktop" || fail "the desktop entry does not run pgdesk"
echo "ok: desktop entry and metainfo valid, release $newest"

for dir in "$prefix"/share/icons/hicolor/*x*; do
  size=${dir##*/}
  got=$(identify -format '%wx%h' "$dir/apps/io.github.pgdesk.PgDesk.png")
  [[ $got == "$size" ]] || fail "icon in $size is $got"
done
echo "ok: icons have their sizes"

# Man pages: they render without groff warnings and name this version.
for page in pgdesk pgdesk-cli; do
  file=$prefix/share/man/man1/$page.1.gz
  gzip -t "$file"
  # Read whole, never `zcat | head | grep -q`: under pipefail a reader leaving early fails the pipe at random.
  source_text=$(zcat "$file")
  grep -q "^\.TH .*\"PgDesk $version\"" <<<"$source_text" || fail "$page.1 does not name PgDesk $version in .TH"
  warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l "$file" 2>&1 >/dev/null)
  [[ -z $warnings ]] || fail "$page.1: $warnings"
  rendered=$(LC_ALL=C.UTF-8 MANWIDTH=80 man -E UTF-8 -l "$file" 2>/dev/null | col -b)
  [[ $rendered == *"EXIT STATUS"* ]] || fail "$page.1 has no EXIT STATUS section"
done
# The CLI page lists every exit code of app/cli/exitcodes.h.
cli_items=$(zcat "$prefix/share/man/man1/pgdesk-cli.1.gz" | grep -A1 '^\.TP')
for code in $(grep -oE '= [0-9]+' "$src/app/cli/exitcodes.h" | tr -dc '0-9\n'); do
  grep -qx "\.B $code" <<<"$cli_items" ||
    fail "pgdesk-cli.1 does not document exit code $code"
done
echo "ok: man pages render, name $version and list every exit code"
