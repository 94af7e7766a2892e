// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/catalog/catalog.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/lockwait.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace pgdesk::core {

struct SchemaInfo {
    QString name;
    QString owner;
    QString comment;
};

// One row of the table list: enough to show it and to know how it can be edited, without the
// column/constraint details of TableInfo.
struct TableSummary {
    Oid oid = 0;
    QString schema;
    QString name;
    RelationKind kind = RelationKind::Table;
    QString parentSchema; // for partitions: the partitioned parent
    QString parentName;
    double estimatedRows = 0;      // see TableInfo::estimatedRows
    bool estimateFromSize = false; // never analyzed: estimated from the relation's size
    qint64 totalBytes = 0;
    QString comment;
    Conventions conventions;
    Privileges privileges;

    QString qualifiedName() const { return schema + QLatin1Char('.') + name; }
    bool isPartition() const { return !parentName.isEmpty(); }
};

// Reads the system catalogs. Every call is one round trip (one statement, or a listing's three in one
// pipeline), and names always travel as parameters, so hostile identifiers are just data.
// schemas(), tables() and table() wait at most kCatalogLockTimeoutMs (or the profile's shorter lock_timeout)
// for a lock another session holds on a relation they read (an uncommitted ALTER TABLE): then they throw
// the 55P03 error with "waiting for a lock held by PID n (user, state for N s): statement" as its message,
// and lockHolders() has those sessions (relationLockHolders(): ACCESS EXCLUSIVE locks in pg_locks). Every
// read runs with that lock_timeout, jit off and no parallel workers as Connection::exec's local settings
// (one set_config() SELECT in its pipeline): the catalog's many small subqueries start the JIT, which
// then compiles for longer than it saves.
// The statements live in src/catalog/catalogsql.cpp, convention detection and naming in conventions.cpp
// (the names in conventionnames.h), parsing and the reader in catalogreader.cpp.
class CatalogReader {
public:
    static constexpr int kCatalogLockTimeoutMs = 2000;

    explicit CatalogReader(Connection& connection);

    // A second connection a listing of the whole database may open to read the columns (the heaviest of its
    // catalog reads) while this one reads the relations and indexes: the server works on both at once. Used
    // when it opens; a listing whose companion cannot connect reads everything on this connection. The
    // CLI's `tables` sets one where a connection opens in a moment (a local server).
    void setCompanion(std::function<Connection()> open) { m_openCompanion = std::move(open); }

    // User schemas, sorted: pg_catalog, information_schema, pg_toast* and pg_temp* are left out.
    QList<SchemaInfo> schemas();
    // Tables, partitioned tables (and their partitions), views, materialized views and foreign
    // tables, sorted by schema and name; an empty schema means all user schemas. Three statements in one
    // pipeline, each result taken apart as it arrives: the relations (sizes from relpages; never-analyzed
    // ones measured unless another session holds or awaits ACCESS EXCLUSIVE on them, so a listing never
    // waits for a user's lock), then as plain rows every index (its pages added to its table's size here,
    // the unique ones name keys) and the columns the conventions can use: no JSON to build or parse, and
    // for the whole database read without joins or sorts, grouped here.
    QList<TableSummary> tables(const QString& schema = {});
    // The same, handing the relations over first (`relationsFirst`, on this thread), with their sizes but
    // no conventions yet, while the server still reads the columns the conventions need: a tree can show a
    // big database before they are in.
    using RelationsRead = std::function<void(const QList<TableSummary>&)>;
    QList<TableSummary> tables(const QString& schema, const RelationsRead& relationsFirst);
    // Everything about one relation, by exact (case-sensitive) schema and name, its exact size
    // (pg_total_relation_size) included; an empty schema searches current_schemas(false) in order. Throws
    // NotFound when absent.
    TableInfo table(const QString& schema, const QString& name);
    // "schema.table" or "table" (looked up along the search path). Parts may be double-quoted
    // ("my.schema"."a ""b"""); unquoted parts are taken exactly as written, not case-folded. When a
    // dotted name does not resolve as schema.table, the whole text is tried as a bare table name.
    TableInfo table(const QString& qualifiedOrBareName);
    // The columns of a query's result, typed like table columns (domains, enums, arrays resolved), as a
    // TableInfo of kind Query with no key. Two round trips: the query with LIMIT 0, then the types.
    // The query runs as a subquery, so it must be a single SELECT, VALUES or WITH … SELECT.
    TableInfo describeQuery(const QString& sql, const Params& params = {});
    // The schema and name of a relation by OID (a result column's PQftable); nullopt when it is gone.
    std::optional<std::pair<QString, QString>> relationName(Oid oid);

    // The sessions the last lock timeout found holding the lock (empty when none was found or none timed
    // out).
    const QList<LockBlocker>& lockHolders() const { return m_lockHolders; }

    // Catalog statements of another reader (StructureReader, DdlWriter) in one pipeline under the same
    // short lock_timeout, with `extra` settings after ours; a timeout blames the holders of
    // schema.relation as above.
    // `arrived` sees each result as it comes, while the server runs the next statements.
    QList<Result> readBatch(const QList<BatchStatement>& statements, const QString& schema,
                            const QString& relation, const LocalSettings& extra = {},
                            const Connection::ResultArrived& arrived = {}) {
        return read(statements, schema, relation, extra, arrived);
    }

private:
    // One catalog statement under the short lock_timeout; `schema`/`relation` narrow whom a timeout blames.
    Result read(const QString& sql, const Params& params, const QString& schema, const QString& relation);
    // Several, in one round trip (one pipeline).
    QList<Result> read(const QList<BatchStatement>& statements, const QString& schema,
                       const QString& relation, const LocalSettings& extra = {},
                       const Connection::ResultArrived& arrived = {});
    TableInfo loadTable(const Param& schema, const Param& name, const Param& fallbackName,
                        const QString& shownName);

    Connection& m_connection;
    QList<LockBlocker> m_lockHolders;
    std::function<Connection()> m_openCompanion;
};

// Pure: the conventions of a table from its columns and uniques (rules in src/catalog/conventions.cpp).
Conventions detectConventions(const TableInfo& table, bool hasBeforeUpdateRowTrigger);

// Splits "schema.table" honouring double quotes; std::nullopt when the text is not a valid one- or
// two-part name (then it can only be a bare name as a whole).
std::optional<QStringList> splitQualifiedName(const QString& text);

// "boolean", "integer", "timestamp", … .
QString typeCategoryName(TypeCategory category);

} // namespace pgdesk::core
