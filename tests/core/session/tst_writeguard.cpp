// SPDX-License-Identifier: GPL-3.0-or-later
// The production guard's statement check (writeguard.h), pure: what it refuses and what it lets through.
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/writeguard.h>
#include <pgdesk/core/sqltext/statementsplitter.h>

#include <QTest>

using namespace pgdesk::core;

class TestWriteGuard final : public QObject {
    Q_OBJECT

private slots:
    void refuses_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("reason"); // a word the reason holds
        QTest::newRow("begin read write") << "BEGIN READ WRITE"
                                          << "read-write";
        QTest::newRow("begin transaction, modes")
            << "begin transaction isolation level serializable, read write"
            << "read-write";
        QTest::newRow("start transaction") << "start  /* c */ transaction read\nwrite"
                                           << "read-write";
        QTest::newRow("set transaction") << "SET TRANSACTION READ WRITE"
                                         << "read-write";
        QTest::newRow("set session characteristics")
            << "set session characteristics as transaction isolation level read committed"
            << "default";
        QTest::newRow("set default") << "SET default_transaction_read_only = off"
                                     << "read-only setting";
        QTest::newRow("set default to") << "set session DEFAULT_TRANSACTION_READ_ONLY to false"
                                        << "read-only setting";
        QTest::newRow("set local quoted") << "set local \"transaction_read_only\" = 0"
                                          << "read-only setting";
        QTest::newRow("reset") << "RESET default_transaction_read_only"
                               << "read-only setting";
        QTest::newRow("set_config literal")
            << "select set_config('default_transaction_read_only', 'off', false)"
            << "read-only setting";
        QTest::newRow("set_config computed")
            << "select pg_catalog.set_config('default_transaction_' || 'read_only', 'off', false)"
            << "literal";
        QTest::newRow("set_config parameter") << "select set_config($1, $2, false)"
                                              << "literal";
        QTest::newRow("set_config quoted name") << "select \"set_config\"(name, 'off', false) from t"
                                                << "literal";
        QTest::newRow("copy to program") << "COPY (select 1) TO PROGRAM 'touch /tmp/x'"
                                         << "program";
        QTest::newRow("copy from program") << "copy t from program 'cat /etc/passwd'"
                                           << "program";
        QTest::newRow("copy to server file") << "copy t (a, b) to '/tmp/out.csv' csv"
                                             << "file";
        QTest::newRow("alter system") << "ALTER SYSTEM SET work_mem = '1GB'"
                                      << "ALTER SYSTEM";
        QTest::newRow("do") << "DO $$ begin commit; insert into t values (1); end $$"
                            << "DO";
        QTest::newRow("call") << "call p()"
                              << "CALL";
        QTest::newRow("vacuum full") << "VACUUM (FULL) t"
                                     << "maintenance";
        QTest::newRow("cluster") << "cluster t using t_pkey"
                                 << "maintenance";
        QTest::newRow("reindex") << "reindex table t"
                                 << "maintenance";
        QTest::newRow("analyze") << "analyze t"
                                 << "maintenance";
        QTest::newRow("checkpoint") << "checkpoint"
                                    << "maintenance";
        QTest::newRow("load") << "load 'auto_explain'"
                              << "library";
        QTest::newRow("dblink") << "select * from dblink_exec('dbname=x', 'delete from t')"
                                << "connection";
        QTest::newRow("terminate") << "select pg_terminate_backend(pid) from pg_stat_activity"
                                   << "signals";
        QTest::newRow("lo_export") << "select lo_export(1, '/tmp/x')"
                                   << "file";
        QTest::newRow("reload") << "select pg_reload_conf()"
                                << "server";
        QTest::newRow("notify") << "NOTIFY jobs, 'run all'"
                                << "notification";
        QTest::newRow("pg_notify") << "select pg_notify('jobs', 'run all')"
                                   << "notification";
        QTest::newRow("in a subquery") << "(select 1 from (select set_config(x, 'off', false)) s)"
                                       << "literal";
    }
    void refuses() {
        QFETCH(QString, sql);
        QFETCH(QString, reason);
        const auto refusal = guardRefusal(sql);
        QVERIFY2(refusal, qPrintable(sql));
        QVERIFY2(refusal->contains(reason, Qt::CaseInsensitive), qPrintable(*refusal));
    }

    void allows_data() {
        QTest::addColumn<QString>("sql");
        QTest::newRow("select") << "select * from t where a = 'read write'";
        QTest::newRow("begin") << "BEGIN";
        QTest::newRow("begin read only") << "begin read only";
        QTest::newRow("begin isolation") << "start transaction isolation level serializable";
        QTest::newRow("set transaction read only") << "set transaction read only";
        QTest::newRow("commit") << "commit";
        QTest::newRow("listen") << "LISTEN jobs";
        QTest::newRow("notify in a string") << "select 'NOTIFY x'";
        QTest::newRow("show") << "show default_transaction_read_only";
        QTest::newRow("current_setting") << "select current_setting('transaction_read_only')";
        QTest::newRow("set search_path") << "set search_path = app, public";
        QTest::newRow("set_config other") << "select set_config('search_path', 'app', false)";
        QTest::newRow("reset all") << "reset all";
        QTest::newRow("explain analyze") << "explain (analyze, buffers) select * from t";
        QTest::newRow("copy to stdout") << "copy (select 1) to stdout with (format csv)";
        QTest::newRow("insert") << "insert into t values (1)"; // the server refuses it: 25006
        QTest::newRow("comment") << "-- set default_transaction_read_only = off\nselect 1";
        QTest::newRow("string") << "select 'DO $$ vacuum; copy t to program $$'";
        QTest::newRow("column named program") << "copy t (program) to stdout";
        QTest::newRow("function named like a word") << "select do_nothing(), call_count from t";
    }
    void allows() {
        QFETCH(QString, sql);
        const auto refusal = guardRefusal(sql);
        QVERIFY2(!refusal, qPrintable(sql + QStringLiteral(": ") + refusal.value_or(QString())));
    }

    // PostgreSQL ends a line comment at a carriage return: what follows is SQL, and the guard must see it.
    void aCarriageReturnEndsALineComment() {
        const QList<SqlStatement> statements = splitStatements(
            QStringLiteral("select 1 -- a comment\r; SET default_transaction_read_only = off"));
        QCOMPARE(statements.size(), 2);
        const auto refusal = firstGuardRefusal(statements);
        QVERIFY(refusal);
        QCOMPARE(refusal->index, 1);
    }

    void firstRefusalNamesTheStatement() {
        const QString script =
            QStringLiteral("select 1;\nBEGIN;\n  SET TRANSACTION READ WRITE;\ninsert into t "
                           "values (1);\ncommit");
        const auto refusal = firstGuardRefusal(splitStatements(script));
        QVERIFY(refusal);
        QCOMPARE(refusal->index, 2);
        QCOMPARE(refusal->statement, QStringLiteral("SET TRANSACTION READ WRITE"));
        QCOMPARE(refusal->offset, script.indexOf(QLatin1String("SET TRANSACTION")));
        try {
            throwGuardRefusal(QStringLiteral("prod"), *refusal, 5, 3);
            QFAIL("no refusal thrown");
        } catch (const ConfigurationError& e) {
            QCOMPARE(e.info().field, QString::fromLatin1(kWriteGuardField));
            QVERIFY2(e.message().contains(QLatin1String("statement 3 of 5 (line 3)")),
                     qPrintable(e.message()));
            QVERIFY2(e.message().contains(QLatin1String("\"SET TRANSACTION READ WRITE\"")),
                     qPrintable(e.message()));
            QVERIFY2(e.message().contains(QLatin1String("nothing was sent")), qPrintable(e.message()));
        }
        QVERIFY(!firstGuardRefusal(splitStatements(QStringLiteral("select 1; select 2"))));
    }
};

QTEST_GUILESS_MAIN(TestWriteGuard)
#include "tst_writeguard.moc"
