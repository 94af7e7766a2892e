// SPDX-License-Identifier: GPL-3.0-or-later
// Secrets never leave the keychain: a role with a distinctive password, profiles holding it (keychain of
// the isolated D-Bus session), then every path that could leak it (connect with the right and a wrong
// password, echo logging, SQL errors, profiles show/list/test, DSNs with the password inside, malformed
// DSNs, processes killed mid-connect and mid-statement, the change journal and the query history). At the
// end every file under HOME (which holds the XDG config, data and cache folders here) and everything the
// processes printed is searched for the password, also base64- and hex-encoded: zero hits.
#include "clirunner.h"

#include <pgdesk/core/editing/changejournal.h>
#include <pgdesk/core/editing/changeset.h>
#include <pgdesk/core/local/queryhistory.h>
#include <pgdesk/core/session/dsn.h>

#include <QDateTime>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>
#include <QUrl>

#include <csignal>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace pgdesk::test;

namespace {

const QString kRole = QStringLiteral("pgdesk_secret_probe");
// Distinctive: no other text of the project contains it, so any hit is a leak.
const QString kPassword = QStringLiteral("Qv7-pgdesk-SECRET-3141-x");

// A TCP port that accepts connections (the kernel completes the handshake) but never answers: libpq
// waits there in the middle of connecting.
class BlackHole final {
public:
    BlackHole() {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof a;
        if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr*>(&a), len) != 0 || ::listen(m_fd, 8) != 0 ||
            ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&a), &len) != 0)
            qFatal("black hole socket failed");
        m_port = ntohs(a.sin_port);
    }
    ~BlackHole() { ::close(m_fd); }
    BlackHole(const BlackHole&) = delete;
    BlackHole& operator=(const BlackHole&) = delete;
    int port() const { return m_port; }

private:
    int m_fd = -1;
    int m_port = 0;
};

} // namespace

class TestCliSecrets final : public QObject {
    Q_OBJECT
private:
    QByteArray m_printed; // everything every process printed, searched at the end
    int m_runs = 0;

    CliRun cli(const QStringList& args, const QByteArray& input = {}) {
        const CliRun r = runCli(args, input);
        m_printed += r.out.toUtf8() + '\n' + r.err.toUtf8() + '\n';
        ++m_runs;
        return r;
    }
    static QStringList probe() { return {QStringLiteral("--profile"), QStringLiteral("probe")}; }
    QString uri(const QString& database = QStringLiteral("pgdesk_demo")) const {
        return QStringLiteral("postgresql://%1:%2@/%3?host=%4&port=%5")
            .arg(kRole, kPassword, database, cluster().host)
            .arg(cluster().port);
    }

    // Starts pgdesk-cli and kills it with `signal` once it has run for `afterMs`.
    void killMidway(const QStringList& args, int signal, int afterMs) {
        QProcess p;
        p.start(binary(QStringLiteral("pgdesk-cli")), args);
        QVERIFY(p.waitForStarted());
        QTest::qWait(afterMs);
        QCOMPARE(p.state(), QProcess::Running); // still connecting / still running the statement
        ::kill(pid_t(p.processId()), signal);
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);
        m_printed += p.readAllStandardOutput() + '\n' + p.readAllStandardError() + '\n';
        ++m_runs;
    }

private slots:
    void initTestCase() {
        psql(QStringLiteral("drop role if exists %1; create role %1 login password '%2';"
                            "grant select on public.customer to %1")
                 .arg(kRole, kPassword));
    }

    void cleanupTestCase() { psql(QStringLiteral("drop owned by %1; drop role if exists %1").arg(kRole)); }

    void profilesAndConnections() {
        // A profile whose password goes to the keychain; echo on, so every statement is logged.
        CliRun r = cli({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("probe"),
                        QStringLiteral("--host"), cluster().host, QStringLiteral("--port"),
                        QString::number(cluster().port), QStringLiteral("--database"),
                        QStringLiteral("pgdesk_demo"), QStringLiteral("--user"), kRole,
                        QStringLiteral("--echo"), QStringLiteral("--password-stdin")},
                       kPassword.toUtf8() + "\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // The same from a DSN with the password inside.
        r = cli({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("fromdsn"),
                 QStringLiteral("--dsn"), uri()});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (const QString& name : {QStringLiteral("probe"), QStringLiteral("fromdsn")}) {
            r = cli({QStringLiteral("profiles"), QStringLiteral("show"), name});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QVERIFY2(r.out.contains(QLatin1String("stored in keychain")), qPrintable(r.out));
            r = cli({QStringLiteral("profiles"), QStringLiteral("test"), name});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        }
        r = cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("profiles"),
                 QStringLiteral("list")});
        QCOMPARE(r.exitCode, 0);

        // Statements with echo logging, an SQL error, a constraint error with DETAIL.
        r = cli(probe() + QStringList{QStringLiteral("query"),
                                      QStringLiteral("select current_user, count(*) from customer")});
        QVERIFY2(r.exitCode == 0 && r.out.contains(kRole), qPrintable(r.out + r.err));
        QVERIFY2(r.err.contains(QLatin1String("select current_user")), qPrintable(r.err)); // echo is on
        r = cli(probe() +
                QStringList{QStringLiteral("query"), QStringLiteral("select * from no_such_table")});
        QCOMPARE(r.exitCode, 6);
        r = cli(probe() + QStringList{QStringLiteral("query"), QStringLiteral("delete from customer")});
        QCOMPARE(r.exitCode, 4); // permission denied
        r = cli(probe() + QStringList{QStringLiteral("--format"), QStringLiteral("json"),
                                      QStringLiteral("browse"), QStringLiteral("customer"),
                                      QStringLiteral("--filter"), QStringLiteral("customer_id equal x")});
        QVERIFY(r.exitCode != 0);

        // Wrong passwords: from stdin, in a DSN; a DSN with the right one; DSNs that do not parse.
        r = cli(probe() + QStringList{QStringLiteral("--password-stdin"), QStringLiteral("query"),
                                      QStringLiteral("select 1")},
                "not-" + kPassword.toUtf8() + "\n");
        QCOMPARE(r.exitCode, 3);
        QString wrong = uri();
        wrong.replace(kPassword, QStringLiteral("wrong") + kPassword.left(3));
        r = cli({QStringLiteral("--dsn"), wrong, QStringLiteral("query"), QStringLiteral("select 1")});
        QCOMPARE(r.exitCode, 3);
        r = cli({QStringLiteral("--dsn"), uri(), QStringLiteral("query"), QStringLiteral("select 1")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = cli({QStringLiteral("--dsn"), uri(QStringLiteral("no_such_database")), QStringLiteral("query"),
                 QStringLiteral("select 1")});
        QCOMPARE(r.exitCode, 3);
        for (const QString& bad :
             {QStringLiteral("postgresql://%1:%2@localhost:notaport/db").arg(kRole, kPassword),
              QStringLiteral("host=localhost password=%1 sslmode=bogus").arg(kPassword),
              QStringLiteral("host=localhost password='%1").arg(kPassword),
              QStringLiteral("host=localhost passwd=%1").arg(kPassword),
              QStringLiteral("postgresql://%1:%2@[::1/db").arg(kRole, kPassword)}) {
            r = cli({QStringLiteral("--dsn"), bad, QStringLiteral("query"), QStringLiteral("select 1")});
            QVERIFY2(r.exitCode != 0, qPrintable(bad));
        }
        r = cli({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("bad"),
                 QStringLiteral("--dsn"), QStringLiteral("postgresql://u:%1@h:99999/db").arg(kPassword)});
        QVERIFY(r.exitCode != 0);
    }

    // Crash paths: killed while connecting (to a server that never answers) and while a statement runs.
    void killedProcesses() {
        BlackHole hole;
        const QString stuck =
            QStringLiteral("host=127.0.0.1 port=%1 user=%2 password=%3 dbname=x connect_timeout=30")
                .arg(hole.port())
                .arg(kRole, kPassword);
        killMidway({QStringLiteral("--dsn"), stuck, QStringLiteral("query"), QStringLiteral("select 1")},
                   SIGKILL, 700);
        killMidway({QStringLiteral("--dsn"), stuck, QStringLiteral("query"), QStringLiteral("select 1")},
                   SIGABRT, 700);
        killMidway({QStringLiteral("--dsn"), stuck, QStringLiteral("query"), QStringLiteral("select 1")},
                   SIGSEGV, 700);
        killMidway(probe() + QStringList{QStringLiteral("query"), QStringLiteral("select pg_sleep(20)")},
                   SIGKILL, 1500);
        killMidway(probe() + QStringList{QStringLiteral("query"), QStringLiteral("select pg_sleep(20)")},
                   SIGABRT, 1500);
    }

    // What the desktop app keeps per profile: the change journal and the query history (same core code).
    void journalAndHistory() {
        pgdesk::core::ChangeJournal journal;
        pgdesk::core::ChangeSet changes;
        changes.table = QStringLiteral("public.customer");
        changes.stageUpdate({{QStringLiteral("customer_id"), QStringLiteral("1")}}, QStringLiteral("123"),
                            {{QStringLiteral("email"), QStringLiteral("a@b.c")}});
        journal.stage(QStringLiteral("probe"), changes);
        QVERIFY(QFile::exists(journal.path()));
        pgdesk::core::QueryHistory history;
        history.add(QStringLiteral("probe"), QStringLiteral("select 1"), QDateTime::currentDateTime(), 3, 1);
        QVERIFY(QFile::exists(history.path()));
    }

    // DSNs shown to the user mask the password, whatever its form.
    void maskedDsns() {
        using pgdesk::core::maskDsnPassword;
        const QStringList dsns{
            uri(),
            QStringLiteral("postgres://%1:%2@h/db").arg(kRole, kPassword),
            QStringLiteral("host=h password=%1 user=u").arg(kPassword),
            QStringLiteral("host=h password='%1' user=u").arg(kPassword),
            QStringLiteral("host=h   password = %1").arg(kPassword),
            QStringLiteral("postgresql://h/db?password=%1&sslmode=require").arg(kPassword),
            QStringLiteral("postgresql://%1:%2@h1:5432,h2:5433/db")
                .arg(kRole, QString::fromLatin1(QUrl::toPercentEncoding(kPassword))),
        };
        for (const QString& dsn : dsns) {
            const QString masked = maskDsnPassword(dsn);
            QVERIFY2(!masked.contains(kPassword), qPrintable(masked));
            QVERIFY2(masked.contains(QLatin1String("****")), qPrintable(masked));
        }
        QVERIFY(!pgdesk::core::toDsn(pgdesk::core::parseDsn(uri()).profile).contains(kPassword));
    }

    // The search: every file under HOME (config, data, cache, runtime and the keyring's folder) and every
    // byte printed. The keyring file holds the password encrypted, which is the point.
    void noPasswordAnywhere() {
        QVERIFY(m_runs > 20);
        const QList<QByteArray> forms{
            kPassword.toUtf8(), kPassword.toUtf8().toBase64(), kPassword.toUtf8().toHex(),
            QByteArray::fromRawData(reinterpret_cast<const char*>(kPassword.utf16()), kPassword.size() * 2)};
        QStringList roots{QDir::homePath()};
        for (const auto location : {QStandardPaths::ConfigLocation, QStandardPaths::GenericDataLocation,
                                    QStandardPaths::CacheLocation, QStandardPaths::RuntimeLocation})
            roots << QStandardPaths::writableLocation(location);
        QStringList hits;
        int files = 0;
        qint64 bytes = 0;
        for (const QString& root : roots) {
            QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                QFile f(path);
                if (!f.open(QIODevice::ReadOnly))
                    continue; // sockets
                const QByteArray data = f.readAll();
                ++files;
                bytes += data.size();
                for (const QByteArray& form : forms)
                    if (data.contains(form))
                        hits << path;
            }
        }
        for (const QByteArray& form : forms)
            if (m_printed.contains(form))
                hits << QStringLiteral("(process output)");
        qInfo("searched %d files (%lld bytes) and %lld bytes of output of %d runs", files, bytes,
              qint64(m_printed.size()), m_runs);
        QVERIFY2(files >= 3, "expected at least profiles.json, the journal and the history");
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char('\n'))));
        // The search itself works: the profile file is there and names the role.
        QFile profiles(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
                       QStringLiteral("/pgdesk/profiles.json"));
        QVERIFY(profiles.open(QIODevice::ReadOnly));
        QVERIFY(profiles.readAll().contains(kRole.toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestCliSecrets)
#include "tst_cli_secrets.moc"
