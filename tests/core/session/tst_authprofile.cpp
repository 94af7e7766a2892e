// SPDX-License-Identifier: GPL-3.0-or-later
// The profile's login choices without a server: password command and Kerberos/GSSAPI settings round trip
// through the profile file (JSON) and a DSN, reach libpq's parameters, and decide whether PgDesk may prompt.
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/profiles/connectionprofile.h>
#include <pgdesk/core/profiles/passwordcommand.h>
#include <pgdesk/core/session/dsn.h>

#include <QTest>

using namespace pgdesk::core;

namespace {

QByteArray parameter(const ConnectionProfile& p, const char* key) {
    for (const auto& [k, v] : p.connectionParameters())
        if (k == key)
            return v;
    return "<absent>";
}

ConnectionProfile kerberos() {
    ConnectionProfile p;
    p.name = QStringLiteral("corp");
    p.host = QStringLiteral("db.corp.example");
    p.user = QStringLiteral("alice@CORP.EXAMPLE");
    p.authentication = Authentication::Kerberos;
    p.gssEncMode = QStringLiteral("require");
    p.krbSrvName = QStringLiteral("postgres-prod");
    return p;
}

} // namespace

class TestAuthProfile : public QObject {
    Q_OBJECT
private slots:
    void defaultsStayOutOfTheFile() {
        const QJsonObject o = ConnectionProfile().toJson();
        for (const char* key :
             {"password_command", "password_command_timeout", "authentication", "gssencmode", "krbsrvname"})
            QVERIFY2(!o.contains(QLatin1String(key)), key);
        QCOMPARE(ConnectionProfile::fromJson(o), ConnectionProfile());
    }

    void passwordCommandRoundTripsThroughJson() {
        ConnectionProfile p;
        p.name = QStringLiteral("rds");
        p.passwordCommand =
            QStringLiteral("aws rds generate-db-auth-token --hostname h --port 5432 --username u");
        p.passwordCommandTimeoutSeconds = 25;
        const QJsonObject o = p.toJson();
        QCOMPARE(o.value(QStringLiteral("password_command")).toString(), p.passwordCommand);
        QCOMPARE(o.value(QStringLiteral("password_command_timeout")).toInt(), 25);
        QCOMPARE(ConnectionProfile::fromJson(o), p);
        // The command is not a libpq keyword and never becomes a password parameter by itself.
        QCOMPARE(parameter(p, "password"), QByteArray("<absent>"));
    }

    void kerberosRoundTripsThroughJson() {
        const ConnectionProfile p = kerberos();
        const QJsonObject o = p.toJson();
        QCOMPARE(o.value(QStringLiteral("authentication")).toString(), QStringLiteral("kerberos"));
        QCOMPARE(o.value(QStringLiteral("gssencmode")).toString(), QStringLiteral("require"));
        QCOMPARE(o.value(QStringLiteral("krbsrvname")).toString(), QStringLiteral("postgres-prod"));
        QCOMPARE(ConnectionProfile::fromJson(o), p);
    }

    void gssSettingsReachLibpq() {
        const ConnectionProfile p = kerberos();
        QCOMPARE(parameter(p, "gssencmode"), QByteArray("require"));
        QCOMPARE(parameter(p, "krbsrvname"), QByteArray("postgres-prod"));
        QCOMPARE(parameter(ConnectionProfile(), "gssencmode"), QByteArray("<absent>")); // libpq's default
    }

    void kerberosRoundTripsThroughADsn() {
        const ConnectionProfile p = kerberos();
        const QString dsn = toDsn(p);
        QVERIFY2(dsn.contains(QLatin1String("gssencmode=require")), qPrintable(dsn));
        QVERIFY2(dsn.contains(QLatin1String("krbsrvname=postgres-prod")), qPrintable(dsn));
        ConnectionProfile base;
        base.name = p.name; // not part of a DSN
        QCOMPARE(parseDsn(dsn, base).profile, p);
    }

    void gssFieldsRoundTripThroughADsnWithPasswordLogin() {
        ConnectionProfile p;
        p.gssEncMode = QStringLiteral("disable");
        p.krbSrvName = QStringLiteral("pg");
        const ParsedDsn d = parseDsn(toDsn(p));
        QCOMPARE(d.profile, p);
        QCOMPARE(d.profile.authentication, Authentication::Password);
        QVERIFY(d.profile.extraOptions.isEmpty());
    }

    void uriGssencmodeRequireMeansKerberos() {
        const ParsedDsn d = parseDsn(QStringLiteral("postgresql://alice@db/app?gssencmode=require"));
        QCOMPARE(d.profile.authentication, Authentication::Kerberos);
        QCOMPARE(d.profile.gssEncMode, QStringLiteral("require"));
        QVERIFY(!asksForPassword(d.profile));
    }

    void invalidSettingsAreNamed_data() {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("gssencmode") << QJsonObject{{QStringLiteral("gssencmode"), QStringLiteral("always")}}
                                    << QStringLiteral("gssencmode");
        QTest::newRow("authentication")
            << QJsonObject{{QStringLiteral("authentication"), QStringLiteral("ldap")}}
            << QStringLiteral("authentication");
        QTest::newRow("timeout") << QJsonObject{{QStringLiteral("password_command"), QStringLiteral("x")},
                                                {QStringLiteral("password_command_timeout"), 0}}
                                 << QStringLiteral("password_command_timeout");
        QTest::newRow("command with kerberos")
            << QJsonObject{{QStringLiteral("password_command"), QStringLiteral("x")},
                           {QStringLiteral("authentication"), QStringLiteral("kerberos")}}
            << QStringLiteral("password_command");
    }
    void invalidSettingsAreNamed() {
        QFETCH(QJsonObject, json);
        QFETCH(QString, field);
        try {
            ConnectionProfile::fromJson(json);
            QFAIL("accepted");
        } catch (const ConfigurationError& e) {
            QCOMPARE(e.info().field, field);
        }
    }

    void authenticationNames() {
        QCOMPARE(authenticationFromString(QStringLiteral("GSSAPI")), Authentication::Kerberos);
        QCOMPARE(authenticationFromString(QStringLiteral("gss")), Authentication::Kerberos);
        QCOMPARE(authenticationFromString(QStringLiteral("Password")), Authentication::Password);
        QCOMPARE(authenticationName(Authentication::Kerberos), QStringLiteral("kerberos"));
    }

    // The decision the window's password prompt follows (SessionOpener::asksForPassword).
    void promptOnlyForPasswordLogins() {
        ConnectionProfile p;
        QVERIFY(asksForPassword(p));
        p.passwordCommand = QStringLiteral("vault read -field=password db/creds/app");
        QVERIFY(!asksForPassword(p));
        QVERIFY(!asksForPassword(kerberos()));
        ConnectionProfile blank;
        blank.passwordCommand = QStringLiteral("   ");
        QVERIFY(asksForPassword(blank));
    }

    void withoutCommandTheGivenPasswordIsUsed() {
        QCOMPARE(connectionPassword(ConnectionProfile(), QStringLiteral("pw")),
                 std::optional<QString>(QStringLiteral("pw")));
        QVERIFY(!connectionPassword(ConnectionProfile(), std::nullopt));
        ConnectionProfile p;
        p.passwordCommand = QStringLiteral("printf fresh");
        QCOMPARE(connectionPassword(p, QStringLiteral("stale")),
                 std::optional<QString>(QStringLiteral("fresh")));
    }
};

QTEST_GUILESS_MAIN(TestAuthProfile)
#include "tst_authprofile.moc"
