// SPDX-License-Identifier: GPL-3.0-or-later
#include "sshfixture.h"
#include "testcluster.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <QThread>
#include <QUuid>

namespace pgdesk::test {

namespace {

QByteArray tagEntry() {
    return "PGDESK_TEST_SSH_TAG=" + qgetenv("PGDESK_TEST_SSH_TAG");
}

} // namespace

const SshFixture& sshFixture() {
    static const SshFixture fixture = [] {
        SshFixture f;
        QFile state(qEnvironmentVariable("PGDESK_TEST_SSH_STATE"));
        if (!state.open(QIODevice::ReadOnly))
            qFatal("the ssh fixture is not running (PGDESK_TEST_SSH_STATE=%s)", qPrintable(state.fileName()));
        f.dir = QString::fromUtf8(state.readAll()).trimmed();
        QFile env(f.dir + QStringLiteral("/env"));
        if (!env.open(QIODevice::ReadOnly))
            qFatal("the ssh fixture's env file is missing in %s", qPrintable(f.dir));
        for (const QByteArray& line : env.readAll().split('\n')) {
            const int eq = line.indexOf('=');
            if (eq < 0)
                continue;
            const QByteArray key = line.left(eq);
            const QString value = QString::fromUtf8(line.mid(eq + 1));
            if (key == "PGDESK_SSH_USER")
                f.user = value;
            else if (key == "PGDESK_SSH_TARGET_PORT")
                f.targetPort = value.toInt();
            else if (key == "PGDESK_SSH_BASTION_PORT")
                f.bastionPort = value.toInt();
            else if (key == "PGDESK_SSH_NOFORWARD_PORT")
                f.noforwardPort = value.toInt();
            else if (key == "PGDESK_SSH_PASSPHRASE")
                f.passphrase = value;
        }
        return f;
    }();
    return fixture;
}

core::ConnectionProfile sshProfile(const QString& name, const QString& database) {
    const auto& f = sshFixture();
    core::ConnectionProfile p;
    p.name = name;
    p.host = QStringLiteral("127.0.0.1");
    p.port = cluster().port;
    p.user = cluster().user;
    p.database = database;
    p.ssh.host = QStringLiteral("127.0.0.1");
    p.ssh.port = f.targetPort;
    p.ssh.user = f.user;
    p.ssh.identityFile = f.dir + QStringLiteral("/id_plain");
    p.ssh.useAgent = false;
    p.ssh.configFile = f.dir + QStringLiteral("/ssh_config");
    return p;
}

void tagSshProcesses() {
    if (qEnvironmentVariableIsEmpty("PGDESK_TEST_SSH_TAG"))
        qputenv("PGDESK_TEST_SSH_TAG", QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
}

int taggedSshProcesses() {
    const QByteArray tag = tagEntry();
    int count = 0;
    const auto pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& pid : pids) {
        bool numeric = false;
        pid.toInt(&numeric);
        if (!numeric)
            continue;
        QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
        if (!comm.open(QIODevice::ReadOnly) || comm.readAll().trimmed() != "ssh")
            continue;
        QFile environ(QStringLiteral("/proc/%1/environ").arg(pid));
        if (environ.open(QIODevice::ReadOnly) && environ.readAll().split('\0').contains(tag))
            ++count;
    }
    return count;
}

int waitForNoTaggedSsh(int ms) {
    int count = taggedSshProcesses();
    for (int waited = 0; count > 0 && waited < ms; waited += 100) {
        QThread::msleep(100);
        count = taggedSshProcesses();
    }
    return count;
}

} // namespace pgdesk::test
