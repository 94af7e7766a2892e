// SPDX-License-Identifier: GPL-3.0-or-later
// pgdesk-cli through SSH tunnels of the `ssh` fixture: --ssh options over a DSN, a profile's SSH settings,
// the key passphrase from the keychain, exit code 3 naming the hop, and no ssh left after a crash.
#include "clirunner.h"
#include "sshfixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <csignal>
#include <unistd.h>

using namespace pgdesk::test;

namespace {

QString demoDsn() {
    return QStringLiteral("host=127.0.0.1 port=%1 user=%2 dbname=pgdesk_demo")
        .arg(cluster().port)
        .arg(cluster().user);
}

QStringList sshArgs(int port = 0, const QString& key = QStringLiteral("id_plain")) {
    const auto& f = sshFixture();
    return {QStringLiteral("--ssh"),
            QStringLiteral("%1@127.0.0.1:%2").arg(f.user).arg(port ? port : f.targetPort),
            QStringLiteral("--ssh-identity"),
            f.dir + QLatin1Char('/') + key,
            QStringLiteral("--ssh-no-agent"),
            QStringLiteral("--ssh-config"),
            f.dir + QStringLiteral("/ssh_config")};
}

// Without a controlling terminal (its own session), so nothing can be asked there.
CliRun runDetached(const QStringList& args, const QByteArray& input = {}) {
    QProcess p;
    p.setChildProcessModifier([] { ::setsid(); });
    p.start(binary(QStringLiteral("pgdesk-cli")), args);
    p.waitForStarted();
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000))
        p.kill();
    p.waitForFinished();
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TestCliSsh : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        tagSshProcesses();
        QVERIFY(sshFixture().targetPort > 0);
    }

    void dsnWithSshOptions() {
        const CliRun r = runDetached(
            QStringList{QStringLiteral("--dsn"), demoDsn()} + sshArgs() +
            QStringList{QStringLiteral("query"), QStringLiteral("select 'through the tunnel' as t")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QLatin1String("through the tunnel")));
    }

    void profileWithSshAndEveryCommand() {
        const auto& f = sshFixture();
        CliRun r =
            runDetached({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("tunnelled"),
                         QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                         QString::number(cluster().port), QStringLiteral("--user"), cluster().user,
                         QStringLiteral("--database"), QStringLiteral("pgdesk_demo"), QStringLiteral("--ssh"),
                         QStringLiteral("pgdesk-target"), QStringLiteral("--ssh-jump"),
                         QStringLiteral("pgdesk-bastion"), QStringLiteral("--ssh-no-agent"),
                         QStringLiteral("--ssh-config"), f.dir + QStringLiteral("/ssh_config")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runDetached({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("profiles"),
                         QStringLiteral("show"), QStringLiteral("tunnelled")});
        const QJsonObject ssh = parseObject(r).value(QStringLiteral("ssh")).toObject();
        QCOMPARE(ssh.value(QStringLiteral("host")).toString(), QStringLiteral("pgdesk-target"));
        QCOMPARE(ssh.value(QStringLiteral("jump_hosts")).toArray().size(), 1);

        const QStringList profile{QStringLiteral("--profile"), QStringLiteral("tunnelled")};
        r = runDetached(profile + QStringList{QStringLiteral("profiles"), QStringLiteral("test")});
        QVERIFY2(r.exitCode == 0 && r.out.startsWith(QLatin1String("ok: ")), qPrintable(r.err));
        r = runDetached(profile + QStringList{QStringLiteral("tables")});
        QVERIFY2(r.exitCode == 0 && r.out.contains(QLatin1String("users")), qPrintable(r.err));
        r = runDetached(profile + QStringList{QStringLiteral("browse"), QStringLiteral("users"),
                                              QStringLiteral("--last")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("users.csv"));
        r = runDetached(profile + QStringList{QStringLiteral("export"), QStringLiteral("users"),
                                              QStringLiteral("-o"), file});
        QVERIFY2(r.exitCode == 0 && QFile::exists(file), qPrintable(r.err));
        r = runDetached(profile + QStringList{QStringLiteral("describe"), QStringLiteral("users")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void passphraseFromTheKeychain() {
        const auto& f = sshFixture();
        CliRun r = runDetached(QStringList{QStringLiteral("--dsn"), demoDsn(), QStringLiteral("profiles"),
                                           QStringLiteral("add"), QStringLiteral("withpassphrase")} +
                               sshArgs(0, QStringLiteral("id_pass")));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList query{QStringLiteral("--profile"), QStringLiteral("withpassphrase"),
                                QStringLiteral("query"), QStringLiteral("select 1")};
        // No secret yet and no terminal: the passphrase is cancelled, ssh's authentication fails (exit 3).
        r = runDetached(query);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QLatin1String("SSH authentication failed")), qPrintable(r.err));
        r = runDetached(
            {QStringLiteral("profiles"), QStringLiteral("set-ssh-secret"), QStringLiteral("withpassphrase")},
            f.passphrase.toUtf8() + '\n');
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runDetached(query);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void exitCodeThreeNamesTheHop_data() {
        QTest::addColumn<QStringList>("ssh");
        QTest::addColumn<QString>("words");
        QTest::newRow("unreachable") << sshArgs(1) << "SSH host unreachable";
        QTest::newRow("authentication")
            << sshArgs(0, QStringLiteral("other_host_key")) << "SSH authentication failed";
        QTest::newRow("forwarding") << sshArgs(sshFixture().noforwardPort) << "SSH forwarding refused";
    }
    void exitCodeThreeNamesTheHop() {
        QFETCH(QStringList, ssh);
        QFETCH(QString, words);
        const CliRun r = runDetached(QStringList{QStringLiteral("--dsn"), demoDsn()} + ssh +
                                     QStringList{QStringLiteral("query"), QStringLiteral("select 1")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(words), qPrintable(r.err));
    }

    void unknownHostKeyRefusedWithoutTerminal() {
        QTemporaryDir dir;
        QFile config(dir.filePath(QStringLiteral("ssh_config")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("Host *\n  UserKnownHostsFile " + dir.filePath(QStringLiteral("known_hosts")).toUtf8() +
                     "\n  GlobalKnownHostsFile /dev/null\n");
        config.close();
        QStringList ssh = sshArgs();
        ssh[ssh.indexOf(QStringLiteral("--ssh-config")) + 1] = config.fileName();
        const CliRun r = runDetached(QStringList{QStringLiteral("--dsn"), demoDsn()} + ssh +
                                     QStringList{QStringLiteral("query"), QStringLiteral("select 1")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QLatin1String("SSH host key not accepted")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("SHA256:")), qPrintable(r.err)); // the fingerprint was shown
    }

    void postgresErrorAfterTheTunnel() {
        const CliRun r = runDetached(
            QStringList{QStringLiteral("--dsn"),
                        QStringLiteral("host=127.0.0.1 port=%1 user=pgdesk_nobody dbname=pgdesk_demo")
                            .arg(cluster().port)} +
            sshArgs() + QStringList{QStringLiteral("query"), QStringLiteral("select 1")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(!r.err.contains(QLatin1String("SSH")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("28000")), qPrintable(r.err)); // PostgreSQL refused, not ssh
    }

    // A quote and a line break in the SSH config path would end `Include "…"` in the generated ssh_config and
    // add a ProxyCommand of their own: refused (exit 2) before any ssh runs, from the command line and from
    // an imported profile (trusted, even), and the would-be ProxyCommand never runs.
    void sshConfigInjectionIsRefused() {
        QTemporaryDir dir;
        const QString marker = dir.filePath(QStringLiteral("proxycommand-ran"));
        const QString hostile = dir.filePath(QStringLiteral("x")) +
                                QStringLiteral("\"\nProxyCommand touch ") + marker + QStringLiteral(" #");
        QStringList ssh = sshArgs();
        ssh[ssh.indexOf(QStringLiteral("--ssh-config")) + 1] = hostile;
        CliRun r = runDetached(QStringList{QStringLiteral("--dsn"), demoDsn()} + ssh +
                               QStringList{QStringLiteral("query"), QStringLiteral("select 1")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("SSH config file")), qPrintable(r.err));
        QTest::qWait(500);
        QVERIFY(!QFile::exists(marker));

        const auto& f = sshFixture();
        const QJsonObject profile{
            {QStringLiteral("name"), QStringLiteral("injected")},
            {QStringLiteral("host"), QStringLiteral("127.0.0.1")},
            {QStringLiteral("port"), cluster().port},
            {QStringLiteral("database"), QStringLiteral("pgdesk_demo")},
            {QStringLiteral("user"), cluster().user},
            {QStringLiteral("ssh"), QJsonObject{{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                                                {QStringLiteral("port"), f.targetPort},
                                                {QStringLiteral("user"), f.user},
                                                {QStringLiteral("use_agent"), false},
                                                {QStringLiteral("config_file"), hostile}}}};
        QFile file(dir.filePath(QStringLiteral("profiles.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(QJsonObject{{QStringLiteral("format"), QStringLiteral("pgdesk-profiles")},
                                             {QStringLiteral("version"), 1},
                                             {QStringLiteral("profiles"), QJsonArray{profile}}})
                       .toJson());
        file.close();
        r = runDetached({QStringLiteral("profiles"), QStringLiteral("import"), file.fileName(),
                         QStringLiteral("--trust-commands")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("SSH config file")), qPrintable(r.err));
        r = runDetached({QStringLiteral("--profile"), QStringLiteral("injected"), QStringLiteral("query"),
                         QStringLiteral("select 1")});
        QVERIFY(r.exitCode != 0);
        QTest::qWait(500);
        QVERIFY(!QFile::exists(marker));
    }

    // The app killed (SIGKILL, no cleanup of its own) while its tunnel is up: ssh goes with it.
    void noOrphanAfterCrash() {
        QProcess cli;
        cli.setChildProcessModifier([] { ::setsid(); });
        cli.start(binary(QStringLiteral("pgdesk-cli")),
                  QStringList{QStringLiteral("--dsn"), demoDsn()} + sshArgs() +
                      QStringList{QStringLiteral("query"), QStringLiteral("select pg_sleep(60)")});
        QVERIFY(cli.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(
            psqlValue(QStringLiteral("select count(*) from pg_stat_activity where query = "
                                     "'select pg_sleep(60)'")) == QLatin1String("1"),
            20000);
        QCOMPARE(taggedSshProcesses(), 1);
        ::kill(pid_t(cli.processId()), SIGKILL);
        cli.waitForFinished();
        QCOMPARE(waitForNoTaggedSsh(), 0);
    }

    void noSshProcessLeft() { QCOMPARE(waitForNoTaggedSsh(), 0); }
};

QTEST_GUILESS_MAIN(TestCliSsh)
#include "tst_cli_ssh.moc"
