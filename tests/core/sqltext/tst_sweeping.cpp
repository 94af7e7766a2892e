// SPDX-License-Identifier: GPL-3.0-or-later
// sweepingStatement(): what a query tool asks about before it runs — UPDATE and DELETE without WHERE (a
// WITH in front looked through, a WHERE only in a subquery not counted), TRUNCATE of one or more tables,
// DROP of anything — and never a statement with a WHERE, a read, or words hidden in comments and quotes.
#include <pgdesk/core/sqltext/sweeping.h>

#include <QTest>

using namespace pgdesk::core;
using Kind = SweepingStatement::Kind;

class TestSweeping final : public QObject {
    Q_OBJECT

private slots:
    void statements_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<int>("kind"); // -1: not sweeping
        QTest::addColumn<QString>("target");
        QTest::newRow("delete all") << "delete from shop.pets" << int(Kind::DeleteAll) << "shop.pets";
        QTest::newRow("delete only") << "DELETE FROM ONLY \"We ird\".t" << int(Kind::DeleteAll)
                                     << "\"We ird\".t";
        QTest::newRow("delete where") << "delete from shop.pets where id = 1" << -1 << "";
        QTest::newRow("update all") << "update t set a = 1" << int(Kind::UpdateAll) << "t";
        QTest::newRow("update where") << "update t set a = 1 where a is null" << -1 << "";
        QTest::newRow("where in a subquery only")
            << "update t set a = (select max(b) from u where u.id = 3)" << int(Kind::UpdateAll) << "t";
        QTest::newRow("where current of") << "delete from t where current of c" << -1 << "";
        QTest::newRow("with in front") << "with x as (select 1) delete from t" << int(Kind::DeleteAll) << "t";
        QTest::newRow("with and where")
            << "with x as (select 1) delete from t using x where t.id = 1" << -1 << "";
        QTest::newRow("where in a comment") << "delete from t -- where id = 1" << int(Kind::DeleteAll) << "t";
        QTest::newRow("where in a string") << "update t set note = 'where'" << int(Kind::UpdateAll) << "t";
        QTest::newRow("delete returning") << "delete from t returning *" << int(Kind::DeleteAll) << "t";
        QTest::newRow("truncate") << "truncate table a, only b, c * restart identity" << int(Kind::Truncate)
                                  << "a, b, c";
        QTest::newRow("drop") << "drop table if exists shop.pets cascade" << int(Kind::Drop)
                              << "table if exists shop.pets cascade";
        QTest::newRow("drop schema") << "DROP SCHEMA app" << int(Kind::Drop) << "SCHEMA app";
        QTest::newRow("select") << "select * from t" << -1 << "";
        QTest::newRow("insert") << "insert into t select * from u" << -1 << "";
        QTest::newRow("comment only") << "/* delete from t */ select 1" << -1 << "";
    }
    void statements() {
        QFETCH(QString, sql);
        QFETCH(int, kind);
        QFETCH(QString, target);
        const std::optional<SweepingStatement> s = sweepingStatement(sql);
        QCOMPARE(s.has_value(), kind >= 0);
        if (!s)
            return;
        QCOMPARE(int(s->kind), kind);
        QCOMPARE(s->target, target);
    }
};

QTEST_GUILESS_MAIN(TestSweeping)
#include "tst_sweeping.moc"
