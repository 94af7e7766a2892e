#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# CTest fixture: one throwaway PostgreSQL cluster (with the demo database) for the whole test run.
#   cluster-fixture.sh setup STATEFILE    starts it and writes its folder's path into STATEFILE
#   cluster-fixture.sh cleanup STATEFILE  destroys it (CTest runs this also when tests fail)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
pgcluster="$here/../../scripts/pgcluster"
state=$2
case $1 in
setup)
  if [ -f "$state" ]; then "$pgcluster" destroy "$(cat "$state")" || true; fi
  dir=$(mktemp -d /tmp/pgdesk-test.XXXXXX)
  echo "$dir" >"$state"
  "$pgcluster" start "$dir" --fast --demo
  ;;
cleanup)
  [ -f "$state" ] && "$pgcluster" destroy "$(cat "$state")"
  # Private clusters of fault tests (tests/support/privatecluster.h) that a failed test left running.
  if [ -f "$state.private" ]; then
    while read -r dir; do
      if [ -d "$dir" ]; then "$pgcluster" destroy "$dir" || true; fi
    done <"$state.private"
  fi
  rm -f "$state" "$state.private"
  ;;
esac
