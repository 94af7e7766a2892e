// SPDX-License-Identifier: GPL-3.0-or-later
// The query engine's filters against the demo database: every filter operation returns exactly the rows
// of a hand-written equivalent statement; full text, groups, quick search, exact values, a hostile table,
// soft-delete scopes and bad values. Paging, counts and streaming are in tst_queryengine.
#include "pagetext.h"
#include "queryenginetest.h"
#include "scratchschema.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/queryengine.h>
#include <pgdesk/core/browse/sqlbuilder.h>

#include <QTest>

using namespace pgdesk::core;
using pgdesk::test::allRows;
using pgdesk::test::condition;
using pgdesk::test::pageColumn;
using pgdesk::test::sqlColumn;

namespace {

QStringList sorted(QStringList list) {
    list.sort();
    return list;
}

} // namespace

class TestQueryFilters final : public QObject, private pgdesk::test::DemoFixture {
    Q_OBJECT

private slots:
    void initTestCase() {
        m_c = Connection::open(pgdesk::test::profile());
        // Values with %, _, \, quotes and other scripts, for the like/ilike rows below.
        m_like.emplace(
            QStringLiteral("tst_like"),
            QStringLiteral(
                "create table $S.songs (id int primary key, title text);"
                "insert into $S.songs values (1, 'Blue in Green (Alternate)'), (2, 'So What'),"
                " (3, 'Alternate Take'), (4, 'alternate ending'), (5, '100% Pure'),"
                " (6, '100 Percent'), (7, 'snake_case name'), (8, 'snakeXcase'), (9, 'C:\\temp\\'),"
                " (10, 'O''Brien''s \"Quoted\" Song'), (11, 'کتاب‌های فارسی'),"
                " (12, 'مرحبا بالعالم'), (13, '東京タワー (Alternate)'), (14, '北京烤鸭'), (15, ''),"
                " (16, null);"));
    }

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
        // like and ilike are SQL patterns found anywhere in the text (LIKE '%' || value || '%'): % any text,
        // _ one character, a backslash escapes.
        row("like pattern", pub, "posts", "id", "title", "like", {"P_rtitioning%"}, {},
            "title ~ 'P.rtitioning'");
        row("like pattern case-sensitive", pub, "posts", "id", "title", "like", {"%PostgreSQL%"}, {},
            "strpos(title, 'PostgreSQL') > 0");
        row("like word anywhere", pub, "posts", "id", "title", "like", {"PostgreSQL"}, {},
            "strpos(title, 'PostgreSQL') > 0");
        row("like whole value", pub, "users", "id", "username", "like", {"wang.fang"}, {},
            "strpos(username, 'wang.fang') > 0");
        row("like part of value", pub, "users", "id", "username", "like", {"ang.f"}, {},
            "strpos(username, 'ang.f') > 0");
        row("like escaped percent", pub, "posts", "id", "body", "like", {"100\\% of snake\\_case"}, {},
            "strpos(body, '100% of snake_case') > 0");
        row("like escaped backslash", pub, "posts", "id", "body", "like", {"\\\\"}, {},
            "strpos(body, E'\\\\') > 0");
        row("like lone backslash", pub, "posts", "id", "body", "like", {"\\"}, {},
            "strpos(body, E'\\\\') > 0");
        row("ilike pattern", pub, "posts", "id", "title", "ilike", {"postgresql"}, {},
            "title ilike '%postgresql%'");
        row("ilike underscore", pub, "users", "id", "username", "ilike", {"W_NG"}, {},
            "lower(username) ~ 'w.ng'");
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

    // like/ilike find their pattern anywhere in the text (the specification's `field LIKE %value%`): "like
    // Alternate" finds "… (Alternate)"; % and _ in the value are wildcards, a backslash escapes them, a
    // lone one at the end is itself; quotes and non-ASCII text are plain characters.
    void likeFindsThePatternAnywhere_data() {
        QTest::addColumn<int>("op");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QStringList>("ids");
        const auto row = [](const char* name, FilterOp op, const QString& value, QStringList ids) {
            QTest::newRow(name) << int(op) << value << ids;
        };
        row("like Alternate", FilterOp::Like, QStringLiteral("Alternate"), {"1", "13", "3"});
        row("ilike alternate", FilterOp::ILike, QStringLiteral("alternate"), {"1", "13", "3", "4"});
        row("like (Alternate)", FilterOp::Like, QStringLiteral("(Alternate)"), {"1", "13"});
        row("like 100%", FilterOp::Like, QStringLiteral("100%"), {"5", "6"});
        row("like 100\\%", FilterOp::Like, QStringLiteral("100\\%"), {"5"});
        row("like snake_case", FilterOp::Like, QStringLiteral("snake_case"), {"7", "8"});
        row("like snake\\_case", FilterOp::Like, QStringLiteral("snake\\_case"), {"7"});
        row("like \\\\", FilterOp::Like, QStringLiteral("\\\\"), {"9"});
        row("like lone \\", FilterOp::Like, QStringLiteral("\\"), {"9"});
        row("like temp\\", FilterOp::Like, QStringLiteral("temp\\"), {"9"});
        row("like quotes", FilterOp::Like, QStringLiteral("O'Brien's \"Quoted\""), {"10"});
        row("like '", FilterOp::Like, QStringLiteral("'"), {"10"});
        row("like Persian", FilterOp::Like, QStringLiteral("فارسی"), {"11"});
        row("like Persian with ZWNJ", FilterOp::Like, QStringLiteral("کتاب‌ها"), {"11"});
        row("like Arabic", FilterOp::Like, QStringLiteral("مرحبا"), {"12"});
        row("like CJK", FilterOp::Like, QStringLiteral("京"), {"13", "14"});
        row("like CJK _", FilterOp::Like, QStringLiteral("東京_ワー"), {"13"});
        row("ilike CJK % ALTERNATE", FilterOp::ILike, QStringLiteral("京%(ALTERNATE)"), {"13"});
        row("like _ (not the empty text)", FilterOp::Like, QStringLiteral("_"),
            {"1", "10", "11", "12", "13", "14", "2", "3", "4", "5", "6", "7", "8", "9"});
        row("like % (not null)", FilterOp::Like, QStringLiteral("%"),
            {"1", "10", "11", "12", "13", "14", "15", "2", "3", "4", "5", "6", "7", "8", "9"});
    }
    void likeFindsThePatternAnywhere() {
        QFETCH(int, op);
        QFETCH(QString, value);
        QFETCH(QStringList, ids);
        const TableInfo info = table(m_like->name(), QStringLiteral("songs"));
        QuerySpec spec = allRows(info);
        spec.filter.conditions = {condition(QStringLiteral("title"), FilterOp(op), {value})};
        QCOMPARE(sorted(pageColumn(QueryEngine(m_c).fetchPage(spec, info), QStringLiteral("id"))), ids);
        QCOMPARE(QueryEngine(m_c).exactCount(spec, info), ids.size());
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

private:
    std::optional<pgdesk::test::ScratchSchema> m_like;
};

QTEST_GUILESS_MAIN(TestQueryFilters)
#include "tst_queryfilters.moc"
