// SPDX-License-Identifier: GPL-3.0-or-later
// The SQL formatter (pure): formatting only moves white space. Proved on every statement of the demo
// scripts, of a fixed list of PostgreSQL 15's contrib extension scripts, and of hand-written hard cases:
// lexing the result gives the same tokens as lexing the input, and formatting twice gives the same text.
// The corpus is named, not globbed, so the run takes the same time whatever else the machine has
// installed (PostGIS alone adds 31 MB of scripts). The formatter's speed is measured in bench/formatter.
#include <pgdesk/core/sqltext/sqlformatter.h>
#include <pgdesk/core/sqltext/statementsplitter.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

using namespace pgdesk::core;

namespace {

// Each token as "type:text"; white space is not a token.
QStringList tokens(const QString& sql) {
    SqlLexState state;
    QStringList out;
    for (const SqlToken& t : tokenizeSql(sql, state))
        out << QString::number(int(t.type)) + QLatin1Char(':') + sql.mid(t.start, t.length);
    return out;
}

// Per boundary between two tokens: "" when they touch, " " when white space parts them, "\n" when that
// white space holds a newline and both sides are string literals (one literal in PostgreSQL then); "*"
// when one side is ( ) , or ; (there white space never matters).
QStringList boundaries(const QString& sql) {
    SqlLexState state;
    const QList<SqlToken> t = tokenizeSql(sql, state);
    const auto punct = [&](const SqlToken& k) {
        return k.type == SqlTokenType::Operator &&
               QStringLiteral("(),;").contains(sql.mid(k.start, k.length));
    };
    QStringList out;
    for (qsizetype i = 1; i < t.size(); ++i) {
        const qsizetype from = t[i - 1].start + t[i - 1].length;
        const QString gap = sql.mid(from, t[i].start - from);
        if (punct(t[i - 1]) || punct(t[i]))
            out << QStringLiteral("*");
        else if (gap.isEmpty())
            out << QString();
        else if (t[i - 1].type == SqlTokenType::String && t[i].type == SqlTokenType::String &&
                 gap.contains(QLatin1Char('\n')))
            out << QStringLiteral("\n");
        else
            out << QStringLiteral(" ");
    }
    return out;
}

QString readFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

// Fails the test with the first token that differs, if any; returns whether the text kept its tokens.
bool keepsTokens(const QString& sql, QString* why) {
    const QString formatted = formatSql(sql);
    const QStringList before = tokens(sql);
    const QStringList after = tokens(formatted);
    if (before != after) {
        qsizetype k = 0;
        while (k < before.size() && k < after.size() && before[k] == after[k])
            ++k;
        *why = QStringLiteral("token %1 differs: %2 / %3\n--- input:\n%4\n--- formatted:\n%5")
                   .arg(k)
                   .arg(before.value(k), after.value(k), sql, formatted);
        return false;
    }
    // Touching tokens still touch (->> stays one operator), separate ones stay apart, string literals
    // stay joined or not.
    const QStringList gapsBefore = boundaries(sql);
    const QStringList gapsAfter = boundaries(formatted);
    if (gapsBefore != gapsAfter) {
        qsizetype k = 0;
        while (k < gapsBefore.size() && gapsBefore[k] == gapsAfter.value(k))
            ++k;
        *why = QStringLiteral(
                   "white space between tokens %1 and %2 changed kind\n--- input:\n%3\n--- formatted:\n%4")
                   .arg(k)
                   .arg(k + 1)
                   .arg(sql, formatted);
        return false;
    }
    const QString twice = formatSql(formatted);
    if (twice != formatted) {
        *why = QStringLiteral("not idempotent\n--- once:\n%1\n--- twice:\n%2").arg(formatted, twice);
        return false;
    }
    return true;
}

const char* const kHardCases[] = {
    "select 1 -- a comment\n, 2 from t",
    "create function f(a int) returns int language plpgsql as $body$ begin return a; -- x\n end $body$;",
    "select $a$ it's $b$ nested $b$ $a$, $$x$$, $1 from t where x = $2",
    "create function add(a int, b int) returns int language sql begin atomic select a + b; "
    "select case when a > 0 then 1 else 2 end; end;",
    "create procedure p() language sql begin atomic insert into t values (1); update t set a = 2 where a = "
    "1; end; select 1;",
    "select E'it\\'s', e'\\\\', E'a''b' 'c', U&\"d\\0061t\" from \"T\"",
    "select 'a'\n'b', 'c' /* x */ 'd'",
    "select /* outer /* nested */ still */ 1; /* trailing */",
    "select a::int, b::text[], c->>'k', d @> '{}'::jsonb, e #>> '{a,b}', f <-> g from t",
    "select-1,a-->b\n, x/*c*/from t",
    "with recursive r(n) as (select 1 union all select n + 1 from r where n < 10), s as (select 2) "
    "select * from r join s on true left outer join u using (id) where n between 1 and 3 and s.x is "
    "distinct from 2 order by n desc, 1 limit 5 offset 1 for update",
    "insert into t (a, b) values (1, 2), (3, 4) on conflict (a) do update set b = excluded.b returning *",
    "create table t (id int primary key, name text not null check (name <> ''), price numeric(10,2)) "
    "with (fillfactor = 70)",
    "create view v as select extract(year from now()), substring('abc' from 2), string_agg(x, ',' order "
    "by y) over (partition by z order by y) from t group by 1",
    "\\echo Use \"CREATE EXTENSION x\" to load this file. \\quit\nselect 1;",
    "delete from t using u where t.id = u.id and (a or b);",
    "select\u00a0x, 1\u00a0 from t",
    "select (select max(a) from t) as m, exists (select 1 from u where u.a in (select a from v))",
    "update t set (a, b) = (select 1, 2) where c = any(array[1, 2, 3])",
    "explain (analyze, buffers) select 1",
    "select 'unterminated",
    "select 1; select 2",
    "",
};

// Where postgresql-15 (Debian, PGDG) puts its contrib extension scripts, and the ones tested: the base
// install script of each of these extensions (C-language functions, operators and classes, types, casts,
// DO blocks, PL/pgSQL bodies) and a few upgrade scripts (ALTER …, COMMENT, GRANT). A missing one fails.
const char* const kExtensionDir = "/usr/share/postgresql/15/extension";
const char* const kContribScripts[] = {
    "adminpack--1.0.sql",
    "amcheck--1.0.sql",
    "btree_gin--1.0.sql",
    "btree_gist--1.2.sql",
    "btree_gist--1.6--1.7.sql",
    "citext--1.4.sql",
    "citext--1.5--1.6.sql",
    "cube--1.2.sql",
    "cube--1.3--1.4.sql",
    "dblink--1.2.sql",
    "earthdistance--1.1.sql",
    "fuzzystrmatch--1.1.sql",
    "hstore--1.4.sql",
    "hstore--1.7--1.8.sql",
    "intarray--1.2.sql",
    "isn--1.1.sql",
    "lo--1.1.sql",
    "ltree--1.1.sql",
    "ltree--1.1--1.2.sql",
    "pageinspect--1.5.sql",
    "pageinspect--1.8--1.9.sql",
    "pg_stat_statements--1.4.sql",
    "pg_stat_statements--1.9--1.10.sql",
    "pg_trgm--1.3.sql",
    "pgcrypto--1.3.sql",
    "plpgsql--1.0.sql",
    "postgres_fdw--1.0.sql",
    "seg--1.1.sql",
    "tablefunc--1.0.sql",
    "unaccent--1.1.sql",
    "uuid-ossp--1.1.sql",
};

} // namespace

class TestSqlFormatter final : public QObject {
    Q_OBJECT

private slots:
    void keepsTokensOfHardCases() {
        for (const char* sql : kHardCases) {
            QString why;
            QVERIFY2(keepsTokens(QString::fromUtf8(sql), &why), qPrintable(why));
        }
    }

    void keepsTokensOfEveryStatementOfTheScripts() {
        QStringList files;
        const QString source = qEnvironmentVariable("PGDESK_SOURCE_DIR");
        QVERIFY(!source.isEmpty());
        const QDir demo(source + QStringLiteral("/resources/demo"));
        for (const QString& f : demo.entryList({QStringLiteral("*.sql")}, QDir::Files))
            files << demo.filePath(f);
        QCOMPARE_GE(files.size(), 3);
        const QDir ext(QString::fromLatin1(kExtensionDir));
        for (const char* name : kContribScripts) {
            const QString path = ext.filePath(QString::fromLatin1(name));
            QVERIFY2(QFileInfo(path).isFile(),
                     qPrintable(path + QStringLiteral(" is missing (postgresql-15 ships it)")));
            files << path;
        }
        int statements = 0;
        for (const QString& path : files) {
            const QString script = readFile(path);
            QVERIFY2(!script.isEmpty(), qPrintable(path + QStringLiteral(" is empty or unreadable")));
            QString why;
            QVERIFY2(keepsTokens(script, &why), qPrintable(path + QLatin1Char(' ') + why.left(4000)));
            for (const SqlStatement& s : splitStatements(script)) {
                QVERIFY2(keepsTokens(s.text, &why), qPrintable(path + QLatin1Char(' ') + why));
                ++statements;
            }
        }
        qInfo("%lld files, %d statements", qlonglong(files.size()), statements);
        QCOMPARE_GT(statements, 1000);
    }

    void laysOutQueries() {
        QCOMPARE(
            formatSql(QStringLiteral("select a, b from t join u on u.id = t.id where x = 1 and y between 1 "
                                     "and 2 order by a")),
            QStringLiteral("select\n    a,\n    b\nfrom t\njoin u on u.id = t.id\nwhere x = 1\n    and y "
                           "between 1 and 2\norder by a"));
        QCOMPARE(
            formatSql(QStringLiteral("SELECT count(*) FROM t WHERE id IN (SELECT id FROM u);\nselect 2;\n")),
            QStringLiteral("SELECT count(*)\nFROM t\nWHERE id IN (\n    SELECT id\n    FROM u\n);\n\nselect "
                           "2;\n"));
        // Keyword case and comments are kept; a -- comment keeps its line end.
        QCOMPARE(formatSql(QStringLiteral("select 1 -- one\n, 2")),
                 QStringLiteral("select\n    1 -- one\n    ,\n    2"));
    }

    void laysOutBeginAtomicBodies() {
        QCOMPARE(
            formatSql(QStringLiteral("create function f() returns int language sql begin atomic select 1; "
                                     "select case when true then 2 end; end;")),
            QStringLiteral("create function f() returns int language sql begin atomic\n    select 1;\n    "
                           "select case when true then 2 end;\nend;"));
    }

    void laysOutTableDefinitions() {
        QCOMPARE(formatSql(QStringLiteral("create table t (id int primary key, price numeric(10,2))")),
                 QStringLiteral("create table t (\n    id int primary key,\n    price numeric(10, 2)\n)"));
    }
};

QTEST_GUILESS_MAIN(TestSqlFormatter)
#include "tst_sqlformatter.moc"
