// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/profiles/connectionprofile.h>
#include <pgdesk/core/session/sshtunnel.h>

#include <QTest>

using namespace pgdesk::core;

class TestSshSettings : public QObject {
    Q_OBJECT

private slots:
    void destinationParsing() {
        const auto s = SshSettings::fromDestination(QStringLiteral("deploy@bastion.example:2222"));
        QCOMPARE(s.user, QStringLiteral("deploy"));
        QCOMPARE(s.host, QStringLiteral("bastion.example"));
        QCOMPARE(s.port, 2222);
        QCOMPARE(s.destination(), QStringLiteral("deploy@bastion.example:2222"));
        const auto v6 = SshSettings::fromDestination(QStringLiteral("[::1]:22"));
        QCOMPARE(v6.host, QStringLiteral("::1"));
        QCOMPARE(v6.port, 22);
        QCOMPARE(SshSettings::fromDestination(QStringLiteral("alias")).port, 0);
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, SshSettings::fromDestination(QStringLiteral("h:x")));
        QVERIFY_THROWS_EXCEPTION(ConfigurationError,
                                 SshSettings::fromDestination(QStringLiteral("-oProxyCommand=x")));
    }

    void profileJson() {
        ConnectionProfile p;
        p.name = QStringLiteral("p");
        QVERIFY(!p.toJson().contains(QStringLiteral("ssh"))); // left out when unset
        p.ssh = SshSettings::fromDestination(QStringLiteral("u@h:2200"));
        p.ssh.identityFile = QStringLiteral("~/.ssh/id_ed25519");
        p.ssh.jumpHosts = {QStringLiteral("j1"), QStringLiteral("me@j2:22")};
        p.ssh.useAgent = false;
        p.ssh.hostKeyPolicy = SshHostKeyPolicy::Strict;
        p.ssh.configFile = QStringLiteral("/etc/pgdesk/ssh_config");
        const QJsonObject json = p.toJson();
        QVERIFY(json.contains(QStringLiteral("ssh")));
        QCOMPARE(ConnectionProfile::fromJson(json), p);
        QJsonObject bad = json;
        QJsonObject ssh = bad[QStringLiteral("ssh")].toObject();
        ssh[QStringLiteral("host_key")] = QStringLiteral("no");
        bad[QStringLiteral("ssh")] = ssh;
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, ConnectionProfile::fromJson(bad));
    }

    void validation() {
        SshSettings s;
        s.host = QStringLiteral("h");
        s.jumpHosts = {QStringLiteral("a b")};
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, s.validate());
        s.jumpHosts.clear();
        s.port = 70000;
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, s.validate());
    }

    void classification_data() {
        QTest::addColumn<QString>("stderrText");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("start");
        QTest::newRow("refused") << "ssh: connect to host 10.0.0.1 port 22: Connection refused\n"
                                 << kSshUnreachable << "SSH host unreachable: 10.0.0.1 port 22";
        QTest::newRow("dns") << "ssh: Could not resolve hostname nowhere: Name or service not known\n"
                             << kSshUnreachable << "SSH host unreachable: nowhere";
        QTest::newRow("jump")
            << "channel 0: open failed: connect failed: Connection refused\nstdio forwarding "
               "failed\nkex_exchange_identification: Connection closed by remote host\n"
            << kSshUnreachable << "SSH host unreachable";
        QTest::newRow("auth") << "root@127.0.0.1: Permission denied (publickey).\n"
                              << kSshAuthentication << "SSH authentication failed: root@127.0.0.1";
        QTest::newRow("changed")
            << "@@@@@@@\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\nED25519 host key for "
               "[127.0.0.1]:2222 has changed and you have requested strict checking.\nHost key verification "
               "failed.\n"
            << kSshHostKeyChanged << "SSH host key changed: [127.0.0.1]:2222";
        QTest::newRow("unknown") << "Host key verification failed.\n"
                                 << kSshHostKeyRefused << "SSH host key not accepted";
        QTest::newRow("bind") << "bind [127.0.0.1]:5000: Address already in use\nCould not request local "
                                 "forwarding.\n"
                              << kSshForwarding << "SSH forwarding refused";
        QTest::newRow("other") << "something odd\n" << kSshFailed << "SSH failed: something odd";
    }
    void classification() {
        QFETCH(QString, stderrText);
        QFETCH(QString, field);
        QFETCH(QString, start);
        const ErrorInfo info =
            classifySshFailure(stderrText, SshSettings::fromDestination(QStringLiteral("h")), 255);
        QCOMPARE(info.field, field);
        QVERIFY2(info.message.startsWith(start), qPrintable(info.message));
        QCOMPARE(info.kind, ErrorKind::Connection);
        QVERIFY(isSshFailure(info));
        QVERIFY_THROWS_EXCEPTION(SshError, throwError(info));
    }
};

QTEST_GUILESS_MAIN(TestSshSettings)
#include "tst_sshsettings.moc"
