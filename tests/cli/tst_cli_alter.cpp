// SPDX-License-Identifier: GPL-3.0-or-later
// pgdesk-cli alter, grant and revoke: --dry-run prints the statements with their locks and changes nothing;
// applied, the catalog shows the change (NOT NULL through a validated check, the index built concurrently);
// a busy table exits 4 naming its holder; production needs --allow-write (exit 9).
#include "clirunner.h"
#include "scratchschema.h"

#include <pgdesk/core/session/connection.h>

#include <QJsonArray>
#include <QJsonDocument>

#include <optional>

using namespace pgdesk::test;

namespace {

const QString kSchema = QStringLiteral("tst_cli_alter");

QStringList withDsn(const QStringList& args) {
    return QStringList{QStringLiteral("--dsn"), conninfo()} + args;
}

QString columns() {
    return psqlValue(
        QStringLiteral("select string_agg(attname || case when attnotnull then '!' else '' end, ',' "
                       "order by attnum) from pg_attribute where attrelid = '%1.t'::regclass and attnum "
                       "> 0 and not attisdropped")
            .arg(kSchema));
}

} // namespace

class TestCliAlter final : public QObject {
    Q_OBJECT
    std::optional<ScratchSchema> m_schema;
    QString m_role;

private slots:
    void initTestCase() {
        m_role = QStringLiteral("tst_cli_alter_%1").arg(QCoreApplication::applicationPid());
        m_schema.emplace(kSchema,
                         QStringLiteral("create table $S.t (id int primary key, v text, old text);"
                                        "insert into $S.t select g, 'a', 'o' from generate_series(1, 100) g;"
                                        "create role ") +
                             m_role + QLatin1Char(';'));
        const CliRun r = addProductionProfile();
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
    void cleanupTestCase() {
        m_schema.reset();
        psql(QStringLiteral("drop role if exists ") + m_role);
    }

    void dryRunChangesNothing() {
        const CliRun r = runCli(
            withDsn({QStringLiteral("alter"), kSchema + QStringLiteral(".t"), QStringLiteral("--add-column"),
                     QStringLiteral("score float8 default random()"), QStringLiteral("--set-not-null"),
                     QStringLiteral("v"), QStringLiteral("--dry-run")}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("ADD COLUMN \"score\" float8 DEFAULT random()")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("AccessExclusiveLock on %1.t; rewrites %1.t").arg(kSchema)),
                 qPrintable(r.out));
        QVERIFY2(
            r.out.contains(QStringLiteral("SET NOT NULL;\n   AccessExclusiveLock on %1.t; after the commit")
                               .arg(kSchema)),
            qPrintable(r.out));
        QCOMPARE(columns(), QStringLiteral("id!,v,old"));
    }

    void applied() {
        const CliRun r = runCli(
            withDsn({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("alter"),
                     kSchema + QStringLiteral(".t"), QStringLiteral("--add-column"),
                     QStringLiteral("status text default 'new' not null"), QStringLiteral("--set-not-null"),
                     QStringLiteral("v"), QStringLiteral("--add-index"), QStringLiteral("v,status"),
                     QStringLiteral("--drop-column"), QStringLiteral("old")}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("drop column old")), qPrintable(r.err));
        const QJsonArray steps = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(steps.size(), 7);
        for (const QJsonValue& s : steps)
            QVERIFY2(s.toObject().value(QStringLiteral("done")).toBool(), qPrintable(r.out));
        QCOMPARE(steps.last().toObject().value(QStringLiteral("phase")).toString(),
                 QStringLiteral("outside"));
        QCOMPARE(columns(), QStringLiteral("id!,v!,status!"));
        QCOMPARE(
            psqlValue(QStringLiteral("select count(*) from pg_index where indrelid = '%1.t'::regclass and "
                                     "indisvalid")
                          .arg(kSchema)),
            QStringLiteral("2"));
        QCOMPARE(psqlValue(QStringLiteral(
                               "select count(*) from pg_constraint where conrelid = '%1.t'::regclass and "
                               "contype = 'c'")
                               .arg(kSchema)),
                 QStringLiteral("0")); // the helper check is gone
    }

    void busyTableExits4() {
        auto reader = pgdesk::core::Connection::open(profile());
        reader.exec(QStringLiteral("begin"));
        reader.exec(QStringLiteral("select count(*) from %1.t").arg(kSchema));
        const CliRun r = runCli(
            withDsn({QStringLiteral("alter"), kSchema + QStringLiteral(".t"), QStringLiteral("--comment"),
                     QStringLiteral("busy"), QStringLiteral("--rename-column"), QStringLiteral("v=w"),
                     QStringLiteral("--lock-timeout"), QStringLiteral("300")}));
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(QStringLiteral("The table is busy")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("PID %1").arg(reader.backendPid())), qPrintable(r.err));
        reader.exec(QStringLiteral("rollback"));
        QCOMPARE(columns(), QStringLiteral("id!,v!,status!"));
    }

    // Row security from the command line: switched on with a policy for a role and a restrictive one, shown
    // with their lock by --dry-run, then a policy dropped; a policy the server would refuse exits 2 unsent.
    void rowSecurity() {
        const QString table = kSchema + QStringLiteral(".t");
        const QStringList change{QStringLiteral("alter"),
                                 table,
                                 QStringLiteral("--enable-rls"),
                                 QStringLiteral("--add-policy"),
                                 QStringLiteral("\"mine; too\" for update to ") + m_role +
                                     QStringLiteral(" using (v <> ';') with check (id > 0)"),
                                 QStringLiteral("--add-policy"),
                                 QStringLiteral("Limit as restrictive for select using (id < 50)")};
        const auto policies = [&] {
            return psqlValue(
                QStringLiteral("select coalesce(string_agg(policyname || ':' || permissive || ':' || "
                               "cmd || ':' || array_to_string(roles, ','), ' ' order by "
                               "policyname), '') || '/' || relrowsecurity from pg_class c left "
                               "join pg_policies p on p.schemaname = '%1' and p.tablename = "
                               "c.relname where c.oid = '%1.t'::regclass group by relrowsecurity")
                    .arg(kSchema));
        };
        CliRun r = runCli(withDsn(change + QStringList{QStringLiteral("--dry-run")}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(
            r.out.contains(QStringLiteral("CREATE POLICY \"mine; too\" ON \"%1\".\"t\" AS PERMISSIVE FOR "
                                          "UPDATE TO \"%2\" USING (v <> ';') WITH CHECK (id > 0);\n"
                                          "   AccessExclusiveLock on %1.t")
                               .arg(kSchema, m_role)),
            qPrintable(r.out));
        QCOMPARE(policies(), QStringLiteral("/false"));
        r = runCli(withDsn(change));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(policies(),
                 QStringLiteral("limit:RESTRICTIVE:SELECT:public mine; too:PERMISSIVE:UPDATE:%1/true")
                     .arg(m_role));
        r = runCli(withDsn({QStringLiteral("alter"), table, QStringLiteral("--drop-policy"),
                            QStringLiteral("limit"), QStringLiteral("--drop-policy"),
                            QStringLiteral("mine; too"), QStringLiteral("--disable-rls")}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(policies(), QStringLiteral("/false"));
        for (const char* bad : {"p for insert using (true)", "p using (true)) or (true", "p to public, x"}) {
            r = runCli(withDsn(
                {QStringLiteral("alter"), table, QStringLiteral("--add-policy"), QString::fromUtf8(bad)}));
            QCOMPARE(r.exitCode, 2);
        }
        QCOMPARE(policies(), QStringLiteral("/false"));
    }

    void grantAndRevoke() {
        const QString table = kSchema + QStringLiteral(".t");
        CliRun r = runCli(withDsn({QStringLiteral("grant"), QStringLiteral("select,update"),
                                   QStringLiteral("on"), table, QStringLiteral("to"), m_role}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(
            r.out,
            QStringLiteral("GRANT SELECT, UPDATE ON TABLE \"%1\".\"t\" TO \"%2\";\n").arg(kSchema, m_role));
        const auto has = [&](const char* privilege) {
            return psqlValue(QStringLiteral("select has_table_privilege('%1', '%2', '%3')")
                                 .arg(m_role, table, QLatin1String(privilege)));
        };
        QCOMPARE(has("SELECT"), QStringLiteral("t"));
        QCOMPARE(has("UPDATE"), QStringLiteral("t"));
        r = runCli(withDsn({QStringLiteral("revoke"), QStringLiteral("update"), QStringLiteral("on"),
                            QStringLiteral("table"), table, QStringLiteral("from"), m_role}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(has("UPDATE"), QStringLiteral("f"));
        QCOMPARE(has("SELECT"), QStringLiteral("t"));
        r = runCli(withDsn({QStringLiteral("grant"), QStringLiteral("usage"), QStringLiteral("on"),
                            QStringLiteral("schema"), kSchema, QStringLiteral("to"), m_role,
                            QStringLiteral("--dry-run")}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(psqlValue(
                     QStringLiteral("select has_schema_privilege('%1', '%2', 'USAGE')").arg(m_role, kSchema)),
                 QStringLiteral("f"));
        // Production: refused without --allow-write, nothing granted.
        r = runCli({QStringLiteral("--profile"), QStringLiteral("prod"), QStringLiteral("grant"),
                    QStringLiteral("delete"), QStringLiteral("on"), table, QStringLiteral("to"), m_role});
        QCOMPARE(r.exitCode, 9);
        QCOMPARE(has("DELETE"), QStringLiteral("f"));
        r = runCli({QStringLiteral("--profile"), QStringLiteral("prod"), QStringLiteral("alter"), table,
                    QStringLiteral("--comment"), QStringLiteral("x")});
        QCOMPARE(r.exitCode, 9);
        QCOMPARE(runCli(withDsn({QStringLiteral("grant"), QStringLiteral("frob"), QStringLiteral("on"), table,
                                 QStringLiteral("to"), m_role}))
                     .exitCode,
                 2);
    }
};

QTEST_GUILESS_MAIN(TestCliAlter)
#include "tst_cli_alter.moc"
