// SPDX-License-Identifier: GPL-3.0-or-later
// Profiles from a file run no code unseen: an imported password command or SSH config file stays untrusted
// (persisted) until trusted, exports leave commands out unless asked, values bound for an ssh_config are
// refused with a quote or a line break, and a password command's output and time are bounded.
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/profiles/passwordcommand.h>
#include <pgdesk/core/profiles/profilestore.h>
#include <pgdesk/core/profiles/profiletransfer.h>
#include <pgdesk/core/session/sshtunnel.h>

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace pgdesk::core;

namespace {

QByteArray fileOf(const QJsonArray& profiles) {
    return QJsonDocument(QJsonObject{{QStringLiteral("format"), QStringLiteral("pgdesk-profiles")},
                                     {QStringLiteral("version"), 1},
                                     {QStringLiteral("profiles"), profiles}})
        .toJson();
}

QString configErrorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const ConfigurationError& e) {
        return e.info().field + QLatin1Char('|') + e.message();
    }
    return QStringLiteral("no error");
}

} // namespace

class TestProfileTrust final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void anImportedCommandIsUntrustedWhateverTheFileSays() {
        const QString marker = m_dir.filePath(QStringLiteral("ran"));
        const QByteArray file = fileOf({QJsonObject{{QStringLiteral("name"), QStringLiteral("cloud")},
                                                    {QStringLiteral("password_command"),
                                                     QStringLiteral("touch '%1'; echo tok").arg(marker)},
                                                    {QStringLiteral("untrusted_commands"), false}},
                                        QJsonObject{{QStringLiteral("name"), QStringLiteral("plain")}}});
        const auto profiles = parseProfileExport(file);
        QCOMPARE(profiles.size(), 2);
        QVERIFY(profiles[0].untrustedCommands);
        QVERIFY(!profiles[1].untrustedCommands);

        // Kept by the store across a save and a load.
        const QString path = m_dir.filePath(QStringLiteral("profiles.json"));
        {
            ProfileStore store(path);
            importProfiles(store, profiles, false);
            store.save();
        }
        ProfileStore store(path);
        const ConnectionProfile cloud = store.get(QStringLiteral("cloud"));
        QVERIFY(cloud.untrustedCommands);

        // Neither the password step nor a tunnel runs it; the message names the command and the way out.
        const QString why = configErrorOf([&] { connectionPassword(cloud, std::nullopt); });
        QVERIFY2(why.startsWith(QLatin1String("untrusted_commands|")), qPrintable(why));
        QVERIFY2(why.contains(QLatin1String("password_command \"touch")), qPrintable(why));
        QVERIFY2(why.contains(QLatin1String("pgdesk-cli profiles trust cloud")), qPrintable(why));
        QVERIFY(!QFile::exists(marker));

        ConnectionProfile tunnelled = cloud;
        tunnelled.passwordCommand.clear();
        tunnelled.ssh.host = QStringLiteral("bastion");
        tunnelled.ssh.configFile = m_dir.filePath(QStringLiteral("their_ssh_config"));
        QVERIFY2(configErrorOf([&] {
                     SshTunnel::forProfile(tunnelled);
                 }).contains(QLatin1String("ssh.config_file")),
                 qPrintable(configErrorOf([&] { SshTunnel::forProfile(tunnelled); })));

        // Trusted: it runs.
        ConnectionProfile trusted = cloud;
        trusted.untrustedCommands = false;
        QCOMPARE(connectionPassword(trusted, std::nullopt), std::optional<QString>(QStringLiteral("tok")));
        QVERIFY(QFile::exists(marker));
    }

    void anExportLeavesCommandsOutUnlessAsked() {
        ConnectionProfile p;
        p.name = QStringLiteral("cloud");
        p.passwordCommand = QStringLiteral("vault read -field=password secret/db");
        p.ssh.host = QStringLiteral("bastion");
        p.ssh.configFile = QStringLiteral("/home/me/.ssh/work_config");
        const QByteArray without = exportProfiles({p});
        QVERIFY2(!without.contains("vault read"), without.constData());
        QVERIFY(!without.contains("work_config"));
        QVERIFY(without.contains("bastion"));
        const QByteArray with = exportProfiles({p}, true);
        QVERIFY(with.contains("vault read"));
        QVERIFY(with.contains("work_config"));
    }

    void sizesAndNamesAreBounded() {
        const QByteArray big =
            fileOf({QJsonObject{{QStringLiteral("name"), QStringLiteral("x")},
                                {QStringLiteral("database"), QString(2 << 20, QLatin1Char('d'))}}});
        QVERIFY(configErrorOf([&] { parseProfileExport(big); }).contains(QLatin1String("at most 1024 KiB")));

        const QString longName(5000, QLatin1Char('n'));
        QCOMPARE(configErrorOf([&] {
                     parseProfileExport(fileOf({QJsonObject{{QStringLiteral("name"), longName}}}));
                 }),
                 QStringLiteral("name|a profile name is at most 200 characters; this one has 5000"));
        QVERIFY(
            configErrorOf([&] {
                parseProfileExport(fileOf({QJsonObject{{QStringLiteral("name"), QStringLiteral("a\nb")}}}));
            }).contains(QLatin1String("control character")));
        ProfileStore store(m_dir.filePath(QStringLiteral("names.json")));
        ConnectionProfile p;
        p.name = longName;
        QVERIFY(configErrorOf([&] { store.upsert(p); }).startsWith(QLatin1String("name|")));
        p.name = QString(200, QLatin1Char('n'));
        store.upsert(p); // the limit itself is fine
    }

    void aPortIsAWholeNumberInRange_data() {
        QTest::addColumn<QJsonValue>("port");
        QTest::addColumn<QString>("shown");
        QTest::newRow("1e30") << QJsonValue(1e30) << QStringLiteral("1e+30");
        QTest::newRow("70000") << QJsonValue(70000) << QStringLiteral("70000");
        QTest::newRow("0") << QJsonValue(0) << QStringLiteral("0");
        QTest::newRow("-1") << QJsonValue(-1) << QStringLiteral("-1");
        QTest::newRow("5432.5") << QJsonValue(5432.5) << QStringLiteral("5432.5");
        QTest::newRow("text") << QJsonValue(QStringLiteral("5432")) << QStringLiteral("\"5432\"");
    }
    void aPortIsAWholeNumberInRange() {
        QFETCH(QJsonValue, port);
        QFETCH(QString, shown);
        const QString why = configErrorOf([&] {
            ConnectionProfile::fromJson(
                {{QStringLiteral("name"), QStringLiteral("p")}, {QStringLiteral("port"), port}});
        });
        QCOMPARE(why,
                 QStringLiteral("port|port must be a whole number between 1 and 65535, not %1").arg(shown));
        const QString sshWhy = configErrorOf([&] {
            SshSettings::fromJson(
                {{QStringLiteral("host"), QStringLiteral("bastion")}, {QStringLiteral("port"), port}});
        });
        QCOMPARE(sshWhy,
                 QStringLiteral("ssh_port|SSH port must be a whole number between 1 and 65535, not %1")
                     .arg(shown));
        QCOMPARE(ConnectionProfile::fromJson(
                     {{QStringLiteral("name"), QStringLiteral("p")}, {QStringLiteral("port"), 6543}})
                     .port,
                 6543);
    }

    void sshConfigValuesCarryNoQuoteNorLineBreak_data() {
        QTest::addColumn<QString>("value");
        QTest::newRow("quote and newline") << QStringLiteral("/tmp/x\"\nProxyCommand touch /tmp/m #");
        QTest::newRow("newline") << QStringLiteral("/tmp/x\nProxyCommand touch /tmp/m");
        QTest::newRow("carriage return") << QStringLiteral("/tmp/x\rProxyCommand touch /tmp/m");
        QTest::newRow("quote") << QStringLiteral("/tmp/x\" /tmp/y");
        QTest::newRow("backslash") << QStringLiteral("/tmp/x\\");
        QTest::newRow("escape") << QStringLiteral("/tmp/\x1b[2Jx");
    }
    void sshConfigValuesCarryNoQuoteNorLineBreak() {
        QFETCH(QString, value);
        SshSettings s;
        s.host = QStringLiteral("bastion");
        s.configFile = value;
        const QString why = configErrorOf([&] { s.validate(); });
        QVERIFY2(why.startsWith(QLatin1String("ssh_config|")), qPrintable(why));
        QVERIFY2(!why.contains(QLatin1Char('\n')) && !why.contains(QLatin1Char('\x1b')), qPrintable(why));
        s.configFile.clear();
        s.identityFile = value;
        QVERIFY(configErrorOf([&] { s.validate(); }).startsWith(QLatin1String("ssh_identity|")));
        // Through a profile file, too.
        const QJsonObject ssh{{QStringLiteral("host"), QStringLiteral("bastion")},
                              {QStringLiteral("config_file"), value}};
        QVERIFY(configErrorOf([&] {
                    parseProfileExport(fileOf({QJsonObject{{QStringLiteral("name"), QStringLiteral("p")},
                                                           {QStringLiteral("ssh"), ssh}}}));
                }).startsWith(QLatin1String("ssh_config|")));
    }

    void endlessOutputIsCappedAndStopped() {
        QElapsedTimer timer;
        timer.start();
        const QString why = configErrorOf([] { runPasswordCommand(QStringLiteral("yes"), 30); });
        QVERIFY2(why.contains(QLatin1String("printed more than 64 KiB")), qPrintable(why));
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        // 64 KiB exactly is still a (long) token.
        QCOMPARE(runPasswordCommand(QStringLiteral("head -c 65536 /dev/zero | tr '\\0' a"), 10).size(),
                 65536);
    }

    void theTimeoutCoversReading() {
        QElapsedTimer timer;
        timer.start();
        const QString why = configErrorOf(
            [] { runPasswordCommand(QStringLiteral("while :; do echo x; sleep 0.2; done"), 2); });
        QCOMPARE(why, QStringLiteral("password_command|The password command timed out after 2 s"));
        QVERIFY2(timer.elapsed() < 4000, qPrintable(QString::number(timer.elapsed())));
    }

    void aFailingCommandsMessagesAreNotShown() {
        const QString why = configErrorOf([] {
            runPasswordCommand(QStringLiteral("echo 'secret=hunter2-s3cr3t' >&2; echo half-token; exit 3"),
                               5);
        });
        QVERIFY2(why.contains(QLatin1String("failed (exit 3)")), qPrintable(why));
        QVERIFY2(why.contains(QLatin1String("run it yourself")), qPrintable(why));
        QVERIFY(!why.contains(QLatin1String("hunter2")));
        QVERIFY(!why.contains(QLatin1String("half-token")));
        // Endless messages are no burden either.
        QCOMPARE(runPasswordCommand(QStringLiteral("head -c 10000000 /dev/zero >&2; echo ok"), 10),
                 QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(TestProfileTrust)
#include "tst_profiletrust.moc"
