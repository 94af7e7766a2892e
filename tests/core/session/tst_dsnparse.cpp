// SPDX-License-Identifier: GPL-3.0-or-later
// DSN handling without a server: key=value and URI parsing, back-filling from a profile, round trips
// through toDsn, password masking, the environment and service files. The connections made from all of
// this are tested against the server in tst_dsn.
#include "dsntest.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/dsn.h>
#include <pgdesk/core/session/servicefile.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace pgdesk::core;
using pgdesk::test::describe;
using pgdesk::test::EnvGuard;
using pgdesk::test::writeFile;

Q_DECLARE_METATYPE(pgdesk::core::ConnectionProfile)

namespace {

const QString kNone = QStringLiteral("<none>");

QString extra(const ConnectionProfile& p, const QString& key) {
    for (const auto& [k, v] : p.extraOptions)
        if (k == key)
            return v;
    return kNone;
}

// One mapped field of a parse result as text, so one data table can cover all of them.
QString field(const ParsedDsn& d, const QString& name) {
    const ConnectionProfile& p = d.profile;
    if (name == QLatin1String("host"))
        return p.host;
    if (name == QLatin1String("port"))
        return QString::number(p.port);
    if (name == QLatin1String("database"))
        return p.database;
    if (name == QLatin1String("user"))
        return p.user;
    if (name == QLatin1String("password"))
        return d.password.value_or(kNone);
    if (name == QLatin1String("sslmode"))
        return p.sslMode;
    if (name == QLatin1String("sslrootcert"))
        return p.sslRootCert;
    if (name == QLatin1String("sslcert"))
        return p.sslCert;
    if (name == QLatin1String("sslkey"))
        return p.sslKey;
    if (name == QLatin1String("sslcrl"))
        return p.sslCrl;
    if (name == QLatin1String("application_name"))
        return p.applicationName;
    if (name == QLatin1String("connect_timeout"))
        return QString::number(p.connectTimeoutSeconds);
    if (name == QLatin1String("service"))
        return p.service;
    if (name == QLatin1String("gssencmode"))
        return p.gssEncMode;
    if (name == QLatin1String("krbsrvname"))
        return p.krbSrvName;
    if (name == QLatin1String("keepalives"))
        return p.keepalives ? QStringLiteral("on") : QStringLiteral("off");
    if (name == QLatin1String("statement_timeout"))
        return QString::number(p.statementTimeoutMs);
    if (name == QLatin1String("lock_timeout"))
        return QString::number(p.lockTimeoutMs);
    if (name == QLatin1String("read_only"))
        return p.readOnly ? QStringLiteral("on") : QStringLiteral("off");
    if (name.startsWith(QLatin1String("extra:")))
        return extra(p, name.mid(6));
    qFatal("unknown field %s", qPrintable(name));
}

} // namespace

class TestDsnParse final : public QObject {
    Q_OBJECT
private slots:
    void parse_data() {
        QTest::addColumn<QString>("dsn");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("expected");
        auto row = [](const char* name, const QString& dsn, const char* field, const QString& expected) {
            QTest::newRow(name) << dsn << QString::fromLatin1(field) << expected;
        };
        // key=value
        row("kv host", QStringLiteral("host=db.example.com"), "host", QStringLiteral("db.example.com"));
        row("kv hostaddr only", QStringLiteral("hostaddr=10.0.0.5"), "host", QStringLiteral("10.0.0.5"));
        row("kv hostaddr with host: host", QStringLiteral("host=db hostaddr=10.0.0.5"), "host",
            QStringLiteral("db"));
        row("kv hostaddr with host: extra", QStringLiteral("host=db hostaddr=10.0.0.5"), "extra:hostaddr",
            QStringLiteral("10.0.0.5"));
        row("kv port", QStringLiteral("port=6543"), "port", QStringLiteral("6543"));
        row("kv dbname quoted", QStringLiteral("dbname='my db'"), "database", QStringLiteral("my db"));
        row("kv dbname unicode", QStringLiteral("dbname=café_日本"), "database", QStringLiteral("café_日本"));
        row("kv user unicode", QStringLiteral("user=jürgen"), "user", QStringLiteral("jürgen"));
        row("kv password quoted", QStringLiteral("password='p a\\'s@s\\\\'"), "password",
            QStringLiteral("p a's@s\\"));
        row("kv password unquoted escape", QStringLiteral("password=a\\ b"), "password",
            QStringLiteral("a b"));
        row("kv no password", QStringLiteral("host=h"), "password", kNone);
        row("kv empty password", QStringLiteral("password=''"), "password", QString());
        row("kv sslmode", QStringLiteral("sslmode=verify-full"), "sslmode", QStringLiteral("verify-full"));
        row("kv sslrootcert", QStringLiteral("sslrootcert='/etc/my certs/root.crt'"), "sslrootcert",
            QStringLiteral("/etc/my certs/root.crt"));
        row("kv sslcert", QStringLiteral("sslcert=/c.crt"), "sslcert", QStringLiteral("/c.crt"));
        row("kv sslkey", QStringLiteral("sslkey=/c.key"), "sslkey", QStringLiteral("/c.key"));
        row("kv sslcrl", QStringLiteral("sslcrl=/c.crl"), "sslcrl", QStringLiteral("/c.crl"));
        row("kv application_name", QStringLiteral("application_name='my app'"), "application_name",
            QStringLiteral("my app"));
        row("kv connect_timeout", QStringLiteral("connect_timeout=25"), "connect_timeout",
            QStringLiteral("25"));
        row("kv connect_timeout 0", QStringLiteral("connect_timeout=0"), "connect_timeout",
            QStringLiteral("0"));
        row("kv service", QStringLiteral("service=prod"), "service", QStringLiteral("prod"));
        row("kv keepalives 0", QStringLiteral("keepalives=0"), "keepalives", QStringLiteral("off"));
        row("kv keepalives 1", QStringLiteral("keepalives=1 keepalives_idle=30"), "keepalives",
            QStringLiteral("on"));
        row("kv keepalives_idle default dropped", QStringLiteral("keepalives_idle=30"),
            "extra:keepalives_idle", kNone);
        row("kv keepalives_idle kept", QStringLiteral("keepalives_idle=60"), "extra:keepalives_idle",
            QStringLiteral("60"));
        row("kv statement_timeout", QStringLiteral("options='-c statement_timeout=5000'"),
            "statement_timeout", QStringLiteral("5000"));
        row("kv statement_timeout unit", QStringLiteral("options=-cstatement_timeout=1min"),
            "statement_timeout", QStringLiteral("60000"));
        row("kv statement_timeout leaves no options", QStringLiteral("options='-c statement_timeout=5000'"),
            "extra:options", kNone);
        row("kv lock_timeout", QStringLiteral("options='-c lock_timeout=2000'"), "lock_timeout",
            QStringLiteral("2000"));
        row("kv lock_timeout unit", QStringLiteral("options=-clock_timeout=3s"), "lock_timeout",
            QStringLiteral("3000"));
        row("kv lock_timeout long form", QStringLiteral("options=--lock-timeout=250ms"), "lock_timeout",
            QStringLiteral("250"));
        row("kv lock_timeout leaves no options", QStringLiteral("options='-c lock_timeout=2000'"),
            "extra:options", kNone);
        row("kv both timeouts: lock",
            QStringLiteral("options='-c statement_timeout=5s -c lock_timeout=1s -c search_path=app'"),
            "lock_timeout", QStringLiteral("1000"));
        row("kv both timeouts: rest",
            QStringLiteral("options='-c statement_timeout=5s -c lock_timeout=1s -c search_path=app'"),
            "extra:options", QStringLiteral("-c search_path=app"));
        row("kv read only", QStringLiteral("options='-c default_transaction_read_only=on'"), "read_only",
            QStringLiteral("on"));
        row("kv read only long form", QStringLiteral("options=--default-transaction-read-only=true"),
            "read_only", QStringLiteral("on"));
        row("kv read only off stays", QStringLiteral("options='-c default_transaction_read_only=off'"),
            "extra:options", QStringLiteral("-c default_transaction_read_only=off"));
        row("kv mixed options: timeout",
            QStringLiteral("options='-c statement_timeout=5s -c search_path=app'"), "statement_timeout",
            QStringLiteral("5000"));
        row("kv mixed options: rest", QStringLiteral("options='-c statement_timeout=5s -c search_path=app'"),
            "extra:options", QStringLiteral("-c search_path=app"));
        row("kv options escaped space", QStringLiteral("options='-c search_path=a\\\\ b'"), "extra:options",
            QStringLiteral("-c search_path=a\\ b"));
        row("kv target_session_attrs", QStringLiteral("target_session_attrs=read-write"),
            "extra:target_session_attrs", QStringLiteral("read-write"));
        row("kv gssencmode", QStringLiteral("gssencmode=disable"), "gssencmode", QStringLiteral("disable"));
        row("kv gssencmode: not an extra", QStringLiteral("gssencmode=disable"), "extra:gssencmode", kNone);
        row("kv krbsrvname", QStringLiteral("krbsrvname=pg"), "krbsrvname", QStringLiteral("pg"));
        row("kv multiple hosts", QStringLiteral("host=h1,h2 port=5432,5433"), "host",
            QStringLiteral("h1,h2"));
        row("kv multiple ports", QStringLiteral("host=h1,h2 port=5432,5433"), "extra:port",
            QStringLiteral("5432,5433"));
        row("kv multiple ports: no single port", QStringLiteral("host=h1,h2 port=5432,5433"), "port",
            QStringLiteral("0"));
        row("kv same port for all hosts", QStringLiteral("host=h1,h2 port=5433,5433"), "port",
            QStringLiteral("5433"));
        // URI
        row("uri host", QStringLiteral("postgresql://db.example.com"), "host",
            QStringLiteral("db.example.com"));
        row("uri postgres scheme", QStringLiteral("postgres://db.example.com:6543/app"), "port",
            QStringLiteral("6543"));
        row("uri database", QStringLiteral("postgres://db.example.com:6543/app"), "database",
            QStringLiteral("app"));
        row("uri percent-encoded unicode user", QStringLiteral("postgresql://j%C3%BCrgen@h/caf%C3%A9"),
            "user", QStringLiteral("jürgen"));
        row("uri percent-encoded unicode db", QStringLiteral("postgresql://j%C3%BCrgen@h/caf%C3%A9%20x"),
            "database", QStringLiteral("café x"));
        row("uri raw unicode db", QStringLiteral("postgresql://h/日本"), "database", QStringLiteral("日本"));
        row("uri password", QStringLiteral("postgresql://u:p%20a%27s%40s%22@h/db"), "password",
            QStringLiteral("p a's@s\""));
        row("uri user with password", QStringLiteral("postgresql://u:secret@h/db"), "user",
            QStringLiteral("u"));
        row("uri password in query", QStringLiteral("postgresql://h/db?password=se%26cr%20et"), "password",
            QStringLiteral("se&cr et"));
        row("uri ipv6 host", QStringLiteral("postgresql://[::1]:5433/db"), "host", QStringLiteral("::1"));
        row("uri ipv6 port", QStringLiteral("postgresql://[::1]:5433/db"), "port", QStringLiteral("5433"));
        row("uri ipv6 full", QStringLiteral("postgresql://[2001:db8::7]/db"), "host",
            QStringLiteral("2001:db8::7"));
        row("uri multiple hosts", QStringLiteral("postgresql://h1:5432,h2:5433/db"), "host",
            QStringLiteral("h1,h2"));
        row("uri multiple ports", QStringLiteral("postgresql://h1:5432,h2:5433/db"), "extra:port",
            QStringLiteral("5432,5433"));
        row("uri multiple hosts default port", QStringLiteral("postgresql://h1,h2/db"), "port",
            QStringLiteral("0"));
        row("uri multiple hosts default port: no extra", QStringLiteral("postgresql://h1,h2/db"),
            "extra:port", kNone);
        row("uri socket folder", QStringLiteral("postgresql://%2Fvar%2Frun%2Fpostgresql/db"), "host",
            QStringLiteral("/var/run/postgresql"));
        row("uri host in query", QStringLiteral("postgresql:///db?host=/tmp/sock"), "host",
            QStringLiteral("/tmp/sock"));
        row("uri hostaddr", QStringLiteral("postgresql:///db?hostaddr=127.0.0.1"), "host",
            QStringLiteral("127.0.0.1"));
        row("uri user in query", QStringLiteral("postgresql://h/db?user=bob"), "user", QStringLiteral("bob"));
        row("uri sslmode", QStringLiteral("postgresql://h/db?sslmode=require"), "sslmode",
            QStringLiteral("require"));
        row("uri sslrootcert", QStringLiteral("postgresql://h/db?sslrootcert=%2Fr%20c.crt"), "sslrootcert",
            QStringLiteral("/r c.crt"));
        row("uri sslcert", QStringLiteral("postgresql://h/db?sslcert=/c.crt"), "sslcert",
            QStringLiteral("/c.crt"));
        row("uri sslkey", QStringLiteral("postgresql://h/db?sslkey=/c.key"), "sslkey",
            QStringLiteral("/c.key"));
        row("uri sslcrl", QStringLiteral("postgresql://h/db?sslcrl=/c.crl"), "sslcrl",
            QStringLiteral("/c.crl"));
        row("uri application_name", QStringLiteral("postgresql://h/db?application_name=my%20app"),
            "application_name", QStringLiteral("my app"));
        row("uri connect_timeout", QStringLiteral("postgresql://h/db?connect_timeout=7"), "connect_timeout",
            QStringLiteral("7"));
        row("uri service", QStringLiteral("postgresql://h/db?service=prod"), "service",
            QStringLiteral("prod"));
        row("uri keepalives", QStringLiteral("postgresql://h/db?keepalives=0"), "keepalives",
            QStringLiteral("off"));
        row("uri statement_timeout", QStringLiteral("postgresql://h/db?options=-c%20statement_timeout%3D250"),
            "statement_timeout", QStringLiteral("250"));
        row("uri lock_timeout", QStringLiteral("postgresql://h/db?options=-c%20lock_timeout%3D750"),
            "lock_timeout", QStringLiteral("750"));
        row("uri read only",
            QStringLiteral(
                "postgresql://h/db?options=-c%20default_transaction_read_only%3Don%20-c%20x.y%3Dz"),
            "read_only", QStringLiteral("on"));
        row("uri options rest",
            QStringLiteral(
                "postgresql://h/db?options=-c%20default_transaction_read_only%3Don%20-c%20x.y%3Dz"),
            "extra:options", QStringLiteral("-c x.y=z"));
        row("uri target_session_attrs",
            QStringLiteral("postgresql://h1,h2/db?target_session_attrs=read-write"),
            "extra:target_session_attrs", QStringLiteral("read-write"));
    }

    void parse() {
        QFETCH(QString, dsn);
        QFETCH(QString, field);
        QFETCH(QString, expected);
        const ParsedDsn parsed = parseDsn(dsn);
        QCOMPARE(::field(parsed, field), expected);
        // A password is never kept anywhere in the profile.
        if (parsed.password && !parsed.password->isEmpty())
            QVERIFY(!describe(parsed.profile).contains(*parsed.password));
    }

    // Fields the DSN does not name come from base; fields it names replace base's.
    void backFill() {
        ConnectionProfile base;
        base.name = QStringLiteral("saved");
        base.host = QStringLiteral("old-host");
        base.user = QStringLiteral("keep-user");
        base.database = QStringLiteral("keep-db");
        base.isolation = IsolationLevel::Serializable;
        base.echo = true;
        base.readOnly = true;
        base.pool.size = 2;
        base.extraOptions = {{QStringLiteral("target_session_attrs"), QStringLiteral("any")},
                             {QStringLiteral("gssencmode"), QStringLiteral("disable")}};
        const ParsedDsn d = parseDsn(
            QStringLiteral("host=new-host port=7000 target_session_attrs=read-write channel_binding=disable"),
            base);
        ConnectionProfile expected = base;
        expected.host = QStringLiteral("new-host");
        expected.port = 7000;
        expected.extraOptions = {{QStringLiteral("target_session_attrs"), QStringLiteral("read-write")},
                                 {QStringLiteral("gssencmode"), QStringLiteral("disable")},
                                 {QStringLiteral("channel_binding"), QStringLiteral("disable")}};
        QVERIFY2(d.profile == expected, qPrintable(describe(d.profile)));
        QVERIFY(!d.password);

        // Naming `options` replaces what base had for them.
        const ParsedDsn o = parseDsn(QStringLiteral("options='-c search_path=x'"), base);
        QVERIFY(!o.profile.readOnly);
        QCOMPARE(extra(o.profile, QStringLiteral("options")), QStringLiteral("-c search_path=x"));
        QCOMPARE(o.profile.name, QStringLiteral("saved"));
    }

    void roundTrip_data() {
        QTest::addColumn<ConnectionProfile>("profile");
        const ConnectionProfile plain;
        auto row = [&plain](const char* name, auto change) {
            ConnectionProfile p = plain;
            change(p);
            QTest::newRow(name) << p;
        };
        row("defaults", [](ConnectionProfile&) {});
        row("host", [](ConnectionProfile& p) { p.host = QStringLiteral("db.example.com"); });
        row("socket folder with space",
            [](ConnectionProfile& p) { p.host = QStringLiteral("/tmp/my sockets"); });
        row("ipv6 host", [](ConnectionProfile& p) { p.host = QStringLiteral("2001:db8::7"); });
        row("multiple hosts", [](ConnectionProfile& p) { p.host = QStringLiteral("h1,h2"); });
        row("multiple hosts and ports", [](ConnectionProfile& p) {
            p.host = QStringLiteral("h1,h2");
            p.extraOptions = {{QStringLiteral("port"), QStringLiteral("5432,5433")}};
        });
        row("port", [](ConnectionProfile& p) { p.port = 6543; });
        row("database", [](ConnectionProfile& p) { p.database = QStringLiteral("my 'db' \\ café 日本"); });
        row("user", [](ConnectionProfile& p) { p.user = QStringLiteral("jürgen o'neil"); });
        row("sslmode", [](ConnectionProfile& p) { p.sslMode = QStringLiteral("verify-ca"); });
        row("sslrootcert",
            [](ConnectionProfile& p) { p.sslRootCert = QStringLiteral("/etc/my certs/root.crt"); });
        row("sslcert", [](ConnectionProfile& p) { p.sslCert = QStringLiteral("/c.crt"); });
        row("sslkey", [](ConnectionProfile& p) { p.sslKey = QStringLiteral("/c.key"); });
        row("sslcrl", [](ConnectionProfile& p) { p.sslCrl = QStringLiteral("/c.crl"); });
        row("application_name", [](ConnectionProfile& p) { p.applicationName = QStringLiteral("my app"); });
        row("empty application_name", [](ConnectionProfile& p) { p.applicationName.clear(); });
        row("connect_timeout 0", [](ConnectionProfile& p) { p.connectTimeoutSeconds = 0; });
        row("connect_timeout 45", [](ConnectionProfile& p) { p.connectTimeoutSeconds = 45; });
        row("service", [](ConnectionProfile& p) { p.service = QStringLiteral("prod"); });
        row("keepalives off", [](ConnectionProfile& p) { p.keepalives = false; });
        row("statement timeout", [](ConnectionProfile& p) { p.statementTimeoutMs = 1234; });
        row("lock timeout", [](ConnectionProfile& p) { p.lockTimeoutMs = 4321; });
        row("both timeouts", [](ConnectionProfile& p) {
            p.statementTimeoutMs = 1234;
            p.lockTimeoutMs = 4321;
        });
        row("read only", [](ConnectionProfile& p) { p.readOnly = true; });
        row("extra options", [](ConnectionProfile& p) {
            p.extraOptions = {{QStringLiteral("keepalives_idle"), QStringLiteral("60")},
                              {QStringLiteral("target_session_attrs"), QStringLiteral("read-write")}};
        });
        row("gss settings", [](ConnectionProfile& p) {
            p.gssEncMode = QStringLiteral("disable");
            p.krbSrvName = QStringLiteral("pg");
        });
        row("kerberos", [](ConnectionProfile& p) {
            p.authentication = Authentication::Kerberos;
            p.gssEncMode = QStringLiteral("require");
        });
        row("user options", [](ConnectionProfile& p) {
            p.extraOptions = {
                {QStringLiteral("options"), QStringLiteral("-c search_path=a\\ b,c -c work_mem=64MB")}};
        });
        row("everything", [](ConnectionProfile& p) {
            p.service = QStringLiteral("svc");
            p.host = QStringLiteral("db.example.com");
            p.port = 5499;
            p.database = QStringLiteral("app db");
            p.user = QStringLiteral("ünïcode");
            p.sslMode = QStringLiteral("require");
            p.sslRootCert = QStringLiteral("/r.crt");
            p.sslCert = QStringLiteral("/c.crt");
            p.sslKey = QStringLiteral("/c.key");
            p.sslCrl = QStringLiteral("/c.crl");
            p.applicationName = QStringLiteral("it's mine");
            p.connectTimeoutSeconds = 3;
            p.statementTimeoutMs = 60000;
            p.readOnly = true;
            p.keepalives = false;
            p.extraOptions = {{QStringLiteral("options"), QStringLiteral("-c search_path=app")},
                              {QStringLiteral("target_session_attrs"), QStringLiteral("any")}};
        });
    }

    void roundTrip() {
        QFETCH(ConnectionProfile, profile);
        const QString dsn = toDsn(profile);
        const ParsedDsn back = parseDsn(dsn);
        QVERIFY2(back.profile == profile, qPrintable(dsn + QStringLiteral("\n -> ") + describe(back.profile) +
                                                     QStringLiteral("\n != ") + describe(profile)));
        QVERIFY(!back.password);
        QVERIFY(!dsn.contains(QLatin1String("password")));
        // toDsn is what Connection::open passes to libpq, option for option.
        QStringList fromParameters;
        for (const auto& [k, v] : profile.connectionParameters())
            fromParameters << QString::fromUtf8(k) + QLatin1Char('=') +
                                  quoteConninfoValue(QString::fromUtf8(v));
        QVERIFY(dsn.startsWith(fromParameters.join(QLatin1Char(' '))));
    }

    void passwordRoundTrip_data() {
        QTest::addColumn<QString>("password");
        QTest::newRow("plain") << QStringLiteral("secret");
        QTest::newRow("empty") << QString();
        QTest::newRow("spaces") << QStringLiteral("a b  c ");
        QTest::newRow("quotes") << QStringLiteral("it's \"quoted\"");
        QTest::newRow("backslash") << QStringLiteral("back\\slash\\");
        QTest::newRow("at and colon") << QStringLiteral("u@h:5432/db?x=y&z");
        QTest::newRow("unicode") << QStringLiteral("пароль 🔑 密码");
        QTest::newRow("equals") << QStringLiteral("=a=b");
    }

    void passwordRoundTrip() {
        QFETCH(QString, password);
        ConnectionProfile p;
        p.host = QStringLiteral("h");
        const QString dsn = toDsn(p, password);
        const ParsedDsn back = parseDsn(dsn);
        QVERIFY(back.password);
        QCOMPARE(*back.password, password);
        QVERIFY(back.profile == p);
        const QString masked = maskDsnPassword(dsn);
        QVERIFY(masked.contains(QLatin1String("password=********")));
        if (password.size() > 1)
            QVERIFY2(!masked.contains(password), qPrintable(masked));
        // Masked text still parses, with the mask as the password.
        QCOMPARE(parseDsn(masked).password.value_or(QString()), QStringLiteral("********"));
        QVERIFY(toDsn(p, std::nullopt).indexOf(QLatin1String("password")) < 0);
    }

    void invalid_data() {
        QTest::addColumn<QString>("dsn");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        QTest::newRow("port not a number") << QStringLiteral("port=abc") << "port"
                                           << "abc";
        QTest::newRow("port 0") << QStringLiteral("port=0") << "port"
                                << "1 to 65535";
        QTest::newRow("port too big") << QStringLiteral("port=70000") << "port"
                                      << "70000";
        QTest::newRow("port list with bad entry") << QStringLiteral("host=a,b port=5432,x") << "port"
                                                  << "x";
        QTest::newRow("uri port too big") << QStringLiteral("postgresql://h:99999/db") << "port"
                                          << "99999";
        QTest::newRow("uri port not a number") << QStringLiteral("postgresql://h:five/db") << "port"
                                               << "five";
        QTest::newRow("sslmode") << QStringLiteral("sslmode=sometimes") << "sslmode"
                                 << "sometimes";
        QTest::newRow("uri sslmode") << QStringLiteral("postgresql://h/db?sslmode=bogus") << "sslmode"
                                     << "bogus";
        QTest::newRow("connect_timeout negative") << QStringLiteral("connect_timeout=-1") << "connect_timeout"
                                                  << "-1";
        QTest::newRow("connect_timeout word") << QStringLiteral("connect_timeout=soon") << "connect_timeout"
                                              << "soon";
        QTest::newRow("uri connect_timeout")
            << QStringLiteral("postgresql://h/db?connect_timeout=1.5") << "connect_timeout"
            << "1.5";
        QTest::newRow("keepalives") << QStringLiteral("keepalives=maybe") << "keepalives"
                                    << "maybe";
        QTest::newRow("unknown keyword") << QStringLiteral("host=h nosuchkey=1") << "dsn"
                                         << "invalid connection option \"nosuchkey\"";
        QTest::newRow("uri unknown parameter") << QStringLiteral("postgresql://h/db?nosuch=1") << "dsn"
                                               << "invalid URI query parameter";
        QTest::newRow("uri unterminated ipv6") << QStringLiteral("postgresql://[::1/db") << "dsn"
                                               << "IPv6";
        QTest::newRow("uri bad percent escape") << QStringLiteral("postgresql://h/d%zzb") << "dsn"
                                                << "percent-encoded";
        QTest::newRow("unterminated quote") << QStringLiteral("host='h") << "dsn"
                                            << "unterminated";
        QTest::newRow("missing equals") << QStringLiteral("host") << "dsn"
                                        << "missing \"=\"";
    }

    void invalid() {
        QFETCH(QString, dsn);
        QFETCH(QString, field);
        QFETCH(QString, message);
        try {
            parseDsn(dsn);
            QFAIL("accepted");
        } catch (const ConfigurationError& e) {
            QCOMPARE(e.info().field, field);
            QCOMPARE(e.kind(), ErrorKind::Configuration);
            QVERIFY2(e.message().contains(message), qPrintable(e.message()));
        }
    }

    void mask_data() {
        QTest::addColumn<QString>("dsn");
        QTest::addColumn<QString>("expected");
        QTest::newRow("kv") << QStringLiteral("host=h password=secret user=u")
                            << QStringLiteral("host=h password=******** user=u");
        QTest::newRow("kv quoted") << QStringLiteral("password='a b\\'c' host=h")
                                   << QStringLiteral("password=******** host=h");
        QTest::newRow("kv spaces around =")
            << QStringLiteral("user=u password = spaced") << QStringLiteral("user=u password = ********");
        QTest::newRow("kv escaped space")
            << QStringLiteral("password=a\\ b dbname=d") << QStringLiteral("password=******** dbname=d");
        QTest::newRow("kv two passwords") << QStringLiteral("password=a password=b")
                                          << QStringLiteral("password=******** password=********");
        QTest::newRow("kv passfile untouched")
            << QStringLiteral("passfile=/p password=x") << QStringLiteral("passfile=/p password=********");
        QTest::newRow("kv sslpassword") << QStringLiteral("sslkey=/k sslpassword=secret host=h")
                                        << QStringLiteral("sslkey=/k sslpassword=******** host=h");
        QTest::newRow("kv none") << QStringLiteral("host=h user=u") << QStringLiteral("host=h user=u");
        QTest::newRow("uri userinfo")
            << QStringLiteral("postgresql://u:secret@h/db") << QStringLiteral("postgresql://u:********@h/db");
        QTest::newRow("uri encoded") << QStringLiteral("postgres://u:p%40ss%20w@h:5432/db?sslmode=require")
                                     << QStringLiteral("postgres://u:********@h:5432/db?sslmode=require");
        QTest::newRow("uri query") << QStringLiteral("postgresql://u@h/db?password=secret&sslmode=require")
                                   << QStringLiteral("postgresql://u@h/db?password=********&sslmode=require");
        QTest::newRow("uri both") << QStringLiteral("postgresql://u:a@[::1]:5432/db?password=b")
                                  << QStringLiteral(
                                         "postgresql://u:********@[::1]:5432/db?password=********");
        QTest::newRow("uri sslpassword")
            << QStringLiteral("postgresql://u@h/db?sslkey=%2Fk&sslpassword=secret")
            << QStringLiteral("postgresql://u@h/db?sslkey=%2Fk&sslpassword=********");
        QTest::newRow("uri user only")
            << QStringLiteral("postgresql://u@h/db") << QStringLiteral("postgresql://u@h/db");
        QTest::newRow("uri no userinfo") << QStringLiteral("postgresql://h:5432/db?user=u:x")
                                         << QStringLiteral("postgresql://h:5432/db?user=u:x");
    }

    void mask() {
        QFETCH(QString, dsn);
        QFETCH(QString, expected);
        QCOMPARE(maskDsnPassword(dsn), expected);
    }

    void serviceFileLocationsDefault() {
        EnvGuard a("PGSERVICEFILE"), b("PGSYSCONFDIR");
        qunsetenv("PGSERVICEFILE");
        qunsetenv("PGSYSCONFDIR");
        QCOMPARE(serviceFileLocations(),
                 QStringList({QDir::homePath() + QStringLiteral("/.pg_service.conf"),
                              QStringLiteral("/etc/postgresql-common/pg_service.conf")}));
        qputenv("PGSYSCONFDIR", "/opt/pg/etc");
        qputenv("PGSERVICEFILE", "/x/services.conf");
        QCOMPARE(serviceFileLocations(), QStringList({QStringLiteral("/x/services.conf"),
                                                      QStringLiteral("/opt/pg/etc/pg_service.conf")}));
    }

    void readServiceFileSections() {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("services.conf"));
        writeFile(file,
                  "ignored=before any section\n"
                  "# comment\n"
                  "[prod]\n"
                  "host=db.example.com\n"
                  "port=6543\n"
                  "  dbname=app db  \n"
                  "user=j\xc3\xbcrgen\n"
                  "sslmode=verify-full\n"
                  "sslrootcert=/etc/ssl/root ca.crt\n"
                  "options=-c statement_timeout=3000 -c search_path=app\n"
                  "target_session_attrs=read-write\n"
                  "host=second-host-is-ignored\n"
                  "\n"
                  "[staging]\n"
                  "# only a host\n"
                  "host=staging\n"
                  "keepalives=0\n"
                  "[empty]\n"
                  "[prod]\n"
                  "host=a-repeated-section-is-ignored\n",
                  QFile::ReadOwner | QFile::WriteOwner);
        const auto profiles = readServiceFile(file);
        QCOMPARE(profiles.size(), 3);
        const ConnectionProfile& prod = profiles[0];
        QCOMPARE(prod.name, QStringLiteral("prod"));
        QCOMPARE(prod.host, QStringLiteral("db.example.com"));
        QCOMPARE(prod.port, 6543);
        QCOMPARE(prod.database, QStringLiteral("app db"));
        QCOMPARE(prod.user, QStringLiteral("jürgen"));
        QCOMPARE(prod.sslMode, QStringLiteral("verify-full"));
        QCOMPARE(prod.sslRootCert, QStringLiteral("/etc/ssl/root ca.crt"));
        QCOMPARE(prod.statementTimeoutMs, 3000);
        QCOMPARE(extra(prod, QStringLiteral("options")), QStringLiteral("-c search_path=app"));
        QCOMPARE(extra(prod, QStringLiteral("target_session_attrs")), QStringLiteral("read-write"));
        QCOMPARE(profiles[1].name, QStringLiteral("staging"));
        QCOMPARE(profiles[1].host, QStringLiteral("staging"));
        QVERIFY(!profiles[1].keepalives);
        QCOMPARE(profiles[2].name, QStringLiteral("empty"));
        ConnectionProfile empty;
        empty.name = QStringLiteral("empty");
        QVERIFY(profiles[2] == empty);
    }

    void readServiceFileInvalid_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        QTest::newRow("port") << QByteArray("[ok]\nhost=h\n[broken]\nport=abc\n") << "port"
                              << "service \"broken\"";
        QTest::newRow("sslmode") << QByteArray("[bad_ssl]\nsslmode=nah\n") << "sslmode"
                                 << "service \"bad_ssl\"";
        QTest::newRow("connect_timeout")
            << QByteArray("[slow]\nconnect_timeout=forever\n") << "connect_timeout"
            << "service \"slow\"";
        QTest::newRow("unknown keyword") << QByteArray("[typo]\nhots=h\n") << "dsn"
                                         << "service \"typo\"";
        QTest::newRow("spaces around =") << QByteArray("[spaced]\nhost = h\n") << "dsn"
                                         << "line 2";
        QTest::newRow("no =") << QByteArray("[s]\nhost\n") << "dsn"
                              << "line 2";
        QTest::newRow("bad section") << QByteArray("[unclosed\nhost=h\n") << "dsn"
                                     << "line 1";
        QTest::newRow("nested service") << QByteArray("[outer]\nservice=inner\n") << "service"
                                        << "service \"outer\"";
    }

    void readServiceFileInvalid() {
        QFETCH(QByteArray, content);
        QFETCH(QString, field);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("bad.conf"));
        writeFile(file, content, QFile::ReadOwner | QFile::WriteOwner);
        try {
            readServiceFile(file);
            QFAIL("accepted");
        } catch (const ConfigurationError& e) {
            QCOMPARE(e.info().field, field);
            QVERIFY2(e.message().contains(message), qPrintable(e.message()));
        }
    }

    void readServiceFileMissing() {
        QVERIFY_THROWS_EXCEPTION(NotFound, readServiceFile(QStringLiteral("/nonexistent/pg_service.conf")));
    }
};

QTEST_GUILESS_MAIN(TestDsnParse)
#include "tst_dsnparse.moc"
