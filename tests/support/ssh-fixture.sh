#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# CTest fixture: OpenSSH servers on loopback ports in front of the `cluster` fixture's server.
#   ssh-fixture.sh setup STATEFILE    starts them and writes their folder into STATEFILE
#   ssh-fixture.sh cleanup STATEFILE  stops them and removes the folder
#
# Everything lives in the folder (never ~/.ssh): host keys, client keys, authorized_keys, known_hosts and
# ssh_config. Servers: `target` (in front of the database), `bastion` (a jump host), `noforward`
# (AllowTcpForwarding no). Client keys: id_plain, id_pass (passphrase in env as PGDESK_SSH_PASSPHRASE),
# id_agent (for ssh-agent). known_hosts holds the three servers' keys; other_host_key is a key no server
# uses (a "changed" key). ssh_config has the aliases pgdesk-target and pgdesk-bastion.
set -euo pipefail
state=$2
sshd=/usr/sbin/sshd

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

stop() {
  local dir=$1 pidfile pid
  for pidfile in "$dir"/*.pid; do
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  done
  rm -rf "$dir"
}

start_sshd() { # NAME EXTRA-CONFIG-LINE
  local name=$1 extra=$2 port
  for _ in 1 2 3 4 5 6 7 8; do
    port=$((20000 + RANDOM % 30000))
    port_free "$port" || continue
    cat >"$dir/$name.sshd_config" <<CONF
Port $port
ListenAddress 127.0.0.1
HostKey $dir/${name}_host_key
PidFile $dir/$name.pid
AuthorizedKeysFile $dir/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
AllowAgentForwarding no
X11Forwarding no
PrintMotd no
MaxStartups 100:30:200
LogLevel VERBOSE
$extra
CONF
    if "$sshd" -f "$dir/$name.sshd_config" -E "$dir/$name.log"; then
      for _ in $(seq 50); do
        if ! port_free "$port"; then
          echo "$port"
          return 0
        fi
        sleep 0.1
      done
    fi
  done
  echo "ssh-fixture: sshd $name did not start" >&2
  cat "$dir/$name.log" >&2 || true
  return 1
}

case $1 in
setup)
  [ -x "$sshd" ] || { echo "ssh-fixture: openssh-server is not installed (run scripts/install-deps)" >&2; exit 1; }
  if [ -f "$state" ]; then stop "$(cat "$state")"; fi
  mkdir -p /run/sshd 2>/dev/null || true # sshd's privilege separation folder
  dir=$(mktemp -d /tmp/pgdesk-sshfix.XXXXXX)
  echo "$dir" >"$state"
  passphrase=pgdesk-ssh-passphrase
  for name in target bastion noforward other; do
    ssh-keygen -q -t ed25519 -N '' -C "$name" -f "$dir/${name}_host_key"
  done
  ssh-keygen -q -t ed25519 -N '' -C plain -f "$dir/id_plain"
  ssh-keygen -q -t ed25519 -N "$passphrase" -C pass -f "$dir/id_pass"
  ssh-keygen -q -t ed25519 -N '' -C agent -f "$dir/id_agent"
  cat "$dir/id_plain.pub" "$dir/id_pass.pub" "$dir/id_agent.pub" >"$dir/authorized_keys"
  chmod 600 "$dir"/id_* "$dir/authorized_keys"
  target=$(start_sshd target "AllowTcpForwarding yes")
  bastion=$(start_sshd bastion "AllowTcpForwarding yes")
  noforward=$(start_sshd noforward "AllowTcpForwarding no")
  : >"$dir/known_hosts"
  for pair in "target:$target" "bastion:$bastion" "noforward:$noforward"; do
    echo "[127.0.0.1]:${pair#*:} $(cut -d' ' -f1,2 "$dir/${pair%%:*}_host_key.pub")" >>"$dir/known_hosts"
  done
  user=$(id -un)
  cat >"$dir/ssh_config" <<CONF
Host pgdesk-target
  HostName 127.0.0.1
  Port $target
  User $user
  IdentityFile $dir/id_plain
  IdentitiesOnly yes
Host pgdesk-bastion
  HostName 127.0.0.1
  Port $bastion
  User $user
  IdentityFile $dir/id_plain
  IdentitiesOnly yes
Host *
  UserKnownHostsFile $dir/known_hosts
  GlobalKnownHostsFile /dev/null
  LogLevel ERROR
CONF
  cat >"$dir/env" <<ENV
PGDESK_SSH_DIR=$dir
PGDESK_SSH_USER=$user
PGDESK_SSH_TARGET_PORT=$target
PGDESK_SSH_BASTION_PORT=$bastion
PGDESK_SSH_NOFORWARD_PORT=$noforward
PGDESK_SSH_PASSPHRASE=$passphrase
ENV
  cat "$dir/env"
  ;;
cleanup)
  if [ -f "$state" ]; then stop "$(cat "$state")"; fi
  rm -f "$state"
  ;;
esac
