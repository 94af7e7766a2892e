// SPDX-License-Identifier: GPL-3.0-or-later
// Pure tests of the table-browse SQL builder: statement text, parameters and errors, no server.
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/queryspec.h>
#include <pgdesk/core/browse/sqlbuilder.h>
#include <pgdesk/core/editing/rowstatementbuilder.h>

#include <QTest>

using namespace pgdesk::core;

namespace {

ColumnInfo col(const QString& name, const QString& type, TypeCategory category, bool notNull = false) {
    ColumnInfo c;
    c.name = name;
    c.typeName = type;
    c.baseTypeName = type;
    c.category = category;
    c.notNull = notNull;
    return c;
}

TableInfo table() {
    TableInfo t;
    t.schema = QStringLiteral("public");
    t.name = QStringLiteral("t");
    t.columns = {
        col(QStringLiteral("id"), QStringLiteral("bigint"), TypeCategory::Integer, true),
        col(QStringLiteral("name"), QStringLiteral("text"), TypeCategory::Text),
        col(QStringLiteral("price"), QStringLiteral("numeric(12,2)"), TypeCategory::Numeric),
        col(QStringLiteral("tags"), QStringLiteral("text[]"), TypeCategory::Array),
        col(QStringLiteral("attrs"), QStringLiteral("jsonb"), TypeCategory::Json),
        col(QStringLiteral("doc"), QStringLiteral("json"), TypeCategory::Json),
        col(QStringLiteral("tsv"), QStringLiteral("tsvector"), TypeCategory::TsVector),
        col(QStringLiteral("status"), QStringLiteral("inventory.product_status"), TypeCategory::Enum),
        col(QStringLiteral("deleted_at"), QStringLiteral("timestamp with time zone"),
            TypeCategory::Timestamp)};
    t.conventions.rowKey = {QStringLiteral("id")};
    return t;
}

QuerySpec spec(QList<Condition> conditions = {}) {
    QuerySpec s;
    s.schema = QStringLiteral("public");
    s.table = QStringLiteral("t");
    s.scope = SoftDeleteScope::All;
    s.filter.conditions = std::move(conditions);
    return s;
}

Condition cond(const QString& column, FilterOp op, QStringList values = {}) {
    Condition c;
    c.column = column;
    c.op = op;
    c.values = std::move(values);
    return c;
}

QString whereOf(const QuerySpec& s, const TableInfo& t = table()) {
    const QString sql = buildCountQuery(s, t).sql;
    const qsizetype at = sql.indexOf(QLatin1String(" WHERE "));
    return at < 0 ? QString() : sql.mid(at + 7);
}

QStringList paramsOf(const BuiltQuery& q) {
    QStringList out;
    for (const Param& p : q.params)
        out << (p ? QString::fromUtf8(*p) : QStringLiteral("<NULL>"));
    return out;
}

const QString kSelect =
    QStringLiteral("SELECT \"id\", \"name\", \"price\", \"tags\", \"attrs\", \"doc\", \"tsv\", "
                   "\"status\", \"deleted_at\" FROM \"public\".\"t\"");

} // namespace

class TestSqlBuilder final : public QObject {
    Q_OBJECT
private slots:
    void selectStarTextQuotesHostileNames() {
        QCOMPARE(selectStarText(QStringLiteral("public"), QStringLiteral("t")),
                 QStringLiteral("SELECT *\n  FROM \"public\".\"t\"\n LIMIT 100;"));
        QCOMPARE(selectStarText(QStringLiteral("My \"s\""), QStringLiteral("a;\n*/ $$b"), 5),
                 QStringLiteral("SELECT *\n  FROM \"My \"\"s\"\"\".\"a;\n*/ $$b\"\n LIMIT 5;"));
    }

    void rowsByKeysAreOneParameterPerKeyColumn() {
        TableInfo t = table();
        t.columns[1].name = QStringLiteral("we\"ird");
        t.conventions.rowKey = {QStringLiteral("id"), QStringLiteral("we\"ird")};
        const BatchStatement s = selectByKeys(
            t, {{QStringLiteral("1"), QStringLiteral("2")}, {QStringLiteral("a,\"b"), std::nullopt}},
            {QStringLiteral("price")});
        QCOMPARE(s.sql,
                 QStringLiteral("SELECT \"id\", \"we\"\"ird\", xmin, \"price\" FROM \"public\".\"t\" WHERE "
                                "(\"id\", \"we\"\"ird\") IN (SELECT * FROM unnest($1::text[]::bigint[], "
                                "$2::text[]::text[]))"));
        QCOMPARE(s.params.size(), 2);
        QCOMPARE(QString::fromUtf8(*s.params.at(0)), QStringLiteral("{\"1\",\"2\"}"));
        QCOMPARE(QString::fromUtf8(*s.params.at(1)), QStringLiteral("{\"a,\\\"b\",NULL}"));
    }

    void quoteIdentifiers() {
        QCOMPARE(quoteIdentifier(QStringLiteral("id")), QStringLiteral("\"id\""));
        QCOMPARE(quoteIdentifier(QStringLiteral("Mixed Case")), QStringLiteral("\"Mixed Case\""));
        QCOMPARE(quoteIdentifier(QStringLiteral("we\"ird; drop table x;--")),
                 QStringLiteral("\"we\"\"ird; drop table x;--\""));
        QCOMPARE(quoteIdentifier(QStringLiteral("\"\"")), QStringLiteral("\"\"\"\"\"\""));
        QCOMPARE(quoteIdentifier(QString()), QStringLiteral("\"\""));
    }

    void arrayLiterals() {
        QCOMPARE(arrayLiteral({}), QStringLiteral("{}"));
        QCOMPARE(arrayLiteral({QStringLiteral("a")}), QStringLiteral("{\"a\"}"));
        QCOMPARE(arrayLiteral({QStringLiteral("a,b"), QStringLiteral("{x}"), QStringLiteral(""),
                               QStringLiteral("NULL")}),
                 QStringLiteral("{\"a,b\",\"{x}\",\"\",\"NULL\"}"));
        QCOMPARE(arrayLiteral({QStringLiteral("say \"hi\""), QStringLiteral("back\\slash\\")}),
                 QStringLiteral("{\"say \\\"hi\\\"\",\"back\\\\slash\\\\\"}"));
        QCOMPARE(arrayLiteral({QStringLiteral("grüß 🐘")}), QStringLiteral("{\"grüß 🐘\"}"));
        QVERIFY_THROWS_EXCEPTION(DataError, arrayLiteral({QStringLiteral("a"), QString()}));
    }

    void likeEscaping() {
        QCOMPARE(escapeLike(QStringLiteral("plain")), QStringLiteral("plain"));
        QCOMPARE(escapeLike(QStringLiteral("100%")), QStringLiteral("100\\%"));
        QCOMPARE(escapeLike(QStringLiteral("a_b")), QStringLiteral("a\\_b"));
        QCOMPARE(escapeLike(QStringLiteral("C:\\dir\\")), QStringLiteral("C:\\\\dir\\\\"));
        QCOMPARE(escapeLike(QStringLiteral("%_\\")), QStringLiteral("\\%\\_\\\\"));
    }

    void opNames() {
        const QList<FilterOp> all{
            FilterOp::Equal,           FilterOp::NotEqual,      FilterOp::LessThan,
            FilterOp::LessThanOrEqual, FilterOp::GreaterThan,   FilterOp::GreaterThanOrEqual,
            FilterOp::InList,          FilterOp::NotInList,     FilterOp::Like,
            FilterOp::ILike,           FilterOp::StartsWith,    FilterOp::EndsWith,
            FilterOp::Contains,        FilterOp::IsNull,        FilterOp::IsNotNull,
            FilterOp::Between,         FilterOp::ArrayContains, FilterOp::ArrayOverlaps,
            FilterOp::JsonPathEqual,   FilterOp::JsonContains,  FilterOp::FullText};
        QSet<QString> names;
        for (FilterOp op : all) {
            const QString name = filterOpName(op);
            QVERIFY(!name.isEmpty());
            QCOMPARE(name, name.toLower());
            names.insert(name);
            QCOMPARE(filterOpFromName(name), std::optional<FilterOp>(op));
            QCOMPARE(filterOpFromName(name.toUpper()), std::optional<FilterOp>(op));
        }
        QCOMPARE(names.size(), all.size());
        QCOMPARE(filterOpName(FilterOp::NotEqual), QStringLiteral("not_equal"));
        QCOMPARE(filterOpName(FilterOp::LessThanOrEqual), QStringLiteral("less_than_or_equal"));
        QCOMPARE(filterOpName(FilterOp::JsonPathEqual), QStringLiteral("json_path_equal"));
        QCOMPARE(filterOpName(FilterOp::FullText), QStringLiteral("full_text"));
        QCOMPARE(filterOpFromName(QStringLiteral(">=")),
                 std::optional<FilterOp>(FilterOp::GreaterThanOrEqual));
        QCOMPARE(filterOpFromName(QStringLiteral("<>")), std::optional<FilterOp>(FilterOp::NotEqual));
        QCOMPARE(filterOpFromName(QStringLiteral("!=")), std::optional<FilterOp>(FilterOp::NotEqual));
        QCOMPARE(filterOpFromName(QStringLiteral("equals")), std::nullopt);
        QCOMPARE(filterOpFromName(QString()), std::nullopt);
    }

    void comparisons_data() {
        QTest::addColumn<int>("op");
        QTest::addColumn<QString>("sql");
        QTest::newRow("equal") << int(FilterOp::Equal) << "(\"price\" = $1::numeric(12,2))";
        QTest::newRow("not_equal") << int(FilterOp::NotEqual) << "(\"price\" <> $1::numeric(12,2))";
        QTest::newRow("less_than") << int(FilterOp::LessThan) << "(\"price\" < $1::numeric(12,2))";
        QTest::newRow("less_than_or_equal")
            << int(FilterOp::LessThanOrEqual) << "(\"price\" <= $1::numeric(12,2))";
        QTest::newRow("greater_than") << int(FilterOp::GreaterThan) << "(\"price\" > $1::numeric(12,2))";
        QTest::newRow("greater_than_or_equal")
            << int(FilterOp::GreaterThanOrEqual) << "(\"price\" >= $1::numeric(12,2))";
    }
    void comparisons() {
        QFETCH(int, op);
        QFETCH(QString, sql);
        const BuiltQuery q = buildCountQuery(
            spec({cond(QStringLiteral("price"), FilterOp(op), {QStringLiteral("19.99")})}), table());
        QCOMPARE(q.sql,
                 QStringLiteral("SELECT count(*) FROM \"public\".\"t\" WHERE (") + sql + QLatin1Char(')'));
        QCOMPARE(paramsOf(q), QStringList{QStringLiteral("19.99")});
        QCOMPARE(q.casts.size(), 1);
        QCOMPARE(q.casts.first().column, QStringLiteral("price"));
        QCOMPARE(q.casts.first().type, QStringLiteral("numeric(12,2)"));
        QVERIFY(q.hasCondition);
    }

    // like/ilike take the user's pattern (% and _ are wildcards, \ escapes) and find it anywhere in the
    // text: '%' || pattern || '%', a lone backslash at its end standing for itself rather than escaping the
    // '%' after it. contains, starts_with and ends_with escape their text, so it matches literally.
    void likeFamily_data() {
        QTest::addColumn<int>("op");
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("param");
        const QString pattern = QStringLiteral("50%_off\\\\");
        const QString escaped = QStringLiteral("50\\%\\_off\\\\");
        QTest::newRow("like") << int(FilterOp::Like)
                              << "(\"name\"::text LIKE ('%' || $1::text || '%') ESCAPE E'\\\\')" << pattern;
        QTest::newRow("ilike") << int(FilterOp::ILike)
                               << "(\"name\"::text ILIKE ('%' || $1::text || '%') ESCAPE E'\\\\')" << pattern;
        QTest::newRow("contains") << int(FilterOp::Contains)
                                  << "(\"name\"::text ILIKE ('%' || $1::text || '%') ESCAPE E'\\\\')"
                                  << escaped;
        QTest::newRow("starts_with") << int(FilterOp::StartsWith)
                                     << "(\"name\"::text LIKE ($1::text || '%') ESCAPE E'\\\\')" << escaped;
        QTest::newRow("ends_with") << int(FilterOp::EndsWith)
                                   << "(\"name\"::text LIKE ('%' || $1::text) ESCAPE E'\\\\')" << escaped;
    }
    void likeFamily() {
        QFETCH(int, op);
        QFETCH(QString, sql);
        QFETCH(QString, param);
        const BuiltQuery q = buildCountQuery(
            spec({cond(QStringLiteral("name"), FilterOp(op), {QStringLiteral("50%_off\\")})}), table());
        QCOMPARE(whereOf(spec({cond(QStringLiteral("name"), FilterOp(op), {QStringLiteral("x")})})),
                 QLatin1Char('(') + sql + QLatin1Char(')'));
        QCOMPARE(paramsOf(q), QStringList{param});
        QVERIFY(q.casts.isEmpty()); // text: nothing to blame
    }

    void nullChecks() {
        QCOMPARE(whereOf(spec({cond(QStringLiteral("name"), FilterOp::IsNull)})),
                 QStringLiteral("((\"name\" IS NULL))"));
        QCOMPARE(whereOf(spec({cond(QStringLiteral("name"), FilterOp::IsNotNull)})),
                 QStringLiteral("((\"name\" IS NOT NULL))"));
        QVERIFY(buildCountQuery(spec({cond(QStringLiteral("name"), FilterOp::IsNull)}), table())
                    .params.isEmpty());
    }

    void inLists() {
        const BuiltQuery in = buildCountQuery(spec({cond(QStringLiteral("name"), FilterOp::InList,
                                                         {QStringLiteral("a"), QStringLiteral("b,c"),
                                                          QStringLiteral("d\"e"), QStringLiteral("f\\")})}),
                                              table());
        QCOMPARE(whereOf(spec({cond(QStringLiteral("name"), FilterOp::InList, {QStringLiteral("a")})})),
                 QStringLiteral("((\"name\" = ANY($1::text[])))"));
        QCOMPARE(paramsOf(in), QStringList{QStringLiteral("{\"a\",\"b,c\",\"d\\\"e\",\"f\\\\\"}")});
        QCOMPARE(in.casts.size(), 4); // each element blamed on its own
        QCOMPARE(whereOf(spec({cond(QStringLiteral("price"), FilterOp::NotInList, {QStringLiteral("1")})})),
                 QStringLiteral("(NOT (\"price\" = ANY($1::numeric(12,2)[])))"));
        QVERIFY_THROWS_EXCEPTION(
            DataError,
            buildCountQuery(spec({cond(QStringLiteral("name"), FilterOp::InList, {QString()})}), table()));
        QVERIFY_THROWS_EXCEPTION(
            ConfigurationError,
            buildCountQuery(spec({cond(QStringLiteral("name"), FilterOp::InList)}), table()));
        QVERIFY_THROWS_EXCEPTION(
            ConfigurationError,
            buildCountQuery(spec({cond(QStringLiteral("tags"), FilterOp::InList, {QStringLiteral("a")})}),
                            table()));
    }

    void between() {
        const BuiltQuery q = buildCountQuery(spec({cond(QStringLiteral("price"), FilterOp::Between,
                                                        {QStringLiteral("1"), QStringLiteral("2")})}),
                                             table());
        QCOMPARE(whereOf(spec({cond(QStringLiteral("price"), FilterOp::Between,
                                    {QStringLiteral("1"), QStringLiteral("2")})})),
                 QStringLiteral("((\"price\" BETWEEN $1::numeric(12,2) AND $2::numeric(12,2)))"));
        QCOMPARE(paramsOf(q), (QStringList{QStringLiteral("1"), QStringLiteral("2")}));
    }

    void arrays() {
        const BuiltQuery q = buildCountQuery(spec({cond(QStringLiteral("tags"), FilterOp::ArrayContains,
                                                        {QStringLiteral("a b"), QStringLiteral("\"q\"")})}),
                                             table());
        QCOMPARE(q.sql,
                 QStringLiteral("SELECT count(*) FROM \"public\".\"t\" WHERE ((\"tags\" @> $1::text[]))"));
        QCOMPARE(paramsOf(q), QStringList{QStringLiteral("{\"a b\",\"\\\"q\\\"\"}")});
        QCOMPARE(
            whereOf(spec({cond(QStringLiteral("tags"), FilterOp::ArrayOverlaps, {QStringLiteral("x")})})),
            QStringLiteral("((\"tags\" && $1::text[]))"));
        QVERIFY_THROWS_EXCEPTION(ConfigurationError,
                                 buildCountQuery(spec({cond(QStringLiteral("name"), FilterOp::ArrayContains,
                                                            {QStringLiteral("x")})}),
                                                 table()));
    }

    void json() {
        Condition path = cond(QStringLiteral("attrs"), FilterOp::JsonPathEqual, {QStringLiteral("red")});
        path.jsonPath = {QStringLiteral("color"), QStringLiteral("0")};
        const BuiltQuery q = buildCountQuery(spec({path}), table());
        QCOMPARE(whereOf(spec({path})), QStringLiteral("(((\"attrs\" #>> $1::text[]) = $2::text))"));
        QCOMPARE(paramsOf(q), (QStringList{QStringLiteral("{\"color\",\"0\"}"), QStringLiteral("red")}));
        path.jsonPath.clear();
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, buildCountQuery(spec({path}), table()));

        QCOMPARE(whereOf(spec(
                     {cond(QStringLiteral("attrs"), FilterOp::JsonContains, {QStringLiteral("{\"a\":1}")})})),
                 QStringLiteral("((\"attrs\" @> $1::jsonb))"));
        QCOMPARE(whereOf(spec({cond(QStringLiteral("doc"), FilterOp::JsonContains, {QStringLiteral("{}")})})),
                 QStringLiteral("((\"doc\"::jsonb @> $1::jsonb))"));
        QVERIFY_THROWS_EXCEPTION(ConfigurationError,
                                 buildCountQuery(spec({cond(QStringLiteral("name"), FilterOp::JsonContains,
                                                            {QStringLiteral("{}")})}),
                                                 table()));
    }

    void fullText() {
        QCOMPARE(
            whereOf(spec({cond(QStringLiteral("tsv"), FilterOp::FullText, {QStringLiteral("cat -dog")})})),
            QStringLiteral("((\"tsv\" @@ websearch_to_tsquery($1::text)))"));
        QCOMPARE(whereOf(spec({cond(QStringLiteral("name"), FilterOp::FullText, {QStringLiteral("cat")})})),
                 QStringLiteral("((to_tsvector(\"name\"::text) @@ websearch_to_tsquery($1::text)))"));
    }

    void wrongValueCounts_data() {
        QTest::addColumn<int>("op");
        QTest::addColumn<int>("count");
        QTest::newRow("equal 0") << int(FilterOp::Equal) << 0;
        QTest::newRow("equal 2") << int(FilterOp::Equal) << 2;
        QTest::newRow("like 0") << int(FilterOp::Like) << 0;
        QTest::newRow("is_null 1") << int(FilterOp::IsNull) << 1;
        QTest::newRow("is_not_null 1") << int(FilterOp::IsNotNull) << 1;
        QTest::newRow("between 1") << int(FilterOp::Between) << 1;
        QTest::newRow("between 3") << int(FilterOp::Between) << 3;
        QTest::newRow("not_in_list 0") << int(FilterOp::NotInList) << 0;
        QTest::newRow("full_text 2") << int(FilterOp::FullText) << 2;
    }
    void wrongValueCounts() {
        QFETCH(int, op);
        QFETCH(int, count);
        QStringList values;
        for (int i = 0; i < count; ++i)
            values << QStringLiteral("v");
        try {
            buildCountQuery(spec({cond(QStringLiteral("name"), FilterOp(op), values)}), table());
            QFAIL("accepted");
        } catch (const ConfigurationError& e) {
            QVERIFY2(e.message().contains(filterOpName(FilterOp(op))), qPrintable(e.message()));
        }
    }

    void unknownColumnIsNotFound() {
        try {
            buildCountQuery(spec({cond(QStringLiteral("nope\"x"), FilterOp::IsNull)}), table());
            QFAIL("accepted");
        } catch (const NotFound& e) {
            QVERIFY(e.message().contains(QStringLiteral("nope\"x")));
        }
        QuerySpec s = spec();
        s.sort = {SortKey{QStringLiteral("missing")}};
        QVERIFY_THROWS_EXCEPTION(NotFound, buildPageQuery(s, table()));
    }

    void groups() {
        QuerySpec s = spec({cond(QStringLiteral("name"), FilterOp::IsNull)});
        s.filter.logic = FilterGroup::Logic::Or;
        FilterGroup sub;
        sub.negated = true;
        sub.conditions = {cond(QStringLiteral("price"), FilterOp::GreaterThan, {QStringLiteral("1")}),
                          cond(QStringLiteral("id"), FilterOp::Equal, {QStringLiteral("7")})};
        s.filter.groups = {sub, FilterGroup{}}; // the empty group adds nothing
        QCOMPARE(whereOf(s), QStringLiteral("((\"name\" IS NULL) OR NOT ((\"price\" > $1::numeric(12,2)) AND "
                                            "(\"id\" = $2::bigint)))"));
        QVERIFY(!buildCountQuery(spec(), table()).hasCondition);
        QCOMPARE(buildCountQuery(spec(), table()).sql,
                 QStringLiteral("SELECT count(*) FROM \"public\".\"t\""));
    }

    void hostileIdentifiers() {
        TableInfo t;
        t.schema = QStringLiteral("public");
        t.name = QStringLiteral("we\"ird; drop table x;--");
        t.columns = {col(QStringLiteral("id"), QStringLiteral("integer"), TypeCategory::Integer, true),
                     col(QStringLiteral("select"), QStringLiteral("text"), TypeCategory::Text),
                     col(QStringLiteral("Mixed \"Case\""), QStringLiteral("text"), TypeCategory::Text)};
        t.conventions.rowKey = {QStringLiteral("id")};
        QuerySpec s = spec({cond(QStringLiteral("Mixed \"Case\""), FilterOp::Equal,
                                 {QStringLiteral("'; drop table x;--")})});
        s.sort = {SortKey{QStringLiteral("select"), true}};
        const BuiltQuery q = buildPageQuery(s, t);
        QCOMPARE(q.sql, QStringLiteral(
                            "SELECT \"id\", \"select\", \"Mixed \"\"Case\"\"\" FROM \"public\".\"we\"\"ird; "
                            "drop table x;--\" WHERE ((\"Mixed \"\"Case\"\"\" = $1::text)) ORDER BY "
                            "\"select\" DESC NULLS FIRST, \"id\" ASC NULLS LAST LIMIT 101"));
        QCOMPARE(paramsOf(q), QStringList{QStringLiteral("'; drop table x;--")});
    }

    void softDeleteScopes() {
        TableInfo t = table();
        t.conventions.softDelete = SoftDeleteKind::DeletedAtTimestamp;
        t.conventions.softDeleteColumn = QStringLiteral("deleted_at");
        QuerySpec s = spec();
        s.scope = SoftDeleteScope::Active;
        QCOMPARE(whereOf(s, t), QStringLiteral("(\"deleted_at\" IS NULL)"));
        s.scope = SoftDeleteScope::Deleted;
        QCOMPARE(whereOf(s, t), QStringLiteral("(\"deleted_at\" IS NOT NULL)"));
        s.scope = SoftDeleteScope::All;
        QCOMPARE(whereOf(s, t), QString());

        t.columns << col(QStringLiteral("is_deleted"), QStringLiteral("boolean"), TypeCategory::Boolean)
                  << col(QStringLiteral("is_active"), QStringLiteral("boolean"), TypeCategory::Boolean, true);
        t.conventions.softDelete = SoftDeleteKind::DeletedFlag;
        t.conventions.softDeleteColumn = QStringLiteral("is_deleted");
        s.scope = SoftDeleteScope::Active;
        QCOMPARE(whereOf(s, t), QStringLiteral("(NOT coalesce(\"is_deleted\", false))"));
        s.scope = SoftDeleteScope::Deleted;
        QCOMPARE(whereOf(s, t), QStringLiteral("(coalesce(\"is_deleted\", false))"));

        t.conventions.softDelete = SoftDeleteKind::ActiveFlag;
        t.conventions.softDeleteColumn = QStringLiteral("is_active");
        s.scope = SoftDeleteScope::Active;
        QCOMPARE(whereOf(s, t), QStringLiteral("(\"is_active\")"));
        s.scope = SoftDeleteScope::Deleted;
        QCOMPARE(whereOf(s, t), QStringLiteral("(NOT \"is_active\")"));
        // Combined with a filter: scope first, then the filter.
        s.filter.conditions = {cond(QStringLiteral("name"), FilterOp::IsNull)};
        QCOMPARE(whereOf(s, t), QStringLiteral("(NOT \"is_active\") AND ((\"name\" IS NULL))"));

        // No convention: the scope is ignored.
        s = spec();
        s.scope = SoftDeleteScope::Deleted;
        QCOMPARE(whereOf(s), QString());
    }

    void quickSearch() {
        QuerySpec s = spec();
        s.search = QStringLiteral("50%");
        const BuiltQuery q = buildCountQuery(s, table());
        QCOMPARE(whereOf(s),
                 QStringLiteral("(\"name\"::text ILIKE ('%' || $1::text || '%') ESCAPE E'\\\\' OR "
                                "\"status\"::text ILIKE ('%' || $1::text || '%') ESCAPE E'\\\\')"));
        QCOMPARE(paramsOf(q), QStringList{QStringLiteral("50\\%")});
        TableInfo numbers;
        numbers.schema = QStringLiteral("s");
        numbers.name = QStringLiteral("n");
        numbers.columns = {col(QStringLiteral("id"), QStringLiteral("integer"), TypeCategory::Integer, true)};
        QCOMPARE(whereOf(s, numbers), QStringLiteral("FALSE"));
    }

    void defaultPage() {
        const BuiltQuery q = buildPageQuery(spec(), table());
        QCOMPARE(q.sql, kSelect + QStringLiteral(" ORDER BY \"id\" ASC NULLS LAST LIMIT 101"));
        QVERIFY(q.keyset);
        QVERIFY(!q.backwards);
        QCOMPARE(q.limit, 101);
        QCOMPARE(q.sortColumns, QStringList{QStringLiteral("id")});
        QCOMPARE(q.columns.size(), 9);
    }

    void sortOrder() {
        QuerySpec s = spec();
        s.sort = {SortKey{QStringLiteral("name")}, SortKey{QStringLiteral("price"), true},
                  SortKey{QStringLiteral("deleted_at"), false, SortKey::Nulls::First},
                  SortKey{QStringLiteral("status"), true, SortKey::Nulls::Last},
                  SortKey{QStringLiteral("name"), true}};
        const BuiltQuery q = buildPageQuery(s, table());
        QCOMPARE(q.sql, kSelect + QStringLiteral(
                                      " ORDER BY \"name\" ASC NULLS LAST, \"price\" DESC NULLS FIRST, "
                                      "\"deleted_at\" ASC NULLS FIRST, \"status\" DESC NULLS LAST, \"id\" "
                                      "ASC NULLS LAST LIMIT 101"));
        // The row key already in the sort is not appended again.
        s.sort = {SortKey{QStringLiteral("id"), true}};
        QCOMPARE(buildPageQuery(s, table()).sql,
                 kSelect + QStringLiteral(" ORDER BY \"id\" DESC NULLS FIRST LIMIT 101"));
    }

    void pageNumbers() {
        QuerySpec s = spec();
        s.page.pageSize = 25;
        s.page.pageNumber = 3;
        const BuiltQuery q = buildPageQuery(s, table());
        QVERIFY(q.sql.endsWith(QStringLiteral(" LIMIT 26 OFFSET 50")));
        QCOMPARE(q.offset, 50);
        s.page.pageNumber = 0;
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, buildPageQuery(s, table()));
        // An offset beyond 64 bits is refused, not overflowed (found by tests/fuzz/fuzz_filter).
        s.page.pageSize = 1000;
        s.page.pageNumber = Q_INT64_C(922337203685477580);
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, buildPageQuery(s, table()));
        s.page.pageNumber = Q_INT64_C(9223372036854775) + 1; // the last page whose offset fits
        QCOMPARE(buildPageQuery(s, table()).offset, Q_INT64_C(9223372036854775000));
        s.page.pageNumber.reset();
        s.page.pageSize = 0;
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, buildPageQuery(s, table()));
        s.page.pageSize = 10;
        s.page.last = true;
        s.page.pageNumber = 2;
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, buildPageQuery(s, table()));
    }

    void cursorRoundTrip() {
        Cursor c;
        c.signature = {QStringLiteral("asc nulls last bio"), QStringLiteral("asc nulls last id")};
        c.values = {std::nullopt, QStringLiteral("grüß \"🐘\"")};
        const QString text = encodeCursor(c);
        QVERIFY(!text.contains(QLatin1Char('+')) && !text.contains(QLatin1Char('/')) &&
                !text.contains(QLatin1Char('=')));
        const Cursor back = decodeCursor(text);
        QCOMPARE(back.signature, c.signature);
        QCOMPARE(back.values, c.values);
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, decodeCursor(QStringLiteral("not a cursor!")));
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, decodeCursor(QStringLiteral("e30"))); // "{}"
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, decodeCursor(QString()));
    }

    // Sorted by nullable name ascending (NULLS LAST) then id: the seek after a non-NULL name includes the
    // NULL names, which sort after every value.
    void seekAfterValue() {
        QuerySpec s = spec();
        s.sort = {SortKey{QStringLiteral("name")}};
        s.page.afterCursor =
            encodeCursor({{QStringLiteral("asc nulls last name"), QStringLiteral("asc nulls last id")},
                          {QStringLiteral("bob"), QStringLiteral("7")}});
        const BuiltQuery q = buildPageQuery(s, table());
        QCOMPARE(q.sql, kSelect + QStringLiteral(
                                      " WHERE (((\"name\" > $1::text OR \"name\" IS NULL)) OR (\"name\" = "
                                      "$1::text AND \"id\" > $2::bigint)) ORDER BY \"name\" ASC NULLS "
                                      "LAST, \"id\" ASC NULLS LAST LIMIT 101"));
        QCOMPARE(paramsOf(q), (QStringList{QStringLiteral("bob"), QStringLiteral("7")}));
        QVERIFY(!q.backwards);
    }

    void seekAfterNull() {
        QuerySpec s = spec();
        s.sort = {SortKey{QStringLiteral("name")}};
        s.page.afterCursor =
            encodeCursor({{QStringLiteral("asc nulls last name"), QStringLiteral("asc nulls last id")},
                          {std::nullopt, QStringLiteral("7")}});
        QCOMPARE(whereOf(spec()), QString());
        const BuiltQuery q = buildPageQuery(s, table());
        QVERIFY2(
            q.sql.contains(QStringLiteral(" WHERE ((\"name\" IS NULL AND \"id\" > $1::bigint)) ORDER BY")),
            qPrintable(q.sql));
        // NULLS FIRST: after a NULL come all non-NULL values.
        s.sort = {SortKey{QStringLiteral("name"), false, SortKey::Nulls::First}};
        s.page.afterCursor =
            encodeCursor({{QStringLiteral("asc nulls first name"), QStringLiteral("asc nulls last id")},
                          {std::nullopt, QStringLiteral("7")}});
        QVERIFY2(buildPageQuery(s, table())
                     .sql.contains(
                         QStringLiteral(" WHERE ((\"name\" IS NOT NULL) OR (\"name\" IS NULL AND \"id\" > "
                                        "$1::bigint)) ORDER BY \"name\" ASC NULLS FIRST")),
                 qPrintable(buildPageQuery(s, table()).sql));
    }

    void seekDescending() {
        QuerySpec s = spec();
        s.sort = {SortKey{QStringLiteral("price"), true}}; // DESC NULLS FIRST: NULLs come before, not after
        s.page.afterCursor =
            encodeCursor({{QStringLiteral("desc nulls first price"), QStringLiteral("asc nulls last id")},
                          {QStringLiteral("5.00"), QStringLiteral("3")}});
        QVERIFY2(buildPageQuery(s, table())
                     .sql.contains(
                         QStringLiteral(" WHERE \"price\" <= $1::numeric(12,2) AND ((\"price\" < "
                                        "$1::numeric(12,2)) OR (\"price\" = $1::numeric(12,2) AND \"id\" > "
                                        "$2::bigint)) ORDER BY")),
                 qPrintable(buildPageQuery(s, table()).sql));
    }

    // Backwards: every direction and NULLS placement reversed; the engine reverses the rows back.
    void seekBefore() {
        QuerySpec s = spec();
        s.sort = {SortKey{QStringLiteral("name")}};
        s.page.beforeCursor =
            encodeCursor({{QStringLiteral("asc nulls last name"), QStringLiteral("asc nulls last id")},
                          {QStringLiteral("bob"), QStringLiteral("7")}});
        const BuiltQuery q = buildPageQuery(s, table());
        QVERIFY(q.backwards);
        QCOMPARE(q.sql,
                 kSelect +
                     QStringLiteral(" WHERE \"name\" <= $1::text AND ((\"name\" < $1::text) OR (\"name\" = "
                                    "$1::text AND \"id\" < $2::bigint)) ORDER BY \"name\" DESC NULLS FIRST, "
                                    "\"id\" DESC NULLS FIRST LIMIT 101"));
        s.page.beforeCursor =
            encodeCursor({{QStringLiteral("asc nulls last name"), QStringLiteral("asc nulls last id")},
                          {std::nullopt, QStringLiteral("7")}});
        QVERIFY2(buildPageQuery(s, table())
                     .sql.contains(
                         QStringLiteral(" WHERE ((\"name\" IS NOT NULL) OR (\"name\" IS NULL AND \"id\" < "
                                        "$1::bigint)) ORDER BY")),
                 qPrintable(buildPageQuery(s, table()).sql));
        s.page.beforeCursor.clear();
        s.page.last = true;
        const BuiltQuery last = buildPageQuery(s, table());
        QVERIFY(last.backwards);
        QCOMPARE(last.sql,
                 kSelect + QStringLiteral(
                               " ORDER BY \"name\" DESC NULLS FIRST, \"id\" DESC NULLS FIRST LIMIT 101"));
    }

    void cursorErrors() {
        QuerySpec s = spec();
        s.page.afterCursor = encodeCursor({{QStringLiteral("asc nulls last name")}, {QStringLiteral("x")}});
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, buildPageQuery(s, table())); // other sort order
        s.page.afterCursor = QStringLiteral("garbage");
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, buildPageQuery(s, table()));

        TableInfo keyless = table();
        keyless.conventions.rowKey.clear();
        s.page.afterCursor = encodeCursor({{QStringLiteral("asc nulls last id")}, {QStringLiteral("1")}});
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, buildPageQuery(s, keyless));
        s.page.afterCursor.clear();
        s.page.last = true;
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, buildPageQuery(s, keyless));
        s.page.last = false;
        const BuiltQuery q = buildPageQuery(s, keyless); // OFFSET paging, no ORDER BY, no cursors
        QVERIFY(!q.keyset);
        QCOMPARE(q.sql, kSelect + QStringLiteral(" LIMIT 101"));
    }

    // A NOT NULL leading key gets the redundant range that lets an index start at the boundary; a
    // single-key seek needs none.
    void seekIndexBound() {
        QuerySpec s = spec();
        s.page.afterCursor = encodeCursor({{QStringLiteral("asc nulls last id")}, {QStringLiteral("42")}});
        QVERIFY2(buildPageQuery(s, table())
                     .sql.contains(QStringLiteral(" WHERE ((\"id\" > $1::bigint)) ORDER BY")),
                 qPrintable(buildPageQuery(s, table()).sql));
        TableInfo t = table();
        t.columns[1].notNull = true; // name
        s.sort = {SortKey{QStringLiteral("name")}};
        s.page.afterCursor =
            encodeCursor({{QStringLiteral("asc nulls last name"), QStringLiteral("asc nulls last id")},
                          {QStringLiteral("bob"), QStringLiteral("7")}});
        QVERIFY2(buildPageQuery(s, t).sql.contains(QStringLiteral(
                     " WHERE \"name\" >= $1::text AND ((\"name\" > $1::text) OR (\"name\" = $1::text AND "
                     "\"id\" > $2::bigint)) ORDER BY")),
                 qPrintable(buildPageQuery(s, t).sql));
        // Combined with a filter, the seek comes last.
        s.filter.conditions = {cond(QStringLiteral("price"), FilterOp::IsNull)};
        QVERIFY2(buildPageQuery(s, t).sql.contains(
                     QStringLiteral(" WHERE ((\"price\" IS NULL)) AND \"name\" >= $1::text AND ")),
                 qPrintable(buildPageQuery(s, t).sql));
    }

    // Columns hidden in the grid are not selected, except the row key and sort columns (cursors and edits).
    void omittedColumns() {
        QuerySpec s = spec();
        s.omitColumns = {QStringLiteral("id"), QStringLiteral("price"), QStringLiteral("name"),
                         QStringLiteral("attrs")};
        s.sort = {SortKey{QStringLiteral("name")}};
        const BuiltQuery q = buildPageQuery(s, table());
        const QString select = q.sql.left(q.sql.indexOf(QLatin1String(" FROM ")));
        QVERIFY2(!select.contains(QLatin1String("\"price\"")), qPrintable(select));
        QVERIFY2(!select.contains(QLatin1String("\"attrs\"")), qPrintable(select));
        QVERIFY2(select.startsWith(QLatin1String("SELECT \"id\", \"name\", \"tags\"")), qPrintable(select));
        QVERIFY(!q.columns.contains(QStringLiteral("price")));
        // Other statements built from the same spec (counts, exports) are not narrowed.
        QVERIFY(buildSelectQuery(s, table()).sql.contains(QLatin1String("\"price\"")));
    }

    // Domain columns: values are cast to the base type, so they need not satisfy the domain's CHECK.
    void domainColumnsCastToBaseType() {
        TableInfo t = table();
        ColumnInfo c = col(QStringLiteral("positive"), QStringLiteral("positive_int"), TypeCategory::Integer);
        c.baseTypeName = QStringLiteral("integer");
        c.domainName = QStringLiteral("positive_int");
        t.columns << c;
        QuerySpec s = spec({cond(QStringLiteral("positive"), FilterOp::GreaterThan, {QStringLiteral("-5")})});
        QCOMPARE(whereOf(s, t), QStringLiteral("((\"positive\" > $1::integer))"));
    }

    void countAndExplain() {
        const QuerySpec s = spec({cond(QStringLiteral("id"), FilterOp::GreaterThan, {QStringLiteral("3")})});
        QCOMPARE(buildCountQuery(s, table()).sql,
                 QStringLiteral("SELECT count(*) FROM \"public\".\"t\" WHERE ((\"id\" > $1::bigint))"));
        const BuiltQuery e = buildExplainEstimate(s, table());
        QCOMPARE(e.sql,
                 QStringLiteral(
                     "EXPLAIN (FORMAT JSON) SELECT 1 FROM \"public\".\"t\" WHERE ((\"id\" > $1::bigint))"));
        QCOMPARE(paramsOf(e), QStringList{QStringLiteral("3")});
    }
};

QTEST_GUILESS_MAIN(TestSqlBuilder)
#include "tst_sqlbuilder.moc"
