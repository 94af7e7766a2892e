// The query engine against the demo database: every filter operation returns exactly the rows of a
// hand-written equivalent statement, and keyset paging visits every row once, in order.
#include "pagetext.h"
#include "scratchschema.h"
#include "testcluster.h"

#include <pgdesk/core/catalogreader.h>
#include <pgdesk/core/connection.h>
#include <pgdesk/core/errors.h>
#include <pgdesk/core/queryengine.h>
#include <pgdesk/core/sqlbuilder.h>

#include <QElapsedTimer>
#include <QHash>
#include <QTest>

#include <algorithm>
#include <stdexcept>

using namespace pgdesk::core;
using pgdesk::test::pageColumn;
using pgdesk::test::sqlColumn;

namespace {

// key → value of a two-column statement.
QHash<QString, QString> sqlMap(Connection& c, const QString& sql) {
    const Result r = c.exec(sql);
    QHash<QString, QString> out;
    for (int i = 0; i < r.rowCount(); ++i)
        out.insert(r.text(i, 0), r.text(i, 1));
    return out;
}

QStringList sorted(QStringList list) {
    list.sort();
    return list;
}

Condition condition(const QString& column, FilterOp op, QStringList values = {}, QStringList jsonPath = {}) {
    Condition c;
    c.column = column;
    c.op = op;
    c.values = std::move(values);
    c.jsonPath = std::move(jsonPath);
    return c;
}

QuerySpec allRows(const TableInfo& table) {
    QuerySpec s;
    s.schema = table.schema;
    s.table = table.name;
    s.scope = SoftDeleteScope::All;
    s.count = CountMode::None;
    s.page.pageSize = 10000;
    return s;
}

} // namespace

class TestQueryEngine final : public QObject {
    Q_OBJECT
private:
    Connection m_c;
    TableInfo table(const QString& schema, const QString& name) {
        return CatalogReader(m_c).table(schema, name);
    }

private slots:
    void initTestCase() { m_c = Connection::open(pgdesk::test::profile()); }

    void filters_data() {
        QTest::addColumn<QString>("schema");
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("op");
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<QStringList>("path");
        QTest::addColumn<QString>("where"); // the hand-written equivalent
        const QString products = QStringLiteral("inventory");
        const QString pub = QStringLiteral("public");
        const auto row = [](const char* name, const QString& schema, const char* table, const char* key,
                            const char* column, const char* op, QStringList values, QStringList path,
                            const QString& where) {
            QTest::newRow(name) << schema << QString::fromUtf8(table) << QString::fromUtf8(key)
                                << QString::fromUtf8(column) << QString::fromUtf8(op) << values << path
                                << where;
        };
        row("equal numeric", products, "products", "product_id", "price", "equal", {"19.99"}, {},
            "price = 19.99");
        row("equal unicode", pub, "users", "id", "username", "equal", {"jürgen.groß"}, {},
            QStringLiteral("username = 'jürgen.groß'"));
        row("equal enum", products, "products", "product_id", "status", "equal", {"draft"}, {},
            "status = 'draft'");
        row("equal empty string", pub, "users", "id", "bio", "equal", {""}, {}, "bio = ''");
        row("not_equal", products, "products", "product_id", "status", "not_equal", {"active"}, {},
            "status <> 'active'");
        row("not_equal nullable", pub, "users", "id", "bio", "not_equal", {""}, {}, "bio <> ''");
        row("less_than", products, "products", "product_id", "price", "less_than", {"100"}, {},
            "price < 100");
        row("less_than_or_equal", pub, "customer", "customer_id", "customer_id", "less_than_or_equal", {"10"},
            {}, "customer_id <= 10");
        row("greater_than", pub, "events", "event_id", "occurred_at", "greater_than",
            {"2026-06-15 00:00:00+00"}, {}, "occurred_at > '2026-06-15 00:00:00+00'");
        row("greater_than_or_equal", pub, "type_showcase", "id", "c_integer", "greater_than_or_equal", {"0"},
            {}, "c_integer >= 0");
        row("greater_than domain", pub, "type_showcase", "id", "c_positive", "greater_than", {"-5"}, {},
            "c_positive > -5");
        row("between", pub, "customer", "customer_id", "customer_id", "between", {"10", "20"}, {},
            "customer_id between 10 and 20");
        row("between microseconds", pub, "events", "event_id", "occurred_at", "between",
            {"2026-03-14 15:09:26.535897+00", "2026-03-15 00:00:00+00"}, {},
            "occurred_at between '2026-03-14 15:09:26.535897+00' and '2026-03-15 00:00:00+00'");
        row("in_list enum", products, "products", "product_id", "status", "in_list",
            {"draft", "discontinued"}, {}, "status in ('draft', 'discontinued')");
        row("in_list unicode", pub, "users", "id", "username", "in_list",
            {"jürgen.groß", "wang.fang", "obrien", "no\"such,user\\"}, {},
            QStringLiteral("username in ('jürgen.groß', 'wang.fang', 'obrien')"));
        row("in_list text", pub, "events", "event_id", "kind", "in_list", {"login", "purchase"}, {},
            "kind in ('login', 'purchase')");
        row("not_in_list", pub, "customer", "customer_id", "customer_id", "not_in_list", {"1", "2", "3"}, {},
            "customer_id not in (1, 2, 3)");
        row("not_in_list nullable", pub, "users", "id", "bio", "not_in_list", {""}, {}, "bio not in ('')");
        // contains, starts_with and ends_with match their text literally: %, _ and \ are plain characters.
        row("contains percent", pub, "posts", "id", "body", "contains", {"%"}, {}, "strpos(body, '%') > 0");
        row("contains underscore", pub, "posts", "id", "body", "contains", {"_"}, {},
            "strpos(body, '_') > 0");
        row("contains backslash", pub, "posts", "id", "body", "contains", {"\\"}, {},
            "strpos(body, E'\\\\') > 0");
        row("contains pattern text", pub, "posts", "id", "body", "contains", {"LIKE 'a_b%'"}, {},
            "strpos(body, 'LIKE ''a_b%''') > 0");
        // like and ilike are SQL patterns: % any text, _ one character, a backslash escapes.
        row("like pattern", pub, "posts", "id", "title", "like", {"P_rtitioning%"}, {},
            "title ~ '^P.rtitioning'");
        row("like pattern case-sensitive", pub, "posts", "id", "title", "like", {"%PostgreSQL%"}, {},
            "strpos(title, 'PostgreSQL') > 0");
        row("like whole value", pub, "users", "id", "username", "like", {"wang.fang"}, {},
            "username = 'wang.fang'");
        row("like escaped percent", pub, "posts", "id", "body", "like", {"%100\\% of snake\\_case%"}, {},
            "strpos(body, '100% of snake_case') > 0");
        row("like escaped backslash", pub, "posts", "id", "body", "like", {"%\\\\"}, {},
            "right(body, 1) = E'\\\\'");
        row("ilike pattern", pub, "posts", "id", "title", "ilike", {"%postgresql%"}, {},
            "title ilike '%postgresql%'");
        row("ilike underscore", pub, "users", "id", "username", "ilike", {"W_NG%"}, {},
            "lower(username) ~ '^w.ng'");
        row("contains unicode", pub, "users", "id", "full_name", "contains", {"ZOË"}, {},
            QStringLiteral("full_name ilike '%zoë%'"));
        row("contains umlaut", pub, "users", "id", "full_name", "contains", {"groß"}, {},
            QStringLiteral("full_name ilike '%groß%'"));
        row("starts_with", pub, "users", "id", "username", "starts_with", {"wang"}, {},
            "left(username, 4) = 'wang'");
        row("ends_with backslash", pub, "posts", "id", "body", "ends_with", {"\\"}, {},
            "right(body, 1) = E'\\\\'");
        row("is_null", pub, "users", "id", "bio", "is_null", {}, {}, "bio is null");
        row("is_not_null", pub, "users", "id", "bio", "is_not_null", {}, {}, "bio is not null");
        row("array_contains", products, "products", "product_id", "tags", "array_contains", {"sale"}, {},
            "tags @> array['sale']");
        row("array_contains hostile", products, "products", "product_id", "tags", "array_contains",
            {"a,b", "say \"hi\"", "back\\slash", "{braces}", "NULL", ""}, {},
            "tags @> array['a,b', 'say \"hi\"', 'back\\slash', '{braces}', 'NULL', '']");
        row("array_overlaps", products, "products", "product_id", "tags", "array_overlaps", {"eco", "Küche"},
            {}, QStringLiteral("tags && array['eco', 'Küche']"));
        row("json_path_equal", products, "products", "product_id", "attributes", "json_path_equal", {"linux"},
            {"device", "os"}, "attributes #>> '{device,os}' = 'linux'");
        row("json_path_equal unicode", products, "products", "product_id", "attributes", "json_path_equal",
            {"weiß"}, {"color"}, QStringLiteral("attributes #>> '{color}' = 'weiß'"));
        row("json_path_equal array index", products, "products", "product_id", "attributes",
            "json_path_equal", {"glass"}, {"materials", "1"}, "attributes #>> '{materials,1}' = 'glass'");
        row("json_contains", products, "products", "product_id", "attributes", "json_contains",
            {"{\"device\": {\"type\": \"phone\"}}"}, {},
            "attributes @> '{\"device\": {\"type\": \"phone\"}}'");
        row("json_contains events", pub, "events", "event_id", "payload", "json_contains", {"{}"}, {},
            "payload @> '{}'");
        row("full_text text column", pub, "posts", "id", "title", "full_text", {"postgresql -why"}, {},
            "to_tsvector(title) @@ websearch_to_tsquery('postgresql -why')");
        row("full_text tsvector", pub, "type_showcase", "id", "c_tsvector", "full_text", {"fox"}, {},
            "c_tsvector @@ websearch_to_tsquery('fox')");
    }
    void filters() {
        QFETCH(QString, schema);
        QFETCH(QString, table);
        QFETCH(QString, key);
        QFETCH(QString, column);
        QFETCH(QString, op);
        QFETCH(QStringList, values);
        QFETCH(QStringList, path);
        QFETCH(QString, where);
        const TableInfo info = this->table(schema, table);
        QuerySpec spec = allRows(info);
        const auto filterOp = filterOpFromName(op);
        QVERIFY(filterOp);
        spec.filter.conditions = {condition(column, *filterOp, values, path)};
        const Page page = QueryEngine(m_c).fetchPage(spec, info);
        const QStringList expected =
            sqlColumn(m_c, QStringLiteral("select %1::text from %2.%3 where %4")
                               .arg(key, quoteIdentifier(schema), quoteIdentifier(table), where));
        QVERIFY2(!expected.isEmpty(), "the reference matches no row: pick another value");
        const qint64 all = sqlColumn(m_c, QStringLiteral("select count(*) from %1.%2")
                                              .arg(quoteIdentifier(schema), quoteIdentifier(table)))
                               .first()
                               .toLongLong();
        QVERIFY2(expected.size() < all, "the reference matches every row: pick another value");
        QCOMPARE(sorted(pageColumn(page, key)), sorted(expected));
        QCOMPARE(QueryEngine(m_c).exactCount(spec, info), expected.size());
    }

    // full_text searches with the configuration the column was built or indexed with, whatever the
    // session's default_text_search_config; a value may name one ("english:crocodiles").
    void fullTextUsesTheColumnsConfiguration() {
        const QString other = m_c.exec(QStringLiteral("show default_text_search_config"))
                                      .text(0, 0)
                                      .endsWith(QLatin1String("english"))
                                  ? QStringLiteral("simple")
                                  : QStringLiteral("english");
        const pgdesk::test::ScratchSchema fts(
            QStringLiteral("tst_fts"),
            QStringLiteral(
                "create table tst_fts.docs (id int primary key, body text,"
                " vec tsvector generated always as (to_tsvector('%1', body)) stored);"
                "create index on tst_fts.docs using gin (to_tsvector('%1'::regconfig, body));"
                "create table tst_fts.plain (id int primary key, body text);"
                "insert into tst_fts.docs (id, body) values (1, 'Crocodiles swim'), (2, 'lions roar');"
                "insert into tst_fts.plain select id, body from tst_fts.docs;")
                .arg(other));
        const TableInfo docs = table(QStringLiteral("tst_fts"), QStringLiteral("docs"));
        QCOMPARE(docs.column(QStringLiteral("vec"))->textSearchConfig, other);
        QCOMPARE(docs.column(QStringLiteral("body"))->textSearchConfig, other);
        const auto ids = [&](const TableInfo& info, const QString& column, const QString& value) {
            QuerySpec spec = allRows(info);
            spec.filter.conditions = {condition(column, FilterOp::FullText, {value})};
            return sorted(pageColumn(QueryEngine(m_c).fetchPage(spec, info), QStringLiteral("id")));
        };
        // The query word is stemmed only under English: under the other default nothing matched before.
        const QString word =
            other == QLatin1String("english") ? QStringLiteral("crocodile") : QStringLiteral("Crocodiles");
        QCOMPARE(ids(docs, QStringLiteral("vec"), word), QStringList{QStringLiteral("1")});
        QCOMPARE(ids(docs, QStringLiteral("body"), word), QStringList{QStringLiteral("1")});
        // A column the catalog says nothing about: the value names the configuration.
        const TableInfo plain = table(QStringLiteral("tst_fts"), QStringLiteral("plain"));
        QVERIFY(plain.column(QStringLiteral("body"))->textSearchConfig.isEmpty());
        QCOMPARE(ids(plain, QStringLiteral("body"), other + QLatin1Char(':') + word),
                 QStringList{QStringLiteral("1")});
        // Text that only looks like a prefix stays query text.
        QCOMPARE(splitFullTextQuery(QStringLiteral("note: x")).config, QString());
        QCOMPARE(splitFullTextQuery(QStringLiteral("pg_catalog.english:cats")).config,
                 QStringLiteral("pg_catalog.english"));
    }

    void groupsAndNegation() {
        const TableInfo info = table(QStringLiteral("inventory"), QStringLiteral("products"));
        QuerySpec spec = allRows(info);
        spec.filter.logic = FilterGroup::Logic::Or;
        spec.filter.conditions = {
            condition(QStringLiteral("price"), FilterOp::LessThan, {QStringLiteral("10")})};
        FilterGroup sub;
        sub.negated = true;
        sub.conditions = {condition(QStringLiteral("status"), FilterOp::Equal, {QStringLiteral("active")}),
                          condition(QStringLiteral("tags"), FilterOp::IsNotNull)};
        spec.filter.groups = {sub};
        const Page page = QueryEngine(m_c).fetchPage(spec, info);
        QCOMPARE(sorted(pageColumn(page, QStringLiteral("product_id"))),
                 sorted(sqlColumn(
                     m_c, QStringLiteral("select product_id::text from inventory.products where price < "
                                         "10 or not (status = 'active' and tags is not null)"))));
    }

    void quickSearch() {
        const TableInfo info = table(QStringLiteral("public"), QStringLiteral("users"));
        QuerySpec spec = allRows(info);
        spec.search = QStringLiteral("GROß");
        QCOMPARE(sorted(pageColumn(QueryEngine(m_c).fetchPage(spec, info), QStringLiteral("id"))),
                 sorted(sqlColumn(
                     m_c, QStringLiteral("select id::text from users where username ilike '%groß%' or "
                                         "email ilike '%groß%' or full_name ilike '%groß%' or bio ilike "
                                         "'%groß%'"))));
        const TableInfo posts = table(QStringLiteral("public"), QStringLiteral("posts"));
        spec = allRows(posts);
        spec.search = QStringLiteral("100%");
        QCOMPARE(sorted(pageColumn(QueryEngine(m_c).fetchPage(spec, posts), QStringLiteral("id"))),
                 sorted(sqlColumn(
                     m_c, QStringLiteral("select id::text from posts where strpos(lower(title), '100%') > "
                                         "0 or strpos(lower(body), '100%') > 0"))));
    }

    void valuesComeBackExactly() {
        const TableInfo info = table(QStringLiteral("public"), QStringLiteral("posts"));
        QuerySpec spec = allRows(info);
        spec.filter.conditions = {
            condition(QStringLiteral("title"), FilterOp::InList,
                      {QStringLiteral("Empty body"), QStringLiteral("NULL as text"),
                       QStringLiteral("Draft without body"), QStringLiteral("Backslashes")})};
        spec.sort = {SortKey{QStringLiteral("title")}};
        const Page page = QueryEngine(m_c).fetchPage(spec, info);
        QCOMPARE(pageColumn(page, QStringLiteral("title")),
                 (QStringList{QStringLiteral("Backslashes"), QStringLiteral("Draft without body"),
                              QStringLiteral("Empty body"), QStringLiteral("NULL as text")}));
        const QStringList bodies = pageColumn(page, QStringLiteral("body"));
        QVERIFY(bodies.at(0).endsWith(QStringLiteral("trailing backslash \\")));
        QCOMPARE(bodies.at(1), QStringLiteral("<NULL>")); // SQL NULL
        QCOMPARE(bodies.at(2), QString(""));              // empty string, not NULL
        QCOMPARE(bodies.at(3), QStringLiteral("NULL"));   // the text "NULL"
        QCOMPARE(page.columns.at(0).name, QStringLiteral("id"));
        QCOMPARE(page.columns.at(0).type, QStringLiteral("uuid"));
    }

    void hostileTable() {
        const TableInfo info = table(QStringLiteral("public"), QStringLiteral("we\"ird; drop table x;--"));
        QuerySpec spec = allRows(info);
        spec.count = CountMode::Exact;
        spec.search = QStringLiteral("drop");
        spec.sort = {SortKey{QStringLiteral("Mixed Case"), true}};
        const Page page = QueryEngine(m_c).fetchPage(spec, info);
        QCOMPARE(sorted(pageColumn(page, QStringLiteral("id"))),
                 sorted(sqlColumn(
                     m_c, QStringLiteral("select id::text from \"we\"\"ird; drop table x;--\" where "
                                         "\"select\" ilike '%drop%' or \"Mixed Case\" ilike '%drop%'"))));
        spec.search.clear();
        spec.filter.conditions = {condition(QStringLiteral("select"), FilterOp::IsNotNull)};
        QCOMPARE(
            sorted(pageColumn(QueryEngine(m_c).fetchPage(spec, info), QStringLiteral("id"))),
            sorted(sqlColumn(m_c, QStringLiteral("select id::text from \"we\"\"ird; drop table x;--\" where "
                                                 "\"select\" is not null"))));
        QCOMPARE(sqlColumn(m_c, QStringLiteral("select note from public.x")),
                 QStringList{QStringLiteral("I must survive")});
    }

    void softDeleteScopes() {
        QueryEngine engine(m_c);
        const TableInfo posts = table(QStringLiteral("public"), QStringLiteral("posts"));
        const TableInfo customer = table(QStringLiteral("public"), QStringLiteral("customer"));
        QCOMPARE(posts.conventions.softDelete, SoftDeleteKind::DeletedAtTimestamp);
        QCOMPARE(customer.conventions.softDelete, SoftDeleteKind::ActiveFlag);
        QuerySpec spec = allRows(posts);
        spec.scope = SoftDeleteScope::Active;
        QCOMPARE(engine.exactCount(spec, posts), 900);
        QCOMPARE(engine.fetchPage(spec, posts).rows.size(), 900);
        spec.scope = SoftDeleteScope::Deleted;
        QCOMPARE(engine.exactCount(spec, posts), 100);
        spec.scope = SoftDeleteScope::All;
        QCOMPARE(engine.exactCount(spec, posts), 1000);
        spec = allRows(customer);
        spec.scope = SoftDeleteScope::Active;
        QCOMPARE(engine.exactCount(spec, customer), 425);
        spec.scope = SoftDeleteScope::Deleted;
        QCOMPARE(engine.exactCount(spec, customer), 75);
        QCOMPARE(sorted(pageColumn(engine.fetchPage(spec, customer), QStringLiteral("customer_id"))),
                 sorted(sqlColumn(
                     m_c, QStringLiteral("select customer_id::text from customer where not is_active"))));
    }

    // Forward through every page, then backwards from the last page: every row exactly once, in the
    // order of the hand-written ORDER BY, with NULLs and '' in the leading sort column.
    void keysetPaging_data() {
        QTest::addColumn<QString>("schema");
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QList<SortKey>>("sort");
        QTest::addColumn<QString>("orderBy"); // the hand-written ORDER BY (alias t)
        QTest::addColumn<int>("pageSize");
        const QString pub = QStringLiteral("public");
        const QString users = QStringLiteral("users");
        const QString id = QStringLiteral("id");
        QTest::newRow("users by bio") << pub << users << id << QList<SortKey>{SortKey{QStringLiteral("bio")}}
                                      << QStringLiteral("t.bio, t.id") << 7;
        QTest::newRow("users by bio desc")
            << pub << users << id << QList<SortKey>{SortKey{QStringLiteral("bio"), true}}
            << QStringLiteral("t.bio desc, t.id") << 7;
        QTest::newRow("users mixed nulls")
            << pub << users << id
            << QList<SortKey>{SortKey{QStringLiteral("bio"), true, SortKey::Nulls::Last},
                              SortKey{QStringLiteral("full_name"), false, SortKey::Nulls::First}}
            << QStringLiteral("t.bio desc nulls last, t.full_name nulls first, t.id") << 7;
        QTest::newRow("products by weight desc, key desc")
            << QStringLiteral("inventory") << QStringLiteral("products") << QStringLiteral("product_id")
            << QList<SortKey>{SortKey{QStringLiteral("weight_kg"), true},
                              SortKey{QStringLiteral("product_id"), true}}
            << QStringLiteral("t.weight_kg desc, t.product_id desc") << 13;
        QTest::newRow("events by ip, composite key")
            << pub << QStringLiteral("events") << QStringLiteral("event_id")
            << QList<SortKey>{SortKey{QStringLiteral("ip"), true, SortKey::Nulls::Last},
                              SortKey{QStringLiteral("user_id"), false, SortKey::Nulls::First}}
            << QStringLiteral("t.ip desc nulls last, t.user_id nulls first, t.event_id, t.occurred_at")
            << 250;
    }
    void keysetPaging() {
        QFETCH(QString, schema);
        QFETCH(QString, table);
        QFETCH(QString, key);
        QFETCH(QList<SortKey>, sort);
        QFETCH(QString, orderBy);
        QFETCH(int, pageSize);
        const TableInfo info = this->table(schema, table);
        const QStringList expected =
            sqlColumn(m_c, QStringLiteral("select t.%1::text from %2.%3 t order by %4")
                               .arg(key, quoteIdentifier(schema), quoteIdentifier(table), orderBy));
        QueryEngine engine(m_c);
        QuerySpec spec = allRows(info);
        spec.sort = sort;
        spec.page.pageSize = pageSize;

        QStringList forward;
        QList<QStringList> pages;
        for (int guard = 0; guard < 1000; ++guard) {
            const Page page = engine.fetchPage(spec, info);
            QVERIFY(page.rows.size() <= pageSize);
            pages << pageColumn(page, key);
            forward << pages.last();
            if (guard > 0) { // the previous cursor leads back to the page before
                QuerySpec back = spec;
                back.page.afterCursor.clear();
                back.page.beforeCursor = page.prevCursor;
                QVERIFY(!page.prevCursor.isEmpty());
                QCOMPARE(pageColumn(engine.fetchPage(back, info), key), pages.at(pages.size() - 2));
            } else {
                QVERIFY(page.prevCursor.isEmpty());
            }
            if (page.nextCursor.isEmpty())
                break;
            spec.page.afterCursor = page.nextCursor;
        }
        QCOMPARE(forward, expected); // every row once, in order
        QCOMPARE(pages.size(), (expected.size() + pageSize - 1) / pageSize);

        QStringList backward;
        spec.page.afterCursor.clear();
        spec.page.last = true;
        for (int guard = 0; guard < 1000; ++guard) {
            const Page page = engine.fetchPage(spec, info);
            const QStringList ids = pageColumn(page, key);
            if (guard == 0) {
                QCOMPARE(ids, expected.mid(expected.size() - pageSize)); // the last page is full
                QVERIFY(page.nextCursor.isEmpty());
            }
            backward = ids + backward;
            if (page.prevCursor.isEmpty())
                break;
            spec.page.last = false;
            spec.page.beforeCursor = page.prevCursor;
        }
        QCOMPARE(backward, expected);
    }

    void bigOrdersLastPage() {
        const TableInfo info = table(QStringLiteral("public"), QStringLiteral("big_orders"));
        QueryEngine engine(m_c);
        QuerySpec spec = allRows(info);
        spec.page.pageSize = 100;
        spec.page.last = true;
        spec.count = CountMode::Estimate;
        const Page last = engine.fetchPage(spec, info);
        QCOMPARE(
            pageColumn(last, QStringLiteral("order_id")),
            sqlColumn(m_c, QStringLiteral(
                               "select order_id::text from big_orders b order by b.order_id offset 999900 "
                               "limit 100")));
        QCOMPARE(pageColumn(last, QStringLiteral("note")),
                 sqlColumn(m_c, QStringLiteral(
                                    "select coalesce(note, '<NULL>') from big_orders b order by b.order_id "
                                    "offset 999900 limit 100")));
        QVERIFY(last.nextCursor.isEmpty());
        QVERIFY(!last.prevCursor.isEmpty());
        QVERIFY(last.total && *last.total > 900000 && *last.total < 1100000);
        QVERIFY(last.totalIsEstimate);
        QVERIFY(last.elapsedMs < 5000);

        // The page before, by cursor, and a jump by page number.
        spec.page.last = false;
        spec.page.beforeCursor = last.prevCursor;
        QCOMPARE(
            pageColumn(engine.fetchPage(spec, info), QStringLiteral("order_id")),
            sqlColumn(m_c, QStringLiteral(
                               "select order_id::text from big_orders b order by b.order_id offset 999800 "
                               "limit 100")));
        spec.page.beforeCursor.clear();
        spec.page.pageNumber = 5000;
        spec.count = CountMode::None;
        const Page jump = engine.fetchPage(spec, info);
        QCOMPARE(
            pageColumn(jump, QStringLiteral("order_id")),
            sqlColumn(m_c, QStringLiteral(
                               "select order_id::text from big_orders b order by b.order_id offset 499900 "
                               "limit 100")));
        QVERIFY(!jump.nextCursor.isEmpty());
        QVERIFY(!jump.total);
    }

    // A non-key leading sort column on the big table: the seek's redundant range lets the ordered_at
    // index start at the boundary, so deep keyset pages stay cheap and still match OFFSET paging.
    void bigOrdersSortedByTimestamp() {
        const TableInfo info = table(QStringLiteral("public"), QStringLiteral("big_orders"));
        QueryEngine engine(m_c);
        QuerySpec spec = allRows(info);
        spec.page.pageSize = 50;
        spec.sort = {SortKey{QStringLiteral("ordered_at"), true}};
        spec.page.last = true;
        const Page last = engine.fetchPage(spec, info);
        QCOMPARE(pageColumn(last, QStringLiteral("order_id")),
                 sqlColumn(m_c, QStringLiteral(
                                    "select order_id::text from big_orders b order by b.ordered_at desc, "
                                    "b.order_id offset 999950")));
        spec.page.last = false;
        spec.page.beforeCursor = last.prevCursor;
        const Page before = engine.fetchPage(spec, info);
        QCOMPARE(pageColumn(before, QStringLiteral("order_id")),
                 sqlColumn(m_c, QStringLiteral(
                                    "select order_id::text from big_orders b order by b.ordered_at desc, "
                                    "b.order_id offset 999900 limit 50")));
        QVERIFY2(before.elapsedMs < 1000, qPrintable(QString::number(before.elapsedMs)));
        spec.page.beforeCursor.clear();
        spec.page.afterCursor = before.nextCursor;
        QCOMPARE(pageColumn(engine.fetchPage(spec, info), QStringLiteral("order_id")),
                 pageColumn(last, QStringLiteral("order_id")));
    }

    void keylessTablePagesByNumber() {
        const TableInfo info = table(QStringLiteral("public"), QStringLiteral("audit_log"));
        QVERIFY(info.conventions.rowKey.isEmpty());
        QueryEngine engine(m_c);
        QuerySpec spec = allRows(info);
        spec.page.pageSize = 10;
        spec.sort = {SortKey{QStringLiteral("logged_at")}, SortKey{QStringLiteral("actor")}};
        spec.count = CountMode::Exact;
        QStringList seen;
        for (int n = 1; n <= 5; ++n) {
            spec.page.pageNumber = n;
            const Page page = engine.fetchPage(spec, info);
            QVERIFY(page.nextCursor.isEmpty() && page.prevCursor.isEmpty());
            QCOMPARE(page.total, std::optional<qint64>(45));
            seen << pageColumn(page, QStringLiteral("logged_at"));
        }
        QCOMPARE(
            seen,
            sqlColumn(m_c, QStringLiteral(
                               "select logged_at::text from audit_log a order by a.logged_at, a.actor")));
        spec.page.pageNumber.reset();
        spec.page.last = true;
        QCOMPARE(engine.fetchPage(spec, info).rows.size(), 5);
        spec.page.last = false;
        spec.page.afterCursor = QStringLiteral("abc");
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, engine.fetchPage(spec, info));
    }

    void badValueIsDataErrorNamingColumnAndValue_data() {
        QTest::addColumn<QString>("column");
        QTest::addColumn<int>("op");
        QTest::addColumn<QStringList>("values");
        QTest::newRow("integer") << QStringLiteral("product_id") << int(FilterOp::Equal)
                                 << QStringList{"abc"};
        QTest::newRow("in list") << QStringLiteral("product_id") << int(FilterOp::InList)
                                 << QStringList{"1", "abc"};
        QTest::newRow("numeric overflow")
            << QStringLiteral("price") << int(FilterOp::GreaterThan) << QStringList{"99999999999"};
        QTest::newRow("date") << QStringLiteral("released_on") << int(FilterOp::Between)
                              << QStringList{"2020-01-01", "2020-13-45"};
        QTest::newRow("enum") << QStringLiteral("status") << int(FilterOp::Equal) << QStringList{"abc"};
        QTest::newRow("jsonb") << QStringLiteral("attributes") << int(FilterOp::JsonContains)
                               << QStringList{"{abc"};
    }
    void badValueIsDataErrorNamingColumnAndValue() {
        QFETCH(QString, column);
        QFETCH(int, op);
        QFETCH(QStringList, values);
        const TableInfo info = table(QStringLiteral("inventory"), QStringLiteral("products"));
        QuerySpec spec = allRows(info);
        spec.filter.conditions = {condition(column, FilterOp(op), values)};
        const QString bad = values.last();
        for (CountMode mode : {CountMode::None, CountMode::Exact}) {
            spec.count = mode;
            try {
                QueryEngine(m_c).fetchPage(spec, info);
                QFAIL("accepted");
            } catch (const DataError& e) {
                QVERIFY2(e.message().contains(column) && e.message().contains(bad), qPrintable(e.message()));
                QCOMPARE(e.info().column, column);
            }
            QVERIFY(m_c.isIdle()); // the page's transaction is gone
        }
        try {
            QueryEngine(m_c).exactCount(spec, info);
            QFAIL("accepted");
        } catch (const DataError& e) {
            QVERIFY2(e.message().contains(column) && e.message().contains(bad), qPrintable(e.message()));
        }
    }

    void counts() {
        QueryEngine engine(m_c);
        const TableInfo users = table(QStringLiteral("public"), QStringLiteral("users"));
        QuerySpec spec = allRows(users);
        spec.page.pageSize = 10;
        spec.count = CountMode::Estimate;
        Page page = engine.fetchPage(spec, users);
        QVERIFY(page.totalIsEstimate);
        QCOMPARE(page.total, std::optional<qint64>(qRound64(users.estimatedRows)));
        QCOMPARE(engine.estimateCount(spec, users), qRound64(users.estimatedRows));
        spec.count = CountMode::Exact;
        page = engine.fetchPage(spec, users);
        QCOMPARE(page.total, std::optional<qint64>(200));
        QVERIFY(!page.totalIsEstimate);
        spec.count = CountMode::None;
        QVERIFY(!engine.fetchPage(spec, users).total);

        // Filtered: the planner's estimate, near the exact count.
        const TableInfo orders = table(QStringLiteral("public"), QStringLiteral("big_orders"));
        spec = allRows(orders);
        spec.page.pageSize = 10;
        spec.filter.conditions = {
            condition(QStringLiteral("status"), FilterOp::Equal, {QStringLiteral("paid")})};
        const qint64 estimate = engine.estimateCount(spec, orders);
        QVERIFY2(estimate > 150000 && estimate < 250000, qPrintable(QString::number(estimate)));
        QCOMPARE(engine.exactCount(spec, orders), 200000);
        spec.count = CountMode::Estimate;
        page = engine.fetchPage(spec, orders);
        QVERIFY(page.totalIsEstimate);
        QVERIFY(page.total && *page.total > 150000 && *page.total < 250000);

        // A page that holds every matching row knows the exact total, whatever the mode.
        const TableInfo customer = table(QStringLiteral("public"), QStringLiteral("customer"));
        spec = allRows(customer);
        spec.count = CountMode::Estimate;
        spec.filter.conditions = {
            condition(QStringLiteral("customer_id"), FilterOp::LessThan, {QStringLiteral("11")})};
        page = engine.fetchPage(spec, customer);
        QCOMPARE(page.total, std::optional<qint64>(10));
        QVERIFY(!page.totalIsEstimate);
    }

    // Inside the caller's transaction the engine runs there (and sees the caller's uncommitted rows).
    void insideCallerTransaction() {
        const TableInfo info = table(QStringLiteral("public"), QStringLiteral("x"));
        m_c.exec(QStringLiteral("begin"));
        m_c.exec(QStringLiteral("insert into public.x values (2, 'temporary 100% _\\')"));
        QuerySpec spec = allRows(info);
        spec.filter.conditions = {
            condition(QStringLiteral("note"), FilterOp::Contains, {QStringLiteral("100% _\\")})};
        const Page page = QueryEngine(m_c).fetchPage(spec, info);
        QCOMPARE(pageColumn(page, QStringLiteral("id")), QStringList{QStringLiteral("2")});
        QVERIFY(m_c.inTransaction());
        m_c.exec(QStringLiteral("rollback"));
        QCOMPARE(sqlColumn(m_c, QStringLiteral("select count(*) from public.x")),
                 QStringList{QStringLiteral("1")});
    }

    // Page queries go through libpq directly (single-row mode) but still reach the statement observer
    // that feeds the SQL log, with their bound values (or <hidden> when the profile hides them).
    void pageQueriesReachTheStatementObserver() {
        const TableInfo info = table(QStringLiteral("public"), QStringLiteral("users"));
        QList<QPair<QString, QList<QString>>> seen;
        m_c.setStatementObserver([&seen](const QString& sql, const QList<QString>& params) {
            seen.append({sql, params});
        });
        QuerySpec spec = allRows(info);
        spec.filter.conditions = {
            condition(QStringLiteral("username"), FilterOp::Equal, {QStringLiteral("jürgen.groß")})};
        QueryEngine(m_c).fetchPage(spec, info);
        m_c.setStatementObserver({});
        const auto page = std::find_if(seen.cbegin(), seen.cend(), [](const auto& s) {
            return s.first.contains(QStringLiteral("users"));
        });
        QVERIFY(page != seen.cend());
        QVERIFY(page->second.contains(QStringLiteral("jürgen.groß")));
    }

    // The sink sees exactly the page's rows, in display order, forwards and backwards.
    void sinkSeesThePageRows() {
        const TableInfo info = table(QStringLiteral("public"), QStringLiteral("customer"));
        QueryEngine engine(m_c);
        QuerySpec spec = allRows(info);
        spec.page.pageSize = 40;
        spec.sort = {SortKey{QStringLiteral("last_name"), true}};
        QList<QList<std::optional<QString>>> seen;
        const RowSink sink = [&seen](const QList<std::optional<QString>>& row) { seen << row; };
        const Page first = engine.fetchPage(spec, info, sink);
        QCOMPARE(first.rows.size(), 40);
        QVERIFY(seen == first.rows);

        spec.page.afterCursor = first.nextCursor; // a middle page
        seen.clear();
        const Page second = engine.fetchPage(spec, info, sink);
        QVERIFY(seen == second.rows);

        spec.page.afterCursor.clear();
        spec.page.last = true; // read backwards: the sink gets the reversed rows
        seen.clear();
        const Page last = engine.fetchPage(spec, info, sink);
        QVERIFY(!last.rows.isEmpty());
        QVERIFY(seen == last.rows);

        // Keyless tables page by number through the same path.
        const TableInfo audit = table(QStringLiteral("public"), QStringLiteral("audit_log"));
        QuerySpec auditSpec = allRows(audit);
        auditSpec.page.pageSize = 7;
        auditSpec.page.last = true;
        seen.clear();
        const Page auditLast = engine.fetchPage(auditSpec, audit, sink);
        QVERIFY(!auditLast.rows.isEmpty());
        QVERIFY(seen == auditLast.rows);
    }

    // Streaming: on a 100000-row page (the largest page size) the first row reaches the sink long before
    // the page is complete.
    void sinkGetsFirstRowsEarly() {
        const TableInfo info = table(QStringLiteral("public"), QStringLiteral("big_orders"));
        QueryEngine engine(m_c);
        QuerySpec spec = allRows(info);
        spec.page.pageSize = 100000;
        spec.sort = {SortKey{QStringLiteral("order_id")}};
        QElapsedTimer timer;
        qint64 firstAt = -1;
        qsizetype calls = 0;
        QString firstId;
        timer.start();
        const Page page = engine.fetchPage(spec, info, [&](const QList<std::optional<QString>>& row) {
            if (calls++ == 0) {
                firstAt = timer.nsecsElapsed();
                firstId = row.at(0).value_or(QString());
            }
        });
        const qint64 total = timer.nsecsElapsed();
        qInfo("first row after %.1f ms of %.1f ms", firstAt / 1e6, total / 1e6);
        QCOMPARE(calls, 100000);
        QCOMPARE(page.rows.size(), 100000);
        QCOMPARE(firstId, page.rows.first().at(0).value_or(QString()));
        QVERIFY(!page.nextCursor.isEmpty());
        QVERIFY2(
            firstAt >= 0 && firstAt < total / 2,
            qPrintable(QStringLiteral("first row after %1 ms of %2 ms").arg(firstAt / 1e6).arg(total / 1e6)));
    }

    // A sink that throws cancels the statement; the connection stays usable.
    void throwingSinkLeavesConnectionUsable() {
        const TableInfo info = table(QStringLiteral("public"), QStringLiteral("big_orders"));
        QuerySpec spec = allRows(info);
        spec.page.pageSize = 100000;
        int calls = 0;
        QVERIFY_THROWS_EXCEPTION(
            std::runtime_error,
            QueryEngine(m_c).fetchPage(spec, info, [&](const QList<std::optional<QString>>&) {
                if (++calls == 10)
                    throw std::runtime_error("enough");
            }));
        QCOMPARE(calls, 10);
        QVERIFY(m_c.isIdle());
        QCOMPARE(sqlColumn(m_c, QStringLiteral("select 1")), QStringList{QStringLiteral("1")});
    }

    // Editable tables: each row's version is its xmin; the hidden column is not among the columns.
    void rowVersions() {
        QueryEngine engine(m_c);
        const TableInfo customer = table(QStringLiteral("public"), QStringLiteral("customer"));
        QuerySpec spec = allRows(customer);
        Page page = engine.fetchPage(spec, customer);
        QCOMPARE(page.keyColumns, QStringList{QStringLiteral("customer_id")});
        QCOMPARE(page.columns.size(), customer.columns.size());
        QCOMPARE(page.rows.first().size(), customer.columns.size());
        QCOMPARE(page.versions.size(), page.rows.size());
        auto expected = sqlMap(m_c, QStringLiteral("select customer_id::text, xmin::text from customer"));
        QCOMPARE(page.rows.size(), expected.size());
        const QStringList ids = pageColumn(page, QStringLiteral("customer_id"));
        for (qsizetype i = 0; i < ids.size(); ++i)
            QCOMPARE(page.versions.at(i), expected.value(ids.at(i)));

        // An update changes the version (rolled back: the demo data stays as it was).
        const QString id = ids.first();
        m_c.exec(QStringLiteral("begin"));
        m_c.exec(QStringLiteral("update customer set last_update = last_update where customer_id = $1"),
                 {param(id)});
        spec.filter.conditions = {condition(QStringLiteral("customer_id"), FilterOp::Equal, {id})};
        page = engine.fetchPage(spec, customer);
        const QString updated =
            sqlColumn(m_c, QStringLiteral("select xmin::text from customer where customer_id = ") + id)
                .first();
        m_c.exec(QStringLiteral("rollback"));
        QCOMPARE(page.versions.size(), 1);
        QCOMPARE(page.versions.first(), updated);
        QVERIFY(page.versions.first() != expected.value(id));

        // Partitioned table (composite key), read backwards.
        const TableInfo events = table(QStringLiteral("public"), QStringLiteral("events"));
        spec = allRows(events);
        spec.page.pageSize = 50;
        spec.page.last = true;
        page = engine.fetchPage(spec, events);
        QCOMPARE(page.keyColumns, (QStringList{QStringLiteral("event_id"), QStringLiteral("occurred_at")}));
        QCOMPARE(page.columns.size(), events.columns.size());
        QCOMPARE(page.versions.size(), page.rows.size());
        QVERIFY(!page.rows.isEmpty());
        expected = sqlMap(m_c, QStringLiteral("select event_id::text, xmin::text from events"));
        const QStringList eventIds = pageColumn(page, QStringLiteral("event_id"));
        for (qsizetype i = 0; i < eventIds.size(); ++i)
            QCOMPARE(page.versions.at(i), expected.value(eventIds.at(i)));

        // Views and keyless tables: no key, no version.
        for (const QString& name : {QStringLiteral("active_customers"), QStringLiteral("audit_log")}) {
            const TableInfo info = table(QStringLiteral("public"), name);
            page = engine.fetchPage(allRows(info), info);
            QVERIFY(!page.rows.isEmpty());
            QVERIFY(page.versions.isEmpty());
            QVERIFY(page.keyColumns.isEmpty());
            QCOMPARE(page.columns.size(), info.columns.size());
            QCOMPARE(page.rows.first().size(), info.columns.size());
        }
    }
};

QTEST_GUILESS_MAIN(TestQueryEngine)
#include "tst_queryengine.moc"
