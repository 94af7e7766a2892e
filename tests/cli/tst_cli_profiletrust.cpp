// SPDX-License-Identifier: GPL-3.0-or-later
// Profiles files and the code they carry: an imported password command never runs before
// `profiles trust` (or `import --trust-commands`), exports leave commands out unless asked, and an import
// file, a profile name and a port are bounded with plain errors (exit 2).
#include "clirunner.h"
#include "filesearch.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace pgdesk::test;

class TestCliProfileTrust final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString writeFile(const QString& name, const QByteArray& bytes) {
        return pgdesk::test::writeFile(m_dir.filePath(name), bytes);
    }
    static QByteArray fileOf(const QJsonArray& profiles) {
        return QJsonDocument(QJsonObject{{QStringLiteral("format"), QStringLiteral("pgdesk-profiles")},
                                         {QStringLiteral("version"), 1},
                                         {QStringLiteral("profiles"), profiles}})
            .toJson();
    }
    static QJsonObject clusterProfile(const QString& name) {
        return {{QStringLiteral("name"), name},
                {QStringLiteral("host"), cluster().host},
                {QStringLiteral("port"), cluster().port},
                {QStringLiteral("database"), QStringLiteral("pgdesk_demo")},
                {QStringLiteral("user"), cluster().user}};
    }
    static CliRun query(const QString& profile) {
        return runCli(
            {QStringLiteral("--profile"), profile, QStringLiteral("query"), QStringLiteral("select 1")});
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void anImportedCommandRunsOnlyOnceTrusted() {
        const QString marker = m_dir.filePath(QStringLiteral("ran-imported"));
        const QString command = QStringLiteral("touch '%1'; echo any-password").arg(marker);
        QJsonObject p = clusterProfile(QStringLiteral("imported"));
        p[QStringLiteral("password_command")] = command;
        p[QStringLiteral("untrusted_commands")] = false; // a hostile file's say does not count
        const QString file = writeFile(QStringLiteral("imported.json"), fileOf({p}));
        CliRun r = runCli({QStringLiteral("profiles"), QStringLiteral("import"), file});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(command) && r.err.contains(QLatin1String("profiles trust")),
                 qPrintable(r.err));

        r = query(QStringLiteral("imported"));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(command), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("pgdesk-cli profiles trust imported")), qPrintable(r.err));
        QVERIFY(!QFile::exists(marker));
        r = runCli({QStringLiteral("profiles"), QStringLiteral("test"), QStringLiteral("imported")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!QFile::exists(marker));

        r = runCli({QStringLiteral("profiles"), QStringLiteral("show"), QStringLiteral("imported"),
                    QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY(parseObject(r)[QStringLiteral("untrusted_commands")].toBool());

        r = runCli({QStringLiteral("profiles"), QStringLiteral("trust"), QStringLiteral("imported")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("password_command: ") + command), qPrintable(r.out));
        r = query(QStringLiteral("imported"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(QFile::exists(marker));

        r = runCli({QStringLiteral("profiles"), QStringLiteral("trust"), QStringLiteral("nope")});
        QCOMPARE(r.exitCode, 6);
    }

    void importTrustCommandsTrustsThemAtOnce() {
        const QString marker = m_dir.filePath(QStringLiteral("ran-trusted"));
        QJsonObject p = clusterProfile(QStringLiteral("trusted-at-import"));
        p[QStringLiteral("password_command")] = QStringLiteral("touch '%1'; echo any-password").arg(marker);
        const QString file = writeFile(QStringLiteral("trusted.json"), fileOf({p}));
        CliRun r = runCli(
            {QStringLiteral("profiles"), QStringLiteral("import"), file, QStringLiteral("--trust-commands")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("trusted")), qPrintable(r.err));
        r = query(QStringLiteral("trusted-at-import"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(QFile::exists(marker));
    }

    void anExportLeavesCommandsOutUnlessAsked() {
        CliRun r =
            runCli({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("with-command"),
                    QStringLiteral("--host"), QStringLiteral("db.example.com"),
                    QStringLiteral("--password-command"), QStringLiteral("vault read -field=pw secret/db")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runCli({QStringLiteral("profiles"), QStringLiteral("export"), QStringLiteral("with-command")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(!r.out.contains(QLatin1String("vault read")), qPrintable(r.out));
        QVERIFY(r.out.contains(QLatin1String("db.example.com")));
        QVERIFY2(r.err.contains(QLatin1String("\"with-command\"")) &&
                     r.err.contains(QLatin1String("--include-commands")),
                 qPrintable(r.err));
        r = runCli({QStringLiteral("profiles"), QStringLiteral("export"), QStringLiteral("with-command"),
                    QStringLiteral("--include-commands")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QLatin1String("vault read -field=pw secret/db")));
        QVERIFY2(r.err.contains(QLatin1String("\"with-command\"")), qPrintable(r.err));
    }

    void aHugeFileIsRefused() {
        QJsonObject p = clusterProfile(QStringLiteral("huge"));
        p[QStringLiteral("folder")] = QString(10 << 20, QLatin1Char('f'));
        const QByteArray bytes = fileOf({p});
        const QString file = writeFile(QStringLiteral("huge.json"), bytes);
        CliRun r = runCli({QStringLiteral("profiles"), QStringLiteral("import"), file});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("at most 1024 KiB")), qPrintable(r.err.left(500)));
        r = runCli({QStringLiteral("profiles"), QStringLiteral("import"), QStringLiteral("-")}, bytes);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("at most 1024 KiB")), qPrintable(r.err.left(500)));
    }

    void aHugeOrControlNameIsRefused() {
        const QString longName(300, QLatin1Char('n'));
        CliRun r = runCli({QStringLiteral("profiles"), QStringLiteral("import"),
                           writeFile(QStringLiteral("longname.json"), fileOf({clusterProfile(longName)}))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("at most 200 characters; this one has 300")),
                 qPrintable(r.err.left(500)));
        QVERIFY(!r.err.contains(longName));
        r = runCli({QStringLiteral("profiles"), QStringLiteral("add"), QString(100000, QLatin1Char('n')),
                    QStringLiteral("--host"), QStringLiteral("h")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.size() < 2000, qPrintable(r.err.left(500)));
        r = runCli(
            {QStringLiteral("profiles"), QStringLiteral("import"),
             writeFile(QStringLiteral("ctlname.json"), fileOf({clusterProfile(QStringLiteral("a\nb"))}))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("control character")), qPrintable(r.err));
    }

    void aPortOutOfRangeIsShownAsGiven() {
        QJsonObject p = clusterProfile(QStringLiteral("far-port"));
        p[QStringLiteral("port")] = 1e30;
        const CliRun r = runCli({QStringLiteral("profiles"), QStringLiteral("import"),
                                 writeFile(QStringLiteral("port.json"), fileOf({p}))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("port must be a whole number between 1 and 65535, not 1e+30")),
                 qPrintable(r.err));
        QVERIFY(!r.err.contains(QLatin1String("-2147483648")));
    }
};

QTEST_GUILESS_MAIN(TestCliProfileTrust)
#include "tst_cli_profiletrust.moc"
