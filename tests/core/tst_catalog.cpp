// SPDX-License-Identifier: GPL-3.0-or-later
#include "scratchschema.h"
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/queryspec.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/session/connection.h>

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace pgdesk::core;
using pgdesk::test::cluster;

namespace {

const TableSummary* findSummary(const QList<TableSummary>& list, const QString& schema, const QString& name) {
    for (const auto& t : list)
        if (t.schema == schema && t.name == name)
            return &t;
    return nullptr;
}

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

    void tablesListsEverythingInOneRoundTrip() {
        auto c = open();
        int statements = 0;
        // Three statements (relations, their columns, their unique indexes) in one pipeline, whatever the
        // number of relations; the local settings (lock_timeout, jit) travel in the same pipeline: not
        // counted.
        c.setStatementObserver([&](const QString& sql, const QList<QString>&) {
            statements += sql.startsWith(QLatin1String("select set_config(")) ? 0 : 1;
        });
        const auto list = CatalogReader(c).tables();
        QCOMPARE(statements, 3);

        struct Expect {
            const char* schema;
            const char* name;
            RelationKind kind;
        };
        const Expect expected[] = {
            {"public", "users", RelationKind::Table},
            {"public", "posts", RelationKind::Table},
            {"public", "customer", RelationKind::Table},
            {"inventory", "products", RelationKind::Table},
            {"public", "events", RelationKind::PartitionedTable},
            {"public", "audit_log", RelationKind::Table},
            {"public", "type_showcase", RelationKind::Table},
            {"public", "we\"ird; drop table x;--", RelationKind::Table},
            {"public", "x", RelationKind::Table},
            {"public", "big_orders", RelationKind::Table},
            {"public", "active_customers", RelationKind::View},
            {"public", "post_summary", RelationKind::View},
            {"inventory", "product_stats", RelationKind::MaterializedView},
        };
        for (const auto& e : expected) {
            const auto* t = findSummary(list, e.schema, e.name);
            QVERIFY2(t, e.name);
            QCOMPARE(t->kind, e.kind);
        }
        for (const char* p : {"events_2026_01", "events_2026_06", "events_default"}) {
            const auto* t = findSummary(list, "public", p);
            QVERIFY2(t, p);
            QCOMPARE(t->kind, RelationKind::Table);
            QCOMPARE(t->parentSchema, QStringLiteral("public"));
            QCOMPARE(t->parentName, QStringLiteral("events"));
            QVERIFY(t->isPartition());
        }
        QVERIFY(!findSummary(list, "public", "events")->isPartition());
        QVERIFY(!findSummary(list, "pg_catalog", "pg_class"));

        // Conventions come along with the list.
        const auto* users = findSummary(list, "public", "users");
        QCOMPARE(users->conventions.rowKey, QStringList({"id"}));
        QVERIFY(users->conventions.uuidKey);
        const auto* customer = findSummary(list, "public", "customer");
        QCOMPARE(customer->conventions.softDelete, SoftDeleteKind::ActiveFlag);
        QVERIFY(customer->conventions.updatedAtByTrigger);
        QVERIFY(findSummary(list, "public", "audit_log")->conventions.rowKey.isEmpty());
        QVERIFY(findSummary(list, "public", "post_summary")->conventions.rowKey.isEmpty());
        QVERIFY(users->privileges.select && users->privileges.remove);
        QVERIFY(users->comment.contains("Application users"));

        // Partitioned: the sum of its partitions (5000 rows, analyzed).
        const auto* events = findSummary(list, "public", "events");
        QVERIFY2(std::abs(events->estimatedRows - 5000) < 500,
                 qPrintable(QString::number(events->estimatedRows)));
        QVERIFY(!events->estimateFromSize);
        QVERIFY(events->totalBytes > 0);
    }

    // The catalog's local settings must not write "SET LOCAL can only be used in transaction blocks" into
    // the user's server log on every read (SET LOCAL outside a block warns even where it takes effect).
    void catalogReadsLeaveNoWarningInTheServerLog() {
        auto c = open();
        const QString pid = c.exec(QStringLiteral("select pg_backend_pid()")).text(0, 0);
        QFile log(cluster().dir + QStringLiteral("/server.log"));
        QVERIFY2(log.open(QIODevice::ReadOnly), qPrintable(log.fileName()));
        const qint64 start = log.size();
        CatalogReader reader(c);
        QVERIFY(!reader.tables().isEmpty());
        QCOMPARE(reader.table(QStringLiteral("users")).name, QStringLiteral("users"));
        // The session's log lines name its PID ("[pid]"); a statement after the reads flushes them.
        c.exec(QStringLiteral("select 1"));
        QVERIFY(log.seek(start));
        const QString written = QString::fromUtf8(log.readAll());
        for (const QString& line : written.split(QLatin1Char('\n')))
            QVERIFY2(!(line.contains(QLatin1Char('[') + pid + QLatin1Char(']')) &&
                       line.contains(QLatin1String("WARNING"))),
                     qPrintable(line));
        // And the settings still hold for the reads: jit is off inside, back to the session's value after.
        const Result inside = c.exec({{QStringLiteral("select current_setting('jit')"), {}}},
                                     {{QStringLiteral("jit"), QStringLiteral("off")}})
                                  .first();
        QCOMPARE(inside.text(0, 0), QStringLiteral("off"));
        QCOMPARE(c.exec(QStringLiteral("select current_setting('jit')")).text(0, 0),
                 c.exec(QStringLiteral("select reset_val from pg_settings where name = 'jit'")).text(0, 0));
    }

    // The listing reads the columns and indexes of the whole database without joining or sorting them, and
    // adds the indexes' pages itself: it must say what describing each relation says, and the same whether
    // it lists the database or one schema. Columns added later (their pg_attribute rows far from the
    // table's first ones), a key found by a unique index, domains over the convention types, expression and
    // plain indexes (pages, no key), a dropped column.
    void listingAgreesWithDescribe() {
        auto c = open();
        const QString s = m_schema;
        c.exec(
            QStringLiteral("create domain %1.moment as timestamptz; create domain %1.flag as boolean; "
                           "create table %1.late (id integer, note text); "
                           "create table %1.between_them (id integer primary key); "
                           "alter table %1.late add column gone integer, add column deleted_at timestamptz; "
                           "create table %1.between_again (x integer); "
                           "alter table %1.late drop column gone, add column code text not null default 'x', "
                           "add column updated_at %1.moment, add column created text; "
                           "create unique index late_code on %1.late (code); "
                           "create unique index late_expr on %1.late (lower(code)); "
                           "create index late_plain on %1.late (note); "
                           "insert into %1.late (id, note, code) select n, repeat('n', n % 300), 'c' || n "
                           "from generate_series(1, 3000) n; "
                           "create table %1.flagged (\"Weird \"\"key\" integer not null, is_deleted %1.flag, "
                           "created_at date, unique (\"Weird \"\"key\")); "
                           "analyze %1.late; analyze %1.flagged")
                .arg(s));
        const QList<TableSummary> all = CatalogReader(c).tables();
        const QList<TableSummary> one = CatalogReader(c).tables(s);

        const auto* late = findSummary(one, s, "late");
        QVERIFY(late);
        QCOMPARE(late->conventions.rowKey, QStringList({"code"}));
        QCOMPARE(late->conventions.rowKeySource, QStringLiteral("unique:late_code"));
        QCOMPARE(late->conventions.softDelete, SoftDeleteKind::DeletedAtTimestamp);
        QCOMPARE(late->conventions.softDeleteColumn, QStringLiteral("deleted_at"));
        QCOMPARE(late->conventions.updatedAtColumn,
                 QStringLiteral("updated_at"));               // a domain over timestamptz
        QVERIFY(late->conventions.createdAtColumn.isEmpty()); // "created" is text
        const auto* flagged = findSummary(one, s, "flagged");
        QVERIFY(flagged);
        QCOMPARE(flagged->conventions.rowKey, QStringList({"Weird \"key"}));
        QCOMPARE(flagged->conventions.softDelete, SoftDeleteKind::DeletedFlag); // a domain over boolean
        QCOMPARE(flagged->conventions.createdAtColumn, QStringLiteral("created_at"));

        // The size from the statistics: the table's pages, its indexes' (all three) and its TOAST table's.
        const qint64 expected =
            c.exec(
                 QStringLiteral(
                     "select (c.relpages + (select sum(ic.relpages) from pg_index i join pg_class ic "
                     "on ic.oid = i.indexrelid where i.indrelid = c.oid) + coalesce((select t.relpages from "
                     "pg_class t where t.oid = c.reltoastrelid), 0))::int8 * "
                     "current_setting('block_size')::int8 "
                     "from pg_class c where c.oid = $1::regclass"),
                 {param(s + QStringLiteral(".late"))})
                .text(0, 0)
                .toLongLong();
        QCOMPARE(late->totalBytes, expected);
        QVERIFY(late->totalBytes > 3 * 8192);

        int compared = 0;
        QHash<QString, QList<TableSummary>> bySchema;
        for (const TableSummary& t : all) {
            if (t.schema != s && t.schema != QLatin1String("public") &&
                t.schema != QLatin1String("inventory"))
                continue; // other tests' scratch schemas come and go
            const QString name = t.qualifiedName();
            TableInfo d;
            try {
                d = CatalogReader(c).table(t.schema, t.name);
            } catch (const NotFound&) {
                continue; // another test's scratch table in public, dropped since the listing
            } catch (const QueryError& e) {
                if (e.sqlState() != QLatin1String("55P03"))
                    throw;
                continue; // locked by another test's open transaction (a listing does not wait for it)
            }
            QCOMPARE(t.oid, d.oid);
            QCOMPARE(t.kind, d.kind);
            QCOMPARE(t.conventions.rowKey, d.conventions.rowKey);
            QCOMPARE(t.conventions.rowKeySource, d.conventions.rowKeySource);
            QCOMPARE(t.conventions.softDelete, d.conventions.softDelete);
            QCOMPARE(t.conventions.softDeleteColumn, d.conventions.softDeleteColumn);
            QCOMPARE(t.conventions.createdAtColumn, d.conventions.createdAtColumn);
            QCOMPARE(t.conventions.updatedAtColumn, d.conventions.updatedAtColumn);
            QCOMPARE(t.conventions.updatedAtByTrigger, d.conventions.updatedAtByTrigger);
            QCOMPARE(t.conventions.uuidKey, d.conventions.uuidKey);
            QVERIFY2(t.estimateFromSize == d.estimateFromSize, qPrintable(name));
            if (!t.estimateFromSize)
                QCOMPARE(t.estimatedRows, d.estimatedRows);
            QCOMPARE(t.comment, d.comment);
            QCOMPARE(t.parentName, d.parentName);
            QCOMPARE(t.privileges.select, d.privileges.select);
            if (!bySchema.contains(t.schema))
                bySchema.insert(t.schema, CatalogReader(c).tables(t.schema));
            const TableSummary* same = findSummary(bySchema[t.schema], t.schema, t.name);
            if (!same) { // only when it was dropped in the meantime
                QVERIFY2(
                    c.exec(QStringLiteral("select not exists (select 1 from pg_class where oid = $1::oid)"),
                           {param(QString::number(t.oid))})
                            .text(0, 0) == QLatin1String("t"),
                    qPrintable(name));
                continue;
            }
            QCOMPARE(same->totalBytes, t.totalBytes);
            QCOMPARE(same->conventions.rowKey, t.conventions.rowKey);
            ++compared;
        }
        QVERIFY2(compared >= 20, qPrintable(QString::number(compared)));
    }

    // The relations come first, complete but for their conventions, in the order of the full listing.
    void relationsFirstWithoutConventions() {
        auto c = open();
        QList<TableSummary> first;
        int calls = 0;
        const QList<TableSummary> all =
            CatalogReader(c).tables({}, [&](const QList<TableSummary>& relations) {
                first = relations;
                ++calls;
            });
        QCOMPARE(calls, 1);
        QCOMPARE(first.size(), all.size());
        for (qsizetype i = 0; i < all.size(); ++i) {
            QCOMPARE(first[i].qualifiedName(), all[i].qualifiedName());
            QCOMPARE(first[i].totalBytes, all[i].totalBytes);
            QCOMPARE(first[i].estimatedRows, all[i].estimatedRows);
            QCOMPARE(first[i].parentName, all[i].parentName);
            QVERIFY(first[i].conventions.rowKey.isEmpty());
            QCOMPARE(first[i].conventions.updatedAtByTrigger, all[i].conventions.updatedAtByTrigger);
        }
        const auto* users = findSummary(all, "public", "users");
        QVERIFY(users && !users->conventions.rowKey.isEmpty());
    }

    // A companion connection reads the columns while this one reads the rest: the same listing. One that
    // cannot connect leaves everything to this connection; one that connects and then fails fails the
    // listing (its columns are not quietly dropped).
    void companionReadsTheColumns() {
        auto c = open();
        // Other tests of the run share the database and create and drop scratch schemas and tables (hundreds
        // at a time under the sanitizers' slower run), named after their process: those are left out, and of
        // the rest the relations both listings have are compared, which must be nearly all of them.
        static const QRegularExpression scratch(QStringLiteral("_[0-9]{3,}$"));
        const auto stable = [this](const QList<TableSummary>& list) {
            QList<TableSummary> kept;
            for (const TableSummary& t : list)
                if (t.schema == m_schema ||
                    (!scratch.match(t.schema).hasMatch() && !scratch.match(t.name).hasMatch()))
                    kept << t;
            return kept;
        };
        const QList<TableSummary> alone = stable(CatalogReader(c).tables());
        const auto same = [&alone, &stable](const QList<TableSummary>& all) {
            const QList<TableSummary> list = stable(all);
            QHash<QString, const TableSummary*> byName;
            for (const TableSummary& t : list)
                byName.insert(t.qualifiedName(), &t);
            qsizetype common = 0;
            for (const TableSummary& a : alone) {
                const TableSummary* t = byName.value(a.qualifiedName());
                if (!t)
                    continue;
                ++common;
                QCOMPARE(t->totalBytes, a.totalBytes);
                QCOMPARE(t->conventions.rowKey, a.conventions.rowKey);
                QCOMPARE(t->conventions.softDeleteColumn, a.conventions.softDeleteColumn);
            }
            QVERIFY2(
                common >= alone.size() - 3 && list.size() <= alone.size() + 3,
                qPrintable(
                    QStringLiteral("%1 of %2, %3 listed").arg(common).arg(alone.size()).arg(list.size())));
            QVERIFY(byName.contains(QStringLiteral("public.users")));
        };
        int here = 0;
        int there = 0;
        const auto count = [](int& n) {
            return [&n](const QString& sql, const QList<QString>&) {
                n += sql.startsWith(QLatin1String("select set_config(")) ? 0 : 1;
            };
        };
        c.setStatementObserver(count(here));
        CatalogReader reader(c);
        reader.setCompanion([&] {
            Connection other = open();
            other.setStatementObserver(count(there));
            return other;
        });
        same(reader.tables());
        QCOMPARE(here, 2);
        QCOMPARE(there, 1);
        // One schema: no companion.
        here = there = 0;
        QVERIFY(!reader.tables(QStringLiteral("inventory")).isEmpty());
        QCOMPARE(here, 3);
        QCOMPARE(there, 0);

        here = 0;
        reader.setCompanion([]() -> Connection {
            ConnectionProfile p = pgdesk::test::profile();
            p.port = 1; // nothing listens there
            return Connection::open(p);
        });
        same(reader.tables());
        QCOMPARE(here, 3);

        auto killer = open(); // used by the companion's thread alone
        reader.setCompanion([&] {
            Connection other = open();
            const QString pid = other.exec(QStringLiteral("select pg_backend_pid()")).text(0, 0);
            killer.exec(QStringLiteral("select pg_terminate_backend($1::int, 10000)"), {param(pid)});
            return other;
        });
        QVERIFY_THROWS_EXCEPTION(Error, reader.tables());
        same(CatalogReader(c).tables()); // this connection is fine
    }

    void tablesOfOneSchema() {
        auto c = open();
        const auto list = CatalogReader(c).tables(QStringLiteral("inventory"));
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).name, QStringLiteral("product_stats"));
        QCOMPARE(list.at(1).name, QStringLiteral("products"));
    }

    void bigOrdersEstimate() {
        auto c = open();
        const auto list = CatalogReader(c).tables(QStringLiteral("public"));
        const auto* big = findSummary(list, "public", "big_orders");
        QVERIFY(big);
        QVERIFY2(std::abs(big->estimatedRows - 1'000'000) < 100'000,
                 qPrintable(QString::number(big->estimatedRows)));
        QVERIFY(!big->estimateFromSize);
        QVERIFY(big->totalBytes > 50'000'000);
        QCOMPARE(big->conventions.rowKey, QStringList({"order_id"}));
    }

    void unanalyzedTableEstimatedFromSize() {
        auto c = open();
        c.exec(
            QStringLiteral("create table %1.fresh (id integer, note text) with (autovacuum_enabled = off); "
                           "insert into %1.fresh select n, 'row ' || n from generate_series(1, 10000) n")
                .arg(m_schema));
        const auto list = CatalogReader(c).tables(m_schema);
        const auto* fresh = findSummary(list, m_schema, "fresh");
        QVERIFY(fresh);
        QVERIFY(fresh->estimateFromSize);
        QVERIFY2(fresh->estimatedRows > 1000 && fresh->estimatedRows < 100000,
                 qPrintable(QString::number(fresh->estimatedRows)));
        // After ANALYZE the real count is used.
        c.exec(QStringLiteral("analyze %1.fresh").arg(m_schema));
        const auto after = CatalogReader(c).table(m_schema, QStringLiteral("fresh"));
        QVERIFY(!after.estimateFromSize);
        QCOMPARE(after.estimatedRows, 10000.0);
    }

    // A migration's new tables, locked in its open transaction: listing them would open them (sizes and
    // estimates of never-analyzed relations, a partition tree), and the tree or `tables` waited for the
    // lock and failed, for every table of the database. The listing neither waits nor fails; describing
    // such a table still waits and names the holder.
    void listingDoesNotWaitForLockedRelations() {
        auto c = open();
        c.exec(QStringLiteral(
                   "create table %1.migrated (id serial primary key, note text default 'x ' || now()::text) "
                   "with (autovacuum_enabled = off); "
                   "insert into %1.migrated (note) select 'row ' || n from generate_series(1, 5000) n; "
                   "create table %1.migrated_parts (id int, at date) partition by range (at); "
                   "create table %1.migrated_parts_2026 partition of %1.migrated_parts "
                   "for values from ('2026-01-01') to ('2027-01-01') with (autovacuum_enabled = off); "
                   "insert into %1.migrated_parts select n, date '2026-01-01' + n % 300 "
                   "from generate_series(1, 5000) n")
                   .arg(m_schema));
        auto holder = open();
        holder.exec(
            QStringLiteral("begin; lock table %1.migrated, %1.migrated_parts_2026 in access exclusive mode")
                .arg(m_schema));
        // A wait would end in the lock timeout's error.
        const auto mine = CatalogReader(c).tables(m_schema);
        const auto all = CatalogReader(c).tables();
        for (const auto* list : {&mine, &all}) {
            const auto* migrated = findSummary(*list, m_schema, "migrated");
            const auto* parts = findSummary(*list, m_schema, "migrated_parts");
            QVERIFY(migrated && parts);
            QVERIFY(migrated->estimateFromSize);
            QCOMPARE(migrated->estimatedRows, 0.0); // not measured while locked
            QCOMPARE(migrated->conventions.rowKey, QStringList({"id"}));
            QVERIFY(parts->estimateFromSize);
        }
        try {
            CatalogReader(c).table(m_schema, QStringLiteral("migrated"));
            QFAIL("describing a locked table did not wait");
        } catch (const QueryError& e) {
            QCOMPARE(e.sqlState(), QStringLiteral("55P03"));
            QVERIFY2(e.message().contains(QString::number(holder.backendPid())), qPrintable(e.message()));
        }
        holder.exec(QStringLiteral("rollback"));
        const auto after = CatalogReader(c).tables(m_schema);
        QVERIFY(findSummary(after, m_schema, "migrated")->estimatedRows > 1000);
        QVERIFY(findSummary(after, m_schema, "migrated_parts")->estimatedRows > 1000);
        QVERIFY(findSummary(after, m_schema, "migrated_parts")->totalBytes > 100000);
        c.exec(QStringLiteral("drop table %1.migrated, %1.migrated_parts").arg(m_schema));
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
