// SPDX-License-Identifier: GPL-3.0-or-later
// CatalogReader::tables(): the listing of a schema or of the whole database in one pipeline, its companion
// connection, its relations-first hand-over, its estimates and sizes, and that it never waits for another
// session's lock. Describing one table (CatalogReader::table()) is tst_catalog's.
#include "scratchschema.h"
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
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

} // namespace

class TestCatalogListing final : public QObject {
    Q_OBJECT

    // A schema of this test alone: ctest may run other tests against the same database at once.
    QString m_schema = QStringLiteral("tst_cataloglisting_%1").arg(QCoreApplication::applicationPid());
    std::optional<pgdesk::test::ScratchSchema> m_scratch;

    Connection open() { return Connection::open(pgdesk::test::profile()); }

private slots:
    void initTestCase() { m_scratch.emplace(m_schema); }

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
};

QTEST_GUILESS_MAIN(TestCatalogListing)
#include "tst_cataloglisting.moc"
