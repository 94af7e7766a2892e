// SPDX-License-Identifier: GPL-3.0-or-later
// Publications written as staged statements: every name quoted, row filters that would leave their
// parentheses refused, the differences of an edit only (a changed column list or row filter dropped and added
// again), DROP marked destructive; applied by SchemaApplier on the server with hostile names (quotes, spaces,
// semicolons in the publication, table and column names), read back by
// ReplicationReader equal to the design, and each statement's locks the ones the trace sees.
#include "scratchschema.h"
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/schema/lockanalysis.h>
#include <pgdesk/core/schema/schemaapply.h>
#include <pgdesk/core/server/publishing.h>
#include <pgdesk/core/session/connection.h>

#include <QCoreApplication>
#include <QTest>

#include <functional>

using namespace pgdesk::core;

namespace {

QStringList sqlOf(const QList<DesignStatement>& statements) {
    QStringList out;
    for (const DesignStatement& s : statements)
        out << s.sql;
    return out;
}

PublishedTable table(const QString& schema, const QString& name, const QStringList& columns = {},
                     const QString& filter = {}) {
    PublishedTable t;
    t.schema = schema;
    t.name = name;
    t.columns = columns;
    t.rowFilter = filter;
    t.listed = true;
    return t;
}

} // namespace

class TestPublishing final : public QObject {
    Q_OBJECT
    std::optional<pgdesk::test::ScratchSchema> m_scratch;
    QString m_schema;
    Connection m_c;

    std::optional<Publication> read(const QString& name) {
        for (const Publication& p : ReplicationReader(m_c).publications())
            if (p.name == name)
                return p;
        return std::nullopt;
    }
    void apply(const QList<DesignStatement>& statements) {
        QString script;
        for (const DesignStatement& s : statements)
            script += s.sql + QStringLiteral(";\n");
        for (const StatementLocks& s : LockAnalyzer(m_c).trace(script)) {
            QVERIFY2(s.recognized && s.traced, qPrintable(s.sql + QStringLiteral(": ") + s.traceNote));
            QVERIFY2(s.disagreements.isEmpty(),
                     qPrintable(s.sql + QStringLiteral(": ") + s.disagreements.join(u' ')));
        }
        SchemaApplyOptions o;
        for (int i = 0; i < statements.size(); ++i)
            if (statements[i].destructive)
                o.confirmed.insert(i);
        const SchemaApplyResult r = SchemaApplier(m_c).apply(statements, o);
        QVERIFY2(r.failure.isEmpty(), qPrintable(r.failure));
    }

private slots:
    void initTestCase() {
        m_schema = QStringLiteral("tst_pub_%1").arg(QCoreApplication::applicationPid());
        m_scratch.emplace(
            m_schema, QStringLiteral("create table $S.\"Orders\" (id int primary key, total numeric, "
                                     "\"note;\" text);"
                                     "create table $S.items (id int primary key, qty int);"
                                     "create table $S.p (k int primary key) partition by range (k);"
                                     "create table $S.p1 partition of $S.p for values from (0) to (10);"));
        m_c = Connection::open(pgdesk::test::profile());
    }
    void cleanupTestCase() {
        for (const Publication& p : ReplicationReader(m_c).publications())
            if (p.name.startsWith(QLatin1String("tst pub")))
                m_c.exec(QStringLiteral("DROP PUBLICATION ") + m_c.quoteIdentifier(p.name));
        m_c = {};
        m_scratch.reset();
    }

    void statementsArePure() {
        Publication p;
        p.name = QStringLiteral("p\"1");
        p.tables << table(QStringLiteral("s"), QStringLiteral("T"),
                          {QStringLiteral("id"), QStringLiteral("a b")},
                          QStringLiteral("id > 0 and note <> ';'"));
        p.schemas << QStringLiteral("Sch");
        p.truncate = false;
        p.viaRoot = true;
        QCOMPARE(sqlOf(createPublicationStatements(p)),
                 QStringList{QStringLiteral(
                     "CREATE PUBLICATION \"p\"\"1\" FOR TABLE \"s\".\"T\" (\"id\", \"a b\") WHERE (id > 0 "
                     "and note "
                     "<> ';'), TABLES IN SCHEMA \"Sch\" WITH (publish = 'insert, update, delete', "
                     "publish_via_partition_root = true)")});
        Publication all;
        all.name = QStringLiteral("all");
        all.allTables = true;
        QCOMPARE(
            sqlOf(createPublicationStatements(all)),
            QStringList{QStringLiteral("CREATE PUBLICATION \"all\" FOR ALL TABLES WITH (publish = 'insert, "
                                       "update, delete, truncate', publish_via_partition_root = false)")});

        Publication after = p;
        after.name = QStringLiteral("renamed");
        after.tables[0].rowFilter = QStringLiteral("id > 1");
        after.tables << table(QStringLiteral("s"), QStringLiteral("u"));
        after.schemas = {QStringLiteral("other")};
        after.update = false;
        QCOMPARE(sqlOf(alterPublicationStatements(p, after)),
                 (QStringList{
                     QStringLiteral("ALTER PUBLICATION \"p\"\"1\" DROP TABLE \"s\".\"T\""),
                     QStringLiteral(
                         "ALTER PUBLICATION \"p\"\"1\" ADD TABLE \"s\".\"T\" (\"id\", \"a b\") WHERE (id > "
                         "1), \"s\".\"u\""),
                     QStringLiteral("ALTER PUBLICATION \"p\"\"1\" DROP TABLES IN SCHEMA \"Sch\""),
                     QStringLiteral("ALTER PUBLICATION \"p\"\"1\" ADD TABLES IN SCHEMA \"other\""),
                     QStringLiteral("ALTER PUBLICATION \"p\"\"1\" SET (publish = 'insert, delete', "
                                    "publish_via_partition_root = true)"),
                     QStringLiteral("ALTER PUBLICATION \"p\"\"1\" RENAME TO \"renamed\"")}));
        QVERIFY(alterPublicationStatements(p, p).isEmpty());
        // A table known only through its schema is not the publication's own: nothing to drop.
        Publication viaSchema = p;
        viaSchema.tables << table(QStringLiteral("Sch"), QStringLiteral("x"));
        viaSchema.tables.last().listed = false;
        QVERIFY(alterPublicationStatements(viaSchema, p).isEmpty());
        const QList<DesignStatement> drop = dropPublicationStatements(QStringLiteral("p\"1"));
        QCOMPARE(sqlOf(drop), QStringList{QStringLiteral("DROP PUBLICATION \"p\"\"1\"")});
        QVERIFY(drop.first().destructive);

        // Refused: a filter leaving its parentheses, ALL TABLES switched, nothing published, no name.
        Publication bad = p;
        bad.tables[0].rowFilter = QStringLiteral("true) WITH (publish = 'insert'");
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, createPublicationStatements(bad));
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, alterPublicationStatements(p, all));
        bad = p;
        bad.insert = bad.update = bad.deletes = bad.truncate = false;
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, createPublicationStatements(bad));
        bad = p;
        bad.name.clear();
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, createPublicationStatements(bad));
        all.schemas << QStringLiteral("x");
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, createPublicationStatements(all));
    }

    void tableFromText() {
        PublishedTable t = publishedTableFromText(
            QStringLiteral("\"My S\".\"Orders\" (id, \"note;\") WHERE (total > 0 AND \"note;\" <> ')')"));
        QCOMPARE(t.schema, QStringLiteral("My S"));
        QCOMPARE(t.name, QStringLiteral("Orders"));
        QCOMPARE(t.columns, (QStringList{QStringLiteral("id"), QStringLiteral("note;")}));
        QCOMPARE(t.rowFilter, QStringLiteral("total > 0 AND \"note;\" <> ')'"));
        QVERIFY(t.listed);
        t = publishedTableFromText(QStringLiteral("Items"));
        QCOMPARE(t.name, QStringLiteral("items"));
        QVERIFY(t.schema.isEmpty());
        for (const char* bad : {"", "a.", "a (", "a (x y)", "a where x > 0", "a where (x) or (y)", "a; drop",
                                "a where (x) extra"})
            QVERIFY_THROWS_EXCEPTION(ConfigurationError, publishedTableFromText(QString::fromUtf8(bad)));
    }

    void subscriptionActionsArePure() {
        using A = SubscriptionAction;
        const QString name = QStringLiteral("s\"1");
        QCOMPARE(sqlOf(subscriptionStatements(name, A::Enable)),
                 QStringList{QStringLiteral("ALTER SUBSCRIPTION \"s\"\"1\" ENABLE")});
        QCOMPARE(sqlOf(subscriptionStatements(name, A::Disable)),
                 QStringList{QStringLiteral("ALTER SUBSCRIPTION \"s\"\"1\" DISABLE")});
        const QList<DesignStatement> refresh = subscriptionStatements(name, A::Refresh, {}, false);
        QCOMPARE(sqlOf(refresh),
                 QStringList{QStringLiteral(
                     "ALTER SUBSCRIPTION \"s\"\"1\" REFRESH PUBLICATION WITH (copy_data = false)")});
        QCOMPARE(refresh.first().phase, DesignStatement::Phase::Outside);
        const QList<DesignStatement> skip =
            subscriptionStatements(name, A::Skip, QStringLiteral(" 0/14C0378 "));
        QCOMPARE(sqlOf(skip),
                 QStringList{QStringLiteral("ALTER SUBSCRIPTION \"s\"\"1\" SKIP (lsn = '0/14C0378')")});
        QVERIFY(skip.first().destructive);
        const QList<DesignStatement> drop = subscriptionStatements(name, A::Drop);
        QCOMPARE(sqlOf(drop), QStringList{QStringLiteral("DROP SUBSCRIPTION \"s\"\"1\"")});
        QVERIFY(drop.first().destructive);
        QCOMPARE(drop.first().phase, DesignStatement::Phase::Outside);
        for (const char* bad : {"", "0/", "x/1", "0/1'; drop table t; --", "123456789/1"})
            QVERIFY_THROWS_EXCEPTION(ConfigurationError,
                                     subscriptionStatements(name, A::Skip, QString::fromUtf8(bad)));
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, subscriptionStatements(QString(), A::Enable));
    }

    void subscriptionCreatedWithItsPasswordApart() {
        NewSubscription sub;
        sub.name = QStringLiteral("s\"1");
        sub.connection = QStringLiteral("host=pub.example port=5433 dbname='my db' user=rep");
        sub.password = QStringLiteral("it's \\ Secr3t");
        sub.publications = {QStringLiteral("orders"), QStringLiteral(" All\"Pub ")};
        QList<DesignStatement> s = createSubscriptionStatements(sub);
        QCOMPARE(sqlOf(s), QStringList{QStringLiteral(
                               "CREATE SUBSCRIPTION \"s\"\"1\" CONNECTION 'host=pub.example port=5433 "
                               "dbname=''my db'' user=rep password=''it\\''s \\\\ Secr3t''' PUBLICATION "
                               "\"orders\", \"All\"\"Pub\"")});
        QCOMPARE(s.first().phase, DesignStatement::Phase::Outside); // it creates the slot on the publisher
        QVERIFY(!s.first().destructive);
        // Shown: masked, and the rest as it is.
        QCOMPARE(designScript(s),
                 QStringLiteral("CREATE SUBSCRIPTION \"s\"\"1\" CONNECTION 'host=pub.example "
                                "port=5433 dbname=''my db'' user=rep password=********' "
                                "PUBLICATION \"orders\", \"All\"\"Pub\";\n"));

        // Only the options that differ from PostgreSQL's defaults; an existing slot: in the transaction.
        sub.password.reset();
        sub.copyData = false;
        sub.createSlot = false;
        sub.enabled = false;
        sub.slotName = QStringLiteral("slot'1");
        sub.binary = sub.streaming = sub.twoPhase = sub.disableOnError = true;
        sub.synchronousCommit = QStringLiteral("remote_apply");
        s = createSubscriptionStatements(sub);
        QVERIFY2(s.first().sql.endsWith(QLatin1String(
                     "WITH (enabled = false, copy_data = false, create_slot = false, slot_name = 'slot''1', "
                     "binary = true, streaming = true, two_phase = true, disable_on_error = true, "
                     "synchronous_commit = 'remote_apply')")),
                 qPrintable(s.first().sql));
        QCOMPARE(s.first().phase, DesignStatement::Phase::Transaction);

        // Refused before anything is sent.
        const auto refused = [](const std::function<void(NewSubscription&)>& change) {
            NewSubscription bad;
            bad.name = QStringLiteral("s");
            bad.connection = QStringLiteral("host=h dbname=d");
            bad.publications = {QStringLiteral("p")};
            change(bad);
            try {
                createSubscriptionStatements(bad);
            } catch (const ConfigurationError&) {
                return true;
            }
            return false;
        };
        QVERIFY(!refused([](NewSubscription&) {}));
        QVERIFY(refused([](NewSubscription& b) { b.name.clear(); }));
        QVERIFY(refused([](NewSubscription& b) { b.connection = QStringLiteral("  "); }));
        QVERIFY(refused([](NewSubscription& b) { b.publications = {QStringLiteral(" ")}; }));
        QVERIFY(refused([](NewSubscription& b) { b.connection += QStringLiteral(" password=x"); }));
        QVERIFY(refused([](NewSubscription& b) { b.connection = QStringLiteral("postgresql://u:x@h/d"); }));
        QVERIFY(refused([](NewSubscription& b) { b.synchronousCommit = QStringLiteral("on'; drop"); }));
    }

    void publisherConnectionLeavesFilesAndSecretsOut() {
        ConnectionProfile p;
        p.host = QStringLiteral("db.example");
        p.port = 5433;
        p.database = QStringLiteral("my db");
        p.user = QStringLiteral("rep");
        p.sslMode = QStringLiteral("verify-full");
        p.sslRootCert = QStringLiteral("/home/me/root.crt");
        p.applicationName = QStringLiteral("pgdesk");
        QCOMPARE(publisherConnection(p),
                 QStringLiteral("host=db.example port=5433 dbname='my db' user=rep sslmode=verify-full"));
    }

    // Created, edited and dropped on the server: what the reader reads back is the design.
    void appliedOnTheServer() {
        Publication p;
        p.name = QStringLiteral("tst pub \"%1\"").arg(QCoreApplication::applicationPid());
        p.tables << table(m_schema, QStringLiteral("Orders"), {QStringLiteral("id"), QStringLiteral("note;")},
                          QStringLiteral("total > 0"));
        p.tables << table(m_schema, QStringLiteral("p"));
        p.truncate = false;
        apply(createPublicationStatements(p));
        std::optional<Publication> read = this->read(p.name);
        QVERIFY(read);
        QCOMPARE(read->publishText(), QStringLiteral("insert, update, delete"));
        // p is named; its partition p1 is what pg_publication_tables lists (not via the root).
        QCOMPARE(read->tables.size(), 3);
        QCOMPARE(read->tables[0].name, QStringLiteral("Orders"));
        QVERIFY(read->tables[0].listed);
        QCOMPARE(read->tables[0].columns, (QStringList{QStringLiteral("id"), QStringLiteral("note;")}));
        QCOMPARE(read->tables[0].rowFilter, QStringLiteral("(total > (0)::numeric)"));
        QCOMPARE(read->tables[1].name, QStringLiteral("p"));
        QVERIFY(read->tables[1].listed);
        QVERIFY(read->tables[1].columns.isEmpty());
        QCOMPARE(read->tables[2].name, QStringLiteral("p1"));
        QVERIFY(!read->tables[2].listed);

        // Edited: the filter changed, items added, p dropped, the options and the name.
        Publication after = *read;
        after.tables[0].rowFilter = QStringLiteral("total > 10");
        after.tables.remove(1, 2);
        after.tables << table(m_schema, QStringLiteral("items"));
        after.viaRoot = true;
        after.name = p.name + QStringLiteral(" 2");
        apply(alterPublicationStatements(*read, after));
        QVERIFY(!this->read(p.name));
        read = this->read(after.name);
        QVERIFY(read);
        QVERIFY(read->viaRoot);
        QCOMPARE(read->tables.size(), 2);
        QCOMPARE(read->tables[0].name, QStringLiteral("Orders"));
        QCOMPARE(read->tables[0].rowFilter, QStringLiteral("(total > (10)::numeric)"));
        QCOMPARE(read->tables[1].name, QStringLiteral("items"));
        // Read back, nothing differs.
        QVERIFY(alterPublicationStatements(*read, *read).isEmpty());

        apply(dropPublicationStatements(after.name));
        QVERIFY(!this->read(after.name));
    }
};

QTEST_GUILESS_MAIN(TestPublishing)
#include "tst_publishing.moc"
