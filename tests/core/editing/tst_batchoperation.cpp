// SPDX-License-Identifier: GPL-3.0-or-later
// Batch operations against a real server, on tables of the test's own (schema tst_batch_<pid>): counts and
// changes are compared with hand-written SQL, and cancelled or refused batches leave the table untouched.
#include "scratchschema.h"
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/queryengine.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/editing/batchoperation.h>
#include <pgdesk/core/session/connection.h>

#include <QCoreApplication>
#include <QTest>

#include <atomic>

using namespace pgdesk::core;

namespace {

QList<Key> ids(int from, int to, int step = 1) {
    QList<Key> keys;
    for (int i = from; i <= to; i += step)
        keys << Key{{QStringLiteral("id"), QString::number(i)}};
    return keys;
}

BatchRequest setColumn(const QString& column, const std::optional<QString>& value) {
    return BatchRequest{BatchAction::SetColumn, column, value};
}

Condition condition(const QString& column, FilterOp op, const QStringList& values) {
    Condition c;
    c.column = column;
    c.op = op;
    c.values = values;
    return c;
}

} // namespace

class TestBatchOperation final : public QObject {
    Q_OBJECT
private:
    std::optional<pgdesk::test::ScratchSchema> m_scratch; // first: dropped after the connections close
    Connection m_c;
    QString m_schema;

    TableInfo table(const QString& name) { return CatalogReader(m_c).table(m_schema, name); }
    QString q(const QString& name) const { return m_schema + QLatin1Char('.') + name; }
    QString scalar(const QString& sql) { return m_c.exec(sql).text(0, 0); }
    QString fingerprint(const QString& name) {
        return scalar(
            QStringLiteral("select md5(string_agg(t::text || ':' || xmin, ',' order by t::text)) from %1 t")
                .arg(q(name)));
    }
    QuerySpec spec(const TableInfo& t) {
        QuerySpec s;
        s.schema = t.schema;
        s.table = t.name;
        return s;
    }

private slots:
    void initTestCase() {
        m_c = Connection::open(pgdesk::test::profile());
        m_schema = QStringLiteral("tst_batch_%1").arg(QCoreApplication::applicationPid());
        m_scratch.emplace(
            m_schema,
            QStringLiteral(
                "create table %1.items (id int primary key, name text not null, qty int check (qty >= 0),"
                "  note text, updated_at timestamptz, deleted_at timestamptz,"
                "  constraint late_boom check (note is distinct from 'boom' or id <= 900));"
                "insert into %1.items select g, 'item ' || g, g % 100, null, null, null"
                "  from generate_series(1, 5000) g;"
                "create table %1.pair (a int, b text, v text, primary key (a, b));"
                "insert into %1.pair select g % 10, 'b' || g, null from generate_series(1, 100) g;"
                "create table %1.keyless (a text);"
                "create table %1.gen (id int primary key, v int, g int generated always as (v * 2) stored);"
                "create table %1.\"we\"\"ird; drop table x;--\" (id int primary key,"
                "  \"a\"\"); drop table x;--\" text);"
                "insert into %1.\"we\"\"ird; drop table x;--\" select g, 'v' from generate_series(1, 3) g;")
                .arg(m_schema));
    }

    void refusesWhatCannotApply() {
        QVERIFY_THROWS_EXCEPTION(
            ConfigurationError,
            BatchOperation(table(QStringLiteral("keyless")), BatchRequest{BatchAction::HardDelete, {}, {}}));
        QVERIFY_THROWS_EXCEPTION(ConfigurationError,
                                 BatchOperation(table(QStringLiteral("gen")),
                                                setColumn(QStringLiteral("g"), QStringLiteral("1"))));
        QVERIFY_THROWS_EXCEPTION(NotFound,
                                 BatchOperation(table(QStringLiteral("items")),
                                                setColumn(QStringLiteral("nope"), QStringLiteral("1"))));
        QVERIFY_THROWS_EXCEPTION(
            ConfigurationError,
            BatchOperation(table(QStringLiteral("pair")), BatchRequest{BatchAction::SoftDelete, {}, {}}));
        const BatchOperation op(table(QStringLiteral("items")),
                                setColumn(QStringLiteral("note"), QStringLiteral("x")));
        QuerySpec query = spec(op.table());
        query.sql = QStringLiteral("select * from pg_class");
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, op.countAffected(m_c, query));
        query = spec(table(QStringLiteral("pair")));
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, op.run(m_c, query));
        QVERIFY_THROWS_EXCEPTION(
            ConfigurationError,
            op.run(m_c, QList<Key>{Key{{QStringLiteral("name"), QStringLiteral("item 1")}}}));
        QVERIFY_THROWS_EXCEPTION(ConfigurationError,
                                 op.run(m_c, QList<Key>{Key{{QStringLiteral("id"), std::nullopt}}}));
    }

    void setColumnOnKeysInChunksWithProgress() {
        const BatchOperation op(table(QStringLiteral("items")),
                                setColumn(QStringLiteral("note"), QString(QLatin1String(""))));
        QList<Key> keys = ids(1, 2500);
        keys << Key{{QStringLiteral("id"), QStringLiteral("999999")}}; // no such row
        QCOMPARE(op.countAffected(m_c, keys), 2500);
        QList<QPair<qint64, qint64>> progress;
        BatchOptions options;
        options.chunkSize = 1000;
        options.progress = [&](qint64 done, qint64 total) { progress << qMakePair(done, total); };
        options.expectedCount = 2500;
        const BatchResult r = op.run(m_c, keys, options);
        QCOMPARE(r.affected, 2500);
        QCOMPARE(r.chunks, 3);
        QCOMPARE(r.attempts, 1);
        QCOMPARE(progress, (QList<QPair<qint64, qint64>>{{1000, 2501}, {2000, 2501}, {2501, 2501}}));
        // Empty string, not NULL; updated_at touched; one transaction.
        QCOMPARE(
            scalar(QStringLiteral(
                       "select count(*) || '/' || count(updated_at) || '/' || count(distinct xmin::text) "
                       "from %1 where note = ''")
                       .arg(q(QStringLiteral("items")))),
            QStringLiteral("2500/2500/1"));
        // NULL is NULL; hostile text stays text.
        const QString hostile = QStringLiteral("it's \"x\" \\ 🐘 '); drop table x;--");
        BatchOperation(table(QStringLiteral("items")), setColumn(QStringLiteral("note"), std::nullopt))
            .run(m_c, ids(1, 10));
        BatchOperation(table(QStringLiteral("items")), setColumn(QStringLiteral("note"), hostile))
            .run(m_c, ids(11, 11));
        QCOMPARE(scalar(QStringLiteral("select count(*) from %1 where id <= 10 and note is null")
                            .arg(q(QStringLiteral("items")))),
                 QStringLiteral("10"));
        QCOMPARE(scalar(QStringLiteral("select note from %1 where id = 11").arg(q(QStringLiteral("items")))),
                 hostile);
    }

    void cancelAndMismatchWriteNothing() {
        const BatchOperation op(table(QStringLiteral("items")),
                                setColumn(QStringLiteral("note"), QStringLiteral("cancelled")));
        const QString before = fingerprint(QStringLiteral("items"));
        std::atomic_bool cancel{false};
        BatchOptions options;
        options.chunkSize = 500;
        options.cancel = &cancel;
        int calls = 0;
        options.progress = [&](qint64, qint64) {
            if (++calls == 2)
                cancel = true; // the user presses Cancel while chunk 3 would be next
        };
        try {
            op.run(m_c, ids(1, 3000), options);
            QFAIL("not cancelled");
        } catch (const QueryCanceled& e) {
            QVERIFY2(e.message().contains(QLatin1String("after 1000 of 3000 keys; nothing was written")),
                     qPrintable(e.message()));
        }
        QCOMPARE(calls, 2);
        QCOMPARE(fingerprint(QStringLiteral("items")), before);
        QVERIFY(m_c.isIdle());

        options = {};
        options.expectedCount = 41; // confirmed 41, but 40 rows match
        QVERIFY_THROWS_EXCEPTION(ConflictError, op.run(m_c, ids(1, 40), options));
        QCOMPARE(fingerprint(QStringLiteral("items")), before);
        // A constraint violation in the last chunk (ids 901..1000) rolls back the nine chunks before it.
        const BatchOperation boom(table(QStringLiteral("items")),
                                  setColumn(QStringLiteral("note"), QStringLiteral("boom")));
        options = {};
        options.chunkSize = 100;
        int chunksDone = 0;
        options.progress = [&](qint64, qint64) { ++chunksDone; };
        QVERIFY_THROWS_EXCEPTION(IntegrityError, boom.run(m_c, ids(1, 1000), options));
        QCOMPARE(chunksDone, 9);
        QCOMPARE(fingerprint(QStringLiteral("items")), before);
    }

    void softDeleteAndRestoreOnFilter() {
        const TableInfo items = table(QStringLiteral("items"));
        QuerySpec s = spec(items);
        s.filter.conditions << condition(QStringLiteral("qty"), FilterOp::LessThan, {QStringLiteral("5")});
        s.sort << SortKey{QStringLiteral("name"), true, SortKey::Nulls::Default}; // ignored by batches
        const QString count =
            scalar(QStringLiteral("select count(*) from %1 where qty < 5 and deleted_at is null")
                       .arg(q(QStringLiteral("items"))));
        QCOMPARE(count, QStringLiteral("250"));
        const BatchOperation softDelete(items, BatchRequest{BatchAction::SoftDelete, {}, {}});
        QCOMPARE(softDelete.countAffected(m_c, s), 250);
        BatchOptions options;
        options.expectedCount = 250;
        QCOMPARE(softDelete.run(m_c, s, options).affected, 250);
        s.count = CountMode::Exact;
        QCOMPARE(QueryEngine(m_c).fetchPage(s, items).total.value_or(-1),
                 0); // the Active view no longer has them
        const QString deletedAt =
            scalar(QStringLiteral("select max(deleted_at)::text from %1").arg(q(QStringLiteral("items"))));
        // Deleting again changes nothing: rows already deleted keep their deletion time.
        QuerySpec all = spec(items);
        all.scope = SoftDeleteScope::All;
        all.filter = s.filter;
        QCOMPARE(softDelete.countAffected(m_c, all), 0);
        QCOMPARE(softDelete.run(m_c, all).affected, 0);
        QCOMPARE(
            scalar(QStringLiteral("select max(deleted_at)::text from %1").arg(q(QStringLiteral("items")))),
            deletedAt);
        // Restore on the Deleted view brings them back; on the Active view there is nothing to restore.
        const BatchOperation restore(items, BatchRequest{BatchAction::Restore, {}, {}});
        QCOMPARE(restore.countAffected(m_c, s), 0);
        s.scope = SoftDeleteScope::Deleted;
        QCOMPARE(restore.countAffected(m_c, s), 250);
        QCOMPARE(restore.run(m_c, s).affected, 250);
        s.scope = SoftDeleteScope::Active;
        QCOMPARE(QueryEngine(m_c).fetchPage(s, items).total.value_or(-1), 250);
        // Soft delete by keys too.
        QCOMPARE(softDelete.run(m_c, ids(4991, 5000)).affected, 10);
        QCOMPARE(scalar(QStringLiteral("select count(*) from %1 where deleted_at is not null")
                            .arg(q(QStringLiteral("items")))),
                 QStringLiteral("10"));
    }

    void hardDeleteOnFilterAndCompositeKeys() {
        const TableInfo items = table(QStringLiteral("items"));
        QuerySpec s = spec(items);
        s.filter.conditions << condition(QStringLiteral("qty"), FilterOp::Equal, {QStringLiteral("99")});
        s.search = QStringLiteral("item 4"); // quick search narrows it further: ids 4xx9 and 49, 499
        const QString expected =
            scalar(QStringLiteral("select count(*) from %1 where qty = 99 and name ilike "
                                  "'%%item 4%%' and deleted_at is null")
                       .arg(q(QStringLiteral("items"))));
        const BatchOperation remove(items, BatchRequest{BatchAction::HardDelete, {}, {}});
        QCOMPARE(QString::number(remove.countAffected(m_c, s)), expected);
        QCOMPARE(QString::number(remove.run(m_c, s).affected), expected);
        QCOMPARE(
            scalar(QStringLiteral("select count(*) from %1 where qty = 99 and name ilike '%%item 4%%' and "
                                  "deleted_at is null")
                       .arg(q(QStringLiteral("items")))),
            QStringLiteral("0"));

        const TableInfo pair = table(QStringLiteral("pair"));
        QList<Key> keys;
        for (int g = 1; g <= 30; ++g) // keys given in both column orders
            keys << (g % 2 ? Key{{QStringLiteral("a"), QString::number(g % 10)},
                                 {QStringLiteral("b"), QStringLiteral("b%1").arg(g)}}
                           : Key{{QStringLiteral("b"), QStringLiteral("b%1").arg(g)},
                                 {QStringLiteral("a"), QString::number(g % 10)}});
        keys << Key{{QStringLiteral("a"), QStringLiteral("1")},
                    {QStringLiteral("b"), QStringLiteral("b2")}}; // no such row
        const BatchOperation set(pair, setColumn(QStringLiteral("v"), QStringLiteral("set")));
        QCOMPARE(set.countAffected(m_c, keys), 30);
        BatchOptions options;
        options.chunkSize = 7;
        const BatchResult r = set.run(m_c, keys, options);
        QCOMPARE(r.affected, 30);
        QCOMPARE(r.chunks, 5);
        QCOMPARE(scalar(QStringLiteral(
                            "select string_agg(b, ',' order by substr(b, 2)::int) from %1 where v = 'set'")
                            .arg(q(QStringLiteral("pair"))))
                     .split(QLatin1Char(','))
                     .size(),
                 30);

        // Hostile identifiers.
        const TableInfo hostile = table(QStringLiteral("we\"ird; drop table x;--"));
        const BatchOperation h(hostile,
                               setColumn(QStringLiteral("a\"); drop table x;--"), QStringLiteral("ok")));
        QCOMPARE(h.run(m_c, ids(1, 2)).affected, 2);
        QCOMPARE(scalar(QStringLiteral("select string_agg(\"a\"\"); drop table x;--\", ',' order by id) from "
                                       "%1.\"we\"\"ird; drop table x;--\"")
                            .arg(m_schema)),
                 QStringLiteral("ok,ok,v"));
    }
};

QTEST_GUILESS_MAIN(TestBatchOperation)
#include "tst_batchoperation.moc"
