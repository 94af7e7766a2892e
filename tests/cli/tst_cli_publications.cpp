// SPDX-License-Identifier: GPL-3.0-or-later
// pgdesk-cli publications create | alter | drop: --dry-run prints each statement with its lock and changes
// nothing; applied, pg_publication_rel and the publish options are the design (hostile names, a row filter
// with a quoted ')', a column list); alter writes only the differences; a publication or table it does not
// have exits 6, a filter leaving its parentheses 2, production without --allow-write 9.
#include "clirunner.h"
#include "scratchschema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

using namespace pgdesk::test;

namespace {

const QString kSchema = QStringLiteral("tst_cli_publications");

QStringList withDsn(const QStringList& args) {
    return QStringList{QStringLiteral("--dsn"), conninfo()} + args;
}

} // namespace

class TestCliPublications final : public QObject {
    Q_OBJECT
    std::optional<ScratchSchema> m_schema;
    QString m_name;

    // "table(columns)[filter]" per named table, and the publish options: what the catalog has.
    QString published() {
        return psqlValue(
            QStringLiteral(
                "select coalesce((select string_agg(c.relname || '(' || coalesce((select string_agg("
                "a.attname, ',' order by a.attnum) from pg_attribute a where a.attrelid = pr.prrelid "
                "and a.attnum = any(pr.prattrs)), '*') || ')' || coalesce('[' || "
                "pg_get_expr(pr.prqual, pr.prrelid) || ']', ''), ' ' order by c.relname) from "
                "pg_publication_rel pr join pg_class c on c.oid = pr.prrelid where pr.prpubid = p.oid), "
                "'') || ' ' || pubinsert::int || pubupdate::int || pubdelete::int || pubtruncate::int || "
                "pubviaroot::int from "
                "pg_publication p where pubname = '%1'")
                .arg(QString(m_name).replace(u'\'', QLatin1String("''"))));
    }

private slots:
    void initTestCase() {
        m_name = QStringLiteral("cli pub's %1").arg(QCoreApplication::applicationPid());
        m_schema.emplace(kSchema,
                         QStringLiteral("create table $S.\"Orders\" (id int primary key, total numeric, "
                                        "\"note;\" text);"
                                        "create table $S.items (id int primary key, qty int);"));
        const CliRun r = addProductionProfile();
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
    void cleanupTestCase() {
        psql(QStringLiteral("drop publication if exists \"%1\"").arg(m_name));
        psql(QStringLiteral("drop publication if exists \"%1 2\"").arg(m_name));
        m_schema.reset();
    }

    void createAlterDrop() {
        const QString orders =
            QStringLiteral("%1.\"Orders\" (id, \"note;\") where (\"note;\" <> ')')").arg(kSchema);
        const QStringList create{QStringLiteral("publications"),
                                 QStringLiteral("create"),
                                 m_name,
                                 QStringLiteral("--table"),
                                 orders,
                                 QStringLiteral("--publish"),
                                 QStringLiteral("insert,update")};
        CliRun r = runCli(withDsn(create + QStringList{QStringLiteral("--dry-run")}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(
            r.out.contains(QStringLiteral("1. CREATE PUBLICATION \"%1\" FOR TABLE \"%2\".\"Orders\" (\"id\", "
                                          "\"note;\") WHERE (\"note;\" <> ')') WITH (publish = 'insert, "
                                          "update', publish_via_partition_root = false);\n   "
                                          "ShareUpdateExclusiveLock on %2.\"Orders\"")
                               .arg(m_name, kSchema)),
            qPrintable(r.out));
        QCOMPARE(published(), QString());
        r = runCli(withDsn(create));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(published(), QStringLiteral("Orders(id,note;)[(\"note;\" <> ')'::text)] 11000"));

        // Only what differs: Orders' filter replaced, items added, delete published, renamed.
        r = runCli(
            withDsn({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("publications"),
                     QStringLiteral("alter"), m_name, QStringLiteral("--add-table"),
                     kSchema + QStringLiteral(".\"Orders\" where (total > 0)"), QStringLiteral("--add-table"),
                     kSchema + QStringLiteral(".items"), QStringLiteral("--publish"),
                     QStringLiteral("insert,update,delete")}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray steps = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(steps.size(), 3); // drop Orders, add Orders and items, SET (publish)
        for (const QJsonValue& s : steps)
            QVERIFY2(s.toObject().value(QStringLiteral("done")).toBool(), qPrintable(r.out));
        QCOMPARE(published(), QStringLiteral("Orders(*)[(total > (0)::numeric)] items(*) 11100"));
        r = runCli(withDsn({QStringLiteral("publications"), QStringLiteral("alter"), m_name,
                            QStringLiteral("--publish"), QStringLiteral("insert,update,delete")}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(QStringLiteral("nothing to do")), qPrintable(r.err));
        r = runCli(withDsn({QStringLiteral("publications"), QStringLiteral("alter"), m_name,
                            QStringLiteral("--drop-table"), QStringLiteral("\"Orders\""),
                            QStringLiteral("--rename"), m_name + QStringLiteral(" 2")}));
        QCOMPARE(r.exitCode, 6); // "Orders" is not on the search path: not found, nothing changed
        r = runCli(withDsn({QStringLiteral("publications"), QStringLiteral("alter"), m_name,
                            QStringLiteral("--drop-table"), kSchema + QStringLiteral(".\"Orders\""),
                            QStringLiteral("--rename"), m_name + QStringLiteral(" 2")}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(published(), QString());
        m_name += QStringLiteral(" 2");
        QCOMPARE(published(), QStringLiteral("items(*) 11100"));

        // Refused before anything is sent.
        const auto exitOf = [&](const QStringList& args) { return runCli(withDsn(args)).exitCode; };
        QCOMPARE(
            exitOf({QStringLiteral("publications"), QStringLiteral("alter"), QStringLiteral("no such pub"),
                    QStringLiteral("--publish"), QStringLiteral("insert")}),
            6);
        QCOMPARE(exitOf({QStringLiteral("publications"), QStringLiteral("alter"), m_name,
                         QStringLiteral("--add-table"),
                         kSchema + QStringLiteral(".items where (true) with (publish = 'insert'")}),
                 2);
        QCOMPARE(exitOf({QStringLiteral("publications"), QStringLiteral("alter"), m_name,
                         QStringLiteral("--publish"), QStringLiteral("insert,upsert")}),
                 2);
        QCOMPARE(exitOf({QStringLiteral("publications"), QStringLiteral("frob")}), 2);
        r = runCli({QStringLiteral("--profile"), QStringLiteral("prod"), QStringLiteral("publications"),
                    QStringLiteral("drop"), m_name});
        QCOMPARE(r.exitCode, 9);
        QCOMPARE(published(), QStringLiteral("items(*) 11100"));
        r = runCli(withDsn({QStringLiteral("publications"), QStringLiteral("drop"), m_name}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("subscribers stop receiving")), qPrintable(r.err));
        QCOMPARE(psqlValue(QStringLiteral("select count(*) from pg_publication where pubname = '%1'")
                               .arg(QString(m_name).replace(u'\'', QLatin1String("''")))),
                 QStringLiteral("0"));
    }
};

QTEST_GUILESS_MAIN(TestCliPublications)
#include "tst_cli_publications.moc"
