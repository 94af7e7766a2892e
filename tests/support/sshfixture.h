// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/profiles/connectionprofile.h>

#include <QString>

namespace pgdesk::test {

// The OpenSSH servers of the `ssh` fixture (tests/support/ssh-fixture.sh), in front of the cluster.
struct SshFixture {
    QString dir; // keys, known_hosts, ssh_config (aliases pgdesk-target, pgdesk-bastion), sshd logs
    QString user;
    int targetPort = 0;
    int bastionPort = 0;
    int noforwardPort = 0; // AllowTcpForwarding no
    QString passphrase;    // of id_pass
};

const SshFixture& sshFixture();
// The cluster's superuser over TCP (127.0.0.1) through the target server, key id_plain, the fixture's
// ssh_config (its known_hosts); profile named `name`.
core::ConnectionProfile sshProfile(const QString& name,
                                   const QString& database = QStringLiteral("pgdesk_demo"));
// Marks this process's environment so that every ssh started from it can be counted, also once orphaned.
void tagSshProcesses();
// ssh processes (of any parent) carrying this process's tag.
int taggedSshProcesses();
// Waits up to `ms` for taggedSshProcesses() to reach zero; returns the last count.
int waitForNoTaggedSsh(int ms = 5000);

} // namespace pgdesk::test
