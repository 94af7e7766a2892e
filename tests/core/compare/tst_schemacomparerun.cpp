// SPDX-License-Identifier: GPL-3.0-or-later
// The schema compare every front end runs (core::runSchemaCompare): two connections read at once give what
// one reading both gives; what the plan asked the target is kept, so a plan with the user's values needs no
// server; a missing schema on either side throws once both reads are done; and one cancel stops work
// attached to two connections (CancelToken holds each scope's connection).

#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/compare/schemacomparerun.h>
#include <pgdesk/core/session/canceltoken.h>
#include <pgdesk/core/session/connection.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTest>

#include <thread>

using namespace pgdesk::core;
using pgdesk::test::loadScript;
using pgdesk::test::psql;

class TestSchemaCompareRun final : public QObject {
    Q_OBJECT

    const QString m_db = QStringLiteral("cmprun_") + QString::number(QCoreApplication::applicationPid());

private slots:
    void initTestCase() {
        psql(QStringLiteral("drop database if exists %1 with (force)").arg(m_db), QStringLiteral("postgres"));
        psql(QStringLiteral("create database %1").arg(m_db), QStringLiteral("postgres"));
        loadScript(m_db,
                   QStringLiteral(
                       "create schema a; create schema b;"
                       "create table a.t (id int primary key, code text not null, extra int not null);"
                       "create table b.t (id int primary key, code text); insert into b.t values (1, null);"
                       "create view a.v as select id from a.t;"));
    }

    void twoConnectionsReadWhatOneReads() {
        auto one = Connection::open(pgdesk::test::profile(m_db));
        auto other = Connection::open(pgdesk::test::profile(m_db));
        const SchemaCompareRun together =
            runSchemaCompare({&one, QStringLiteral("a"), &one, QStringLiteral("b")}, true);
        const SchemaCompareRun atOnce =
            runSchemaCompare({&other, QStringLiteral("a"), &one, QStringLiteral("b")}, true);
        QVERIFY(together.differ());
        QCOMPARE(atOnce.differences.size(), together.differences.size());
        for (qsizetype i = 0; i < atOnce.differences.size(); ++i) {
            QCOMPARE(atOnce.differences[i].state, together.differences[i].state);
            QCOMPARE(atOnce.differences[i].sourceText, together.differences[i].sourceText);
        }
        QCOMPARE(atOnce.locks.size(), atOnce.migration.statements.size());
        // What the plan asked the target: b.t has rows (a NOT NULL column comes), and its code holds NULL
        // where a.t says NOT NULL.
        QCOMPARE(atOnce.tablesWithRows, QSet<QString>{QStringLiteral("t")});
        QCOMPARE(atOnce.columnsWithNulls, QSet<QString>{QStringLiteral("t.code")});
        QCOMPARE(atOnce.migration.valuesNeeded,
                 (QList<std::pair<QString, QString>>{{QStringLiteral("t"), QStringLiteral("code")},
                                                     {QStringLiteral("t"), QStringLiteral("extra")}}));
        // With a value, planned again from what was read; the connections could be gone.
        const Migration filled = atOnce.planWith({{QStringLiteral("t.code"), QStringLiteral("'x'")},
                                                  {QStringLiteral("t.extra"), QStringLiteral("0")}});
        QVERIFY(filled.blockers.isEmpty());
        QVERIFY(
            filled.script(QStringLiteral("x"))
                .contains(QLatin1String("UPDATE \"b\".\"t\" SET \"code\" = 'x' WHERE \"code\" IS NULL;")));
        QVERIFY(runSchemaCompare({&other, QStringLiteral("a"), &one, QStringLiteral("b")}, false)
                    .locks.isEmpty());
    }

    // A schema's owner can shadow the catalog's functions in it (format_type, pg_get_expr …). The read puts
    // the schema on the path to print its names unqualified; it must still call the catalog's, never the
    // schema's: theirs would run as whoever compares (here they would write a row each call).
    void aComparedSchemaRunsNoneOfItsCode() {
        loadScript(
            m_db,
            QStringLiteral("create schema c; create table c.marker (who text);"
                           "create table c.t (id int primary key, d int default 1 + 1);"
                           "create function c.format_type(oid, integer) returns text language plpgsql as"
                           " $$ begin insert into c.marker values (current_user);"
                           " return 'shadowed'; end $$;"
                           "create function c.pg_get_expr(pg_node_tree, oid) returns text language plpgsql as"
                           " $$ begin insert into c.marker values (current_user);"
                           " return 'shadowed'; end $$;"));
        auto one = Connection::open(pgdesk::test::profile(m_db));
        auto other = Connection::open(pgdesk::test::profile(m_db));
        const SchemaCompareRun run =
            runSchemaCompare({&other, QStringLiteral("c"), &one, QStringLiteral("c")}, false);
        QVERIFY(!run.differ());
        const RelationShape* t = run.source.relation(QStringLiteral("t"));
        QVERIFY(t);
        QCOMPARE(t->column(QStringLiteral("d"))->type, QStringLiteral("integer"));
        QCOMPARE(t->column(QStringLiteral("d"))->defaultExpression, QStringLiteral("(1 + 1)"));
        QCOMPARE(one.exec(QStringLiteral("select count(*) from c.marker")).text(0, 0), QStringLiteral("0"));
    }

    void aMissingSchemaThrowsAfterBothReads() {
        auto one = Connection::open(pgdesk::test::profile(m_db));
        auto other = Connection::open(pgdesk::test::profile(m_db));
        for (const auto& [source, target] : {std::pair{"a", "nowhere"}, std::pair{"nowhere", "b"}}) {
            QVERIFY_THROWS_EXCEPTION(
                Error, runSchemaCompare({&other, QLatin1String(source), &one, QLatin1String(target)}, false));
            // Both connections are free and usable: neither read is left running.
            QCOMPARE(one.exec(QStringLiteral("select 1")).text(0, 0), QStringLiteral("1"));
            QCOMPARE(other.exec(QStringLiteral("select 1")).text(0, 0), QStringLiteral("1"));
        }
    }

    // Work attached to two connections at once (both sides of a compare) is stopped on both by one cancel.
    void oneCancelStopsBothConnections() {
        auto one = Connection::open(pgdesk::test::profile(m_db));
        auto other = Connection::open(pgdesk::test::profile(m_db));
        auto token = std::make_shared<CancelToken>();
        std::atomic<int> cancelled = 0;
        const auto sleep = [&](Connection& c) {
            try {
                c.exec(QStringLiteral("select pg_sleep(30)"));
            } catch (const Error& e) {
                if (e.sqlState() == QLatin1String("57014"))
                    ++cancelled;
            }
        };
        QElapsedTimer timer;
        timer.start();
        {
            const CancelToken::Scope first(token, one);
            const CancelToken::Scope second(token, other);
            QCOMPARE(token->attachedBackendPid(), other.backendPid());
            std::thread a([&] { sleep(one); });
            std::thread b([&] { sleep(other); });
            QTest::qWait(500);
            token->cancel();
            a.join();
            b.join();
        }
        QCOMPARE(cancelled.load(), 2);
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(token->attachedBackendPid(), 0);
    }

    void cleanupTestCase() {
        psql(QStringLiteral("drop database if exists %1 with (force)").arg(m_db), QStringLiteral("postgres"));
    }
};

QTEST_GUILESS_MAIN(TestSchemaCompareRun)
#include "tst_schemacomparerun.moc"
