// SPDX-License-Identifier: GPL-3.0-or-later
// :name placeholders found by the statement lexer and rewritten to $n with their values as parameters.
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/sqltext/namedparameters.h>

#include <QTest>

using namespace pgdesk::core;

namespace {

QStringList names(const QString& sql) {
    QStringList out;
    for (const NamedParameter& p : findNamedParameters(sql))
        out << p.name;
    return out;
}

} // namespace

class TestNamedParameters : public QObject {
    Q_OBJECT
private slots:
    void found_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QStringList>("expected");
        auto row = [](const char* name, const char* sql, QStringList expected) {
            QTest::newRow(name) << QString::fromUtf8(sql) << expected;
        };
        row("plain", "select * from t where id = :id and name = :name", {"id", "name"});
        row("cast after", "select :id::int", {"id"});
        row("cast is not one", "select x::int, y :: text from t", {});
        row("string", "select ':no', 'a :no b' || :yes", {"yes"});
        row("escape string", "select E'\\' :no', :yes", {"yes"});
        row("line comment", "select 1 -- :no\n, :yes", {"yes"});
        row("block comment", "select /* :no /* :nested */ :no */ :yes", {"yes"});
        row("dollar quote", "select $$ :no $$, $f$ :no $f$, :yes", {"yes"});
        row("quoted identifier", "select \":no\" from t where a = :yes", {"yes"});
        row("slice with numbers", "select a[1:2] from t", {});
        row("slice with names", "select a[lo:hi], b[:n], c[n:] from t", {});
        row("parameter inside a slice's parentheses", "select a[(:lo):(:hi)] from t", {"lo", "hi"});
        row("array constructor", "select ARRAY[:a, :b], array[[:c]]", {"a", "b", "c"});
        row("subscript after constructor", "select (ARRAY[:a, 2])[1:2]", {"a"});
        row("named argument", "select f(a := 1, b => 2)", {});
        row("space after colon", "select : x", {});
        row("digit", "select :1", {});
        row("repeated", "select :a, :a, :b", {"a", "a", "b"});
        row("underscore and digits", "select :_a1_b", {"_a1_b"});
        row("positional left alone", "select $1, :a", {"a"});
        row("psql-style quoting is not ours", "select :'a'", {});
    }
    void found() {
        QFETCH(QString, sql);
        QFETCH(QStringList, expected);
        QCOMPARE(names(sql), expected);
    }

    void spansCoverTheColonAndName() {
        const auto found = findNamedParameters(QStringLiteral("select :abc"));
        QCOMPARE(found.size(), 1);
        QCOMPARE(found[0].start, 7);
        QCOMPARE(found[0].length, 4);
    }

    void bindRewritesAndOrders() {
        const BoundStatement b = bindNamedParameters(QStringLiteral("select :b, :a::int, ':a', :b -- :c"),
                                                     {{QStringLiteral("a"), param("1")},
                                                      {QStringLiteral("b"), param("x")},
                                                      {QStringLiteral("unused"), param("u")}});
        QCOMPARE(b.sql, QStringLiteral("select $1, $2::int, ':a', $1 -- :c"));
        QCOMPARE(b.params, (Params{param("x"), param("1")}));
        // Positions map back to the statement as written: before, inside and after each placeholder.
        const QString original = QStringLiteral("select :b, :a::int, ':a', :b -- :c");
        for (const char* word : {"select", ", ", "::int", "':a'", "-- :c"})
            QCOMPARE(b.originalIndex(b.sql.indexOf(QLatin1String(word))),
                     original.indexOf(QLatin1String(word)));
        QCOMPARE(b.originalIndex(b.sql.indexOf(QLatin1String("$2")) + 1),
                 original.indexOf(QLatin1String(":a")));
    }

    void valuesAreDataNotSql() {
        const QString hostile = QStringLiteral("x'); drop table t; -- :b $1");
        const BoundStatement b =
            bindNamedParameters(QStringLiteral("select :a"), {{QStringLiteral("a"), param(hostile)}});
        QCOMPARE(b.sql, QStringLiteral("select $1"));
        QCOMPARE(b.params, (Params{param(hostile)}));
    }

    void namedAfterPositional() {
        const BoundStatement b =
            bindNamedParameters(QStringLiteral("select $2, $1, :a"), {{QStringLiteral("1"), param("one")},
                                                                      {QStringLiteral("2"), param("two")},
                                                                      {QStringLiteral("a"), nullParam()}});
        QCOMPARE(b.sql, QStringLiteral("select $2, $1, $3"));
        QCOMPARE(b.params, (Params{param("one"), param("two"), nullParam()}));
    }

    void missingValuesAreNamed_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("message");
        QTest::newRow("named") << QStringLiteral("select :present, :absent")
                               << QStringLiteral("no value for parameter :absent");
        QTest::newRow("positional") << QStringLiteral("select $1, $2")
                                    << QStringLiteral("no value for parameter $2");
    }
    void missingValuesAreNamed() {
        QFETCH(QString, sql);
        QFETCH(QString, message);
        try {
            bindNamedParameters(sql,
                                {{QStringLiteral("present"), param("p")}, {QStringLiteral("1"), param("1")}});
            QFAIL("bound without a value");
        } catch (const ConfigurationError& e) {
            QCOMPARE(e.message(), message);
        }
    }

    void withoutPlaceholdersNothingChanges() {
        const QString sql = QStringLiteral("select '::' || x::text from t where a[1:2] = '{}'");
        const BoundStatement b = bindNamedParameters(sql, {});
        QCOMPARE(b.sql, sql);
        QVERIFY(b.params.isEmpty());
    }

    void parameterNamesInOrder() {
        QCOMPARE(parameterNames(QStringLiteral("select :b, $2, :a, :b, $2")),
                 (QStringList{QStringLiteral("b"), QStringLiteral("2"), QStringLiteral("a")}));
    }

    void routinesAndPrepareKeepTheirPlaceholders() {
        // Their $n are the routine's arguments or the prepared statement's, not the caller's to bind.
        QVERIFY(boundParameterNames(QStringLiteral("prepare p(int) as select $1")).isEmpty());
        QVERIFY(boundParameterNames(QStringLiteral("create function f(int) returns int return $1 + 1"))
                    .isEmpty());
        QVERIFY(boundParameterNames(QStringLiteral("/* x */ CREATE OR REPLACE PROCEDURE p(int) BEGIN ATOMIC "
                                                   "insert into t values ($1); END"))
                    .isEmpty());
        QCOMPARE(boundParameterNames(QStringLiteral("create table x as select $1::int as a, :b as b")),
                 (QStringList{QStringLiteral("1"), QStringLiteral("b")}));
        QCOMPARE(boundParameterNames(QStringLiteral("select :a")), QStringList{QStringLiteral("a")});
    }
};

QTEST_GUILESS_MAIN(TestNamedParameters)
#include "tst_namedparameters.moc"
