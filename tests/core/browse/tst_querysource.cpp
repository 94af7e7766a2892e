// SPDX-License-Identifier: GPL-3.0-or-later
// A read-only SQL query as the source of a browse: its result is typed like a table's columns, filtered,
// sorted and paged on the server, and it can never write. Also the unpaged select used by exports.
#include "pagetext.h"
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/queryengine.h>
#include <pgdesk/core/browse/sqlbuilder.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/session/connection.h>

#include <QTest>

using namespace pgdesk::core;
using pgdesk::test::pageColumn;
using pgdesk::test::sqlColumn;

namespace {

const QString kProducts =
    QStringLiteral("select p.product_id, p.name, p.price, p.tags, p.status, p.released_on, p.attributes\n"
                   "  from inventory.products p -- a trailing comment must not swallow the wrapper\n");

QuerySpec querySpec(const QString& sql) {
    QuerySpec s;
    s.sql = sql;
    s.count = CountMode::Exact;
    s.page.pageSize = 5;
    return s;
}

Condition condition(const QString& column, FilterOp op, QStringList values) {
    Condition c;
    c.column = column;
    c.op = op;
    c.values = std::move(values);
    return c;
}

} // namespace

class TestQuerySource final : public QObject {
    Q_OBJECT
    Connection m_c;

private slots:
    void initTestCase() { m_c = Connection::open(pgdesk::test::profile()); }

    void querySourceIsPure() {
        QCOMPARE(querySource(QStringLiteral("select 1 ;\n ; ")), QStringLiteral("(\nselect 1\n) AS \"q\""));
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, querySource(QStringLiteral(" ;\n")));
    }

    // The result's columns carry the same types, categories and enum labels as the table's own.
    void describeTypesLikeTheCatalog() {
        const TableInfo q = CatalogReader(m_c).describeQuery(kProducts + QStringLiteral(";"));
        const TableInfo t = CatalogReader(m_c).table(QStringLiteral("inventory"), QStringLiteral("products"));
        QCOMPARE(q.kind, RelationKind::Query);
        QVERIFY(q.conventions.rowKey.isEmpty());
        QCOMPARE(q.columns.size(), 7);
        for (const ColumnInfo& c : q.columns) {
            const ColumnInfo* own = t.column(c.name);
            QVERIFY2(own, qPrintable(c.name));
            QCOMPARE(c.typeName, own->typeName);
            QCOMPARE(c.category, own->category);
            QCOMPARE(c.enumLabels, own->enumLabels);
            QCOMPARE(c.elementTypeName, own->elementTypeName);
        }
        // Computed columns, duplicate names and domains.
        const TableInfo d = CatalogReader(m_c).describeQuery(
            QStringLiteral("select 1 as a, 'x'::text as a, 7::public.positive_int as p, 1.50::numeric(5,2)"));
        QCOMPARE(d.columns.size(), 4);
        QCOMPARE(d.columns.at(1).category, TypeCategory::Text);
        // A result reports a domain column as its base type (the server's row description does).
        QCOMPARE(d.columns.at(2).category, TypeCategory::Integer);
        QCOMPARE(d.columns.at(3).typeName, QStringLiteral("numeric(5,2)"));
        QCOMPARE(d.columns.at(3).name, QStringLiteral("numeric"));
        for (const ColumnInfo& c : d.columns)
            QCOMPARE(c.sourceTable, Oid(0)); // computed: no table behind them
    }

    // Each result column names the table and attnum it is a plain reference to, through aliases; an
    // expression names none (what editing a query tool result maps its columns by).
    void describeSourceColumns() {
        const TableInfo t = CatalogReader(m_c).table(QStringLiteral("inventory"), QStringLiteral("products"));
        const TableInfo q = CatalogReader(m_c).describeQuery(
            QStringLiteral("select p.name as label, product_id, upper(p.name) from inventory.products p"));
        QCOMPARE(q.columns.size(), 3);
        QCOMPARE(q.columns.at(0).sourceTable, t.oid);
        QCOMPARE(q.columns.at(0).sourceColumn, t.column(QStringLiteral("name"))->number);
        QCOMPARE(q.columns.at(1).sourceTable, t.oid);
        QCOMPARE(q.columns.at(1).sourceColumn, t.column(QStringLiteral("product_id"))->number);
        QCOMPARE(q.columns.at(2).sourceTable, Oid(0));
        QCOMPARE(q.columns.at(2).sourceColumn, 0);
    }

    // Filters, search, sort and page numbers over a query return what hand-written SQL returns.
    void filterSortAndPage() {
        const TableInfo info = CatalogReader(m_c).describeQuery(kProducts);
        QuerySpec spec = querySpec(kProducts);
        spec.filter.conditions = {
            condition(QStringLiteral("status"), FilterOp::InList,
                      {QStringLiteral("active"), QStringLiteral("draft")}),
            condition(QStringLiteral("name"), FilterOp::Contains, {QStringLiteral("e")})};
        spec.sort = {SortKey{QStringLiteral("price"), true, SortKey::Nulls::Default},
                     SortKey{QStringLiteral("product_id"), false, SortKey::Nulls::Default}};
        const QString where = QStringLiteral("from inventory.products where status in ('active', 'draft') "
                                             "and name ilike '%e%' order by price desc, products.product_id");
        const QStringList expected = sqlColumn(m_c, QStringLiteral("select product_id::text ") + where);
        QVERIFY(expected.size() > 5);
        QueryEngine engine(m_c);
        QStringList seen;
        for (qint64 n = 1; n <= (expected.size() + 4) / 5; ++n) {
            spec.page.pageNumber = n;
            const Page page = engine.fetchPage(spec, info);
            QCOMPARE(page.total.value_or(-1), expected.size());
            QVERIFY(page.keyColumns.isEmpty());
            QVERIFY(page.nextCursor.isEmpty());
            seen << pageColumn(page, QStringLiteral("product_id"));
        }
        QCOMPARE(seen, expected);

        // Quick search covers the query's text-like columns (the enum too); estimates come from the planner.
        spec.filter = {};
        spec.sort = {};
        spec.page.pageNumber = {};
        spec.search = QStringLiteral("DISCONTINUED");
        spec.count = CountMode::Estimate;
        const Page found = engine.fetchPage(spec, info);
        const QStringList discontinued = sqlColumn(
            m_c, QStringLiteral("select count(*) from inventory.products where status = 'discontinued' "
                                "or name ilike '%discontinued%'"));
        QVERIFY(found.total.has_value());
        QCOMPARE(qint64(found.rows.size()), std::min<qint64>(5, discontinued.first().toLongLong()));
        QCOMPARE(engine.exactCount(spec, info), discontinued.first().toLongLong());
        QVERIFY(engine.estimateCount(spec, info) >= 1);

        // Cursors and `last` need a row key, which a query does not have; page numbers do the job.
        spec.page.last = true;
        spec.count = CountMode::None;
        const Page last = engine.fetchPage(spec, info);
        QVERIFY(last.rows.size() >= 1);
        spec.page = {};
        spec.page.afterCursor = QStringLiteral("abc");
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, engine.fetchPage(spec, info));
    }

    void unknownColumnNamesTheQuery() {
        const TableInfo info = CatalogReader(m_c).describeQuery(QStringLiteral("select 1 as one"));
        QuerySpec spec = querySpec(QStringLiteral("select 1 as one"));
        spec.sort = {SortKey{QStringLiteral("two"), false, SortKey::Nulls::Default}};
        try {
            QueryEngine(m_c).fetchPage(spec, info);
            QFAIL("expected NotFound");
        } catch (const NotFound& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("query")), e.what());
        }
    }

    // A query source cannot write: a second statement, a data-modifying CTE and a writing function
    // all fail, and nothing changes.
    void aQuerySourceNeverWrites() {
        try {
            neverWrites();
        } catch (const std::exception& e) {
            QFAIL(e.what());
        }
    }

private:
    void neverWrites() {
        m_c.exec(QStringLiteral("create table if not exists public.qs_guard (v int)"));
        m_c.exec(QStringLiteral("create or replace function public.qs_write() returns int language sql "
                                "as 'insert into public.qs_guard values (1) returning v'"));
        const QStringList attacks = {
            QStringLiteral("select 1; drop table public.qs_guard"),
            QStringLiteral("select 1) as q; drop table public.qs_guard; select (1"),
            QStringLiteral("with d as (delete from public.qs_guard returning *) select * from d"),
            QStringLiteral("select public.qs_write()"),
        };
        for (const QString& sql : attacks) {
            bool failed = false;
            try {
                QuerySpec spec = querySpec(sql);
                QueryEngine(m_c).fetchPage(spec, CatalogReader(m_c).describeQuery(sql));
            } catch (const Error&) {
                failed = true;
            }
            QVERIFY2(failed, qPrintable(sql));
            QVERIFY(m_c.isIdle());
        }
        QCOMPARE(sqlColumn(m_c, QStringLiteral("select count(*) from public.qs_guard")),
                 QStringList{QStringLiteral("0")});
        m_c.exec(QStringLiteral("drop function public.qs_write()"));
        m_c.exec(QStringLiteral("drop table public.qs_guard"));
    }

private slots:
    // buildSelectQuery: the whole filtered, sorted result without LIMIT, for tables and queries alike.
    void unpagedSelect() {
        const TableInfo customer =
            CatalogReader(m_c).table(QStringLiteral("public"), QStringLiteral("customer"));
        QuerySpec spec;
        spec.schema = customer.schema;
        spec.table = customer.name;
        spec.sort = {SortKey{QStringLiteral("last_name"), false, SortKey::Nulls::Default}};
        spec.filter.conditions = {
            condition(QStringLiteral("first_name"), FilterOp::Contains, {QStringLiteral("A")})};
        const BuiltQuery q = buildSelectQuery(spec, customer, true);
        QVERIFY(!q.sql.contains(QStringLiteral("LIMIT")));
        QVERIFY(q.selectsVersion);
        const Result r = m_c.exec(q.sql, q.params);
        QStringList ids;
        for (int i = 0; i < r.rowCount(); ++i)
            ids << r.text(i, 0);
        const QStringList expected = sqlColumn(
            m_c,
            QStringLiteral("select customer_id::text from public.customer where "
                           "is_active and first_name ilike '%a%' order by last_name, customer.customer_id"));
        QCOMPARE(ids, expected);
        QVERIFY(ids.size() > 1);
    }
};

QTEST_GUILESS_MAIN(TestQuerySource)
#include "tst_querysource.moc"
