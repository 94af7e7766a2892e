// SPDX-License-Identifier: GPL-3.0-or-later
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/connection.h>

#include <QTest>

#include <thread>

using namespace pgdesk::core;

class TestErrors final : public QObject {
    Q_OBJECT
private slots:
    // Every class produced by a real statement and mapped to the right exception type.
    void realStatements_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("state");
        QTest::addColumn<int>("kind");
        QTest::newRow("undefined table") << "select * from no_such_table"
                                         << "42P01" << int(ErrorKind::NotFound);
        QTest::newRow("undefined column") << "select no_such_column from errs"
                                          << "42703" << int(ErrorKind::NotFound);
        QTest::newRow("unique") << "insert into errs(id) values (1)"
                                << "23505" << int(ErrorKind::AlreadyExists);
        QTest::newRow("not null") << "insert into errs(id, name) values (null, 'x')"
                                  << "23502" << int(ErrorKind::Integrity);
        QTest::newRow("check") << "insert into errs(id, qty) values (5, -1)"
                               << "23514" << int(ErrorKind::Integrity);
        QTest::newRow("foreign key") << "insert into errs(id, parent) values (6, 999)"
                                     << "23503" << int(ErrorKind::Integrity);
        QTest::newRow("invalid text") << "select 'abc'::int"
                                      << "22P02" << int(ErrorKind::Data);
        QTest::newRow("division by zero") << "select 1/0"
                                          << "22012" << int(ErrorKind::Data);
        QTest::newRow("syntax") << "selec 1"
                                << "42601" << int(ErrorKind::Syntax);
        QTest::newRow("permission") << "set role pgdesk_auth; select * from errs_private"
                                    << "42501" << int(ErrorKind::PermissionDenied);
        QTest::newRow("statement timeout") << "set statement_timeout = 50; select pg_sleep(5)"
                                           << "57014" << int(ErrorKind::QueryCanceled);
        QTest::newRow("raise") << "do $$ begin raise exception 'boom'; end $$"
                               << "P0001" << int(ErrorKind::Query);
    }
    void realStatements() {
        QFETCH(QString, sql);
        QFETCH(QString, state);
        QFETCH(int, kind);
        auto c = Connection::open(pgdesk::test::profile(QStringLiteral("postgres")));
        c.exec(QStringLiteral(
            "create temp table errs_parent(id int primary key); "
            "create temp table errs(id int primary key, name text not null default 'n', "
            "qty int check (qty >= 0), parent int references errs_parent(id)); "
            "insert into errs(id) values (1); "
            "set client_min_messages = warning; create table if not exists errs_private(id int); "
            "revoke all on errs_private from public"));
        try {
            c.exec(sql);
            QFAIL("statement did not fail");
        } catch (const Error& e) {
            QCOMPARE(e.sqlState(), state);
            QCOMPARE(int(e.kind()), kind);
            QCOMPARE(e.statement(), sql);
            QVERIFY(e.displayText().contains(state));
            switch (ErrorKind(kind)) {
            case ErrorKind::NotFound:
                QVERIFY(dynamic_cast<const NotFound*>(&e));
                break;
            case ErrorKind::AlreadyExists:
                QVERIFY(dynamic_cast<const AlreadyExists*>(&e));
                break;
            case ErrorKind::Integrity:
                QVERIFY(dynamic_cast<const IntegrityError*>(&e));
                break;
            case ErrorKind::Data:
                QVERIFY(dynamic_cast<const DataError*>(&e));
                break;
            case ErrorKind::Syntax:
                QVERIFY(dynamic_cast<const SyntaxError*>(&e));
                QCOMPARE(e.info().position, 1);
                break;
            case ErrorKind::PermissionDenied:
                QVERIFY(dynamic_cast<const PermissionDenied*>(&e));
                break;
            case ErrorKind::QueryCanceled:
                QVERIFY(dynamic_cast<const QueryCanceled*>(&e));
                break;
            default:
                QVERIFY(dynamic_cast<const QueryError*>(&e));
                break;
            }
        }
    }

    void detailAndConstraintAreCarried() {
        auto c = Connection::open(pgdesk::test::profile(QStringLiteral("postgres")));
        c.exec(QStringLiteral("create temp table u(email text unique); insert into u values ('a@x')"));
        try {
            c.exec(QStringLiteral("insert into u values ($1)"), {param("a@x")});
            QFAIL("no error");
        } catch (const AlreadyExists& e) {
            QVERIFY(e.detail().contains(QStringLiteral("a@x")));
            QCOMPARE(e.info().constraint, QStringLiteral("u_email_key"));
            QCOMPARE(e.info().table, QStringLiteral("u"));
        }
    }

    void terminatedBackendIsConnectionError() {
        auto c = Connection::open(pgdesk::test::profile(QStringLiteral("postgres")));
        try {
            c.exec(QStringLiteral("select pg_terminate_backend(pg_backend_pid())"));
            QFAIL("no error");
        } catch (const ConnectionError& e) {
            QVERIFY(!e.retryable());
        }
    }

    void serializationFailureBetweenTwoSessions() {
        auto a = Connection::open(pgdesk::test::profile(QStringLiteral("postgres")));
        auto b = Connection::open(pgdesk::test::profile(QStringLiteral("postgres")));
        a.exec(QStringLiteral("drop table if exists ser; create table ser(id int primary key, v int); "
                              "insert into ser values (1, 0)"));
        a.exec(QStringLiteral("begin isolation level repeatable read; select v from ser where id = 1"));
        b.exec(QStringLiteral("update ser set v = 1 where id = 1"));
        try {
            a.exec(QStringLiteral("update ser set v = 2 where id = 1"));
            QFAIL("no serialization failure");
        } catch (const SerializationFailure& e) {
            QCOMPARE(e.sqlState(), QStringLiteral("40001"));
            QVERIFY(e.retryable());
        }
        a.exec(QStringLiteral("rollback"));
    }

    void deadlockBetweenTwoSessions() {
        auto a = Connection::open(pgdesk::test::profile(QStringLiteral("postgres")));
        auto b = Connection::open(pgdesk::test::profile(QStringLiteral("postgres")));
        a.exec(QStringLiteral("drop table if exists dl; create table dl(id int primary key); "
                              "insert into dl values (1), (2)"));
        a.exec(QStringLiteral("set deadlock_timeout = '100ms'; begin; update dl set id = id where id = 1"));
        b.exec(QStringLiteral("set deadlock_timeout = '100ms'; begin; update dl set id = id where id = 2"));
        std::exception_ptr fromB;
        std::thread t([&] {
            try {
                b.exec(QStringLiteral("update dl set id = id where id = 1"));
            } catch (...) {
                fromB = std::current_exception();
                b.exec(QStringLiteral("rollback")); // release B's locks so that A can go on
            }
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        std::exception_ptr fromA;
        try {
            a.exec(QStringLiteral("update dl set id = id where id = 2"));
        } catch (...) {
            fromA = std::current_exception();
        }
        // One of the two is the victim; the other can finish once the victim rolls back.
        if (fromA)
            a.exec(QStringLiteral("rollback"));
        t.join();
        QVERIFY((fromA != nullptr) != (fromB != nullptr));
        try {
            std::rethrow_exception(fromA ? fromA : fromB);
        } catch (const DeadlockDetected& e) {
            QCOMPARE(e.sqlState(), QStringLiteral("40P01"));
            QVERIFY(e.retryable());
        }
        a.exec(QStringLiteral("rollback"));
        b.exec(QStringLiteral("rollback"));
    }
};

QTEST_GUILESS_MAIN(TestErrors)
#include "tst_errors.moc"
