// SPDX-License-Identifier: GPL-3.0-or-later
// Data compare (core/compare/datacompare.h): two tables read in key order in a snapshot each; the result's
// change set holds exactly the rows that differ (NULL vs empty, Unicode and right-to-left text, % _ \ in
// values, composite and text keys under other collations), applies with conflict detection, and afterwards
// nothing differs. A conflicting change made meanwhile is caught; a cancel stops it; no key is refused.

#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/catalog/profileconventions.h>
#include <pgdesk/core/compare/datacompare.h>
#include <pgdesk/core/editing/changesetapplier.h>
#include <pgdesk/core/session/connection.h>

#include <QCoreApplication>
#include <QTest>

using namespace pgdesk::core;
using pgdesk::test::psql;
using pgdesk::test::psqlValue;

class TestDataCompare final : public QObject {
    Q_OBJECT
    const QString m_db =
        QStringLiteral("tst_datacompare_") + QString::number(QCoreApplication::applicationPid());

    Connection open() { return Connection::open(pgdesk::test::profile(m_db)); }

    DataCompareSpec spec(const QString& source, const QString& target, int fetchRows = 3) {
        DataCompareSpec s;
        s.sourceSchema = s.targetSchema = QStringLiteral("public");
        s.sourceTable = source;
        s.targetTable = target;
        s.fetchRows = fetchRows; // small batches: the merge crosses batch ends on both sides
        return s;
    }

    // The test body; the slot turns an exception into a failure that says what it was.
    void exactly() {
        auto c = open();
        auto t = open();
        const DataCompareResult r =
            compareTableData(c, t, spec(QStringLiteral("src"), QStringLiteral("tgt")));
        QCOMPARE(r.key, (QStringList{QStringLiteral("code"), QStringLiteral("n")}));
        QCOMPARE(r.leftOut, QStringList{QStringLiteral("extra")});
        QCOMPARE(r.sourceRows, 6);
        QCOMPARE(r.targetRows, 6);
        // ('a',1): '' vs NULL (the same instant in another zone is no difference); ('B',1): NULL vs '';
        // ('é',1): right-to-left text; ('Z',2) and ('a',2) equal.
        QCOMPARE(r.same, 2);
        QCOMPARE(r.different, 3);
        QCOMPARE(r.onlyInSource, 1);
        QCOMPARE(r.onlyInTarget, 1);
        QCOMPARE(r.differentByColumn.value(QStringLiteral("note")), 3);
        QCOMPARE(r.differentByColumn.value(QStringLiteral("at")), 0);
        QCOMPARE(r.changes.size(), 5);
        for (const Change& change : r.changes.changes)
            if (change.op == ChangeOp::Update && change.key.first().second == QStringLiteral("a")) {
                QCOMPARE(change.values.first().second, std::optional<QString>(QString()));
                QCOMPARE(change.original.first().second, std::optional<QString>());
            }

        // Applied with conflict detection; then nothing differs.
        const ChangeSetApplier applier(
            CatalogReader(t).table(QStringLiteral("public"), QStringLiteral("tgt")));
        QVERIFY(applier.apply(t, r.changes).applied);
        const DataCompareResult after =
            compareTableData(c, t, spec(QStringLiteral("src"), QStringLiteral("tgt")));
        QVERIFY(after.changes.isEmpty());
        QCOMPARE(after.same, 6);
        QCOMPARE(psqlValue(QStringLiteral("select count(*) from (select code, n, note, at from src except "
                                          "select code collate \"C\", n, note, at from tgt) x"),
                           m_db),
                 QStringLiteral("0"));
    }

private slots:
    void initTestCase() {
        psql(QStringLiteral("drop database if exists %1 with (force)").arg(m_db), QStringLiteral("postgres"));
        psql(QStringLiteral("create database %1").arg(m_db), QStringLiteral("postgres"));
        // Text keys: the source in the C collation, the target in an ICU one that orders them otherwise.
        psql(QStringLiteral(
                 "create table src (code text collate \"C\", n int, note text, at timestamptz, primary key "
                 "(code, n));"
                 "create table tgt (code text collate \"und-x-icu\", n int, note text, at timestamptz, extra "
                 "int,"
                 "                  primary key (code, n));"
                 "insert into src values ('a', 1, '', '2026-01-01 10:00+02'), ('B', 1, null, null),"
                 "  ('é', 1, 'שלום עולם', null), ('Z', 2, '50% _off_ \\\\ x', null), ('a', 2, 'same', null),"
                 "  ('_', 1, 'only source', null);"
                 "insert into tgt values ('a', 1, null, '2026-01-01 08:00+00', 7), ('B', 1, '', null, 1),"
                 "  ('é', 1, 'שלום', null, 2), ('Z', 2, '50% _off_ \\\\ x', null, 3), ('a', 2, 'same', null, "
                 "4),"
                 "  ('zz', 9, 'only target', null, 5);"),
             m_db);
    }

    void cleanupTestCase() {
        psql(QStringLiteral("drop database if exists %1 with (force)").arg(m_db), QStringLiteral("postgres"));
    }

    void exactlyTheDifferences() {
        try {
            exactly();
        } catch (const std::exception& e) {
            QFAIL(e.what());
        }
    }

    void aRowChangedMeanwhileConflicts() {
        psql(QStringLiteral(
                 "create table s2 (id int primary key, v text); create table t2 (id int primary key, v text);"
                 "insert into s2 values (1, 'new'); insert into t2 values (1, 'old');"),
             m_db);
        auto c = open();
        auto t = open();
        const DataCompareResult r = compareTableData(c, t, spec(QStringLiteral("s2"), QStringLiteral("t2")));
        QCOMPARE(r.changes.size(), 1);
        psql(QStringLiteral("update t2 set v = 'changed by someone'"), m_db);
        const ChangeSetApplier applier(
            CatalogReader(t).table(QStringLiteral("public"), QStringLiteral("t2")));
        const ApplyResult applied = applier.apply(t, r.changes);
        QVERIFY(!applied.applied);
        QCOMPARE(applied.conflicts.size(), 1);
        QCOMPARE(psqlValue(QStringLiteral("select v from t2"), m_db), QStringLiteral("changed by someone"));
    }

    // A partitioned table's rows live in its partitions: all of them are compared.
    void partitionedTables() {
        psql(QStringLiteral(
                 "create table ps (id int primary key, v text) partition by range (id);"
                 "create table ps_a partition of ps for values from (0) to (100);"
                 "create table ps_b partition of ps for values from (100) to (200);"
                 "create table pt (id int primary key, v text);"
                 "insert into ps values (1, 'a'), (150, 'b'); insert into pt values (1, 'a'), (150, 'x');"),
             m_db);
        auto c = open();
        auto t = open();
        const DataCompareResult r = compareTableData(c, t, spec(QStringLiteral("ps"), QStringLiteral("pt")));
        QCOMPARE(r.sourceRows, 2);
        QCOMPARE(r.different, 1);
        const DataCompareResult back =
            compareTableData(c, t, spec(QStringLiteral("pt"), QStringLiteral("ps")));
        QCOMPARE(back.targetRows, 2);
        QCOMPARE(back.different, 1);
    }

    // A profile's row key is the one the compare reads the rows by: a table with no key of its own compares
    // by the key the profile names, and a table whose profile picks another unique key gets a change set
    // by that key, which applies to the table as the window and `pgdesk-cli apply` read it (with the
    // profile's conventions) instead of failing there on "wrong key columns".
    void theProfilesRowKeyIsTheKey() {
        psql(QStringLiteral(
                 "create table ks (id int primary key, code text not null unique, v text);"
                 "create table kt (id int primary key, code text not null unique, v text);"
                 "insert into ks values (1, 'a', 'new'), (2, 'b', 'same');"
                 "insert into kt values (10, 'a', 'old'), (20, 'b', 'same');"
                 "create table ns (code text not null, v text); create table nt (code text not null, v text);"
                 "insert into ns values ('a', 'new'); insert into nt values ('a', 'old');"),
             m_db);
        ConnectionProfile p = pgdesk::test::profile(m_db);
        ConventionOverride byCode;
        byCode.rowKey = QStringList{QStringLiteral("code")};
        for (const char* table : {"kt", "ks", "nt", "ns"})
            p.conventionOverrides.insert(
                conventionOverrideKey(QStringLiteral("public"), QLatin1String(table)), byCode);
        auto c = Connection::open(p);
        auto t = Connection::open(p);
        DataCompareSpec byKey = spec(QStringLiteral("ks"), QStringLiteral("kt"));
        const DataCompareResult r = compareTableData(c, t, byKey);
        QCOMPARE(r.key, QStringList{QStringLiteral("code")});
        QCOMPARE(r.different, 2); // id differs on both rows: no key here, compared as a value
        QCOMPARE(r.same, 0);
        const ApplyResult applied =
            ChangeSetApplier(readTableForProfile(t, QStringLiteral("public"), QStringLiteral("kt")))
                .apply(t, r.changes);
        QVERIFY(applied.applied);
        QCOMPARE(
            psqlValue(QStringLiteral("select string_agg(id || code || v, ',' order by code) from kt"), m_db),
            QStringLiteral("1anew,2bsame"));

        const DataCompareResult keyless =
            compareTableData(c, t, spec(QStringLiteral("ns"), QStringLiteral("nt")));
        QCOMPARE(keyless.different, 1);
    }

    void cancelAndRefusals() {
        auto c = open();
        auto t = open();
        int calls = 0;
        QVERIFY_THROWS_EXCEPTION(
            QueryCanceled, compareTableData(c, t, spec(QStringLiteral("src"), QStringLiteral("tgt"), 100),
                                            [&](qint64) { return ++calls < 1; }));
        // The snapshots were rolled back: the connections take a new transaction.
        QCOMPARE(c.exec(QStringLiteral("select 1")).rowCount(), 1);
        psql(QStringLiteral("create table nokey (a int)"), m_db);
        QVERIFY_THROWS_EXCEPTION(
            ConfigurationError, compareTableData(c, t, spec(QStringLiteral("src"), QStringLiteral("nokey"))));
        // One connection for both sides: one snapshot, two cursors.
        const DataCompareResult same =
            compareTableData(c, c, spec(QStringLiteral("src"), QStringLiteral("src")));
        QCOMPARE(same.same, 6);
        QVERIFY(same.changes.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDataCompare)
#include "tst_datacompare.moc"
