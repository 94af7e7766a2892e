// SPDX-License-Identifier: GPL-3.0-or-later
#include "scratchschema.h"
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/queryspec.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/session/connection.h>

#include <QCoreApplication>
#include <QTest>

using namespace pgdesk::core;
using pgdesk::test::cluster;

namespace {

ColumnInfo col(const QString& name, TypeCategory category, bool notNull = false) {
    ColumnInfo c;
    c.name = name;
    c.category = category;
    c.notNull = notNull;
    return c;
}

UniqueConstraint unique(const QString& name, const QStringList& columns, bool pk = false,
                        bool partial = false, bool indexOnly = false) {
    UniqueConstraint u;
    u.name = name;
    u.columns = columns;
    u.isPrimaryKey = pk;
    u.isPartial = partial;
    u.isIndexOnly = indexOnly;
    return u;
}

const QString kHostile = QStringLiteral("we\"ird; drop table x;--");

} // namespace

class TestCatalog final : public QObject {
    Q_OBJECT

    // A schema of this test alone: ctest may run other tests against the same database at once.
    QString m_schema = QStringLiteral("tst_catalog_%1").arg(QCoreApplication::applicationPid());
    std::optional<pgdesk::test::ScratchSchema> m_scratch;

    Connection open() { return Connection::open(pgdesk::test::profile()); }

private slots:
    void initTestCase() { m_scratch.emplace(m_schema); }

    // ---- pure ----------------------------------------------------------------------------------

    void splitNames() {
        QCOMPARE(splitQualifiedName(QStringLiteral("a.b")), QStringList({"a", "b"}));
        QCOMPARE(splitQualifiedName(QStringLiteral("users")), QStringList({"users"}));
        QCOMPARE(splitQualifiedName(QStringLiteral("\"my.schema\".\"a \"\"b\"\"\"")),
                 QStringList({"my.schema", "a \"b\""}));
        QCOMPARE(splitQualifiedName(kHostile), QStringList({kHostile}));
        QVERIFY(!splitQualifiedName(QStringLiteral("a.b.c")));
        QVERIFY(!splitQualifiedName(QStringLiteral("\"unterminated")));
        QVERIFY(!splitQualifiedName(QStringLiteral("a.")));
    }

    void conventionsSoftDeletePriority() {
        TableInfo t;
        t.columns = {col("is_active", TypeCategory::Boolean), col("is_deleted", TypeCategory::Boolean),
                     col("deleted_at", TypeCategory::Timestamp)};
        Conventions c = detectConventions(t, false);
        QCOMPARE(c.softDelete, SoftDeleteKind::DeletedAtTimestamp);
        QCOMPARE(c.softDeleteColumn, QStringLiteral("deleted_at"));

        t.columns = {col("active", TypeCategory::Boolean), col("deleted", TypeCategory::Boolean),
                     col("deleted_at", TypeCategory::Text)}; // text deleted_at is not a timestamp
        c = detectConventions(t, false);
        QCOMPARE(c.softDelete, SoftDeleteKind::DeletedFlag);
        QCOMPARE(c.softDeleteColumn, QStringLiteral("deleted"));

        t.columns = {col("active", TypeCategory::Boolean), col("is_deleted", TypeCategory::Integer)};
        c = detectConventions(t, false);
        QCOMPARE(c.softDelete, SoftDeleteKind::ActiveFlag);
        QCOMPARE(c.softDeleteColumn, QStringLiteral("active"));

        // Only the documented names, whole: pagila's customer.activebool is no soft-delete flag, nor are
        // names that merely contain one.
        for (const char* name :
             {"activebool", "is_active_member", "inactive", "deleted_at_utc", "undeleted"}) {
            t.columns = {col(name, TypeCategory::Boolean), col("deleted_on", TypeCategory::Timestamp)};
            QCOMPARE(detectConventions(t, false).softDelete, SoftDeleteKind::None);
        }

        t.columns = {col("Deleted_At", TypeCategory::Timestamp)}; // names are matched exactly
        QCOMPARE(detectConventions(t, false).softDelete, SoftDeleteKind::None);
    }

    // What the default scope hides, in words for the CLI's note; nothing for Deleted and All (asked for).
    void rowsHiddenInWords() {
        TableInfo t;
        t.columns = {col("deleted_at", TypeCategory::Timestamp)};
        t.conventions = detectConventions(t, false);
        QCOMPARE(rowsHiddenBySoftDelete(t, SoftDeleteScope::Active),
                 QStringLiteral("rows with deleted_at set"));
        QCOMPARE(rowsHiddenBySoftDelete(t, SoftDeleteScope::All), QString());
        QCOMPARE(rowsHiddenBySoftDelete(t, SoftDeleteScope::Deleted), QString());
        t.columns = {col("is_active", TypeCategory::Boolean, true)};
        t.conventions = detectConventions(t, false);
        QCOMPARE(rowsHiddenBySoftDelete(t, SoftDeleteScope::Active),
                 QStringLiteral("rows with is_active false"));
        t.columns = {col("active", TypeCategory::Boolean)};
        t.conventions = detectConventions(t, false);
        QCOMPARE(rowsHiddenBySoftDelete(t, SoftDeleteScope::Active),
                 QStringLiteral("rows with active false or null"));
        t.columns = {col("is_deleted", TypeCategory::Boolean)};
        t.conventions = detectConventions(t, false);
        QCOMPARE(rowsHiddenBySoftDelete(t, SoftDeleteScope::Active),
                 QStringLiteral("rows with is_deleted true"));
        t.columns = {col("activebool", TypeCategory::Boolean, true)};
        t.conventions = detectConventions(t, false);
        QCOMPARE(rowsHiddenBySoftDelete(t, SoftDeleteScope::Active), QString());
    }

    void conventionsAuditColumns() {
        TableInfo t;
        t.columns = {col("created", TypeCategory::Timestamp), col("inserted_at", TypeCategory::Timestamp),
                     col("updated", TypeCategory::Boolean), col("last_modified", TypeCategory::Date)};
        Conventions c = detectConventions(t, true);
        QCOMPARE(c.createdAtColumn, QStringLiteral("created"));
        QCOMPARE(c.updatedAtColumn, QStringLiteral("last_modified"));
        QVERIFY(c.updatedAtByTrigger);
        QVERIFY(!detectConventions(t, false).updatedAtByTrigger);
    }

    void conventionsKeyFallbacks() {
        TableInfo t;
        t.columns = {col("id", TypeCategory::Uuid, true), col("email", TypeCategory::Text, true),
                     col("nick", TypeCategory::Text, false), col("code", TypeCategory::Text, true)};
        // Primary key wins even when listed after others.
        t.uniques = {unique("u_email", {"email"}), unique("pk", {"id"}, true)};
        Conventions c = detectConventions(t, false);
        QCOMPARE(c.rowKey, QStringList({"id"}));
        QCOMPARE(c.rowKeySource, QStringLiteral("primary_key"));
        QVERIFY(c.uuidKey);

        // No PK: a nullable unique is skipped, a partial one too; the NOT NULL one is taken.
        t.uniques = {unique("u_nick", {"nick"}), unique("u_code_partial", {"code"}, false, true, true),
                     unique("u_email", {"email"})};
        c = detectConventions(t, false);
        QCOMPARE(c.rowKey, QStringList({"email"}));
        QCOMPARE(c.rowKeySource, QStringLiteral("unique:u_email"));
        QVERIFY(!c.uuidKey);

        // Only a partial unique index: no key.
        t.uniques = {unique("u_code_partial", {"code"}, false, true, true)};
        c = detectConventions(t, false);
        QVERIFY(c.rowKey.isEmpty());
        QCOMPARE(c.rowKeySource, QString());

        // A non-partial unique index on NOT NULL columns is fine.
        t.uniques = {unique("u_code_idx", {"code", "email"}, false, false, true)};
        QCOMPARE(detectConventions(t, false).rowKey, QStringList({"code", "email"}));

        // Views never get a key, but keep soft delete.
        t.kind = RelationKind::View;
        t.uniques = {unique("pk", {"id"}, true)};
        t.columns << col("deleted_at", TypeCategory::Timestamp);
        c = detectConventions(t, false);
        QVERIFY(c.rowKey.isEmpty());
        QCOMPARE(c.softDelete, SoftDeleteKind::DeletedAtTimestamp);
    }

    // ---- against the demo database ---------------------------------------------------------------

    void schemasListUserSchemas() {
        auto c = open();
        const auto schemas = CatalogReader(c).schemas();
        QStringList names;
        for (const auto& s : schemas)
            names << s.name;
        QVERIFY2(names.contains("public") && names.contains("inventory"), qPrintable(names.join(',')));
        for (const auto& n : names)
            QVERIFY2(!n.startsWith("pg_") && n != "information_schema", qPrintable(n));
        for (const auto& s : schemas)
            if (s.name == "inventory")
                QVERIFY(s.comment.contains("Product catalogue"));
    }

    void usersInOneStatement() {
        auto c = open();
        int statements = 0;
        // The local settings (lock_timeout, jit) travel in the same pipeline (round trip): not a statement of
        // its own.
        c.setStatementObserver([&](const QString& sql, const QList<QString>&) {
            statements += sql.startsWith(QLatin1String("select set_config(")) ? 0 : 1;
        });
        const TableInfo t = CatalogReader(c).table(QStringLiteral("users"));
        QCOMPARE(statements, 1);
        QCOMPARE(t.schema, QStringLiteral("public"));
        QCOMPARE(t.qualifiedName(), QStringLiteral("public.users"));
        QCOMPARE(t.kind, RelationKind::Table);
        QCOMPARE(t.conventions.rowKey, QStringList({"id"}));
        QCOMPARE(t.conventions.rowKeySource, QStringLiteral("primary_key"));
        QVERIFY(t.conventions.uuidKey);
        QCOMPARE(t.conventions.createdAtColumn, QStringLiteral("created_at"));
        QCOMPARE(t.conventions.updatedAtColumn, QStringLiteral("updated_at"));
        QVERIFY(!t.conventions.updatedAtByTrigger);
        QCOMPARE(t.conventions.softDelete, SoftDeleteKind::None);
        QCOMPARE(t.uniques.size(), 3);
        QVERIFY(t.uniques.at(0).isPrimaryKey);
        QCOMPARE(t.columns.at(0).name, QStringLiteral("id"));
        QCOMPARE(t.columns.at(0).number, 1);
        QCOMPARE(t.columns.at(0).category, TypeCategory::Uuid);
        QCOMPARE(t.columns.at(0).defaultExpression, QStringLiteral("gen_random_uuid()"));
        QVERIFY(t.column("bio"));
        QVERIFY(t.column("bio")->comment.contains("Free-form"));
        QVERIFY(!t.column("bio")->notNull);
        QVERIFY(t.column("email")->notNull);
        QVERIFY(t.column("email")->isTextLike());
        QVERIFY(!t.column("nope"));
        QStringList referencing;
        for (const auto& fk : t.referencedBy)
            referencing << fk.schema + "." + fk.table;
        QVERIFY2(referencing.contains("public.posts"), qPrintable(referencing.join(',')));
        QVERIFY(referencing.contains("public.events"));
        // Partition clones of the events FK are not listed again.
        QVERIFY2(!referencing.contains("public.events_2026_01"), qPrintable(referencing.join(',')));
        QVERIFY(t.foreignKeys.isEmpty());
    }

    void postsSoftDeleteAndForeignKey() {
        auto c = open();
        const TableInfo t = CatalogReader(c).table(QStringLiteral("public"), QStringLiteral("posts"));
        QCOMPARE(t.conventions.softDelete, SoftDeleteKind::DeletedAtTimestamp);
        QCOMPARE(t.conventions.softDeleteColumn, QStringLiteral("deleted_at"));
        QCOMPARE(t.foreignKeys.size(), 1);
        const ForeignKey& fk = t.foreignKeys.first();
        QCOMPARE(fk.columns, QStringList({"user_id"}));
        QCOMPARE(fk.refSchema, QStringLiteral("public"));
        QCOMPARE(fk.refTable, QStringLiteral("users"));
        QCOMPARE(fk.refColumns, QStringList({"id"}));
        QCOMPARE(fk.table, QStringLiteral("posts"));
    }

    void customerConventions() {
        auto c = open();
        const TableInfo t = CatalogReader(c).table(QStringLiteral("public.customer"));
        QCOMPARE(t.conventions.rowKey, QStringList({"customer_id"}));
        QVERIFY(!t.conventions.uuidKey);
        QCOMPARE(t.column("customer_id")->typeName, QStringLiteral("bigint"));
        QCOMPARE(t.column("customer_id")->category, TypeCategory::Integer);
        QVERIFY(t.column("customer_id")->defaultExpression.startsWith("nextval("));
        QCOMPARE(t.uniques.size(), 2);
        QCOMPARE(t.uniques.at(1).columns, QStringList({"email"}));
        QVERIFY(!t.uniques.at(1).isIndexOnly);
        QCOMPARE(t.conventions.softDelete, SoftDeleteKind::ActiveFlag);
        QCOMPARE(t.conventions.softDeleteColumn, QStringLiteral("is_active"));
        QCOMPARE(t.conventions.updatedAtColumn, QStringLiteral("last_update"));
        QVERIFY(t.conventions.updatedAtByTrigger);
        QStringList referencing;
        for (const auto& fk : t.referencedBy)
            referencing << fk.table;
        QCOMPARE(referencing, QStringList({"big_orders"}));
    }

    void productsTypes() {
        auto c = open();
        const TableInfo t = CatalogReader(c).table(QStringLiteral("inventory"), QStringLiteral("products"));
        QCOMPARE(t.column("price")->typeName, QStringLiteral("numeric(12,2)"));
        QCOMPARE(t.column("price")->category, TypeCategory::Numeric);
        QCOMPARE(t.column("weight_kg")->category, TypeCategory::Float);
        QCOMPARE(t.column("tags")->category, TypeCategory::Array);
        QCOMPARE(t.column("tags")->typeName, QStringLiteral("text[]"));
        QCOMPARE(t.column("tags")->elementTypeName, QStringLiteral("text"));
        QCOMPARE(t.column("tags")->elementTypeOid, Oid(25));
        QCOMPARE(t.column("attributes")->category, TypeCategory::Json);
        QCOMPARE(t.column("status")->category, TypeCategory::Enum);
        QCOMPARE(t.column("status")->enumLabels, QStringList({"draft", "active", "discontinued"}));
        QVERIFY(t.column("status")->isTextLike());
        QCOMPARE(t.column("released_on")->category, TypeCategory::Date);
        QVERIFY(t.column("product_id")->isIdentity);
        QVERIFY(!t.column("product_id")->identityAlways);
        QCOMPARE(t.checks.size(), 1);
        QVERIFY2(t.checks.first().definition.contains("price >="), qPrintable(t.checks.first().definition));
        QCOMPARE(t.conventions.createdAtColumn, QStringLiteral("created_at"));
        QVERIFY(t.comment.contains("Product catalogue"));
    }

    void typeShowcaseCategoriesAndDomain() {
        auto c = open();
        const TableInfo t = CatalogReader(c).table(QStringLiteral("type_showcase"));
        const ColumnInfo* d = t.column("c_positive");
        QVERIFY(d);
        QCOMPARE(d->domainName, QStringLiteral("positive_int"));
        QCOMPARE(d->typeName, QStringLiteral("positive_int"));
        QCOMPARE(d->baseTypeOid, Oid(23));
        QCOMPARE(d->baseTypeName, QStringLiteral("integer"));
        QVERIFY(d->typeOid != d->baseTypeOid);
        QCOMPARE(d->category, TypeCategory::Integer);
        QVERIFY(t.column("id")->isIdentity && t.column("id")->identityAlways);
        QCOMPARE(t.column("c_varchar")->typeName, QStringLiteral("character varying(20)"));
        QCOMPARE(t.column("c_text")->baseTypeName, QStringLiteral("text"));
        QCOMPARE(t.column("c_text")->baseTypeOid, t.column("c_text")->typeOid);

        const QList<std::pair<const char*, TypeCategory>> cats = {
            {"c_smallint", TypeCategory::Integer},  {"c_real", TypeCategory::Float},
            {"c_boolean", TypeCategory::Boolean},   {"c_char", TypeCategory::Text},
            {"c_bytea", TypeCategory::Bytea},       {"c_time", TypeCategory::Time},
            {"c_timetz", TypeCategory::Time},       {"c_timestamp", TypeCategory::Timestamp},
            {"c_interval", TypeCategory::Interval}, {"c_json", TypeCategory::Json},
            {"c_inet", TypeCategory::Network},      {"c_cidr", TypeCategory::Network},
            {"c_macaddr", TypeCategory::Network},   {"c_int4range", TypeCategory::Range},
            {"c_tstzrange", TypeCategory::Range},   {"c_int_array", TypeCategory::Array},
            {"c_tsvector", TypeCategory::TsVector}, {"c_money", TypeCategory::Other},
            {"c_xml", TypeCategory::Other},         {"c_point", TypeCategory::Other},
        };
        for (const auto& [name, cat] : cats) {
            QVERIFY2(t.column(name), name);
            QVERIFY2(t.column(name)->category == cat, name);
        }
        QCOMPARE(t.column("c_int_array")->elementTypeName, QStringLiteral("integer"));
        QCOMPARE(t.column("c_point")->elementTypeOid, Oid(0)); // point has typelem but is no array
    }

    void generatedColumnAndEnumArray() {
        auto c = open();
        c.exec(
            QStringLiteral("create table %1.gen (a integer not null, b integer generated always as (a * 2) "
                           "stored, s inventory.product_status[], code text not null, "
                           "note text, u text); "
                           "create unique index gen_code_partial on %1.gen (code) where note is null; "
                           "create unique index gen_lower_u on %1.gen (lower(u)); "
                           "create unique index gen_code_note on %1.gen (code, note)")
                .arg(m_schema));
        const TableInfo t = CatalogReader(c).table(m_schema, QStringLiteral("gen"));
        QVERIFY(t.column("b")->isGenerated);
        QVERIFY(!t.column("a")->isGenerated);
        QVERIFY(!t.column("b")->isIdentity);
        QCOMPARE(t.column("s")->category, TypeCategory::Array);
        QCOMPARE(t.column("s")->enumLabels, QStringList({"draft", "active", "discontinued"}));
        // The expression index is skipped, the partial one flagged; neither gives a key, nor does the
        // one with a nullable column.
        QStringList names;
        for (const auto& u : t.uniques) {
            names << u.name;
            QVERIFY(u.isIndexOnly);
            QCOMPARE(u.isPartial, u.name == QLatin1String("gen_code_partial"));
        }
        names.sort();
        QCOMPARE(names, QStringList({"gen_code_note", "gen_code_partial"}));
        QVERIFY(t.conventions.rowKey.isEmpty());
    }

    void eventsPartitions() {
        auto c = open();
        const TableInfo t = CatalogReader(c).table(QStringLiteral("events"));
        QCOMPARE(t.kind, RelationKind::PartitionedTable);
        QCOMPARE(t.partitions.size(), 7);
        QVERIFY(t.partitions.contains("public.events_default"));
        QCOMPARE(t.conventions.rowKey, QStringList({"event_id", "occurred_at"}));
        QCOMPARE(t.foreignKeys.size(), 1);
        const TableInfo p = CatalogReader(c).table(QStringLiteral("events_2026_03"));
        QCOMPARE(p.parentName, QStringLiteral("events"));
        QVERIFY(p.isPartition());
        QCOMPARE(p.foreignKeys.size(), 1); // the cloned FK belongs to the partition
        QVERIFY2(std::abs(p.estimatedRows - 812) < 100, qPrintable(QString::number(p.estimatedRows)));
    }

    void auditLogHasNoKey() {
        auto c = open();
        const TableInfo t = CatalogReader(c).table(QStringLiteral("audit_log"));
        QVERIFY(t.uniques.isEmpty());
        QVERIFY(t.conventions.rowKey.isEmpty());
        QCOMPARE(t.conventions.rowKeySource, QString());
        QCOMPARE(t.columns.size(), 4);
    }

    void viewsAndMaterializedViews() {
        auto c = open();
        const TableInfo v = CatalogReader(c).table(QStringLiteral("active_customers"));
        QCOMPARE(v.kind, RelationKind::View);
        QVERIFY(v.conventions.rowKey.isEmpty());
        QCOMPARE(v.estimatedRows, 0.0);
        QVERIFY(!v.estimateFromSize);
        const TableInfo m = CatalogReader(c).table(QStringLiteral("inventory.product_stats"));
        QCOMPARE(m.kind, RelationKind::MaterializedView);
        QCOMPARE(relationKindName(m.kind), QStringLiteral("materialized_view"));
    }

    void hostileTableByBareAndQuotedName() {
        auto c = open();
        const TableInfo t = CatalogReader(c).table(kHostile);
        QCOMPARE(t.name, kHostile);
        QVERIFY(t.column("select"));
        QVERIFY(t.column("Mixed Case"));
        QCOMPARE(t.conventions.rowKey, QStringList({"id"}));
        const TableInfo q = CatalogReader(c).table(QStringLiteral("public.\"we\"\"ird; drop table x;--\""));
        QCOMPARE(q.oid, t.oid);
        const TableInfo s = CatalogReader(c).table(QStringLiteral("public"), kHostile);
        QCOMPARE(s.oid, t.oid);
        QCOMPARE(c.exec(QStringLiteral("select count(*) from public.x")).text(0, 0), QStringLiteral("1"));
    }

    void namesAreExact() {
        auto c = open();
        QVERIFY_THROWS_EXCEPTION(NotFound, CatalogReader(c).table(QStringLiteral("Users")));
        // A table whose name contains a dot is found by its bare name as a fallback.
        c.exec(QStringLiteral("create table %1.\"a.b\" (id int)").arg(m_schema));
        c.exec(QStringLiteral("set search_path = %1, public").arg(m_schema));
        const TableInfo t = CatalogReader(c).table(QStringLiteral("a.b"));
        QCOMPARE(t.name, QStringLiteral("a.b"));
        QCOMPARE(t.schema, m_schema);
        // Search path order decides between same-named tables.
        c.exec(QStringLiteral("create table %1.users (id int)").arg(m_schema));
        QCOMPARE(CatalogReader(c).table(QStringLiteral("users")).schema, m_schema);
        QCOMPARE(CatalogReader(c).table(QStringLiteral("public.users")).schema, QStringLiteral("public"));
    }

    void missingTableIsNotFound() {
        auto c = open();
        try {
            CatalogReader(c).table(QStringLiteral("no_such_table"));
            QFAIL("no exception");
        } catch (const NotFound& e) {
            QVERIFY2(e.message().contains("no table or view named no_such_table"), qPrintable(e.message()));
        }
        QVERIFY_THROWS_EXCEPTION(
            NotFound, CatalogReader(c).table(QStringLiteral("inventory"), QStringLiteral("users")));
        QVERIFY_THROWS_EXCEPTION(NotFound, CatalogReader(c).table(QStringLiteral("pg_class")));
    }

    void privilegesSuperuserAndPasswordRole() {
        auto su = open();
        const TableInfo asSu = CatalogReader(su).table(QStringLiteral("customer"));
        QVERIFY(asSu.privileges.select && asSu.privileges.insert && asSu.privileges.update &&
                asSu.privileges.remove);
        su.exec(QStringLiteral("create table %1.secret (id int); revoke all on %1.secret from %2")
                    .arg(m_schema, su.quoteIdentifier(cluster().authUser)));

        ConnectionProfile p = pgdesk::test::profile();
        p.host = QStringLiteral("127.0.0.1");
        p.user = cluster().authUser;
        auto role = Connection::open(p, cluster().authPassword);
        const TableInfo asRole =
            CatalogReader(role).table(QStringLiteral("public"), QStringLiteral("customer"));
        QVERIFY(asRole.privileges.select && asRole.privileges.insert && asRole.privileges.update &&
                asRole.privileges.remove);
        const TableInfo secret = CatalogReader(role).table(m_schema, QStringLiteral("secret"));
        QVERIFY(!secret.privileges.select);
        QVERIFY(!secret.privileges.insert);
        QVERIFY(!secret.privileges.update);
        QVERIFY(!secret.privileges.remove);
        const TableInfo secretSu = CatalogReader(su).table(m_schema, QStringLiteral("secret"));
        QVERIFY(secretSu.privileges.select);
    }
};

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
