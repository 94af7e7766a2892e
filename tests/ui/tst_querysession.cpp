// SPDX-License-Identifier: GPL-3.0-or-later
// The connection a query tool holds for its life (QuerySession over HeldSession, which a notebook's
// session shares): the same server session from run to run, a new one after its backend was killed, a
// cancel from another thread reaching the statement, and the connection closed, not handed back to the
// pool, when the tool goes.
#include "testcluster.h"
#include "uitestmain.h"

#include "notebook/notebooksession.h"
#include "query/querysession.h"

#include <pgdesk/core/notebook/notebook.h>
#include <pgdesk/core/sqltext/statementsplitter.h>

#include <QTest>

#include <future>
#include <thread>

using pgdesk::core::ScriptRun;
using pgdesk::ui::QuerySession;

class TestQuerySession final : public QObject {
    Q_OBJECT
    std::shared_ptr<pgdesk::core::Pool> m_pool;

    static ScriptRun run(QuerySession& session, const QString& sql) {
        return session.run(pgdesk::core::splitStatements(sql), {});
    }
    // The first value of the last statement, or the error's text.
    static QString value(const ScriptRun& r) {
        if (r.error)
            return QStringLiteral("error: ") + r.error->info.sqlState;
        if (r.statements.isEmpty() || r.statements.last().page.rows.isEmpty())
            return QStringLiteral("no rows");
        return r.statements.last().page.rows.first().value(0).value_or(QStringLiteral("NULL"));
    }
    static int backends(const QString& pid) {
        return pgdesk::test::psqlValue(
                   QStringLiteral("select count(*) from pg_stat_activity where pid = %1").arg(pid))
            .toInt();
    }

private slots:
    void initTestCase() {
        pgdesk::core::ConnectionProfile p = pgdesk::test::profile();
        p.applicationName = QStringLiteral("tst-querysession");
        p.pool.size = 2;
        m_pool = pgdesk::core::Pool::create(p);
    }

    void oneServerSessionFromRunToRun() {
        QuerySession session(m_pool);
        const QString pid = value(run(session, QStringLiteral("select pg_backend_pid()")));
        QVERIFY(pid.toInt() > 0);
        QCOMPARE(
            value(run(session, QStringLiteral("create temp table held(x int); insert into held values (7)"))),
            QStringLiteral("no rows"));
        QCOMPARE(value(run(session, QStringLiteral("select pg_backend_pid()"))), pid);
        QCOMPARE(value(run(session, QStringLiteral("select x from held"))), QStringLiteral("7"));
    }

    void aKilledBackendIsLeftForANewOne() {
        QuerySession session(m_pool);
        const QString pid = value(run(session, QStringLiteral("select pg_backend_pid()")));
        run(session, QStringLiteral("create temp table gone(x int)"));
        QCOMPARE(pgdesk::test::psqlValue(QStringLiteral("select pg_terminate_backend(%1)").arg(pid)),
                 QStringLiteral("t"));
        const ScriptRun lost = run(session, QStringLiteral("select 1"));
        QVERIFY(lost.connectionLost);
        QVERIFY(lost.error);
        // The next run checks out another connection: a new server session, without the temp table.
        const QString again = value(run(session, QStringLiteral("select pg_backend_pid()")));
        QVERIFY(again.toInt() > 0);
        QVERIFY(again != pid);
        QCOMPARE(value(run(session, QStringLiteral("select to_regclass('pg_temp.gone') is null"))),
                 QStringLiteral("t"));
    }

    void aCancelFromAnotherThreadStopsTheStatement() {
        QuerySession session(m_pool);
        const QString pid = value(run(session, QStringLiteral("select pg_backend_pid()")));
        auto sleeping = std::async(std::launch::async,
                                   [&] { return run(session, QStringLiteral("select pg_sleep(60)")); });
        QTRY_COMPARE_WITH_TIMEOUT(
            pgdesk::test::psqlValue(
                QStringLiteral(
                    "select count(*) from pg_stat_activity where pid = %1 and query like '%pg_sleep(60)%' "
                    "and state = 'active'")
                    .arg(pid)),
            QStringLiteral("1"), 10000);
        session.cancel();
        QCOMPARE(sleeping.wait_for(std::chrono::seconds(10)), std::future_status::ready);
        QCOMPARE(value(sleeping.get()), QStringLiteral("error: 57014"));
        QCOMPARE(value(run(session, QStringLiteral("select pg_backend_pid()"))),
                 pid); // still the same session
    }

    void closedNotHandedBackWhenTheToolGoes() {
        QString pid;
        {
            QuerySession session(m_pool);
            pid = value(run(session, QStringLiteral("select pg_backend_pid()")));
            run(session, QStringLiteral("set statement_timeout = 1234"));
            QCOMPARE(backends(pid), 1);
        }
        QTRY_COMPARE_WITH_TIMEOUT(backends(pid), 0, 5000);
        // What the pool hands out next is a fresh session: none of the tool's settings.
        auto connection = m_pool->acquire();
        QVERIFY(connection->exec(QStringLiteral("select pg_backend_pid()")).text(0, 0) != pid);
        QVERIFY(connection->exec(QStringLiteral("show statement_timeout")).text(0, 0) != u"1234ms");
    }

    void aNotebookHoldsItsSessionAlike() {
        pgdesk::ui::NotebookSession notebook(m_pool);
        const QString text = QStringLiteral("# Held\n\n```sql\ncreate temp table cells(x int);\n"
                                            "insert into cells values (1);\n```\n\n```sql\n"
                                            "select count(*) from cells;\n```\n");
        const pgdesk::core::Notebook parsed = pgdesk::core::parseNotebook(text);
        const QList<pgdesk::core::NotebookCellRun> runs = notebook.runAll(parsed, {}, [](const auto&) {});
        QCOMPARE(runs.size(), 2);
        QVERIFY2(runs.first().ok() && runs.last().ok(), qPrintable(runs.first().error + runs.last().error));
        const auto& last = runs.last().sql->statements.constLast().page;
        QCOMPARE(last.rows.value(0).value(0).value_or(QString()), QStringLiteral("1"));
    }
};

PGDESK_UI_TEST_MAIN(TestQuerySession)
#include "tst_querysession.moc"
