#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one test with its own XDG folders (config, data, cache) inside a private D-Bus session with an
# unlocked gnome-keyring: a real Secret Service, headless, that never touches the user's own keyring.
set -euo pipefail
t=$(mktemp -d /tmp/pgdesk-home.XXXXXX)
mkdir -p "$t/config" "$t/data" "$t/cache" "$t/run"
chmod 700 "$t/run"
export HOME="$t" XDG_CONFIG_HOME="$t/config" XDG_DATA_HOME="$t/data" XDG_CACHE_HOME="$t/cache" XDG_RUNTIME_DIR="$t/run"
export QT_QPA_PLATFORM=offscreen
unset PGHOST PGPORT PGUSER PGDATABASE PGPASSWORD PGSERVICE PGSERVICEFILE PGPASSFILE

# This test's keyring daemon (the one started with its XDG_RUNTIME_DIR): stopped before the folder goes,
# since it may still be writing its keyrings there as the session ends.
stop_keyring() {
  local p
  for p in $(pgrep -x gnome-keyring-d 2>/dev/null || true); do
    # No pipe: under pipefail, grep -q leaving early would fail the writer with SIGPIPE, at random.
    if grep -qxzF "XDG_RUNTIME_DIR=$t/run" "/proc/$p/environ" 2>/dev/null; then
      kill "$p" 2>/dev/null || true
      for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$p" 2>/dev/null || break; sleep 0.05; done
    fi
  done
}
cleanup() {
  stop_keyring
  rm -rf "$t" 2>/dev/null || { sleep 0.2; rm -rf "$t" 2>/dev/null; } || true
}
trap cleanup EXIT

# shellcheck disable=SC2016
# The keyring daemon must not inherit the runner's descriptors (ctest's output pipes, a build lock), or
# whoever waits on them waits for it.
dbus-run-session -- bash -c '
  keyring() {
    for fd in /proc/$BASHPID/fd/*; do
      fd=${fd##*/}; [ "$fd" -gt 2 ] && eval "exec $fd>&-"
    done
    exec gnome-keyring-daemon --unlock --components=secrets 2>/dev/null
  }
  eval "$(echo -n pgdesk-test | (keyring) | sed "s/^/export /")"
  "$@"
' run-isolated "$@"
