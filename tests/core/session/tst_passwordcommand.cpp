// SPDX-License-Identifier: GPL-3.0-or-later
// A profile's password command (short-lived cloud tokens): its output logs in a role that needs a password
// (scram on the test cluster), again for every new pooled connection; its failures are plain words.
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/profiles/passwordcommand.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/pool.h>

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <mutex>

using namespace pgdesk::core;

namespace {

const QString kRole = QStringLiteral("pgdesk_pwcmd_test");

// Captures every Qt message (the SQL echo goes to qDebug) to prove the token never reaches a log.
QStringList g_messages;
std::mutex g_messagesMutex;
void collect(QtMsgType, const QMessageLogContext&, const QString& message) {
    std::lock_guard lock(g_messagesMutex);
    g_messages << message;
}

QString shellQuote(const QString& path) {
    return QLatin1Char('\'') + QString(path).replace(QLatin1String("'"), QLatin1String("'\\''")) +
           QLatin1Char('\'');
}

} // namespace

class TestPasswordCommand : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_token;
    QString m_tokenFile;

    ConnectionProfile profile(const QString& command) const {
        ConnectionProfile p = pgdesk::test::profile(QStringLiteral("postgres"));
        p.user = kRole;
        p.applicationName = QStringLiteral("tst_passwordcommand");
        p.passwordCommand = command;
        return p;
    }
    QString catToken() const { return QStringLiteral("cat ") + shellQuote(m_tokenFile); }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        // A token with characters a shell or a conninfo string would mangle.
        m_token = QStringLiteral("tok-%1 'q' \\ $x").arg(QUuid::createUuid().toString(QUuid::Id128));
        m_tokenFile = m_dir.filePath(QStringLiteral("token"));
        QFile f(m_tokenFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(m_token.toUtf8() + '\n'); // as a CLI prints it: the newline is not part of it
        f.close();
        pgdesk::test::psql(
            QStringLiteral("drop role if exists %1; set password_encryption = 'scram-sha-256'; "
                           "create role %1 login password '%2'")
                .arg(kRole, QString(m_token).replace(QLatin1String("'"), QLatin1String("''"))),
            QStringLiteral("postgres"));
    }

    void cleanupTestCase() {
        pgdesk::test::psql(QStringLiteral("drop role if exists %1").arg(kRole), QStringLiteral("postgres"));
    }

    void withoutCommandTheServerWantsAPassword() {
        // The control: the role really needs a password on this cluster.
        QVERIFY_THROWS_EXCEPTION(AuthenticationError, Connection::open(profile({})));
    }

    void theTokenLogsIn() {
        Connection c = Connection::open(profile(catToken()));
        QCOMPARE(c.exec(QStringLiteral("select current_user")).text(0, 0), kRole);
    }

    void theCommandWinsOverAStalePassword() {
        Connection c = Connection::open(profile(catToken()), QStringLiteral("expired-token"));
        QCOMPARE(c.exec(QStringLiteral("select current_user")).text(0, 0), kRole);
    }

    void aWrongTokenIsRefusedByTheServer() {
        try {
            Connection::open(profile(QStringLiteral("printf 'wrong-token-1234'")));
            QFAIL("a wrong token logged in");
        } catch (const AuthenticationError& e) {
            QCOMPARE(e.sqlState(), QStringLiteral("28P01"));
            QVERIFY2(e.message().contains(QLatin1String("password authentication failed")),
                     qPrintable(e.message()));
            QVERIFY(!e.displayText().contains(QLatin1String("wrong-token-1234")));
        }
    }

    void aFailingCommandIsNamed() {
        try {
            Connection::open(profile(QStringLiteral("echo 'Unable to locate credentials' >&2; echo more >&2; "
                                                    "echo half-a-token; exit 2")));
            QFAIL("a failing command connected");
        } catch (const ConfigurationError& e) {
            // Its messages may hold the secret: only the exit code, and where to look.
            QCOMPARE(e.message(), QStringLiteral("The password command failed (exit 2); its messages are not "
                                                 "shown (they may hold a secret): run it yourself in a "
                                                 "terminal to see them"));
            QVERIFY(!e.displayText().contains(QLatin1String("Unable to locate")));
            QCOMPARE(e.info().field, QStringLiteral("password_command"));
            QVERIFY(!e.displayText().contains(QLatin1String("half-a-token")));
        }
    }

    void aCommandThatPrintsNothingIsNamed() {
        try {
            Connection::open(profile(QStringLiteral("echo")));
            QFAIL("an empty token connected");
        } catch (const ConfigurationError& e) {
            QCOMPARE(e.message(), QStringLiteral("The password command printed nothing"));
        }
    }

    void aSlowCommandTimesOut() {
        ConnectionProfile p = profile(QStringLiteral("sleep 30; ") + catToken());
        p.passwordCommandTimeoutSeconds = 1;
        QElapsedTimer timer;
        timer.start();
        try {
            Connection::open(p);
            QFAIL("a slow command connected");
        } catch (const ConfigurationError& e) {
            QCOMPARE(e.message(), QStringLiteral("The password command timed out after 1 s"));
        }
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    }

    void theCommandRunsForEveryNewPooledConnection() {
        const QString runs = m_dir.filePath(QStringLiteral("runs"));
        ConnectionProfile p = profile(QStringLiteral("echo run >> %1; %2").arg(shellQuote(runs), catToken()));
        p.pool.size = 2;
        p.pool.maxOverflow = 0;
        p.echo = true; // every statement goes to the log: the token must not
        auto countRuns = [&runs] {
            QFile f(runs);
            return f.open(QIODevice::ReadOnly) ? int(f.readAll().count('\n')) : 0;
        };
        {
            std::lock_guard lock(g_messagesMutex);
            g_messages.clear();
        }
        const QtMessageHandler previous = qInstallMessageHandler(collect);
        auto pool = Pool::create(p);
        QCOMPARE(countRuns(), 0); // a pool connects lazily
        {
            auto a = pool->acquire();
            auto b = pool->acquire();
            QCOMPARE(a->exec(QStringLiteral("select current_user")).text(0, 0), kRole);
            QCOMPARE(b->exec(QStringLiteral("select current_user")).text(0, 0), kRole);
            QCOMPARE(countRuns(), 2);
        }
        {
            auto again = pool->acquire(); // an idle connection: no new login, no new token
            QCOMPARE(again->exec(QStringLiteral("select 1")).text(0, 0), QStringLiteral("1"));
            QCOMPARE(countRuns(), 2);
        }
        pool->dispose();
        {
            auto fresh = pool->acquire();
            QCOMPARE(fresh->exec(QStringLiteral("select 1")).text(0, 0), QStringLiteral("1"));
            QCOMPARE(countRuns(), 3);
        }
        qInstallMessageHandler(previous);
        QVERIFY(!pool->password()); // the pool keeps no token
        std::lock_guard lock(g_messagesMutex);
        QVERIFY2(!g_messages.isEmpty(), "echo logged nothing: the check below would prove nothing");
        for (const QString& message : g_messages)
            QVERIFY2(!message.contains(m_token), qPrintable(message));
    }

    void runPasswordCommandTrimsOnlyTheLineEnd() {
        QCOMPARE(runPasswordCommand(QStringLiteral("printf ' a b \\r\\n'"), 5), QStringLiteral(" a b "));
    }
};

QTEST_GUILESS_MAIN(TestPasswordCommand)
#include "tst_passwordcommand.moc"
