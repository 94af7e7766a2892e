// SPDX-License-Identifier: GPL-3.0-or-later
// SQL completion: pure cases on a hand-made catalog (contexts, aliases, CTEs, quoting, ranking, the
// statement around the cursor), a speed figure on 10,000 tables × 20 columns, and one case that loads
// the catalog from the test cluster.
#include "scratchschema.h"
#include "testcluster.h"

#include <pgdesk/core/completion/completion.h>
#include <pgdesk/core/session/connection.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTest>

#include <algorithm>
#include <optional>

using namespace pgdesk::core;

namespace {

CompletionRelation table(const QString& schema, const QString& name, const QList<CompletionColumn>& columns) {
    return CompletionRelation{schema, name, CompletionRelation::Kind::Table, columns};
}

CompletionCatalog sampleCatalog() {
    CompletionCatalog c;
    c.schemas = {"public", "sales", "archive", "pg_catalog"};
    c.searchPath = {"public"};
    c.relations = {
        table("public", "customer", {{"id", "integer"}, {"name", "text"}, {"order", "integer"}}),
        table("public", "MixedCase", {{"Value", "text"}}),
        table("sales", "orders", {{"id", "integer"}, {"total", "numeric(12,2)"}, {"customer_id", "integer"}}),
        table("sales", "invoice", {{"id", "integer"}}),
        table("archive", "old_orders", {{"id", "integer"}}),
        table("pg_catalog", "pg_class", {{"relname", "name"}}),
    };
    c.functions = {
        {"pg_catalog", "now", "", "timestamp with time zone"},
        {"pg_catalog", "date_trunc", "text, timestamp with time zone", "timestamp with time zone"},
        {"pg_catalog", "int4", "numeric", "integer"},
        {"sales", "order_total", "integer", "numeric"},
    };
    c.types = {{"pg_catalog", "int4"}, {"pg_catalog", "text"}, {"sales", "money_amount"}};
    c.foreignKeys = {{"sales", "orders", {"customer_id"}, "public", "customer", {"id"}},
                     {"sales", "invoice", {"id"}, "sales", "orders", {"id"}}};
    c.index();
    return c;
}

// complete() with the cursor where `|` is in `sql`.
QList<CompletionItem> at(const CompletionCatalog& c, QString sql) {
    const int cursor = int(sql.indexOf(QLatin1Char('|')));
    Q_ASSERT(cursor >= 0);
    sql.remove(cursor, 1);
    return complete(c, sql, cursor);
}

QStringList texts(const QList<CompletionItem>& items) {
    QStringList out;
    for (const CompletionItem& i : items)
        out << i.text;
    return out;
}

const CompletionItem* find(const QList<CompletionItem>& items, const QString& text) {
    for (const CompletionItem& i : items)
        if (i.text == text)
            return &i;
    return nullptr;
}

} // namespace

class TestCompletion final : public QObject {
    Q_OBJECT

    CompletionCatalog m_catalog = sampleCatalog();

private slots:
    void columnsAfterAlias() {
        const auto items = at(m_catalog, "select c.| from customer c");
        QCOMPARE(texts(items), QStringList({"id", "name", "\"order\""}));
        QCOMPARE(items[0].kind, CompletionItem::Column);
        QCOMPARE(items[0].detail, QStringLiteral("integer"));
        // AS, JOIN, a qualified relation, and a prefix.
        QCOMPARE(
            texts(at(m_catalog, "select o.t| from public.customer as c join sales.orders o on o.id = c.id")),
            QStringList({"total"}));
        QCOMPARE(texts(at(m_catalog, "select x from customer c join sales.orders o on o.customer_id = c.|")),
                 QStringList({"id", "name", "\"order\""}));
        // A table named, not aliased.
        QCOMPARE(texts(at(m_catalog, "select customer.na| from customer")), QStringList({"name"}));
    }

    void quotedMixedCase() {
        auto items = at(m_catalog, "select * from \"Mi|");
        QVERIFY(!items.isEmpty());
        QCOMPARE(items[0].text, QStringLiteral("\"MixedCase\""));
        QCOMPARE(completionWordStart("select * from \"Mi", 17), 14);
        // The quote matches case-sensitively: "mi finds nothing.
        QVERIFY(at(m_catalog, "select * from \"mi|").isEmpty());
        // Unquoted typing still finds it, inserted quoted.
        items = at(m_catalog, "select * from mi|");
        QCOMPARE(texts(items), QStringList({"\"MixedCase\""}));
        // Its mixed-case column after the alias.
        QCOMPARE(texts(at(m_catalog, "select m.| from \"MixedCase\" m")), QStringList({"\"Value\""}));
    }

    void cteAndSubqueryColumns() {
        QCOMPARE(texts(at(m_catalog, "with t as (select 1 as one, 2 as two) select t.| from t")),
                 QStringList({"one", "two"}));
        // Column list on the CTE, a second CTE reading the first, and * expanded from a table.
        QCOMPARE(
            texts(at(m_catalog, "with a(x, y) as (select 1, 2), b as (select * from a) select b.| from b")),
            QStringList({"x", "y"}));
        QCOMPARE(texts(at(m_catalog, "with c as (select * from customer) select c.| from c")),
                 QStringList({"id", "name", "\"order\""}));
        const auto items = at(m_catalog, "select s.| from (select id, name as n, count(*) from customer) s");
        QCOMPARE(texts(items), QStringList({"count", "id", "n"}));
        QCOMPARE(find(items, "id")->detail, QStringLiteral("integer"));
        // A CTE name is a relation in FROM.
        QVERIFY(find(at(m_catalog, "with recent as (select 1 as x) select * from rec|"), "recent"));
    }

    // A table function's columns come from its signature: TABLE(…), a table's row type, or one column of a
    // base type named after the alias (or the function); WITH ORDINALITY adds one, a column list renames
    // them. VALUES gives column1, column2 ….
    void tableFunctionAndValuesColumns() {
        CompletionCatalog c = sampleCatalog();
        c.functions << CompletionFunction{"pg_catalog", "generate_series", "integer, integer",
                                          "SETOF integer"}
                    << CompletionFunction{"sales", "top_orders", "integer",
                                          "TABLE(order_id integer, \"Total Sum\" numeric(12,2), rank bigint)"}
                    << CompletionFunction{"public", "customers_like", "text", "SETOF customer"}
                    << CompletionFunction{"public", "anything", "", "SETOF record"};
        c.index();
        QCOMPARE(texts(at(c, "select g.| from generate_series(1, 3) g")), QStringList({"g"}));
        const auto items = at(c, "select g.| from generate_series(1, 3) with ordinality as g");
        QCOMPARE(texts(items), QStringList({"g", "ordinality"}));
        QCOMPARE(find(items, "g")->detail, QStringLiteral("integer"));
        QCOMPARE(texts(at(c, "select g.| from generate_series(1, 3) with ordinality g(n, i)")),
                 QStringList({"i", "n"}));
        QCOMPARE(texts(at(c, "select generate_series.| from generate_series(1, 3)")),
                 QStringList({"generate_series"}));
        const auto top = at(c, "select t.| from sales.top_orders(10) t");
        QCOMPARE(texts(top), QStringList({"order_id", "rank", "\"Total Sum\""}));
        QCOMPARE(find(top, "\"Total Sum\"")->detail, QStringLiteral("numeric(12,2)"));
        QCOMPARE(texts(at(c, "select l.| from customers_like('a%') l")),
                 QStringList({"id", "name", "\"order\""}));
        // Not visible without its schema; a record says nothing.
        QVERIFY(at(c, "select t.| from top_orders(10) t").isEmpty());
        QVERIFY(at(c, "select a.| from anything() a").isEmpty());
        // Unqualified in the select list, as in the server.
        QVERIFY(find(at(c, "select ran| from sales.top_orders(3)"), "rank"));

        QCOMPARE(texts(at(c, "select v.| from (values (1, 'a', array[1, 2]), (2, 'b', null)) v")),
                 QStringList({"column1", "column2", "column3"}));
        QCOMPARE(texts(at(c, "select v.| from (values (f(1, 2), 'a')) v(id, label)")),
                 QStringList({"id", "label"}));
        QCOMPARE(texts(at(c, "with w as (values (1, 2)) select w.| from w")),
                 QStringList({"column1", "column2"}));
    }

    void functionsWithSignature() {
        auto items = at(m_catalog, "select now|");
        const CompletionItem* now = find(items, "now");
        QVERIFY(now);
        QCOMPARE(now->kind, CompletionItem::Function);
        QCOMPARE(now->detail, QStringLiteral("() → timestamp with time zone"));
        items = at(m_catalog, "select date_tr|");
        QCOMPARE(items.size(), 1);
        QCOMPARE(items[0].text, QStringLiteral("date_trunc"));
        QCOMPARE(items[0].detail,
                 QStringLiteral("(text, timestamp with time zone) → timestamp with time zone"));
        // A function outside the search path only after its schema.
        QVERIFY(!find(at(m_catalog, "select order_t|"), "order_total"));
        QVERIFY(find(at(m_catalog, "select sales.order_t|"), "order_total"));
    }

    void schemaQualified() {
        const auto items = at(m_catalog, "select * from sales.|");
        QCOMPARE(texts(items), QStringList({"invoice", "orders", "order_total"}));
        QCOMPARE(items[0].kind, CompletionItem::Table);
        // System tables only when their schema is typed.
        QVERIFY(!find(at(m_catalog, "select * from pg_cl|"), "pg_catalog.pg_class"));
        QVERIFY(find(at(m_catalog, "select * from pg_catalog.pg_cl|"), "pg_class"));
        // Columns of schema.table.
        QCOMPARE(texts(at(m_catalog, "select sales.orders.to| from sales.orders")), QStringList({"total"}));
    }

    void searchPath() {
        auto items = at(m_catalog, "select * from cust|");
        QCOMPARE(texts(items), QStringList({"customer"}));
        items = at(m_catalog, "select * from old|");
        QCOMPARE(texts(items), QStringList({"archive.old_orders"}));
        // Both kinds together, with schemas; after the comma of a FROM list too.
        items = at(m_catalog, "select * from customer c, |");
        QVERIFY(find(items, "customer"));
        QVERIFY(find(items, "sales.orders"));
        QVERIFY(find(items, "sales"));
        QVERIFY(find(items, "\"MixedCase\""));
        QCOMPARE(find(items, "sales")->kind, CompletionItem::Schema);
        QVERIFY(!find(items, "SELECT"));
    }

    void keywords() {
        auto items = at(m_catalog, "sel|");
        QCOMPARE(texts(items), QStringList({"SELECT"}));
        QCOMPARE(items[0].kind, CompletionItem::Keyword);
        // After a FROM item: keywords (WHERE, JOIN …), not relations.
        items = at(m_catalog, "select * from customer c w|");
        QCOMPARE(texts(items), QStringList({"WHEN", "WHERE", "WINDOW", "WITH"}));
    }

    void expressionRanking() {
        // Columns, then functions, then keywords; exact-case prefix first.
        auto items = at(m_catalog, "select i| from customer");
        QCOMPARE(texts(items),
                 QStringList({"id", "int4", "ILIKE", "IN", "INNER", "INSERT", "INTERSECT", "INTO", "IS"}));
        items = at(m_catalog, "select * from customer c where |");
        QCOMPARE(items[0].text, QStringLiteral("id"));
        QVERIFY(find(items, "c"));
        QCOMPARE(find(items, "c")->kind, CompletionItem::Alias);
        QVERIFY(find(items, "now"));
        QVERIFY(find(items, "AND"));
        // Two sources: columns of both, the detail says whose.
        items = at(m_catalog, "select tot| from customer c join sales.orders o on true");
        QCOMPARE(texts(items), QStringList({"total"}));
        QCOMPARE(items[0].detail, QStringLiteral("numeric(12,2) — o"));
        // Inside a function call and in ORDER BY.
        QCOMPARE(texts(at(m_catalog, "select count(na|) from customer")), QStringList({"name", "NATURAL"}));
        QCOMPARE(texts(at(m_catalog, "select 1 from customer order by na|")),
                 QStringList({"name", "NATURAL"}));
        // The subquery's own FROM, not the outer one.
        QCOMPARE(texts(at(m_catalog, "select * from customer where id in (select tot| from sales.orders)")),
                 QStringList({"total"}));
        // UPDATE … SET, and the column list of INSERT INTO.
        QCOMPARE(texts(at(m_catalog, "update sales.orders o set tot|")), QStringList({"total"}));
        QCOMPARE(texts(at(m_catalog, "insert into sales.orders (id, |) values (1, 2)")),
                 QStringList({"customer_id", "id", "total"}));
        // After ::, types.
        QCOMPARE(texts(at(m_catalog, "select 1::in|")), QStringList({"int4"}));
    }

    // After JOIN … ON: the foreign keys' conditions between the joined table and those before it, its own
    // side first; then the columns, a name both tables have qualified by each (never listed twice bare).
    void joinConditionFromForeignKeys() {
        auto items = at(m_catalog, "select * from customer c join sales.orders o on |");
        QVERIFY(!items.isEmpty());
        QCOMPARE(items[0].text, QStringLiteral("o.customer_id = c.id"));
        QCOMPARE(items[0].kind, CompletionItem::JoinCondition);
        QCOMPARE(items[0].detail, QStringLiteral("foreign key sales.orders → public.customer"));
        QVERIFY(find(items, "c.id") && find(items, "o.id"));
        QVERIFY(!find(items, "id"));
        QVERIFY(find(items, "total") && find(items, "customer_id"));
        // The other way round, a prefix, LEFT JOIN, a third table joined to the second.
        items = at(m_catalog, "select * from sales.orders o left join public.customer as c on c|");
        QCOMPARE(items[0].text, QStringLiteral("c.id = o.customer_id"));
        QCOMPARE(texts(at(m_catalog, "select * from customer c join sales.orders o on o.customer_id = c.id "
                                     "join sales.invoice i on i|"))
                     .first(),
                 QStringLiteral("i.id = o.id"));
        // No key between them: no condition; not after ON: none either.
        items = at(m_catalog, "select * from customer c join archive.old_orders x on |");
        QVERIFY(items.isEmpty() || items[0].kind != CompletionItem::JoinCondition);
        items = at(m_catalog, "select * from customer c join sales.orders o on o.id = 1 and |");
        QVERIFY(items.isEmpty() || items[0].kind != CompletionItem::JoinCondition);
        // Several columns, and names that need quotes.
        CompletionCatalog quoted = m_catalog;
        quoted.relations << table("public", "Line", {{"Order", "integer"}, {"n", "integer"}})
                         << table("public", "part", {{"order_id", "integer"}, {"line", "integer"}});
        quoted.foreignKeys << CompletionForeignKey{"public", "part", {"order_id", "line"},
                                                   "public", "Line", {"Order", "n"}};
        quoted.index();
        QCOMPARE(at(quoted, "select * from \"Line\" \"L\" join part p on |").first().text,
                 QStringLiteral("p.order_id = \"L\".\"Order\" AND p.line = \"L\".n"));
    }

    void quoting() {
        QCOMPARE(completionIdentifier("customer"), QStringLiteral("customer"));
        QCOMPARE(completionIdentifier("a$1"), QStringLiteral("a$1"));
        QCOMPARE(completionIdentifier("MixedCase"), QStringLiteral("\"MixedCase\""));
        QCOMPARE(completionIdentifier("two words"), QStringLiteral("\"two words\""));
        QCOMPARE(completionIdentifier("select"), QStringLiteral("\"select\""));
        QCOMPARE(completionIdentifier("1st"), QStringLiteral("\"1st\""));
        QCOMPARE(completionIdentifier("we\"ird"), QStringLiteral("\"we\"\"ird\""));
        // A reserved-word column.
        QCOMPARE(texts(at(m_catalog, "select ord| from customer")), QStringList({"\"order\"", "ORDER"}));
        // Schema-qualified insertions quote each part.
        CompletionCatalog c = m_catalog;
        c.schemas << "Sales Dept";
        c.relations << table("Sales Dept", "Q1", {});
        c.index();
        QVERIFY(find(at(c, "select * from q|"), "\"Sales Dept\".\"Q1\""));
    }

    void statementAroundCursor() {
        const QString script = "select 1;\nselect c.| from customer c;\nselect o.| from sales.orders o;\n";
        QString s = script;
        const int first = int(s.indexOf('|'));
        s.remove(first, 1);
        const int second = int(s.indexOf('|'));
        s.remove(second, 1);
        QCOMPARE(texts(complete(m_catalog, s, first)), QStringList({"id", "name", "\"order\""}));
        QCOMPARE(texts(complete(m_catalog, s, second)), QStringList({"customer_id", "id", "total"}));
        // After a `;`: a new statement, keywords.
        QCOMPARE(texts(at(m_catalog, "select c.id from customer c; up|")), QStringList({"UPDATE"}));
        // Nothing inside strings or comments.
        QVERIFY(at(m_catalog, "select 'sel|'").isEmpty());
        QVERIFY(at(m_catalog, "select 1 -- sel|").isEmpty());
    }

    void speed() {
        CompletionCatalog c;
        c.schemas = {"public"};
        c.searchPath = {"public"};
        for (int t = 0; t < 10000; ++t) {
            CompletionRelation r = table("public", QStringLiteral("table_%1").arg(t), {});
            for (int k = 0; k < 20; ++k)
                r.columns << CompletionColumn{QStringLiteral("column_%1").arg(k), QStringLiteral("integer")};
            c.relations << r;
        }
        for (int f = 0; f < 3000; ++f) // about what pg_catalog holds
            c.functions << CompletionFunction{"pg_catalog", QStringLiteral("fn_%1").arg(f), "integer",
                                              "integer"};
        QElapsedTimer indexing;
        indexing.start();
        c.index();
        const qint64 indexMs = indexing.elapsed();
        const auto median = [&](const QString& sql, int cursor) {
            QList<qint64> ns;
            int found = 0;
            for (int i = 0; i < 201; ++i) {
                QElapsedTimer t;
                t.start();
                found = int(complete(c, sql, cursor).size());
                ns << t.nsecsElapsed();
            }
            std::sort(ns.begin(), ns.end());
            return std::pair{ns[ns.size() / 2] / 1000.0, found};
        };
        const QString columns =
            "select t.column_1| from table_4242 t join table_17 u on u.column_3 = t.column_3";
        const auto [colUs, colN] = median(QString(columns).remove('|'), int(columns.indexOf('|')));
        const QString relations = "select * from table_12|";
        const auto [relUs, relN] = median(QString(relations).remove('|'), int(relations.indexOf('|')));
        const QString expr = "select col| from table_4242 t join table_17 u on true";
        const auto [exprUs, exprN] = median(QString(expr).remove('|'), int(expr.indexOf('|')));
        const QString any = "select | from table_4242 t";
        const auto [anyUs, anyN] = median(QString(any).remove('|'), int(any.indexOf('|')));
        QCOMPARE(colN, 11); // column_1, column_10 … column_19
        QCOMPARE(relN, 111);
        QCOMPARE(exprN, 40);
        QCOMPARE(anyN, 20 + 1 + 3000 + 81); // columns, the alias, functions, keywords
        qInfo("complete() on 10,000 tables x 20 columns, 3,000 functions (index built in %lld ms): median "
              "%.1f us after `t.column_1`, %.1f us for `from table_12` (%d relations), %.1f us for `select "
              "col` "
              "(%d columns), %.1f us for `select |` (%d items)",
              indexMs, colUs, relUs, relN, exprUs, exprN, anyUs, anyN);
    }

    // The one case on the server: the catalog as loadCompletionCatalog() reads it.
    void loadFromServer() {
        const QString schema = QStringLiteral("tst_completion_%1").arg(QCoreApplication::applicationPid());
        const pgdesk::test::ScratchSchema scratch(
            schema,
            "create table $S.\"MixedCase\" (id integer, dropme text, \"Label\" varchar(20));"
            "alter table $S.\"MixedCase\" drop column dropme;"
            "create view $S.v as select 1 as one;"
            "create function $S.twice(x integer) returns integer language sql as 'select x * 2';"
            "create function $S.pairs(n integer) returns table (k integer, \"Doubled\" bigint) "
            "language sql as 'select i, i * 2 from generate_series(1, n) i';"
            "create function $S.rows_of(n integer) returns setof $S.\"MixedCase\" "
            "language sql as 'select n, null::varchar(20)';"
            "create type $S.mood as enum ('ok', 'not ok');"
            "create table $S.customer (id int primary key, region text, code int, unique (region, code));"
            "create table $S.\"Order\" (id int primary key, customer_id int references $S.customer,"
            "  region text, code int, foreign key (region, code) references $S.customer (region, code));");
        Connection conn = Connection::open(pgdesk::test::profile());
        QElapsedTimer loading;
        loading.start();
        const CompletionCatalog c = loadCompletionCatalog(conn);
        qInfo("loadCompletionCatalog(): %lld ms for %lld relations, %lld functions, %lld types",
              loading.elapsed(), qlonglong(c.relations.size()), qlonglong(c.functions.size()),
              qlonglong(c.types.size()));
        QVERIFY(c.isIndexed());
        QVERIFY(c.schemas.contains(schema));
        QVERIFY(!c.schemas.contains("pg_toast"));
        QVERIFY(!c.searchPath.isEmpty());
        const CompletionRelation* r = c.findRelation(schema, "MixedCase");
        QVERIFY(r);
        QCOMPARE(r->columns.size(), 2); // the dropped column and system columns left out
        QCOMPARE(r->columns[1].name, QStringLiteral("Label"));
        QCOMPARE(r->columns[1].type, QStringLiteral("character varying(20)"));
        QCOMPARE(c.findRelation(schema, "v")->kind, CompletionRelation::Kind::View);
        QVERIFY(c.findRelation("pg_catalog", "pg_class"));
        // Through complete(): the schema's contents, pg_catalog's functions, the type after ::.
        QCOMPARE(texts(at(c, QStringLiteral("select * from %1.|").arg(schema))),
                 QStringList({"customer", "\"MixedCase\"", "\"Order\"", "v", "pairs", "rows_of", "twice"}));
        QCOMPARE(find(at(c, QStringLiteral("select %1.tw|").arg(schema)), "twice")->detail,
                 QStringLiteral("(x integer) → integer"));
        QVERIFY(find(at(c, "select date_tr|"), "date_trunc"));
        QVERIFY(find(at(c, QStringLiteral("select 1::%1.mo|").arg(schema)), "mood"));
        // Not in the search path: offered qualified.
        QVERIFY(find(at(c, "select * from \"Mixed|"), schema + ".\"MixedCase\""));
        // Table functions' columns as the server describes their results.
        QCOMPARE(texts(at(c, "select g.| from generate_series(1, 3) g")), QStringList({"g"}));
        QCOMPARE(texts(at(c, QStringLiteral("select p.| from %1.pairs(3) p").arg(schema))),
                 QStringList({"\"Doubled\"", "k"}));
        QCOMPARE(texts(at(c, QStringLiteral("select r.| from %1.rows_of(3) r").arg(schema))),
                 QStringList({"id", "\"Label\""}));
        // Foreign keys, each with its columns in order; a join offers both.
        const auto joins =
            at(c, QStringLiteral("select * from %1.customer c join %1.\"Order\" o on |").arg(schema));
        QStringList conditions;
        for (const CompletionItem& i : joins)
            if (i.kind == CompletionItem::JoinCondition)
                conditions << i.text;
        conditions.sort();
        QCOMPARE(conditions,
                 QStringList({"o.customer_id = c.id", "o.region = c.region AND o.code = c.code"}));
    }
};

QTEST_GUILESS_MAIN(TestCompletion)
#include "tst_completion.moc"
