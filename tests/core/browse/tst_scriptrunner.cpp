// SPDX-License-Identifier: GPL-3.0-or-later
// The script runner against the real server: a result per statement, row counts, notices, the first error
// with its statement and position, transactions that span runs, autocommit off, cancel, bounded results.
#include "scratchschema.h"
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/scriptrunner.h>
#include <pgdesk/core/session/connection.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QThread>

using namespace pgdesk::core;
using pgdesk::test::psql;

namespace {

QStringList column(const Page& page, int c) {
    QStringList out;
    for (const auto& row : page.rows)
        out << (row.at(c) ? *row.at(c) : QStringLiteral("<null>"));
    return out;
}

} // namespace

class TestScriptRunner final : public QObject {
    Q_OBJECT
    std::optional<pgdesk::test::ScratchSchema> m_scratch; // first: dropped after the connections close
    Connection m_c;
    QString m_schema;

    QString table() const { return m_schema + QStringLiteral(".t"); }
    QString countRows() const { return psql(QStringLiteral("select count(*) from ") + table()); }

private slots:
    void initTestCase() {
        m_schema = QStringLiteral("sr_%1").arg(QCoreApplication::applicationPid());
        m_scratch.emplace(m_schema, QStringLiteral("create table $S.t (id int primary key, note text);"
                                                   "create sequence $S.s;"));
        m_c = Connection::open(pgdesk::test::profile());
    }
    void init() { psql(QStringLiteral("truncate %1").arg(table())); }

    void aResultPerStatement() {
        ScriptRunner runner(m_c);
        const QString script =
            QStringLiteral("select 1 as a, 'ü🐘'::text as b;\n"
                           "values ('x'), (null), ('');\n"
                           "select g from generate_series(1, 250) g -- paged on the server\n");
        const ScriptRun run = runner.run(script);
        QVERIFY2(!run.error, qPrintable(run.error ? run.error->text : QString()));
        QCOMPARE(run.statements.size(), 3);
        QCOMPARE(run.transaction, TransactionState::Idle);

        const StatementResult& first = run.statements[0];
        QCOMPARE(first.index, 0);
        QCOMPARE(first.offset, 0);
        QVERIFY(first.paged);
        QVERIFY(first.returnsRows);
        QCOMPARE(first.page.columns.size(), 2);
        QCOMPARE(first.page.columns[0].name, QStringLiteral("a"));
        QCOMPARE(first.page.columns[0].type, QStringLiteral("integer"));
        QCOMPARE(first.page.columns[0].typeOid, 23u); // as the server sent it (kept rows compare by it)
        QCOMPARE(column(first.page, 1), QStringList{QString::fromUtf8("ü🐘")});
        QCOMPARE(first.commandStatus, QStringLiteral("SELECT 1"));

        // NULL and the empty string stay apart.
        const StatementResult& second = run.statements[1];
        QCOMPARE(second.offset, script.indexOf(QLatin1String("values")));
        QCOMPARE(second.page.rows.size(), 3);
        QVERIFY(!second.page.rows[1][0].has_value());
        QVERIFY(second.page.rows[2][0].has_value());
        QCOMPARE(*second.page.rows[2][0], QString());

        // Bounded: one page of 100 comes over, the rest stays on the server; the next page on request.
        const StatementResult& third = run.statements[2];
        QVERIFY(third.paged);
        QCOMPARE(third.page.rows.size(), 100);
        QCOMPARE(third.rowCount, 250);
        QuerySpec next = third.spec;
        next.page.pageNumber = 3;
        const Page page3 = runner.fetchPage(next, third.table);
        QCOMPARE(page3.rows.size(), 50);
        QCOMPARE(*page3.rows[0][0], QStringLiteral("201"));
    }

    void parametersAreBoundPerStatement() {
        ScriptRunner runner(m_c);
        ScriptRunOptions options;
        const QString value = QStringLiteral("it's -- \"data\"; $1 :b");
        options.parameters.insert(QStringLiteral("a"), param(value));
        options.parameters.insert(QStringLiteral("b"), nullParam());
        options.parameters.insert(QStringLiteral("1"), param(QStringLiteral("7")));
        const ScriptRun run = runner.run(QStringLiteral("insert into %1 values ($1::int, :a);\n"
                                                        "select note, :b::text is null as b from %1;\n"
                                                        "select ':a'::text as s")
                                             .arg(table()),
                                         options);
        QVERIFY2(!run.error, qPrintable(run.error ? run.error->text : QString()));
        QCOMPARE(run.statements.size(), 3);
        QCOMPARE(psql(QStringLiteral("select id || '|' || note from %1").arg(table())),
                 QStringLiteral("7|") + value);
        QVERIFY(run.statements[1].paged); // with placeholders: paged all the same
        QCOMPARE(column(run.statements[1].page, 0), QStringList{value});
        QCOMPARE(column(run.statements[1].page, 1), QStringList{QStringLiteral("t")});
        QVERIFY(run.statements[2].paged); // none: as before
        QCOMPARE(column(run.statements[2].page, 0), QStringList{QStringLiteral(":a")});

        // Paged with its values: the next pages and the count bind them too (250 rows, 100 a page).
        options.parameters.insert(QStringLiteral("upto"), param(QStringLiteral("250")));
        const ScriptRun many = runner.run(
            QStringLiteral("select g, :a::text as a from generate_series(1, :upto::int) g"), options);
        QVERIFY2(!many.error, qPrintable(many.error ? many.error->text : QString()));
        const StatementResult& first = many.statements.first();
        QVERIFY(first.paged);
        QCOMPARE(first.page.rows.size(), 100);
        QCOMPARE(first.spec.sqlParams.size(), 2);
        QuerySpec third = first.spec;
        third.page.pageNumber = 3;
        const Page page3 = runner.fetchPage(third, first.table);
        QCOMPARE(page3.rows.size(), 50);
        QCOMPARE(*page3.rows[49][0], QStringLiteral("250"));
        QCOMPARE(*page3.rows[0][1], value);

        // An error after `:name` placeholders points where the user wrote it, not into the `$n` rewrite.
        const QString named = QStringLiteral("select 1;\nselect :a_long_name::text, :b::text, nope_col");
        options.parameters.insert(QStringLiteral("a_long_name"), param(QStringLiteral("x")));
        const ScriptRun wrong = runner.run(named, options);
        QVERIFY(wrong.error);
        QCOMPARE(wrong.error->info.sqlState, QStringLiteral("42703"));
        QCOMPARE(wrong.error->scriptPosition, named.indexOf(QLatin1String("nope_col")));

        // EXPLAIN binds them the same way: the plan of the statement with its values.
        const ExplainResult plan =
            runner.explain(QStringLiteral("select * from %1 where note = :a and id = $1").arg(table()), false,
                           {}, options.parameters);
        QVERIFY2(plan.json.contains("Seq Scan") || plan.json.contains("Index"), plan.json.constData());

        // A missing value stops the run at its statement before the server sees it.
        const ScriptRun missing = runner.run(QStringLiteral("select 1; select :nothere"), options);
        QVERIFY(missing.error);
        QCOMPARE(missing.error->statementIndex, 1);
        QVERIFY2(missing.error->text.contains(QStringLiteral(":nothere")), qPrintable(missing.error->text));
    }

    void dmlRowCountsAndReturning() {
        ScriptRunner runner(m_c);
        ScriptRunOptions options;
        options.streamLimit = 1000;
        const ScriptRun run = runner.run(
            QStringLiteral(
                "insert into %1 select g, 'n' || g from generate_series(1, 1500) g returning id, note;"
                "update %1 set note = null where id <= 3;"
                "update %1 set note = '' where id = 4 returning note;"
                "delete from %1 where id > 1000;"
                "create temp table tmp_x (a int)")
                .arg(table()),
            options);
        QVERIFY2(!run.error, qPrintable(run.error ? run.error->text : QString()));
        QCOMPARE(run.statements.size(), 5);
        const StatementResult& insert = run.statements[0];
        QVERIFY(!insert.paged);
        QVERIFY(insert.returnsRows);
        QCOMPARE(insert.commandStatus, QStringLiteral("INSERT 0 1500"));
        QCOMPARE(insert.affectedRows, 1500);
        QCOMPARE(insert.page.rows.size(), 1000); // kept
        QCOMPARE(insert.rowCount, 1500);         // counted
        QVERIFY(insert.truncated);
        QCOMPARE(insert.page.columns[0].type, QStringLiteral("integer"));
        QCOMPARE(run.statements[1].commandStatus, QStringLiteral("UPDATE 3"));
        QCOMPARE(run.statements[1].affectedRows, 3);
        QVERIFY(!run.statements[1].returnsRows);
        QCOMPARE(run.statements[2].page.rows.size(), 1);
        QCOMPARE(*run.statements[2].page.rows[0][0], QString());
        QCOMPARE(run.statements[3].commandStatus, QStringLiteral("DELETE 500"));
        QCOMPARE(run.statements[4].commandStatus, QStringLiteral("CREATE TABLE"));
        QCOMPARE(run.statements[4].affectedRows, -1);
        QCOMPARE(countRows(), QStringLiteral("1000"));
        QCOMPARE(psql(QStringLiteral("select count(*) from %1 where note is null").arg(table())),
                 QStringLiteral("3"));
    }

    void noticesPerStatement() {
        ScriptRunner runner(m_c);
        const ScriptRun run = runner.run(
            QStringLiteral("do $$ begin raise notice 'first %', 'ü🐘'; raise warning 'careful'; end $$;\n"
                           "select 1;\n"
                           "do $$ begin raise notice 'third; with a semicolon'; end $$"));
        QVERIFY(!run.error);
        QCOMPARE(run.statements[0].notices,
                 (QStringList{QString::fromUtf8("NOTICE:  first ü🐘"), QStringLiteral("WARNING:  careful")}));
        QVERIFY(run.statements[1].notices.isEmpty());
        QCOMPARE(run.statements[2].notices, QStringList{QStringLiteral("NOTICE:  third; with a semicolon")});
        QCOMPARE(run.statements[0].commandStatus, QStringLiteral("DO"));
    }

    void theFirstErrorStopsTheRunWithItsStatementAndPosition() {
        ScriptRunner runner(m_c);
        const QString script =
            QStringLiteral("select '🐘';\ninsert into %1 values (1);\nselect * from nope_tbl;\n"
                           "insert into %1 values (2)")
                .arg(table());
        const ScriptRun run = runner.run(script);
        QVERIFY(run.error);
        QCOMPARE(run.statements.size(), 2);
        QCOMPARE(run.error->statementIndex, 2);
        QCOMPARE(run.error->info.sqlState, QStringLiteral("42P01"));
        QCOMPARE(run.error->scriptPosition, script.indexOf(QLatin1String("nope_tbl")));
        QVERIFY(run.error->text.contains(QLatin1String("nope_tbl")));
        QCOMPARE(countRows(), QStringLiteral("1")); // autocommit: the second statement stays done

        // A syntax error after non-ASCII text: the server counts characters, the editor UTF-16 units.
        const QString syntax = QStringLiteral("select 'ü🐘' as x; select 'ü🐘' from from t");
        const ScriptRun bad = runner.run(syntax);
        QVERIFY(bad.error);
        QCOMPARE(bad.error->statementIndex, 1);
        QCOMPARE(bad.error->info.kind, ErrorKind::Syntax);
        QCOMPARE(bad.error->scriptPosition, syntax.indexOf(QLatin1String("from t")));

        // A runtime error inside a paged query points at the statement.
        const QString runtime = QStringLiteral("select 1;  select 1 / 0");
        const ScriptRun zero = runner.run(runtime);
        QCOMPARE(zero.error->info.sqlState, QStringLiteral("22012"));
        QCOMPARE(zero.error->scriptPosition, runtime.indexOf(QLatin1String("select 1 /")));
        QCOMPARE(zero.transaction, TransactionState::Idle);
    }

    void beginInOneRunCommitInTheNext() {
        ScriptRunner runner(m_c);
        ScriptRun run = runner.run(QStringLiteral("begin; insert into %1 values (1, 'in tx')").arg(table()));
        QVERIFY(!run.error);
        QCOMPARE(run.transaction, TransactionState::InTransaction);
        QCOMPARE(countRows(), QStringLiteral("0")); // not visible to others yet
        // A select inside the transaction sees the row (paged, on this connection).
        run = runner.run(QStringLiteral("select note from %1").arg(table()));
        QVERIFY(run.statements[0].paged);
        QCOMPARE(column(run.statements[0].page, 0), QStringList{QStringLiteral("in tx")});
        QCOMPARE(run.transaction, TransactionState::InTransaction);
        run = runner.run(QStringLiteral("commit"));
        QCOMPARE(run.statements[0].commandStatus, QStringLiteral("COMMIT"));
        QCOMPARE(run.transaction, TransactionState::Idle);
        QCOMPARE(countRows(), QStringLiteral("1"));
    }

    void aFailedTransactionWaitsForRollback() {
        ScriptRunner runner(m_c);
        ScriptRun run =
            runner.run(QStringLiteral("begin; insert into %1 values (1); select 1 / 0").arg(table()));
        QCOMPARE(run.transaction, TransactionState::Failed);
        run = runner.run(QStringLiteral("select 1"));
        QCOMPARE(run.error->info.sqlState, QStringLiteral("25P02"));
        QCOMPARE(runner.transactionState(), TransactionState::Failed);
        run = runner.run(QStringLiteral("rollback"));
        QVERIFY(!run.error);
        QCOMPARE(run.transaction, TransactionState::Idle);
        QCOMPARE(countRows(), QStringLiteral("0"));
    }

    // Inside a transaction, a query the paged wrapper cannot take (duplicate names are ambiguous in
    // the outer select) still runs, and the transaction is not aborted by the attempt.
    void wrapperFailuresNeverAbortTheUsersTransaction() {
        ScriptRunner runner(m_c);
        ScriptRun run = runner.run(
            QStringLiteral("begin; insert into %1 values (5); select 1 as a, 2 as a, 'x' as b").arg(table()));
        QVERIFY2(!run.error, qPrintable(run.error ? run.error->text : QString()));
        const StatementResult& dup = run.statements[2];
        QCOMPARE(dup.page.columns.size(), 3);
        QCOMPARE(dup.page.rows.size(), 1);
        QCOMPARE(run.transaction, TransactionState::InTransaction);
        run = runner.run(QStringLiteral("select id from %1; commit").arg(table()));
        QVERIFY(!run.error);
        QCOMPARE(column(run.statements[0].page, 0), QStringList{QStringLiteral("5")});
        QCOMPARE(countRows(), QStringLiteral("1"));
        // The same outside a transaction.
        run = runner.run(QStringLiteral("select 1 as a, 2 as a"));
        QVERIFY(!run.error);
        QCOMPARE(run.statements[0].page.columns.size(), 2);
    }

    // A SELECT that writes cannot run in the read-only snapshot of the paged path: it runs as written,
    // exactly once.
    void aQueryThatWritesRunsOnce() {
        ScriptRunner runner(m_c);
        const ScriptRun run = runner.run(
            QStringLiteral("select nextval('%1.s') as v; select last_value from %1.s").arg(m_schema));
        QVERIFY2(!run.error, qPrintable(run.error ? run.error->text : QString()));
        QVERIFY(!run.statements[0].paged);
        QCOMPARE(column(run.statements[0].page, 0), QStringList{QStringLiteral("1")});
        QCOMPARE(column(run.statements[1].page, 0), QStringList{QStringLiteral("1")});
        QCOMPARE(run.statements[0].page.columns[0].type, QStringLiteral("bigint"));
        QCOMPARE(run.statements[0].page.columns[0].typeOid, 20u);
    }

    void autocommitOffOpensATransaction() {
        ScriptRunner runner(m_c);
        ScriptRunOptions manual;
        manual.autocommit = false;
        ScriptRun run = runner.run(
            QStringLiteral("insert into %1 values (7); update %1 set note = 'x'").arg(table()), manual);
        QVERIFY(!run.error);
        QCOMPARE(run.transaction, TransactionState::InTransaction);
        QCOMPARE(countRows(), QStringLiteral("0"));
        run = runner.run(QStringLiteral("rollback"), manual);
        QCOMPARE(run.transaction, TransactionState::Idle);
        QCOMPARE(countRows(), QStringLiteral("0"));
        // VACUUM cannot run in a transaction block: no BEGIN is sent before it.
        run = runner.run(QStringLiteral("vacuum %1").arg(table()), manual);
        QVERIFY2(!run.error, qPrintable(run.error ? run.error->text : QString()));
        QCOMPARE(run.transaction, TransactionState::Idle);
        // An explicit BEGIN is not doubled.
        run = runner.run(QStringLiteral("begin; insert into %1 values (8); commit").arg(table()), manual);
        QVERIFY2(!run.error, qPrintable(run.error ? run.error->text : QString()));
        QCOMPARE(run.transaction, TransactionState::Idle);
        QCOMPARE(countRows(), QStringLiteral("1"));
    }

    void cancelStopsARunningStatementAndTheRest() {
        ScriptRunner runner(m_c);
        QVERIFY(!runner.cancel()); // nothing running
        for (const QString& sleeper :
             {QStringLiteral("select pg_sleep(30)"),                         // paged
              QStringLiteral("do $$ begin perform pg_sleep(30); end $$")}) { // streamed
            ScriptRun run;
            QThread* worker = QThread::create([&] {
                run = runner.run(sleeper + QStringLiteral("; insert into ") + table() +
                                 QStringLiteral(" values (9)"));
            });
            QElapsedTimer timer;
            timer.start();
            worker->start();
            QThread::msleep(500);
            QVERIFY(runner.cancel());
            QVERIFY(worker->wait(5000));
            delete worker;
            qInfo("cancelled after %lld ms (500 ms of it before the cancel)", timer.elapsed());
            QVERIFY2(timer.elapsed() < 2500, qPrintable(QString::number(timer.elapsed())));
            QVERIFY(run.cancelled);
            QCOMPARE(run.error->info.kind, ErrorKind::QueryCanceled);
            QCOMPARE(run.error->statementIndex, 0);
            QVERIFY(run.statements.isEmpty());
            QCOMPARE(run.transaction, TransactionState::Idle);
            QCOMPARE(countRows(), QStringLiteral("0")); // the statement after it never ran
        }
        // The connection is fine afterwards, and a late cancel does not hit the next run.
        QVERIFY(!runner.cancel());
        const ScriptRun after = runner.run(QStringLiteral("select 42"));
        QVERIFY(!after.error);
        QCOMPARE(column(after.statements[0].page, 0), QStringList{QStringLiteral("42")});
    }

    void otherStatementsThatReturnRows() {
        ScriptRunner runner(m_c);
        const ScriptRun run = runner.run(
            QStringLiteral("show search_path; explain select 1; copy (select 1 union all select 2) to stdout;"
                           "select * from public.\"we\"\"ird; drop table x;--\" order by id"));
        QVERIFY2(!run.error, qPrintable(run.error ? run.error->text : QString()));
        QCOMPARE(run.statements[0].page.columns[0].name, QStringLiteral("search_path"));
        QCOMPARE(column(run.statements[0].page, 0), QStringList{psql(QStringLiteral("show search_path"))});
        QVERIFY(!run.statements[1].paged);
        QVERIFY(run.statements[1].page.rows.size() >= 1);
        QCOMPARE(run.statements[2].commandStatus, QStringLiteral("COPY 2"));
        QVERIFY(run.statements[3].paged);
        QCOMPARE(run.statements[3].rowCount, 3);
        // COPY FROM STDIN is refused, and the connection stays usable.
        const ScriptRun copyIn = runner.run(QStringLiteral("copy %1 from stdin; select 1").arg(table()));
        QVERIFY(copyIn.error);
        QVERIFY(copyIn.error->text.contains(QLatin1String("not supported")));
        QVERIFY(!runner.run(QStringLiteral("select 1")).error);
    }

    void explainGivesTheJsonPlan() {
        ScriptRunner runner(m_c);
        psql(QStringLiteral("insert into %1 values (1, 'a'), (2, 'b')").arg(table()));
        ExplainResult plain = runner.explain(QStringLiteral("select * from %1").arg(table()), false);
        QJsonObject plan = QJsonDocument::fromJson(plain.json).array().at(0).toObject();
        QCOMPARE(plan.value(QStringLiteral("Plan")).toObject().value(QStringLiteral("Node Type")).toString(),
                 QStringLiteral("Seq Scan"));
        QVERIFY(!plan.contains(QStringLiteral("Execution Time")));

        // ANALYZE of an UPDATE outside a transaction runs and is rolled back.
        ExplainResult analyzed =
            runner.explain(QStringLiteral("update %1 set note = 'changed'").arg(table()), true);
        QVERIFY(analyzed.rolledBack);
        plan = QJsonDocument::fromJson(analyzed.json).array().at(0).toObject();
        QVERIFY(plan.contains(QStringLiteral("Execution Time")));
        QCOMPARE(plan.value(QStringLiteral("Plan")).toObject().value(QStringLiteral("Node Type")).toString(),
                 QStringLiteral("ModifyTable"));
        QCOMPARE(psql(QStringLiteral("select count(*) from %1 where note = 'changed'").arg(table())),
                 QStringLiteral("0"));
        QCOMPARE(analyzed.transaction, TransactionState::Idle);
        QVERIFY(analyzed.sequencesAdvanced.isEmpty());
        // nextval() is not undone by the rollback: the sequence is named.
        const ExplainResult advancing = runner.explain(
            QStringLiteral("insert into %1 values (nextval('%2.s') + 100, 'n')").arg(table(), m_schema),
            true);
        QVERIFY(advancing.rolledBack);
        QCOMPARE(advancing.sequencesAdvanced, QStringList{m_schema + QStringLiteral(".s")});
        QCOMPARE(countRows(), QStringLiteral("2"));
        QVERIFY_THROWS_EXCEPTION(SyntaxError, runner.explain(QStringLiteral("selec 1"), true));
        QCOMPARE(runner.transactionState(), TransactionState::Idle);
    }

    // Inside the user's transaction ANALYZE is undone to a savepoint: the block stays open and usable,
    // also after the explained statement failed; keepChanges keeps them; the options reach EXPLAIN.
    void explainAnalyzeInsideATransaction() {
        ScriptRunner runner(m_c);
        psql(QStringLiteral("insert into %1 values (1, 'a'), (2, 'b')").arg(table()));
        QVERIFY(!runner.run(QStringLiteral("begin; update %1 set note = 'mine' where id = 1").arg(table()))
                     .error);
        ExplainOptions options;
        options.analyze = true;
        options.buffers = true;
        options.settings = true;
        options.wal = true;
        const ExplainResult inside =
            runner.explain(QStringLiteral("update %1 set note = 'explained'").arg(table()), options);
        QVERIFY(inside.rolledBack);
        QCOMPARE(inside.transaction, TransactionState::InTransaction);
        const QJsonObject top = QJsonDocument::fromJson(inside.json).array().at(0).toObject();
        QVERIFY(top.value(QStringLiteral("Plan")).toObject().contains(QStringLiteral("Shared Hit Blocks")));
        QVERIFY(top.value(QStringLiteral("Plan")).toObject().contains(QStringLiteral("WAL Records")));
        QVERIFY(top.contains(QStringLiteral("Settings")));
        QVERIFY_THROWS_EXCEPTION(
            QueryError, runner.explain(QStringLiteral("update %1 set id = 1/0").arg(table()), options));
        QCOMPARE(runner.transactionState(),
                 TransactionState::InTransaction); // not failed: undone to the savepoint
        const ScriptRun seen = runner.run(QStringLiteral("select note from %1 order by id").arg(table()));
        QVERIFY(!seen.error);
        QCOMPARE(column(seen.statements.first().page, 0),
                 (QStringList{QStringLiteral("mine"), QStringLiteral("b")}));
        QVERIFY(!runner.run(QStringLiteral("commit")).error);
        QCOMPARE(psql(QStringLiteral("select string_agg(note, ',' order by id) from %1").arg(table())),
                 QStringLiteral("mine,b"));

        QVERIFY(!runner.explain(QStringLiteral("select count(*) from %1").arg(table()), options).rolledBack);

        options.keepChanges = true;
        const ExplainResult kept =
            runner.explain(QStringLiteral("update %1 set note = 'kept' where id = 2").arg(table()), options);
        QVERIFY(!kept.rolledBack);
        QCOMPARE(psql(QStringLiteral("select note from %1 where id = 2").arg(table())),
                 QStringLiteral("kept"));

        QCOMPARE(explainPrefix(ExplainOptions{}, 150000), QStringLiteral("EXPLAIN (FORMAT JSON) "));
        ExplainOptions all;
        all.analyze = true;
        all.buffers = true;
        all.settings = true;
        all.wal = true;
        all.timing = false;
        QCOMPARE(explainPrefix(all, 150000),
                 QStringLiteral("EXPLAIN (ANALYZE, BUFFERS, SETTINGS, WAL, TIMING OFF, FORMAT JSON) "));
        QCOMPARE(explainPrefix(all, 110000),
                 QStringLiteral("EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, FORMAT JSON) "));
        all.analyze = false;
        QCOMPARE(explainPrefix(all, 150000), QStringLiteral("EXPLAIN (BUFFERS, SETTINGS, FORMAT JSON) "));
    }

    // A million-row query: one page comes over, the rest stays on the server.
    void aHugeQueryIsBounded() {
        ScriptRunner runner(m_c);
        QElapsedTimer timer;
        timer.start();
        const ScriptRun run = runner.run(QStringLiteral("select * from public.big_orders"));
        const qint64 ms = timer.elapsed();
        QVERIFY(!run.error);
        QVERIFY(run.statements[0].paged);
        QCOMPARE(run.statements[0].page.rows.size(), 100);
        QVERIFY(run.statements[0].rowCount >= 900000); // the planner's estimate
        qInfo("first page of a 1,000,000-row query in %lld ms", ms);
        QVERIFY2(ms < 2000, qPrintable(QString::number(ms)));
    }

    void statementsReachTheObserver() {
        Connection c = Connection::open(pgdesk::test::profile());
        QStringList seen;
        c.setStatementObserver([&](const QString& sql, const QList<QString>&) { seen << sql; });
        ScriptRunner runner(c);
        runner.run(QStringLiteral("show search_path"));
        QVERIFY(seen.contains(QStringLiteral("show search_path")));
    }
};

QTEST_GUILESS_MAIN(TestScriptRunner)
#include "tst_scriptrunner.moc"
