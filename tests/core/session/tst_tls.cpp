// SPDX-License-Identifier: GPL-3.0-or-later
// TLS against a real server: the test generates a CA, a server certificate for "localhost" only and client
// certificates (tests/support/make-test-certs.sh), starts its own throwaway cluster with ssl=on
// (scripts/pgcluster --ssl: password roles over hostssl, pgdesk_cert by certificate, plain TCP rejected)
// and checks that verify-full connects, and that a wrong CA, a wrong host name, a missing key or an
// untrusted client certificate are refused with a message that says what to fix.
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/connection.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace pgdesk::core;

namespace {

QString run(const QString& program, const QStringList& args) {
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(180000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        qFatal("%s failed: %s%s", qPrintable(program), p.readAllStandardOutput().constData(),
               p.readAllStandardError().constData());
    return QString::fromUtf8(p.readAllStandardOutput());
}

std::optional<ErrorInfo> connectFailure(const ConnectionProfile& profile,
                                        const std::optional<QString>& password) {
    try {
        Connection::open(profile, password);
    } catch (const Error& e) {
        return e.info();
    }
    return std::nullopt;
}

// A connection that should open; an exception would end the whole run before cleanupTestCase() stops the
// server, so failures become a null result (the error is printed).
std::optional<Connection> tryOpen(const ConnectionProfile& profile, const std::optional<QString>& password) {
    try {
        return Connection::open(profile, password);
    } catch (const Error& e) {
        qWarning().noquote() << e.displayText();
    }
    return std::nullopt;
}

} // namespace

class TestTls final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_certs;
    QString m_cluster;
    int m_port = 0;
    QString m_pgcluster;

    QString cert(const char* name) const { return m_certs.filePath(QLatin1String(name)); }
    ConnectionProfile tls(const QString& host, const QString& user) const {
        ConnectionProfile p;
        p.name = QStringLiteral("tls");
        p.host = host;
        p.port = m_port;
        p.database = QStringLiteral("postgres");
        p.user = user;
        p.sslMode = QStringLiteral("verify-full");
        p.sslRootCert = cert("ca.crt");
        p.connectTimeoutSeconds = 10;
        return p;
    }
    ConnectionProfile passwordUser(const QString& host = QStringLiteral("localhost")) const {
        return tls(host, pgdesk::test::cluster().authUser);
    }
    ConnectionProfile certUser() const {
        ConnectionProfile p = tls(QStringLiteral("localhost"), QStringLiteral("pgdesk_cert"));
        p.sslCert = cert("client.crt");
        p.sslKey = cert("client.key");
        return p;
    }
    static QString password() { return pgdesk::test::cluster().authPassword; }

private slots:
    void initTestCase() {
        QVERIFY(m_certs.isValid());
        const QString source = qEnvironmentVariable("PGDESK_SOURCE_DIR");
        run(source + QStringLiteral("/tests/support/make-test-certs.sh"), {m_certs.path()});
        m_pgcluster = source + QStringLiteral("/scripts/pgcluster");
        m_cluster =
            QDir::tempPath() + QStringLiteral("/pgdesk-tls-%1").arg(QCoreApplication::applicationPid());
        const QString env = run(m_pgcluster, {QStringLiteral("start"), m_cluster, QStringLiteral("--fast"),
                                              QStringLiteral("--ssl"), m_certs.path()});
        for (const QString& line : env.split(QLatin1Char('\n')))
            if (line.startsWith(QLatin1String("PGDESK_PGPORT=")))
                m_port = line.mid(14).toInt();
        QVERIFY2(m_port > 0, qPrintable(env));
    }

    void cleanupTestCase() {
        if (!m_cluster.isEmpty())
            run(m_pgcluster, {QStringLiteral("destroy"), m_cluster});
    }

    void verifyFullConnects() {
        auto c = tryOpen(passwordUser(), password());
        QVERIFY(c);
        const Result r = c->exec(QStringLiteral("select ssl, version, current_user from pg_stat_ssl "
                                                "where pid = pg_backend_pid()"),
                                 Params{});
        QCOMPARE(r.text(0, 0), QStringLiteral("t"));
        QVERIFY2(r.text(0, 1).startsWith(QLatin1String("TLSv1.")), qPrintable(r.text(0, 1)));
        QCOMPARE(r.text(0, 2), pgdesk::test::cluster().authUser);
    }

    void wrongCaRefused() {
        ConnectionProfile p = passwordUser();
        p.sslRootCert = cert("other-ca.crt");
        const auto e = connectFailure(p, password());
        QVERIFY(e);
        QCOMPARE(e->kind, ErrorKind::Connection);
        QVERIFY2(e->message.contains(QLatin1String("certificate verify failed")), qPrintable(e->message));
        QVERIFY2(e->hint.contains(QLatin1String("not signed by a certificate authority in sslrootcert")) &&
                     e->hint.contains(cert("other-ca.crt")),
                 qPrintable(e->hint));
        // Without verification (sslmode=require and no root certificate, which would make libpq verify
        // anyway) the same server connects: it was the CA that failed.
        p.sslMode = QStringLiteral("require");
        p.sslRootCert.clear();
        QVERIFY(tryOpen(p, password()));
    }

    void hostNameMismatchRefused() {
        // The certificate names localhost only, not 127.0.0.1.
        const auto e = connectFailure(passwordUser(QStringLiteral("127.0.0.1")), password());
        QVERIFY(e);
        QCOMPARE(e->kind, ErrorKind::Connection);
        QVERIFY2(e->message.contains(QLatin1String("does not match host name \"127.0.0.1\"")),
                 qPrintable(e->message));
        QVERIFY2(e->hint.contains(QLatin1String("another host name")), qPrintable(e->hint));
        // verify-ca checks the signature only: the same address connects.
        ConnectionProfile p = passwordUser(QStringLiteral("127.0.0.1"));
        p.sslMode = QStringLiteral("verify-ca");
        QVERIFY(tryOpen(p, password()));
    }

    void missingRootCertificate() {
        ConnectionProfile p = passwordUser();
        p.sslRootCert.clear(); // libpq then looks for ~/.postgresql/root.crt, absent in the test's HOME
        const auto e = connectFailure(p, password());
        QVERIFY(e);
        QCOMPARE(e->kind, ErrorKind::Configuration);
        QCOMPARE(e->field, QStringLiteral("sslrootcert"));
    }

    void clientCertificate() {
        auto c = tryOpen(certUser(), {});
        QVERIFY(c);
        QCOMPARE(c->exec(QStringLiteral("select current_user"), Params{}).text(0, 0),
                 QStringLiteral("pgdesk_cert"));

        // The certificate without its key.
        ConnectionProfile p = certUser();
        p.sslKey = m_certs.filePath(QStringLiteral("missing.key"));
        auto e = connectFailure(p, {});
        QVERIFY(e);
        QCOMPARE(e->kind, ErrorKind::Configuration);
        QCOMPARE(e->field, QStringLiteral("sslkey"));
        QVERIFY2(e->message.contains(QLatin1String("private key")), qPrintable(e->message));

        // No certificate at all: the server wants one for this role.
        p = certUser();
        p.sslCert = m_certs.filePath(QStringLiteral("missing.crt"));
        p.sslKey = m_certs.filePath(QStringLiteral("missing.key"));
        e = connectFailure(p, {});
        QVERIFY(e);
        QCOMPARE(e->kind, ErrorKind::Authentication);
        QVERIFY2(e->hint.contains(QLatin1String("sslcert and sslkey")), qPrintable(e->message + e->hint));

        // A certificate from another CA.
        p = certUser();
        p.sslCert = cert("other-client.crt");
        p.sslKey = cert("other-client.key");
        e = connectFailure(p, {});
        QVERIFY(e);
        QCOMPARE(e->kind, ErrorKind::Authentication);
        QVERIFY2(e->hint.contains(QLatin1String("does not accept the client certificate")),
                 qPrintable(e->message));

        // The key of another certificate: the handshake cannot prove ownership.
        p = certUser();
        p.sslKey = cert("other-client.key");
        e = connectFailure(p, {});
        QVERIFY(e);
        QVERIFY(e->kind == ErrorKind::Configuration || e->kind == ErrorKind::Connection);
    }

    // Plain TCP is rejected by the server's pg_hba (hostnossl … reject).
    void plainConnectionRejected() {
        ConnectionProfile p = passwordUser();
        p.sslMode = QStringLiteral("disable");
        const auto e = connectFailure(p, password());
        QVERIFY(e);
        QVERIFY2(e->message.contains(QLatin1String("no encryption")), qPrintable(e->message));
    }

    // The CLI reports the same, with exit code 3 and the hint.
    void cli() {
        const QString base =
            QStringLiteral("host=localhost port=%1 dbname=postgres user=pgdesk_cert sslmode=verify-full "
                           "sslcert=%2 sslkey=%3")
                .arg(m_port)
                .arg(cert("client.crt"), cert("client.key"));
        QProcess good;
        good.start(pgdesk::test::binary(QStringLiteral("pgdesk-cli")),
                   {QStringLiteral("--dsn"), base + QStringLiteral(" sslrootcert=") + cert("ca.crt"),
                    QStringLiteral("query"),
                    QStringLiteral("select ssl from pg_stat_ssl where pid = pg_backend_pid()")});
        QVERIFY(good.waitForFinished(60000));
        QCOMPARE(good.exitCode(), 0);
        QVERIFY(good.readAllStandardOutput().contains("t"));
        QProcess bad;
        bad.start(pgdesk::test::binary(QStringLiteral("pgdesk-cli")),
                  {QStringLiteral("--dsn"), base + QStringLiteral(" sslrootcert=") + cert("other-ca.crt"),
                   QStringLiteral("query"), QStringLiteral("select 1")});
        QVERIFY(bad.waitForFinished(60000));
        QCOMPARE(bad.exitCode(), 3);
        const QString err = QString::fromUtf8(bad.readAllStandardError());
        QVERIFY2(err.contains(QLatin1String("certificate verify failed")) &&
                     err.contains(QLatin1String("sslrootcert")),
                 qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
