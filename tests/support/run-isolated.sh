#!/usr/bin/env bash
# Runs one test with its own XDG folders (config, data, cache) inside a private D-Bus session with an
# unlocked gnome-keyring: a real Secret Service, headless, that never touches the user's own keyring.
set -euo pipefail
t=$(mktemp -d /tmp/pgdesk-home.XXXXXX)
trap 'rm -rf "$t"' EXIT
mkdir -p "$t/config" "$t/data" "$t/cache" "$t/run"
chmod 700 "$t/run"
export HOME="$t" XDG_CONFIG_HOME="$t/config" XDG_DATA_HOME="$t/data" XDG_CACHE_HOME="$t/cache" XDG_RUNTIME_DIR="$t/run"
export QT_QPA_PLATFORM=offscreen
unset PGHOST PGPORT PGUSER PGDATABASE PGPASSWORD PGSERVICE PGSERVICEFILE PGPASSFILE
# shellcheck disable=SC2016
dbus-run-session -- bash -c '
  eval "$(echo -n pgdesk-test | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null | sed "s/^/export /")"
  "$@"
' run-isolated "$@"
