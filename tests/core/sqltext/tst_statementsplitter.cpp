// SPDX-License-Identifier: GPL-3.0-or-later
// The statement splitter and lexer (pure): where scripts split, what each statement is, and how the
// lexer carries its state from one line to the next for the editor's highlighter.
#include <pgdesk/core/sqltext/statementsplitter.h>

#include <QTest>

using namespace pgdesk::core;

namespace {

QStringList texts(const QList<SqlStatement>& statements) {
    QStringList out;
    for (const SqlStatement& s : statements)
        out << s.text;
    return out;
}

QString tokenTypes(const QString& text, SqlLexState& state) {
    QString out;
    for (const SqlToken& t : tokenizeSql(text, state)) {
        switch (t.type) {
        case SqlTokenType::Word:
            out += QLatin1Char('w');
            break;
        case SqlTokenType::QuotedIdentifier:
            out += QLatin1Char('q');
            break;
        case SqlTokenType::String:
            out += QLatin1Char('s');
            break;
        case SqlTokenType::DollarString:
            out += QLatin1Char('d');
            break;
        case SqlTokenType::Number:
            out += QLatin1Char('n');
            break;
        case SqlTokenType::Parameter:
            out += QLatin1Char('p');
            break;
        case SqlTokenType::Comment:
            out += QLatin1Char('c');
            break;
        case SqlTokenType::Operator:
            out += QLatin1Char('o');
            break;
        }
    }
    return out;
}

QString tokenTypes(const QString& text) {
    SqlLexState state;
    return tokenTypes(text, state);
}

} // namespace

class TestStatementSplitter final : public QObject {
    Q_OBJECT
private slots:
    void splitsAtSemicolonsWithOffsets() {
        const QString script = QStringLiteral("select 1;\n  update t set a = 2 ;\n\n delete from t");
        const auto s = splitStatements(script);
        QCOMPARE(texts(s), (QStringList{QStringLiteral("select 1"), QStringLiteral("update t set a = 2"),
                                        QStringLiteral("delete from t")}));
        for (const SqlStatement& st : s)
            QCOMPARE(script.mid(st.offset, st.text.size()), st.text);
        QCOMPARE(s[1].offset, 12);
        QCOMPARE(s[1].end(), 30);
    }

    void emptyPiecesAndCommentOnlyPiecesAreDropped() {
        QVERIFY(splitStatements(QString()).isEmpty());
        QVERIFY(splitStatements(QStringLiteral(" ;; \n ;")).isEmpty());
        QVERIFY(splitStatements(QStringLiteral("-- nothing\n/* at all */ ;")).isEmpty());
        const auto s = splitStatements(QStringLiteral("select 1; -- done\n"));
        QCOMPARE(texts(s), QStringList{QStringLiteral("select 1")});
        // A leading comment stays with its statement (the server gets it too).
        const auto c = splitStatements(QStringLiteral("select 1;\n-- the second\nselect 2"));
        QCOMPARE(c[1].text, QStringLiteral("-- the second\nselect 2"));
        QCOMPARE(c[1].keyword, QStringLiteral("SELECT"));
    }

    void semicolonsInsideQuotesAndCommentsDoNotSplit_data() {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QStringList>("expected");
        const auto row = [](const char* name, const char* script, QStringList expected) {
            QTest::newRow(name) << QString::fromUtf8(script) << expected;
        };
        row("string", "select 'a;b'; select 2", {QStringLiteral("select 'a;b'"), QStringLiteral("select 2")});
        row("doubled quote", "select 'it''s; fine'; select 2",
            {QStringLiteral("select 'it''s; fine'"), QStringLiteral("select 2")});
        row("escape string", "select E'\\'; still'; select 2",
            {QStringLiteral("select E'\\'; still'"), QStringLiteral("select 2")});
        row("escape string lower e", "select e'a\\\\'; select 2",
            {QStringLiteral("select e'a\\\\'"), QStringLiteral("select 2")});
        row("plain string backslash", "select 'a\\'; select 2",
            {QStringLiteral("select 'a\\'"), QStringLiteral("select 2")});
        row("quoted identifier", "select 1 as \"a;\"\"b\"; select 2",
            {QStringLiteral("select 1 as \"a;\"\"b\""), QStringLiteral("select 2")});
        row("line comment", "select 1 -- a; b\n; select 2",
            {QStringLiteral("select 1 -- a; b"), QStringLiteral("select 2")});
        row("block comment", "select /* ; */ 1; select 2",
            {QStringLiteral("select /* ; */ 1"), QStringLiteral("select 2")});
        row("nested block comment", "select /* a /* ; */ ; */ 1; select 2",
            {QStringLiteral("select /* a /* ; */ ; */ 1"), QStringLiteral("select 2")});
        row("dollar quote", "do $$ begin raise notice 'x;'; end $$; select 2",
            {QStringLiteral("do $$ begin raise notice 'x;'; end $$"), QStringLiteral("select 2")});
        row("tagged dollar quote", "select $fn$ a $$ ; $x$ $fn$; select 2",
            {QStringLiteral("select $fn$ a $$ ; $x$ $fn$"), QStringLiteral("select 2")});
        row("dollar in identifier", "select a$b$c; select 2",
            {QStringLiteral("select a$b$c"), QStringLiteral("select 2")});
        row("parameter", "select $1; select 2", {QStringLiteral("select $1"), QStringLiteral("select 2")});
        row("parentheses",
            "create rule r as on insert to t do also (insert into a values (1); insert into b "
            "values (2)); select 2",
            {QStringLiteral(
                 "create rule r as on insert to t do also (insert into a values (1); insert into b "
                 "values (2))"),
             QStringLiteral("select 2")});
        row("unicode string", "select U&'d\\0061t;'; select 2",
            {QStringLiteral("select U&'d\\0061t;'"), QStringLiteral("select 2")});
        row("bit and hex strings", "select B'10;', X'1F;'; select 2",
            {QStringLiteral("select B'10;', X'1F;'"), QStringLiteral("select 2")});
        row("unterminated string", "select 'abc; select 2", {QStringLiteral("select 'abc; select 2")});
        row("unterminated comment", "select 1 /* ; select 2", {QStringLiteral("select 1 /* ; select 2")});
        row("sql-standard function body",
            "create function f() returns int language sql begin atomic select 1; select case when true then "
            "2 "
            "end; end; select 3",
            {QStringLiteral("create function f() returns int language sql begin atomic select 1; select case "
                            "when true then 2 end; end"),
             QStringLiteral("select 3")});
        row("or replace procedure",
            "CREATE OR REPLACE PROCEDURE p() BEGIN ATOMIC insert into t values (1); END; select 3",
            {QStringLiteral("CREATE OR REPLACE PROCEDURE p() BEGIN ATOMIC insert into t values (1); END"),
             QStringLiteral("select 3")});
        row("begin transaction still splits", "begin; select 1; commit",
            {QStringLiteral("begin"), QStringLiteral("select 1"), QStringLiteral("commit")});
        row("unicode text", "select 'ünï;cödé 🐘'; select '🐘'",
            {QString::fromUtf8("select 'ünï;cödé 🐘'"), QString::fromUtf8("select '🐘'")});
        row("hostile identifier", "select * from \"we\"\"ird; drop table x;--\"; select 2",
            {QStringLiteral("select * from \"we\"\"ird; drop table x;--\""), QStringLiteral("select 2")});
    }
    void semicolonsInsideQuotesAndCommentsDoNotSplit() {
        QFETCH(QString, script);
        QFETCH(QStringList, expected);
        const auto s = splitStatements(script);
        QCOMPARE(texts(s), expected);
        for (const SqlStatement& st : s)
            QCOMPARE(script.mid(st.offset, st.text.size()), st.text);
    }

    void classifies_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("keyword");
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("pageable");
        QTest::addColumn<bool>("outside");
        const int rows = int(StatementKind::Rows), tx = int(StatementKind::TransactionControl),
                  other = int(StatementKind::Other);
        const auto row = [](const char* sql, const char* keyword, int kind, bool pageable,
                            bool outside = false) {
            QTest::newRow(sql) << QString::fromUtf8(sql) << QString::fromUtf8(keyword) << kind << pageable
                               << outside;
        };
        row("select 1", "SELECT", rows, true);
        row("  /* c */ -- d\n SeLeCt 1", "SELECT", rows, true);
        row("values (1), (2)", "VALUES", rows, true);
        row("table inventory.products", "TABLE", rows, true);
        row("(select 1) union (select 2)", "SELECT", rows, true);
        row("with x as (select 1) select * from x", "WITH", rows, true);
        row("with recursive t(n) as (values (1) union all select n + 1 from t where n < 5) select * from t",
            "WITH", rows, true);
        row("with x as materialized (select 1) table x", "WITH", rows, true);
        row("with d as (delete from t returning *) select * from d", "WITH", rows, false);
        row("with x as (select 1) insert into t select * from x", "WITH", other, false);
        row("with x as (select 1) update t set a = 1", "WITH", other, false);
        row("select * into newtable from t", "SELECT", rows, false);
        row("select * from t for update", "SELECT", rows, false);
        row("select * from t for no key update", "SELECT", rows, false);
        row("select * from t for key share", "SELECT", rows, false);
        row("select 'for update' as x", "SELECT", rows, true);
        row("select \"into\" from t", "SELECT", rows, true);
        row("show search_path", "SHOW", rows, false);
        row("explain select 1", "EXPLAIN", rows, false);
        row("fetch 10 from c", "FETCH", rows, false);
        row("insert into t values (1) returning *", "INSERT", other, false);
        row("update t set a = 1", "UPDATE", other, false);
        row("create table t (a int)", "CREATE", other, false);
        row("set search_path = x", "SET", other, false);
        row("do $$ begin end $$", "DO", other, false);
        row("begin", "BEGIN", tx, false);
        row("BEGIN ISOLATION LEVEL SERIALIZABLE", "BEGIN", tx, false);
        row("start transaction", "START", tx, false);
        row("commit", "COMMIT", tx, false);
        row("end", "END", tx, false);
        row("rollback", "ROLLBACK", tx, false);
        row("abort", "ABORT", tx, false);
        row("savepoint a", "SAVEPOINT", tx, false);
        row("release savepoint a", "RELEASE", tx, false);
        row("rollback to savepoint a", "ROLLBACK", tx, false);
        row("prepare transaction 'x'", "PREPARE", tx, false);
        row("prepare q as select 1", "PREPARE", other, false);
        row("commit prepared 'x'", "COMMIT", other, false, true);
        row("rollback prepared 'x'", "ROLLBACK", other, false, true);
        row("vacuum analyze t", "VACUUM", other, false, true);
        row("cluster", "CLUSTER", other, false, true);
        row("cluster t using i", "CLUSTER", other, false, false);
        row("create database x", "CREATE", other, false, true);
        row("drop database x", "DROP", other, false, true);
        row("create tablespace x location '/x'", "CREATE", other, false, true);
        row("create index concurrently i on t (a)", "CREATE", other, false, true);
        row("create unique index concurrently i on t (a)", "CREATE", other, false, true);
        row("create index i on t (a)", "CREATE", other, false, false);
        row("drop index concurrently i", "DROP", other, false, true);
        row("reindex table concurrently t", "REINDEX", other, false, true);
        row("reindex database x", "REINDEX", other, false, true);
        row("reindex table t", "REINDEX", other, false, false);
        row("alter system set work_mem = '1MB'", "ALTER", other, false, true);
        row("discard all", "DISCARD", other, false, true);
        row("discard temp", "DISCARD", other, false, false);
        row("-- only a comment", "", other, false);
        row("'a string'", "", other, false);
    }
    void classifies() {
        QFETCH(QString, sql);
        QFETCH(QString, keyword);
        QFETCH(int, kind);
        QFETCH(bool, pageable);
        QFETCH(bool, outside);
        const SqlStatement s = classifyStatement(sql);
        QCOMPARE(s.keyword, keyword);
        QCOMPARE(int(s.kind), kind);
        QCOMPARE(s.pageable, pageable);
        QCOMPARE(s.outsideTransaction, outside);
    }

    // What outlives its transaction on the server session (warned about through a transaction pooler).
    void sessionChanges_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("change");
        const auto row = [](const char* sql, const char* change) {
            QTest::newRow(sql) << QString::fromUtf8(sql) << QString::fromUtf8(change);
        };
        row("set search_path = x", "SET");
        row("SET SESSION statement_timeout = 0", "SET");
        row("set role alice", "SET");
        row("set session authorization bob", "SET");
        row("/* why */ set time zone 'UTC'", "SET");
        row("set local search_path = x", "");
        row("set transaction isolation level serializable", "");
        row("set constraints all deferred", "");
        row("reset all", "RESET");
        row("prepare q (int) as select $1", "PREPARE");
        row("prepare transaction 'x'", "");
        row("listen channel", "LISTEN");
        row("load 'auto_explain'", "LOAD");
        row("declare c cursor with hold for select 1", "DECLARE … WITH HOLD");
        row("declare c binary no scroll cursor with hold for select 1", "DECLARE … WITH HOLD");
        row("declare c cursor without hold for select 1", "");
        row("declare c cursor for select 'with hold'", "");
        row("create temp table t (a int)", "CREATE TEMPORARY");
        row("create local temporary table t as select 1", "CREATE TEMPORARY");
        row("create or replace temp view v as select 1", "CREATE TEMPORARY");
        row("create temp table t (a int) on commit drop", "");
        row("create table t (a int)", "");
        row("create table pg_temp.t (a int)", "CREATE TEMPORARY");
        row("create table if not exists pg_temp.t (a int)", "CREATE TEMPORARY");
        row("create table pg_temp.t (a int) on commit drop", "");
        row("create view pg_temp.v as select 1", "CREATE TEMPORARY");
        row("select 1 into temp t", "SELECT … INTO TEMPORARY");
        row("select * into local temporary table t from x", "SELECT … INTO TEMPORARY");
        row("select 1 into t", "");
        row("select 'into temp'", "");
        row("select set_config('a.b', 'c', true)", "");
        row("update t set a = 1", "");
        row("'set'", "");
    }
    void sessionChanges() {
        QFETCH(QString, sql);
        QFETCH(QString, change);
        QCOMPARE(classifyStatement(sql).sessionChange, change);
    }

    void splitStatementsAreClassified() {
        const auto s = splitStatements(QStringLiteral("begin; update t set a = 1; select * from t; commit"));
        QCOMPARE(s.size(), 4);
        QCOMPARE(s[0].kind, StatementKind::TransactionControl);
        QCOMPARE(s[1].kind, StatementKind::Other);
        QCOMPARE(s[2].kind, StatementKind::Rows);
        QVERIFY(s[2].pageable);
        QCOMPARE(s[3].kind, StatementKind::TransactionControl);
    }

    void statementAtCursor() {
        const QString script = QStringLiteral("select 1;\n\nselect 2;  \nselect 3");
        const auto s = splitStatements(script);
        QCOMPARE(statementAt(s, 0), 0);
        QCOMPARE(statementAt(s, 9), 0);  // right after the semicolon
        QCOMPARE(statementAt(s, 10), 0); // the blank line after it
        QCOMPARE(statementAt(s, script.indexOf(QLatin1String("select 2"))), 1);
        QCOMPARE(statementAt(s, script.indexOf(QLatin1String("select 2")) + 3), 1);
        QCOMPARE(statementAt(s, script.size()), 2);
        QCOMPARE(statementAt(splitStatements(QStringLiteral("  \n select 1")), 0), 0);
        QCOMPARE(statementAt({}, 0), -1);
    }

    void characterPositionsBecomeQStringIndexes() {
        const QString text = QString::fromUtf8("select '🐘', ü x");
        // PostgreSQL counts the elephant as one character; QString as two units.
        QCOMPARE(indexOfCharacterPosition(text, 1), 0);
        QCOMPARE(indexOfCharacterPosition(text, 9), 8); // the elephant
        QCOMPARE(indexOfCharacterPosition(text, 10), 10);
        QCOMPARE(text.mid(indexOfCharacterPosition(text, 15), 1), QStringLiteral("x"));
        QCOMPARE(indexOfCharacterPosition(text, 0), -1);
        QCOMPARE(indexOfCharacterPosition(text, 16), -1);
    }

    void tokens() {
        QCOMPARE(tokenTypes(QStringLiteral("select a, 'b', \"c\", 1.5e3, $1, $$d$$ -- e")),
                 QStringLiteral("wwosoqonopodc"));
        QCOMPARE(tokenTypes(QStringLiteral("x::int /* c /* n */ */ .5 1.")), QStringLiteral("woowcnn"));
        QCOMPARE(tokenTypes(QStringLiteral("E'\\'' e'x' N'y' U&\"z\" B'1'")), QStringLiteral("sssqs"));
        QCOMPARE(tokenTypes(QStringLiteral("a$1 $ $a b$")), QStringLiteral("wooww"));
        QCOMPARE(tokenTypes(QStringLiteral("1e5 1e+5 1ex")), QStringLiteral("nnnw"));
        QCOMPARE(tokenTypes(QStringLiteral("ünï 🐘")), QStringLiteral("ww"));
        // Token ranges cover the text exactly.
        const QString text = QStringLiteral("select 'it''s' from \"t\"\"x\"");
        SqlLexState state;
        const auto t = tokenizeSql(text, state);
        QCOMPARE(t.size(), 4);
        QCOMPARE(text.mid(t[1].start, t[1].length), QStringLiteral("'it''s'"));
        QCOMPARE(text.mid(t[3].start, t[3].length), QStringLiteral("\"t\"\"x\""));
    }

    // Line by line, as the highlighter lexes: the state carries open constructs to the next line.
    void stateCarriesAcrossLines() {
        SqlLexState state;
        QCOMPARE(tokenTypes(QStringLiteral("select /* a /* b"), state), QStringLiteral("wc"));
        QCOMPARE(state.mode, SqlLexState::Mode::BlockComment);
        QCOMPARE(state.commentDepth, 2);
        QCOMPARE(tokenTypes(QStringLiteral("*/ still */ 1"), state), QStringLiteral("cn"));
        QCOMPARE(state.mode, SqlLexState::Mode::Normal);

        QCOMPARE(tokenTypes(QStringLiteral("do $body$ begin"), state), QStringLiteral("wd"));
        QCOMPARE(state.mode, SqlLexState::Mode::DollarString);
        QCOMPARE(state.dollarTag, QStringLiteral("$body$"));
        QCOMPARE(tokenTypes(QStringLiteral("  raise notice $$x$$;"), state), QStringLiteral("d"));
        QCOMPARE(tokenTypes(QStringLiteral("end $body$; select"), state), QStringLiteral("dow"));
        QCOMPARE(state.mode, SqlLexState::Mode::Normal);

        QCOMPARE(tokenTypes(QStringLiteral("select E'a\\"), state), QStringLiteral("ws"));
        QCOMPARE(state.mode, SqlLexState::Mode::EscapeString);
        QCOMPARE(tokenTypes(QStringLiteral("b' x"), state), QStringLiteral("sw"));
        QCOMPARE(state.mode, SqlLexState::Mode::Normal);

        QCOMPARE(tokenTypes(QStringLiteral("select 'a"), state), QStringLiteral("ws"));
        QCOMPARE(state.mode, SqlLexState::Mode::String);
        QCOMPARE(tokenTypes(QStringLiteral("b'' c' -- x"), state), QStringLiteral("sc"));
        QCOMPARE(state.mode, SqlLexState::Mode::Normal);

        QCOMPARE(tokenTypes(QStringLiteral("select \"a"), state), QStringLiteral("wq"));
        QCOMPARE(tokenTypes(QStringLiteral("b\" 1"), state), QStringLiteral("qn"));
        QCOMPARE(state, SqlLexState());
    }

    // What may change something, by the text: the query tool asks before running it, the agent gateway
    // refuses it in a read-only call before the server sees it.
    void whatMayWrite() {
        const auto writes = [](const char* sql) {
            return statementMayWrite(classifyStatement(QLatin1String(sql)));
        };
        for (const char* sql : {"select 1", "with x as (select 1) select * from x", "values (1)", "table t",
                                "show work_mem", "set work_mem = '1MB'", "reset all", "begin", "rollback",
                                "explain select 1", "fetch 10 from c", "discard all"})
            QVERIFY2(!writes(sql), sql);
        for (const char* sql :
             {"insert into t values (1)", "update t set a = 1", "delete from t",
              "with d as (delete from t returning *) select * from d", "select * from t for update",
              "select 1 into t2", "create table t (a int)", "explain analyze delete from t",
              "EXPLAIN (ANALYSE) update t set a = 1", "truncate t", "copy t from stdin", "do $$ begin end $$",
              "call p()", "vacuum t"})
            QVERIFY2(writes(sql), sql);
    }
};

QTEST_APPLESS_MAIN(TestStatementSplitter)
#include "tst_statementsplitter.moc"
