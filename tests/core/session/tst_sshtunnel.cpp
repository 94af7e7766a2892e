// SPDX-License-Identifier: GPL-3.0-or-later
#include "programs.h"
#include "sshfixture.h"
#include "testcluster.h"

#include <pgdesk/core/admin/dumprunner.h>
#include <pgdesk/core/admin/dumptool.h>
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/profiles/secretstore.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/session/result.h>
#include <pgdesk/core/session/sshtunnel.h>

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <mutex>

using namespace pgdesk::core;
using pgdesk::test::sshFixture;
using pgdesk::test::sshProfile;

namespace {

// Records what was asked and answers as told.
struct Prompts {
    std::mutex mutex;
    QList<SshPrompt> asked;
    SshAnswer answer;

    void install() {
        SshTunnel::setPrompter([this](const SshPrompt& prompt) {
            std::lock_guard lock(mutex);
            asked << prompt;
            return answer;
        });
    }
};

QString readOne(Connection& c, const QString& sql) {
    return c.exec(sql).text(0, 0);
}

// The SshError a connect throws (fails the test when it connects or throws something else).
ErrorInfo notSsh(const QString& message) {
    ErrorInfo info;
    info.message = message;
    return info;
}

ErrorInfo sshFailure(const ConnectionProfile& profile) {
    try {
        Connection::open(profile);
    } catch (const SshError& e) {
        return e.info();
    } catch (const Error& e) {
        return notSsh(QStringLiteral("not an SshError: ") + e.displayText());
    }
    return notSsh(QStringLiteral("connected"));
}

QString fingerprint(const QString& publicKey) {
    QProcess p;
    p.start(pgdesk::test::requireProgram(QStringLiteral("ssh-keygen"), "openssh-client"),
            {QStringLiteral("-lf"), publicKey});
    p.waitForFinished();
    return QString::fromUtf8(p.readAllStandardOutput()).section(QLatin1Char(' '), 1, 1);
}

int acceptedLogins(const QString& server) {
    QFile log(sshFixture().dir + QLatin1Char('/') + server + QStringLiteral(".log"));
    log.open(QIODevice::ReadOnly);
    return int(log.readAll().count("Accepted publickey"));
}

// An ssh_config of the test's own: the fixture's aliases with a known_hosts file of its own.
QString ownConfig(const QTemporaryDir& dir, const QByteArray& knownHosts) {
    QFile known(dir.filePath(QStringLiteral("known_hosts")));
    known.open(QIODevice::WriteOnly);
    known.write(knownHosts);
    QFile config(dir.filePath(QStringLiteral("ssh_config")));
    config.open(QIODevice::WriteOnly);
    config.write("Host *\n  UserKnownHostsFile " + known.fileName().toUtf8() +
                 "\n  GlobalKnownHostsFile /dev/null\n");
    return config.fileName();
}

} // namespace

class TestSshTunnel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        pgdesk::test::tagSshProcesses();
        QVERIFY(sshFixture().targetPort > 0);
    }
    void cleanup() { SshTunnel::setPrompter({}); }

    void keyAuthentication() {
        const auto profile = sshProfile(QStringLiteral("ssh-key"));
        const int before = acceptedLogins(QStringLiteral("target"));
        auto c = Connection::open(profile);
        QCOMPARE(readOne(c, QStringLiteral("SELECT 40 + 2")), QStringLiteral("42"));
        QCOMPARE(c.profile().host, QStringLiteral("127.0.0.1")); // the profile as configured
        QCOMPARE(c.profile().ssh, profile.ssh);
        QCOMPARE(acceptedLogins(QStringLiteral("target")), before + 1); // it went through sshd
        const auto status = SshTunnel::forProfile(profile)->status();
        QCOMPARE(status.state, SshTunnelState::Up);
        QVERIFY(status.pid > 0);
        QVERIFY(status.localPort > 0);
        // A second connection of the same profile shares the tunnel: no new SSH login.
        auto second = Connection::open(profile);
        QCOMPARE(readOne(second, QStringLiteral("SELECT 1")), QStringLiteral("1"));
        QCOMPARE(acceptedLogins(QStringLiteral("target")), before + 1);
    }

    void passphraseThroughAskpass() {
        auto profile = sshProfile(QStringLiteral("ssh-passphrase"));
        profile.ssh.identityFile = sshFixture().dir + QStringLiteral("/id_pass");
        Prompts prompts;
        prompts.answer.secret = sshFixture().passphrase;
        prompts.install();
        auto c = Connection::open(profile);
        QCOMPARE(readOne(c, QStringLiteral("SELECT 'through'")), QStringLiteral("through"));
        QCOMPARE(prompts.asked.size(), 1);
        QCOMPARE(prompts.asked.first().kind, SshPrompt::Kind::Secret);
        QVERIFY2(prompts.asked.first().text.contains(QLatin1String("id_pass")),
                 qPrintable(prompts.asked.first().text));
        QCOMPARE(prompts.asked.first().profileName, QStringLiteral("ssh-passphrase"));
    }

    void passphraseFromKeychain() {
        auto profile = sshProfile(QStringLiteral("ssh-keychain"));
        profile.ssh.identityFile = sshFixture().dir + QStringLiteral("/id_pass");
        SecretStore::instance().setPassword(sshSecretName(profile.name), sshFixture().passphrase, false);
        Prompts prompts; // must not be asked
        prompts.install();
        auto c = Connection::open(profile);
        QCOMPARE(readOne(c, QStringLiteral("SELECT 2")), QStringLiteral("2"));
        QVERIFY(prompts.asked.isEmpty());
        SecretStore::instance().removePassword(sshSecretName(profile.name));
    }

    void wrongPassphraseIsAuthentication() {
        auto profile = sshProfile(QStringLiteral("ssh-wrong-passphrase"));
        profile.ssh.identityFile = sshFixture().dir + QStringLiteral("/id_pass");
        Prompts prompts;
        prompts.answer.secret = QStringLiteral("not the passphrase");
        prompts.install();
        const ErrorInfo info = sshFailure(profile);
        QCOMPARE(info.field, QLatin1String(kSshAuthentication));
        QVERIFY2(info.message.startsWith(QLatin1String("SSH authentication failed")),
                 qPrintable(info.message));
        QVERIFY(prompts.asked.size() >= 1);
    }

    void agentAuthentication() {
        QTemporaryDir dir;
        const QString socket = dir.filePath(QStringLiteral("agent.sock"));
        QProcess agent;
        agent.start(pgdesk::test::requireProgram(QStringLiteral("ssh-agent"), "openssh-client"),
                    {QStringLiteral("-D"), QStringLiteral("-a"), socket});
        QVERIFY(agent.waitForStarted());
        for (int i = 0; i < 50 && !QFile::exists(socket); ++i)
            QTest::qWait(50);
        QProcess add;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SSH_AUTH_SOCK"), socket);
        add.setProcessEnvironment(env);
        add.start(pgdesk::test::requireProgram(QStringLiteral("ssh-add"), "openssh-client"),
                  {sshFixture().dir + QStringLiteral("/id_agent")});
        QVERIFY(add.waitForFinished() && add.exitCode() == 0);
        const QByteArray previous = qgetenv("SSH_AUTH_SOCK");
        qputenv("SSH_AUTH_SOCK", socket.toUtf8());

        auto profile = sshProfile(QStringLiteral("ssh-agent"));
        profile.ssh.identityFile.clear();
        profile.ssh.useAgent = true;
        profile.ssh.identityFile = QStringLiteral("/dev/null/none"); // no key file: only the agent's
        {
            auto c = Connection::open(profile);
            QCOMPARE(readOne(c, QStringLiteral("SELECT 3")), QStringLiteral("3"));
        }
        profile.name = QStringLiteral("ssh-no-agent");
        profile.ssh.useAgent = false;
        QCOMPARE(sshFailure(profile).field, QLatin1String(kSshAuthentication));

        qputenv("SSH_AUTH_SOCK", previous);
        agent.terminate();
        agent.waitForFinished();
    }

    void aliasFromConfig() {
        ConnectionProfile profile = sshProfile(QStringLiteral("ssh-alias"));
        profile.ssh = {};
        profile.ssh.host = QStringLiteral("pgdesk-target"); // port, user and key come from ssh_config
        profile.ssh.useAgent = false;
        profile.ssh.configFile = sshFixture().dir + QStringLiteral("/ssh_config");
        auto c = Connection::open(profile);
        QCOMPARE(readOne(c, QStringLiteral("SELECT 4")), QStringLiteral("4"));
    }

    void twoHopProxyJump() {
        ConnectionProfile profile = sshProfile(QStringLiteral("ssh-jump"));
        profile.ssh = {};
        profile.ssh.host = QStringLiteral("pgdesk-target");
        profile.ssh.jumpHosts = {QStringLiteral("pgdesk-bastion"), QStringLiteral("pgdesk-bastion")};
        profile.ssh.useAgent = false;
        profile.ssh.configFile = sshFixture().dir + QStringLiteral("/ssh_config");
        const int bastion = acceptedLogins(QStringLiteral("bastion"));
        const int target = acceptedLogins(QStringLiteral("target"));
        auto c = Connection::open(profile);
        QCOMPARE(readOne(c, QStringLiteral("SELECT 5")), QStringLiteral("5"));
        QCOMPARE(acceptedLogins(QStringLiteral("bastion")), bastion + 2); // both hops
        QCOMPARE(acceptedLogins(QStringLiteral("target")), target + 1);
    }

    void unknownHostKeyShownAndRefused() {
        QTemporaryDir dir;
        auto profile = sshProfile(QStringLiteral("ssh-unknown-key"));
        profile.ssh.configFile = ownConfig(dir, {});
        Prompts prompts;
        prompts.answer.hostKey = SshAnswer::HostKey::Refuse;
        prompts.install();
        const ErrorInfo info = sshFailure(profile);
        QCOMPARE(info.field, QLatin1String(kSshHostKeyRefused));
        QVERIFY2(info.message.startsWith(QLatin1String("SSH host key not accepted")),
                 qPrintable(info.message));
        QCOMPARE(prompts.asked.size(), 1);
        QCOMPARE(prompts.asked.first().kind, SshPrompt::Kind::HostKey);
        const QString expected = fingerprint(sshFixture().dir + QStringLiteral("/target_host_key.pub"));
        QVERIFY(!expected.isEmpty());
        QVERIFY2(prompts.asked.first().text.contains(expected), qPrintable(prompts.asked.first().text));

        // Accept once: connects, known_hosts stays as it was.
        profile.name = QStringLiteral("ssh-unknown-once");
        prompts.answer.hostKey = SshAnswer::HostKey::AcceptOnce;
        {
            auto c = Connection::open(profile);
            QCOMPARE(readOne(c, QStringLiteral("SELECT 6")), QStringLiteral("6"));
        }
        QFile known(dir.filePath(QStringLiteral("known_hosts")));
        QVERIFY(known.open(QIODevice::ReadOnly));
        QVERIFY(known.readAll().isEmpty());
        known.close();

        // Accept always: into known_hosts, and a strict profile then connects without a question.
        profile.name = QStringLiteral("ssh-unknown-always");
        prompts.answer.hostKey = SshAnswer::HostKey::AcceptAlways;
        Connection::open(profile);
        QVERIFY(known.open(QIODevice::ReadOnly));
        QVERIFY(!known.readAll().isEmpty());
        profile.name = QStringLiteral("ssh-unknown-strict");
        profile.ssh.hostKeyPolicy = SshHostKeyPolicy::Strict;
        const auto asked = prompts.asked.size();
        Connection::open(profile);
        QCOMPARE(prompts.asked.size(), asked);
    }

    void strictRefusesUnknownWithoutAsking() {
        QTemporaryDir dir;
        auto profile = sshProfile(QStringLiteral("ssh-strict"));
        profile.ssh.configFile = ownConfig(dir, {});
        profile.ssh.hostKeyPolicy = SshHostKeyPolicy::Strict;
        Prompts prompts;
        prompts.answer.hostKey = SshAnswer::HostKey::AcceptAlways; // would accept if asked
        prompts.install();
        QCOMPARE(sshFailure(profile).field, QLatin1String(kSshHostKeyRefused));
        QVERIFY(prompts.asked.isEmpty());
    }

    void changedHostKeyRefused() {
        QTemporaryDir dir;
        QFile other(sshFixture().dir + QStringLiteral("/other_host_key.pub"));
        QVERIFY(other.open(QIODevice::ReadOnly));
        const QByteArray line = "[127.0.0.1]:" + QByteArray::number(sshFixture().targetPort) + ' ' +
                                other.readAll().split(' ').mid(0, 2).join(' ') + '\n';
        auto profile = sshProfile(QStringLiteral("ssh-changed-key"));
        profile.ssh.configFile = ownConfig(dir, line);
        Prompts prompts;
        prompts.answer.hostKey = SshAnswer::HostKey::AcceptAlways; // never asked: a changed key is refused
        prompts.install();
        const ErrorInfo info = sshFailure(profile);
        QCOMPARE(info.field, QLatin1String(kSshHostKeyChanged));
        QVERIFY2(info.message.startsWith(QLatin1String("SSH host key changed")), qPrintable(info.message));
        QVERIFY(info.message.contains(QString::number(sshFixture().targetPort)));
        QVERIFY(prompts.asked.isEmpty());
    }

    void unreachableHost() {
        auto profile = sshProfile(QStringLiteral("ssh-unreachable"));
        profile.ssh.port = 1; // nothing listens there
        const ErrorInfo info = sshFailure(profile);
        QCOMPARE(info.field, QLatin1String(kSshUnreachable));
        QVERIFY2(info.message.startsWith(QLatin1String("SSH host unreachable")), qPrintable(info.message));
    }

    void unreachableNextHopBehindJump() {
        ConnectionProfile profile = sshProfile(QStringLiteral("ssh-jump-unreachable"));
        profile.ssh.port = 1;
        profile.ssh.jumpHosts = {QStringLiteral("pgdesk-bastion")};
        QCOMPARE(sshFailure(profile).field, QLatin1String(kSshUnreachable));
    }

    void authenticationRefused() {
        auto profile = sshProfile(QStringLiteral("ssh-bad-key"));
        profile.ssh.identityFile = sshFixture().dir + QStringLiteral("/other_host_key"); // not authorized
        const ErrorInfo info = sshFailure(profile);
        QCOMPARE(info.field, QLatin1String(kSshAuthentication));
        QVERIFY2(info.message.startsWith(QLatin1String("SSH authentication failed")),
                 qPrintable(info.message));
    }

    void forwardingRefused() {
        auto profile = sshProfile(QStringLiteral("ssh-noforward"));
        profile.ssh.port = sshFixture().noforwardPort;
        const ErrorInfo info = sshFailure(profile);
        QCOMPARE(info.field, QLatin1String(kSshForwarding));
        QVERIFY2(info.message.startsWith(QLatin1String("SSH forwarding refused")), qPrintable(info.message));
    }

    void postgresErrorsComeAfterTheTunnel() {
        auto profile = sshProfile(QStringLiteral("ssh-nodb"), QStringLiteral("pgdesk_no_such_database"));
        try {
            Connection::open(profile);
            QFAIL("connected to a missing database");
        } catch (const SshError& e) {
            QFAIL(qPrintable(e.displayText()));
        } catch (const Error& e) {
            QVERIFY2(e.message().contains(QLatin1String("pgdesk_no_such_database")),
                     qPrintable(e.displayText()));
        }
    }

    void tunnelKilledMidSessionReconnects() {
        auto profile = sshProfile(QStringLiteral("ssh-killed"));
        auto pool = Pool::create(profile);
        QVERIFY(pool->tunnel());
        QCOMPARE(pool->tunnel()->status().state, SshTunnelState::Stopped);
        {
            auto c = pool->acquire();
            QCOMPARE(readOne(*c, QStringLiteral("SELECT 7")), QStringLiteral("7"));
        }
        const auto up = pool->tunnel()->status();
        QCOMPARE(up.state, SshTunnelState::Up);
        QCOMPARE(::kill(pid_t(up.pid), SIGKILL), 0);
        QTRY_COMPARE(pool->tunnel()->status().state, SshTunnelState::Down);
        {
            auto c = pool->acquire(); // the idle connection, its tunnel gone
            bool lost = false;
            try {
                c->exec(QStringLiteral("SELECT 8"));
            } catch (const ConnectionError&) {
                lost = true;
                c.invalidate();
            }
            QVERIFY(lost);
        }
        // Reconnect: the session's pool drops its connections and the next checkout restarts the tunnel.
        pool->dispose();
        {
            auto c = pool->acquire();
            QCOMPARE(readOne(*c, QStringLiteral("SELECT 9")), QStringLiteral("9"));
        }
        const auto restarted = pool->tunnel()->status();
        QCOMPARE(restarted.state, SshTunnelState::Up);
        QCOMPARE(restarted.restarts, 1);
        QVERIFY(restarted.pid != up.pid);
    }

    void stoppedWithTheSession() {
        auto profile = sshProfile(QStringLiteral("ssh-stop"));
        qint64 pid = 0;
        {
            auto pool = Pool::create(profile);
            auto c = pool->acquire();
            pid = pool->tunnel()->status().pid;
            QVERIFY(pid > 0);
            QVERIFY(::kill(pid_t(pid), 0) == 0);
        }
        // Pool and connection gone: so is ssh (reaped, not a zombie).
        QVERIFY(::kill(pid_t(pid), 0) != 0);
    }

    // pg_dump reaches a server behind SSH through the session's tunnel: its PG* variables name the local
    // end, and the runner keeps the tunnel while it runs.
    void backupThroughTheTunnel() {
        auto profile = sshProfile(QStringLiteral("ssh-backup"));
        auto pool = Pool::create(profile);
        pool->acquire(); // the session is open: its tunnel is up
        const int localPort = pool->tunnel()->status().localPort;
        QVERIFY(localPort > 0 && localPort != pgdesk::test::cluster().port);
        QTemporaryDir dir;
        BackupOptions options;
        options.tables = {{QStringLiteral("public"), QStringLiteral("customer")}};
        DumpCommand command = backupCommand(findDumpProgram(QStringLiteral("pg_dump"), 0), profile, options,
                                            dir.filePath(QStringLiteral("customer.dump")));
        const auto variable = [&](const char* name) {
            for (const auto& [key, value] : std::as_const(command.environment))
                if (key == QLatin1String(name))
                    return value;
            return QString();
        };
        QCOMPARE(variable("PGPORT"), QString::number(pgdesk::test::cluster().port)); // as seen from the hop
        routeThroughTunnel(command, profile);
        QCOMPARE(command.tunnel, pool->tunnel());
        QCOMPARE(variable("PGPORT"), QString::number(localPort));
        QCOMPARE(variable("PGHOSTADDR"), QStringLiteral("127.0.0.1"));
        QCOMPARE(variable("PGDATABASE"), profile.database);
        DumpRunner runner;
        QSignalSpy finished(&runner, &DumpRunner::finished);
        runner.start(command, std::nullopt, 1);
        QVERIFY(finished.wait(60000));
        QVERIFY2(runner.state() == DumpRunner::State::Succeeded, qPrintable(runner.errorText()));
        QVERIFY(QFileInfo(dir.filePath(QStringLiteral("customer.dump"))).size() > 0);

        // Without SSH nothing changes.
        DumpCommand direct =
            backupCommand(findDumpProgram(QStringLiteral("pg_dump"), 0), pgdesk::test::profile(), options,
                          dir.filePath(QStringLiteral("d")));
        const auto before = direct.environment;
        routeThroughTunnel(direct, pgdesk::test::profile());
        QCOMPARE(direct.environment, before);
        QVERIFY(!direct.tunnel);
    }

    void noSshProcessLeft() { QCOMPARE(pgdesk::test::waitForNoTaggedSsh(), 0); }
};

QTEST_GUILESS_MAIN(TestSshTunnel)
#include "tst_sshtunnel.moc"
