// SPDX-License-Identifier: GPL-3.0-or-later
// Table designs applied on the server: a new table with every feature and a series of changes to an existing
// one, each checked in the catalog afterwards; the lock each statement is said to take is the one the trace
// sees; a failure halfway (a unique index over duplicates) leaves the table as it was; a busy table is
// reported plainly with the session holding it; a destructive step is refused until confirmed.
#include "scratchschema.h"
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/schema/lockanalysis.h>
#include <pgdesk/core/schema/schemaapply.h>
#include <pgdesk/core/schema/tabledesign.h>
#include <pgdesk/core/server/rowsecurity.h>
#include <pgdesk/core/session/connection.h>

#include <QCoreApplication>
#include <QTest>

using namespace pgdesk::core;
using pgdesk::test::psqlValue;
using Step = DesignChange::Step;

namespace {

DesignChange change(Step step, const QString& column = {}, const QString& text = {}) {
    DesignChange c;
    c.step = step;
    c.column = column;
    c.text = text;
    return c;
}

ColumnSpec column(const QString& name, const QString& type) {
    ColumnSpec c;
    c.name = name;
    c.type = type;
    return c;
}

QSet<int> destructiveSteps(const QList<DesignStatement>& statements) {
    QSet<int> out;
    for (int i = 0; i < statements.size(); ++i)
        if (statements[i].destructive)
            out.insert(i);
    return out;
}

} // namespace

class TestDesignApply final : public QObject {
    Q_OBJECT
    std::optional<pgdesk::test::ScratchSchema> m_scratch;
    QString m_schema;
    Connection m_c;

    QString value(const QString& sql) {
        return psqlValue(QString(sql).replace(QLatin1String("$S"), m_schema));
    }
    QString columnsOf(const QString& table) {
        return value(QStringLiteral(
                         "select string_agg(attname || ':' || format_type(atttypid, atttypmod) || "
                         "case when attnotnull then '!' else '' end, ',' order by attnum) from pg_attribute "
                         "where attrelid = '$S.%1'::regclass and attnum > 0 and not attisdropped")
                         .arg(table));
    }
    TableDesign existing(const QString& table) {
        TableDesign d;
        d.schema = m_schema;
        d.table = table;
        return d;
    }
    SchemaApplyOptions options(const QList<DesignStatement>& statements, const QString& table) {
        SchemaApplyOptions o;
        o.confirmed = destructiveSteps(statements);
        o.table = QStringLiteral("\"%1\".\"%2\"").arg(m_schema, table);
        return o;
    }

private slots:
    void initTestCase() {
        m_schema = QStringLiteral("designapply_%1").arg(QCoreApplication::applicationPid());
        m_scratch.emplace(
            m_schema,
            QStringLiteral("create table $S.customers (id int primary key, name text);"
                           "insert into $S.customers select g, 'c' || g from generate_series(1, 50) g;"
                           "create table $S.orders (id int primary key, customer_id int, total "
                           "numeric(10, 2), legacy text, note varchar(10));"
                           "insert into $S.orders select g, g % 50 + 1, g, 'x', 'n' from "
                           "generate_series(1, 500) g;"
                           "create index orders_note on $S.orders (note);"
                           "create table $S.dups (id int, code text);"
                           "insert into $S.dups values (1, 'a'), (2, 'a');"));
        m_c = Connection::open(pgdesk::test::profile());
    }
    void cleanupTestCase() {
        m_c = {};
        m_scratch.reset();
    }

    void newTableWithEverything() {
        TableDesign d = existing(QStringLiteral("booking \"1\""));
        d.creating = true;
        ColumnSpec id = column(QStringLiteral("id"), QStringLiteral("bigint"));
        id.identity = QStringLiteral("always");
        id.notNull = true;
        ColumnSpec customer = column(QStringLiteral("customer_id"), QStringLiteral("int"));
        ColumnSpec room = column(QStringLiteral("room"), QStringLiteral("int"));
        room.notNull = true;
        ColumnSpec during = column(QStringLiteral("during"), QStringLiteral("int4range"));
        ColumnSpec code = column(QStringLiteral("code"), QStringLiteral("varchar(12)"));
        code.collation = QStringLiteral("C");
        code.defaultExpr = QStringLiteral("'new'");
        code.comment = QStringLiteral("it's */ the code");
        ColumnSpec twice = column(QStringLiteral("twice"), QStringLiteral("int"));
        twice.generated = QStringLiteral("room * 2");
        d.columns = {id, customer, room, during, code, twice};
        ConstraintSpec pk;
        pk.columns = {QStringLiteral("id")};
        ConstraintSpec unique;
        unique.kind = ConstraintSpec::Kind::Unique;
        unique.name = QStringLiteral("booking_code");
        unique.columns = {QStringLiteral("code")};
        ConstraintSpec check;
        check.kind = ConstraintSpec::Kind::Check;
        check.name = QStringLiteral("room_positive");
        check.expression = QStringLiteral("room > 0");
        ConstraintSpec exclusion;
        exclusion.kind = ConstraintSpec::Kind::Exclusion;
        exclusion.expression = QStringLiteral("during WITH &&");
        ConstraintSpec fk;
        fk.kind = ConstraintSpec::Kind::ForeignKey;
        fk.columns = {QStringLiteral("customer_id")};
        fk.refSchema = m_schema;
        fk.refTable = QStringLiteral("customers");
        fk.refColumns = {QStringLiteral("id")};
        fk.onDelete = QStringLiteral("cascade");
        d.constraints = {pk, unique, check, exclusion, fk};
        IndexSpec index;
        index.columns = {QStringLiteral("room")};
        index.include = {QStringLiteral("code")};
        index.predicate = QStringLiteral("room > 10");
        IndexSpec lower;
        lower.expressions = {QStringLiteral("lower(code)")};
        d.indexes = {index, lower};
        d.comment = QStringLiteral("bookings");
        d.owner = pgdesk::test::cluster().user;
        const QList<DesignStatement> statements = designStatements(d, m_c.serverVersion());
        const SchemaApplyResult r = SchemaApplier(m_c).apply(statements, options(statements, d.table));
        QVERIFY(r.committed);
        QVERIFY(r.failure.isEmpty());
        QCOMPARE(
            columnsOf(QStringLiteral("\"booking \"\"1\"\"\"")),
            QStringLiteral("id:bigint!,customer_id:integer,room:integer!,during:int4range,code:character "
                           "varying(12),twice:integer"));
        QCOMPARE(
            value(QStringLiteral("select string_agg(contype::text, '' order by contype) from pg_constraint "
                                 "where conrelid = '$S.\"booking \"\"1\"\"\"'::regclass")),
            QStringLiteral("cfpux"));
        QCOMPARE(
            value(QStringLiteral("select count(*) from pg_index where indrelid = '$S.\"booking \"\"1\"\"\"'"
                                 "::regclass")),
            QStringLiteral("5")); // pkey, unique, exclusion, two of ours
        QCOMPARE(value(QStringLiteral("select col_description('$S.\"booking \"\"1\"\"\"'::regclass, 5)")),
                 QStringLiteral("it's */ the code"));
        QCOMPARE(value(QStringLiteral(
                     "select string_agg(attidentity::text || '/' || attgenerated::text, ',' order by attnum) "
                     "from pg_attribute where attrelid = '$S.\"booking \"\"1\"\"\"'::regclass and "
                     "attname in ('id', 'twice')")),
                 QStringLiteral("a/,/s"));
    }

    void changesToAnExistingTable() {
        TableDesign d = existing(QStringLiteral("orders"));
        ColumnSpec status = column(QStringLiteral("status"), QStringLiteral("text"));
        status.defaultExpr = QStringLiteral("'open'");
        status.notNull = true;
        d.changes << DesignChange{Step::AddColumn, {}, {}, {}, status, {}, {}, {}};
        d.changes << change(Step::SetNotNull, QStringLiteral("customer_id"));
        d.changes << change(Step::SetType, QStringLiteral("note"), QStringLiteral("varchar(40)"));
        d.changes << change(Step::SetDefault, QStringLiteral("total"), QStringLiteral("0"));
        d.changes << change(Step::DropColumn, QStringLiteral("legacy"));
        d.changes << change(Step::SetColumnComment, QStringLiteral("total"), QStringLiteral("in €"));
        DesignChange fk = change(Step::AddConstraint);
        fk.constraint.kind = ConstraintSpec::Kind::ForeignKey;
        fk.constraint.columns = {QStringLiteral("customer_id")};
        fk.constraint.refSchema = m_schema;
        fk.constraint.refTable = QStringLiteral("customers");
        d.changes << fk;
        DesignChange index = change(Step::AddIndex);
        index.index.name = QStringLiteral("orders_customer");
        index.index.columns = {QStringLiteral("customer_id")};
        d.changes << index;
        d.changes << change(Step::DropIndex, {}, QStringLiteral("orders_note"));
        d.changes << change(Step::RenameColumn, QStringLiteral("customer_id"), QStringLiteral("buyer_id"));
        const QList<DesignStatement> statements = designStatements(d, m_c.serverVersion());

        // The lock each transaction statement is said to take is the one it takes.
        QString script;
        for (const DesignStatement& s : statements)
            if (s.phase == DesignStatement::Phase::Transaction)
                script += s.sql + QStringLiteral(";\n");
        for (const StatementLocks& s : LockAnalyzer(m_c).trace(script)) {
            QVERIFY2(s.recognized && s.traced, qPrintable(s.sql + QStringLiteral(": ") + s.traceNote));
            QVERIFY2(s.disagreements.isEmpty(),
                     qPrintable(s.sql + QStringLiteral(": ") + s.disagreements.join(u' ')));
        }
        QCOMPARE(columnsOf(QStringLiteral("orders")),
                 QStringLiteral("id:integer!,customer_id:integer,total:numeric(10,2),"
                                "legacy:text,note:character varying(10)"));

        // Unconfirmed, the drop is refused before anything is sent.
        SchemaApplyOptions unconfirmed = options(statements, d.table);
        unconfirmed.confirmed.clear();
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, SchemaApplier(m_c).apply(statements, unconfirmed));
        QVERIFY(m_c.isIdle());
        const SchemaApplyResult r = SchemaApplier(m_c).apply(statements, options(statements, d.table));
        QVERIFY2(r.failure.isEmpty(), qPrintable(r.failure));
        for (const SchemaStepOutcome& step : r.steps)
            QVERIFY(step.done);
        QCOMPARE(
            columnsOf(QStringLiteral("orders")),
            QStringLiteral("id:integer!,buyer_id:integer!,total:numeric(10,2),note:character varying(40),"
                           "status:text!"));
        QCOMPARE(value(QStringLiteral(
                     "select string_agg(conname || ':' || convalidated, ',' order by conname) from "
                     "pg_constraint where conrelid = '$S.orders'::regclass and contype <> 'p'")),
                 QStringLiteral("orders_customer_id_fkey:true"));
        QCOMPARE(value(QStringLiteral("select string_agg(indexrelid::regclass::text, ',' order by "
                                      "indexrelid::regclass::text) from pg_index "
                                      "where indrelid = '$S.orders'::regclass and indisvalid")),
                 m_schema + QStringLiteral(".orders_customer,") + m_schema + QStringLiteral(".orders_pkey"));
        QCOMPARE(value(QStringLiteral("select pg_get_expr(adbin, adrelid) from pg_attrdef where adrelid = "
                                      "'$S.orders'::regclass and adnum = 3")),
                 QStringLiteral("0"));
        QCOMPARE(value(QStringLiteral("select col_description('$S.orders'::regclass, 3)")),
                 QStringLiteral("in €"));
    }

    // A unique index over duplicate rows fails the transaction: the column added before it is not there.
    void failureHalfwayChangesNothing() {
        TableDesign d = existing(QStringLiteral("dups"));
        d.changes << DesignChange{
            Step::AddColumn, {}, {}, {}, column(QStringLiteral("extra"), QStringLiteral("int")), {}, {}, {}};
        DesignChange index = change(Step::AddIndex);
        index.index.unique = true;
        index.index.concurrently = false;
        index.index.columns = {QStringLiteral("code")};
        d.changes << index;
        const QList<DesignStatement> statements = designStatements(d);
        try {
            SchemaApplier(m_c).apply(statements, options(statements, d.table));
            QFAIL("a unique index over duplicates was built");
        } catch (const Error& e) {
            QCOMPARE(e.sqlState(), QStringLiteral("23505"));
        }
        QVERIFY(m_c.isIdle());
        QCOMPARE(columnsOf(QStringLiteral("dups")), QStringLiteral("id:integer,code:text"));
    }

    // Row security staged and applied: switches, a policy created for a hostile role, another altered and
    // renamed, a third dropped; the catalog shows exactly the design, tableRowSecurity reads it back, and
    // the locks said are the locks taken.
    void rowSecurityOnTheServer() {
        const QString role = QStringLiteral("design \"r\" %1").arg(QCoreApplication::applicationPid());
        m_c.exec(QStringLiteral("CREATE ROLE %1").arg(m_c.quoteIdentifier(role)));
        m_c.exec(QStringLiteral("CREATE POLICY old ON %1.customers USING (id > 0);"
                                "CREATE POLICY gone ON %1.customers FOR DELETE USING (true)")
                     .arg(m_schema));
        TableDesign d = existing(QStringLiteral("customers"));
        d.changes << change(Step::EnableRowSecurity) << change(Step::ForceRowSecurity);
        DesignChange create = change(Step::CreatePolicy);
        create.policy = RowPolicy{QStringLiteral("tenant's"),
                                  false,
                                  {role},
                                  QStringLiteral("UPDATE"),
                                  QStringLiteral("name <> 'x;y'"),
                                  QStringLiteral("id < 1000")};
        DesignChange alter = change(Step::AlterPolicy, {}, QStringLiteral("old"));
        alter.policy = RowPolicy{QStringLiteral("Renamed"), true, {role}, QStringLiteral("ALL"),
                                 QStringLiteral("id > 10"), {}};
        d.changes << create << alter << change(Step::DropPolicy, {}, QStringLiteral("gone"));
        const QList<DesignStatement> statements = designStatements(d, m_c.serverVersion());
        QString script;
        for (const DesignStatement& s : statements)
            script += s.sql + QStringLiteral(";\n");
        for (const StatementLocks& s : LockAnalyzer(m_c).trace(script)) {
            QVERIFY2(s.recognized && s.traced, qPrintable(s.sql + QStringLiteral(": ") + s.traceNote));
            QVERIFY2(s.disagreements.isEmpty(),
                     qPrintable(s.sql + QStringLiteral(": ") + s.disagreements.join(u' ')));
        }
        const SchemaApplyResult r = SchemaApplier(m_c).apply(statements, options(statements, d.table));
        QVERIFY2(r.failure.isEmpty(), qPrintable(r.failure));
        const TableRowSecurity read = tableRowSecurity(m_c, m_schema, QStringLiteral("customers"));
        QVERIFY(read.enabled);
        QVERIFY(read.forced);
        QCOMPARE(read.policies.size(), 2);
        QCOMPARE(read.policies[0], (RowPolicy{QStringLiteral("Renamed"),
                                              true,
                                              {role},
                                              QStringLiteral("ALL"),
                                              QStringLiteral("(id > 10)"),
                                              {}}));
        QCOMPARE(read.policies[1], (RowPolicy{QStringLiteral("tenant's"),
                                              false,
                                              {role},
                                              QStringLiteral("UPDATE"),
                                              QStringLiteral("(name <> 'x;y'::text)"),
                                              QStringLiteral("(id < 1000)")}));
        QVERIFY_THROWS_EXCEPTION(Error, tableRowSecurity(m_c, m_schema, QStringLiteral("nothing")));
        m_c.exec(
            QStringLiteral("DROP POLICY \"Renamed\" ON %1.customers; DROP POLICY \"tenant's\" ON "
                           "%1.customers; ALTER TABLE %1.customers DISABLE ROW LEVEL SECURITY; DROP ROLE %2")
                .arg(m_schema, m_c.quoteIdentifier(role)));
    }

    // Another session reading the table in an open transaction: the change waits only lock_timeout, then
    // says the table is busy and who holds it; nothing changed.
    void busyTableIsReportedPlainly() {
        Connection reader = Connection::open(pgdesk::test::profile());
        reader.exec(QStringLiteral("begin"));
        reader.exec(QStringLiteral("select count(*) from %1.dups").arg(m_schema));
        TableDesign d = existing(QStringLiteral("dups"));
        d.changes << change(Step::RenameColumn, QStringLiteral("code"), QStringLiteral("label"));
        const QList<DesignStatement> statements = designStatements(d);
        SchemaApplyOptions o = options(statements, d.table);
        o.lockTimeoutMs = 300;
        try {
            SchemaApplier(m_c).apply(statements, o);
            QFAIL("the change went through a held lock");
        } catch (const Error& e) {
            const QString message = QString::fromUtf8(e.what());
            QVERIFY2(message.contains(QStringLiteral("The table is busy")), qPrintable(message));
            QVERIFY2(message.contains(QStringLiteral("PID %1").arg(reader.backendPid())),
                     qPrintable(message));
            QCOMPARE(e.sqlState(), QStringLiteral("55P03"));
        }
        reader.exec(QStringLiteral("rollback"));
        QCOMPARE(columnsOf(QStringLiteral("dups")), QStringLiteral("id:integer,code:text"));
    }
};

QTEST_GUILESS_MAIN(TestDesignApply)
#include "tst_designapply.moc"
