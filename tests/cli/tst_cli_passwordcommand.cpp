// SPDX-License-Identifier: GPL-3.0-or-later
// profiles add --password-command / --gss, and a profile whose command prints the token the server accepts.
#include "clirunner.h"
#include "programs.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <csignal>

using namespace pgdesk::test;

namespace {
const QString kRole = QStringLiteral("pgdesk_cli_pwcmd_test");
const QString kToken = QStringLiteral("cli-token-8d1f2b");
} // namespace

class TestCliPasswordCommand final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    CliRun add(const QString& name, const QStringList& options) {
        return runCli(QStringList{QStringLiteral("profiles"), QStringLiteral("add"), name,
                                  QStringLiteral("--host"), cluster().host, QStringLiteral("--port"),
                                  QString::number(cluster().port), QStringLiteral("--database"),
                                  QStringLiteral("postgres"), QStringLiteral("--user"), kRole} +
                      options);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        psql(QStringLiteral("drop role if exists %1; set password_encryption = 'scram-sha-256'; "
                            "create role %1 login password '%2'")
                 .arg(kRole, kToken),
             QStringLiteral("postgres"));
    }
    void cleanupTestCase() {
        psql(QStringLiteral("drop role if exists %1").arg(kRole), QStringLiteral("postgres"));
    }

    void theCommandsTokenLogsIn() {
        const QString runs = m_dir.filePath(QStringLiteral("runs"));
        auto r =
            add(QStringLiteral("token"), {QStringLiteral("--password-command"),
                                          QStringLiteral("echo run >> '%1'; echo %2").arg(runs, kToken),
                                          QStringLiteral("--password-command-timeout"), QStringLiteral("5")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runCli({QStringLiteral("--profile"), QStringLiteral("token"), QStringLiteral("query"),
                    QStringLiteral("select current_user"), QStringLiteral("--format"),
                    QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(kRole), qPrintable(r.out));
        QFile f(runs);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("run\n"));

        r = runCli({QStringLiteral("profiles"), QStringLiteral("show"), QStringLiteral("token"),
                    QStringLiteral("--format"), QStringLiteral("json")});
        const QJsonObject o = parseObject(r);
        QVERIFY(o[QStringLiteral("password_command")].toString().contains(QLatin1String("echo run")));
        QCOMPARE(o[QStringLiteral("password_command_timeout")].toInt(), 5);
        QVERIFY(!o[QStringLiteral("has_password")].toBool());
    }

    void aFailingCommandIsAConfigurationError() {
        // Its messages may hold the secret (a half-written token, a debug dump): never shown.
        auto r = add(QStringLiteral("broken"),
                     {QStringLiteral("--password-command"),
                      QStringLiteral("echo 'token expired; debug: secret=S3cr3t-f4k3' >&2; exit 3")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runCli({QStringLiteral("--profile"), QStringLiteral("broken"), QStringLiteral("query"),
                    QStringLiteral("select 1")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("The password command failed (exit 3)")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("run it yourself")), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QLatin1String("S3cr3t-f4k3")) &&
                     !r.out.contains(QLatin1String("S3cr3t-f4k3")),
                 qPrintable(r.err));
    }

    void endlessOutputFailsFastInLittleMemory() {
        auto r =
            add(QStringLiteral("endless"), {QStringLiteral("--password-command"), QStringLiteral("yes")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // /usr/bin/time -v reports the CLI's peak resident size ("Maximum resident set size (kbytes): N").
        QProcess p;
        QElapsedTimer timer;
        timer.start();
        p.start(pgdesk::test::requireProgram(QStringLiteral("time"), "time"),
                {QStringLiteral("-v"), binary(QStringLiteral("pgdesk-cli")), QStringLiteral("--profile"),
                 QStringLiteral("endless"), QStringLiteral("query"), QStringLiteral("select 1")});
        QVERIFY(p.waitForFinished(60000));
        const qint64 ms = timer.elapsed();
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitCode(), 2);
        QVERIFY2(err.contains(QLatin1String("printed more than 64 KiB")), qPrintable(err.left(2000)));
        QVERIFY2(ms < 8000, qPrintable(QString::number(ms)));
        const QRegularExpression maxRss(QStringLiteral("Maximum resident set size \\(kbytes\\): (\\d+)"));
        const auto m = maxRss.match(err);
        QVERIFY2(m.hasMatch(), qPrintable(err.left(2000)));
        const qint64 peakKiB = m.captured(1).toLongLong();
        // Measured against the same binary doing nothing (a sanitizer build starts near 190 MiB): `yes`
        // prints hundreds of MB in that time, the 64 KiB cap keeps the difference small.
        QProcess idle;
        idle.start(pgdesk::test::requireProgram(QStringLiteral("time"), "time"),
                   {QStringLiteral("-v"), binary(QStringLiteral("pgdesk-cli")), QStringLiteral("--version")});
        QVERIFY(idle.waitForFinished(60000));
        const auto base = maxRss.match(QString::fromUtf8(idle.readAllStandardError()));
        QVERIFY(base.hasMatch());
        const qint64 idleKiB = base.captured(1).toLongLong();
        qInfo() << "peak RSS of pgdesk-cli with an endless password command:" << peakKiB << "KiB in" << ms
                << "ms; doing nothing:" << idleKiB << "KiB";
        QVERIFY2(peakKiB - idleKiB < 48 * 1024,
                 qPrintable(QStringLiteral("%1 KiB, idle %2 KiB").arg(peakKiB).arg(idleKiB)));
    }

    void aSlowPrinterIsKilledAtTheTimeout() {
        const QString pidFile = m_dir.filePath(QStringLiteral("slowpid"));
        auto r = add(QStringLiteral("slow"),
                     {QStringLiteral("--password-command"),
                      QStringLiteral("echo $$ > '%1'; while :; do echo part; sleep 0.3; done").arg(pidFile),
                      QStringLiteral("--password-command-timeout"), QStringLiteral("2")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QElapsedTimer timer;
        timer.start();
        r = runCli({QStringLiteral("--profile"), QStringLiteral("slow"), QStringLiteral("query"),
                    QStringLiteral("select 1")});
        const qint64 ms = timer.elapsed();
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("The password command timed out after 2 s")),
                 qPrintable(r.err));
        QVERIFY2(ms < 5000, qPrintable(QString::number(ms)));
        QFile f(pidFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const pid_t pid = pid_t(f.readAll().trimmed().toInt());
        QVERIFY(pid > 0);
        QTRY_VERIFY_WITH_TIMEOUT(::kill(pid, 0) != 0, 3000); // the shell is gone, not left printing
    }

    void aWrongTokenIsTheServersRefusal() {
        auto r =
            add(QStringLiteral("wrong"), {QStringLiteral("--password-command"), QStringLiteral("echo nope")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runCli({QStringLiteral("--profile"), QStringLiteral("wrong"), QStringLiteral("query"),
                    QStringLiteral("select 1")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QLatin1String("28P01")), qPrintable(r.err));
        QVERIFY(!r.err.contains(QLatin1String("nope")));
    }

    void kerberosSettingsAreSaved() {
        auto r = add(QStringLiteral("corp"),
                     {QStringLiteral("--gss"), QStringLiteral("--gssencmode"), QStringLiteral("prefer"),
                      QStringLiteral("--krbsrvname"), QStringLiteral("pgsvc")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runCli({QStringLiteral("profiles"), QStringLiteral("show"), QStringLiteral("corp"),
                    QStringLiteral("--format"), QStringLiteral("json")});
        const QJsonObject o = parseObject(r);
        QCOMPARE(o[QStringLiteral("authentication")].toString(), QStringLiteral("kerberos"));
        QCOMPARE(o[QStringLiteral("gssencmode")].toString(), QStringLiteral("prefer"));
        QCOMPARE(o[QStringLiteral("krbsrvname")].toString(), QStringLiteral("pgsvc"));

        r = add(QStringLiteral("both"),
                {QStringLiteral("--gss"), QStringLiteral("--password-command"), QStringLiteral("echo x")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("exclude each other")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliPasswordCommand)
#include "tst_cli_passwordcommand.moc"
