// SPDX-License-Identifier: GPL-3.0-or-later
// A table design as DDL, with no server: every name quoted, comments as literals, fragments that could end
// their clause refused, NOT NULL and constraints through the safe patterns, the slow steps after the
// commit, destructive steps marked, and the design's JSON read back equal.
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/schema/tabledesign.h>

#include <QTest>

using namespace pgdesk::core;
using Phase = DesignStatement::Phase;
using Step = DesignChange::Step;

namespace {

DesignChange change(Step step, const QString& column = {}, const QString& text = {}) {
    DesignChange c;
    c.step = step;
    c.column = column;
    c.text = text;
    return c;
}

QStringList sqlOf(const QList<DesignStatement>& statements) {
    QStringList out;
    for (const DesignStatement& s : statements)
        out << s.sql;
    return out;
}

} // namespace

class TestDesignSql final : public QObject {
    Q_OBJECT

private slots:
    void newTableQuotesEverything() {
        TableDesign d;
        d.schema = QStringLiteral("s\"x");
        d.table = QStringLiteral("t;drop");
        d.creating = true;
        ColumnSpec id;
        id.name = QStringLiteral("id");
        id.type = QStringLiteral("bigint");
        id.identity = QStringLiteral("always");
        id.notNull = true;
        ColumnSpec note;
        note.name = QStringLiteral("no\nte");
        note.type = QStringLiteral("varchar(20)");
        note.defaultExpr = QStringLiteral("'it''s'");
        note.collation = QStringLiteral("C");
        note.comment = QStringLiteral("it's */ here");
        d.columns = {id, note};
        ConstraintSpec pk;
        pk.columns = {QStringLiteral("id")};
        d.constraints = {pk};
        d.comment = QStringLiteral("a 'quoted' table");
        d.owner = QStringLiteral("o\"wner");
        const QList<DesignStatement> s = designStatements(d);
        QCOMPARE(s.size(), 4);
        QCOMPARE(s[0].sql, QStringLiteral("CREATE TABLE \"s\"\"x\".\"t;drop\" (\n"
                                          "    \"id\" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,\n"
                                          "    \"no\nte\" varchar(20) COLLATE \"C\" DEFAULT 'it''s',\n"
                                          "    PRIMARY KEY (\"id\")\n)"));
        QCOMPARE(s[1].sql, QStringLiteral("COMMENT ON TABLE \"s\"\"x\".\"t;drop\" IS 'a ''quoted'' table'"));
        QCOMPARE(s[2].sql,
                 QStringLiteral("COMMENT ON COLUMN \"s\"\"x\".\"t;drop\".\"no\nte\" IS 'it''s */ here'"));
        QCOMPARE(s[3].sql, QStringLiteral("ALTER TABLE \"s\"\"x\".\"t;drop\" OWNER TO \"o\"\"wner\""));
        for (const DesignStatement& st : s)
            QCOMPARE(st.phase, Phase::Transaction);
    }

    void fragmentsThatEscapeTheirClauseAreRefused() {
        const QStringList bad{QStringLiteral("1; drop table x"),
                              QStringLiteral("1, drop column x"),
                              QStringLiteral("1) , (2"),
                              QStringLiteral("'open"),
                              QStringLiteral("1 -- rest"),
                              QStringLiteral("1 /* c */"),
                              QStringLiteral("$$x"),
                              QStringLiteral("(1")};
        for (const QString& f : bad)
            QVERIFY_THROWS_EXCEPTION(ConfigurationError, checkSqlFragment(f, QStringLiteral("default")));
        checkSqlFragment(QStringLiteral("numeric(12, 2)"), QStringLiteral("type"));
        checkSqlFragment(QStringLiteral("';,--'"), QStringLiteral("default"));
        checkSqlFragment(QStringLiteral("room WITH =, during WITH &&"), QStringLiteral("exclusion"), true);
        TableDesign d;
        d.table = QStringLiteral("t");
        DesignChange c = change(Step::SetDefault, QStringLiteral("a"), QStringLiteral("1, drop column b"));
        d.changes = {c};
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, designStatements(d));
        QVERIFY_THROWS_EXCEPTION(DataError, stringLiteral(QStringLiteral("a") + QChar(0)));
    }

    void changesUseTheSafePatterns() {
        TableDesign d;
        d.schema = QStringLiteral("public");
        d.table = QStringLiteral("orders");
        d.changes << change(Step::SetNotNull, QStringLiteral("customer_id"));
        DesignChange fk = change(Step::AddConstraint);
        fk.constraint.kind = ConstraintSpec::Kind::ForeignKey;
        fk.constraint.columns = {QStringLiteral("customer_id")};
        fk.constraint.refTable = QStringLiteral("customers");
        fk.constraint.onDelete = QStringLiteral("set null");
        d.changes << fk;
        DesignChange index = change(Step::AddIndex);
        index.index.columns = {QStringLiteral("customer_id")};
        index.index.include = {QStringLiteral("total")};
        index.index.predicate = QStringLiteral("total > 0");
        d.changes << index;
        d.changes << change(Step::DropColumn, QStringLiteral("legacy"));
        d.changes << change(Step::RenameTable, {}, QStringLiteral("purchases"));
        d.changes << change(Step::RenameColumn, QStringLiteral("customer_id"), QStringLiteral("buyer_id"));
        d.changes << change(Step::SetColumnComment, QStringLiteral("total"), QString());
        const QList<DesignStatement> s = designStatements(d);
        QCOMPARE(
            sqlOf(s),
            (QStringList{
                "ALTER TABLE \"public\".\"orders\" ADD CONSTRAINT \"orders_customer_id_not_null\" CHECK "
                "(\"customer_id\" IS NOT NULL) NOT VALID",
                "ALTER TABLE \"public\".\"orders\" ADD CONSTRAINT \"orders_customer_id_fkey\" FOREIGN KEY "
                "(\"customer_id\") REFERENCES \"customers\" ON DELETE SET NULL NOT VALID",
                "ALTER TABLE \"public\".\"orders\" DROP COLUMN \"legacy\"",
                "ALTER TABLE \"public\".\"orders\" RENAME TO \"purchases\"",
                "ALTER TABLE \"public\".\"purchases\" RENAME COLUMN \"customer_id\" TO \"buyer_id\"",
                "COMMENT ON COLUMN \"public\".\"purchases\".\"total\" IS NULL",
                // After the commit, with the names the transaction left.
                "ALTER TABLE \"public\".\"purchases\" VALIDATE CONSTRAINT \"orders_customer_id_not_null\"",
                "ALTER TABLE \"public\".\"purchases\" ALTER COLUMN \"buyer_id\" SET NOT NULL",
                "ALTER TABLE \"public\".\"purchases\" DROP CONSTRAINT \"orders_customer_id_not_null\"",
                "ALTER TABLE \"public\".\"purchases\" VALIDATE CONSTRAINT \"orders_customer_id_fkey\"",
                "CREATE INDEX CONCURRENTLY ON \"public\".\"purchases\" USING \"btree\" (\"buyer_id\") "
                "INCLUDE (\"total\") WHERE total > 0",
            }));
        QVERIFY(s[2].destructive);
        QCOMPARE(s[6].phase, Phase::After);
        QCOMPARE(s[10].phase, Phase::Outside);
        // Before 12, SET NOT NULL cannot use a check: it is written plainly.
        TableDesign old;
        old.table = QStringLiteral("t");
        old.changes << change(Step::SetNotNull, QStringLiteral("a"));
        QCOMPARE(sqlOf(designStatements(old, 110000)),
                 QStringList{QStringLiteral("ALTER TABLE \"t\" ALTER COLUMN \"a\" SET NOT NULL")});
    }

    void columnFromText() {
        ColumnSpec c = columnSpecFromText(QStringLiteral("Email varchar(200) default 'a b' not null"));
        QCOMPARE(c.name, QStringLiteral("email"));
        QCOMPARE(c.type, QStringLiteral("varchar(200)"));
        QCOMPARE(c.defaultExpr, QStringLiteral("'a b'"));
        QVERIFY(c.notNull);
        c = columnSpecFromText(
            QStringLiteral("\"Total €\" numeric(12, 2) collate \"C\" default round(1.5, 0)"));
        QCOMPARE(c.name, QStringLiteral("Total €"));
        QCOMPARE(c.type, QStringLiteral("numeric(12, 2)"));
        QCOMPARE(c.collation, QStringLiteral("C"));
        QCOMPARE(c.defaultExpr, QStringLiteral("round(1.5, 0)"));
        QCOMPARE(columnSpecFromText(QStringLiteral("at timestamp with time zone")).type,
                 QStringLiteral("timestamp with time zone"));
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, columnSpecFromText(QStringLiteral("x")));
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, columnSpecFromText(QStringLiteral("x int primary key")));
        QVERIFY_THROWS_EXCEPTION(ConfigurationError,
                                 columnSpecFromText(QStringLiteral("x int default 1; drop")));
    }

    void jsonRoundTrip() {
        TableDesign d;
        d.schema = QStringLiteral("s");
        d.table = QStringLiteral("t");
        d.creating = true;
        ColumnSpec c;
        c.name = QStringLiteral("k");
        c.type = QStringLiteral("int");
        c.generated = QStringLiteral("1 + 1");
        d.columns << c;
        ConstraintSpec x;
        x.kind = ConstraintSpec::Kind::Exclusion;
        x.expression = QStringLiteral("r WITH &&");
        x.validateSeparately = false;
        d.constraints << x;
        IndexSpec i;
        i.expressions = {QStringLiteral("lower(k::text)")};
        i.concurrently = false;
        d.indexes << i;
        d.partitionBy = QStringLiteral("range (k)");
        DesignChange ch = change(Step::SetType, QStringLiteral("k"), QStringLiteral("bigint"));
        ch.extra = QStringLiteral("k::bigint");
        d.changes << ch;
        QCOMPARE(designFromJson(designToJson(d)), d);
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, designFromJson(QJsonObject{}));
    }
};

QTEST_GUILESS_MAIN(TestDesignSql)
#include "tst_designsql.moc"
