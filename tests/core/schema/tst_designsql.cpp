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

    void rowSecurityAndPolicies() {
        TableDesign created;
        created.schema = QStringLiteral("s");
        created.table = QStringLiteral("t");
        created.creating = true;
        ColumnSpec k;
        k.name = QStringLiteral("owner");
        k.type = QStringLiteral("text");
        created.columns << k;
        created.rowSecurity = true;
        created.forceRowSecurity = true;
        created.policies << RowPolicy{QStringLiteral("own \"rows\""),
                                      false,
                                      {QStringLiteral("ro\"le"), QStringLiteral("Current_User")},
                                      QStringLiteral("select"),
                                      QStringLiteral("owner = current_user"),
                                      {}};
        QCOMPARE(sqlOf(designStatements(created)).mid(1),
                 QStringList(
                     {QStringLiteral("ALTER TABLE \"s\".\"t\" ENABLE ROW LEVEL SECURITY"),
                      QStringLiteral("ALTER TABLE \"s\".\"t\" FORCE ROW LEVEL SECURITY"),
                      QStringLiteral("CREATE POLICY \"own \"\"rows\"\"\" ON \"s\".\"t\" AS RESTRICTIVE FOR "
                                     "SELECT TO \"ro\"\"le\", CURRENT_USER USING (owner = current_user)")}));

        TableDesign d;
        d.schema = QStringLiteral("s");
        d.table = QStringLiteral("t");
        d.changes << change(Step::EnableRowSecurity) << change(Step::NoForceRowSecurity);
        DesignChange create = change(Step::CreatePolicy);
        create.policy = RowPolicy{QStringLiteral("ins"),    true, {},
                                  QStringLiteral("INSERT"), {},   QStringLiteral("owner = current_user")};
        DesignChange alter = change(Step::AlterPolicy, {}, QStringLiteral("old"));
        alter.policy = RowPolicy{
            QStringLiteral("new"),  true, {QStringLiteral("current_user")}, QStringLiteral("UPDATE"),
            QStringLiteral("true"), {}};
        d.changes << create << alter << change(Step::DropPolicy, {}, QStringLiteral("gone;"))
                  << change(Step::DisableRowSecurity);
        const QList<DesignStatement> s = designStatements(d);
        QCOMPARE(
            sqlOf(s),
            QStringList({QStringLiteral("ALTER TABLE \"s\".\"t\" ENABLE ROW LEVEL SECURITY"),
                         QStringLiteral("ALTER TABLE \"s\".\"t\" NO FORCE ROW LEVEL SECURITY"),
                         QStringLiteral("CREATE POLICY \"ins\" ON \"s\".\"t\" AS PERMISSIVE FOR INSERT TO "
                                        "PUBLIC WITH CHECK (owner = current_user)"),
                         QStringLiteral("ALTER POLICY \"old\" ON \"s\".\"t\" TO CURRENT_USER USING (true)"),
                         QStringLiteral("ALTER POLICY \"old\" ON \"s\".\"t\" RENAME TO \"new\""),
                         QStringLiteral("DROP POLICY \"gone;\" ON \"s\".\"t\""),
                         QStringLiteral("ALTER TABLE \"s\".\"t\" DISABLE ROW LEVEL SECURITY")}));
        for (const DesignStatement& st : s) {
            QCOMPARE(st.phase, Phase::Transaction);
            QVERIFY(!st.description.isEmpty());
        }

        // A clause the command has none of, a fragment leaving its parentheses, an unknown command, no name.
        const auto refused = [](RowPolicy p) {
            QVERIFY_THROWS_EXCEPTION(ConfigurationError, createPolicySql(p, QStringLiteral("t")));
        };
        refused({QStringLiteral("p"), true, {}, QStringLiteral("INSERT"), QStringLiteral("true"), {}});
        refused({QStringLiteral("p"), true, {}, QStringLiteral("SELECT"), {}, QStringLiteral("true")});
        refused({QStringLiteral("p"), true, {}, QStringLiteral("DELETE"), {}, QStringLiteral("true")});
        refused({QStringLiteral("p"),
                 true,
                 {},
                 QStringLiteral("ALL"),
                 QStringLiteral("true) TO x USING (true"),
                 {}});
        refused(
            {QStringLiteral("p"), true, {}, QStringLiteral("ALL"), QStringLiteral("true; drop table t"), {}});
        refused({QStringLiteral("p"), true, {}, QStringLiteral("TRUNCATE"), {}, {}});
        refused({QString(), true, {}, QStringLiteral("ALL"), {}, {}});
        refused({QStringLiteral("p"), true, {QString()}, QStringLiteral("ALL"), {}, {}});
        refused({QStringLiteral("p"),
                 true,
                 {QStringLiteral("a"), QStringLiteral("PUBLIC")},
                 QStringLiteral("ALL"),
                 {},
                 {}});
    }

    void policyFromText() {
        const RowPolicy p = pgdesk::core::policyFromText(
            QStringLiteral("\"Tenant \"\"A\"\"\" as restrictive for update to \"Ops\", web, Current_User "
                           "using (tenant = (select t from f(')'))) with check (x > 0)"));
        QCOMPARE(p.name, QStringLiteral("Tenant \"A\""));
        QVERIFY(!p.permissive);
        QCOMPARE(p.command, QStringLiteral("UPDATE"));
        QCOMPARE(p.roles,
                 QStringList({QStringLiteral("Ops"), QStringLiteral("web"), QStringLiteral("current_user")}));
        QCOMPARE(p.usingExpr, QStringLiteral("tenant = (select t from f(')'))"));
        QCOMPARE(p.checkExpr, QStringLiteral("x > 0"));
        const RowPolicy plain = pgdesk::core::policyFromText(QStringLiteral("Mine"));
        QCOMPARE(plain.name, QStringLiteral("mine"));
        QVERIFY(plain.permissive);
        QCOMPARE(plain.command, QStringLiteral("ALL"));
        QVERIFY(plain.roles.isEmpty());
        for (const char* bad : {"", "p using true", "p using (true", "p for insert using (true)", "p to",
                                "p with check (1) extra", "p; drop table t"})
            QVERIFY_THROWS_EXCEPTION(ConfigurationError,
                                     pgdesk::core::policyFromText(QString::fromUtf8(bad)));
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
        d.rowSecurity = true;
        d.policies << RowPolicy{QStringLiteral("p"),     false,
                                {QStringLiteral("r")},   QStringLiteral("UPDATE"),
                                QStringLiteral("k > 0"), QStringLiteral("k < 9")};
        DesignChange alter = change(Step::AlterPolicy, {}, QStringLiteral("q"));
        alter.policy = d.policies.first();
        d.changes << alter << change(Step::DropPolicy, {}, QStringLiteral("z"));
        QCOMPARE(designFromJson(designToJson(d)), d);
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, designFromJson(QJsonObject{}));
    }
};

QTEST_GUILESS_MAIN(TestDesignSql)
#include "tst_designsql.moc"
