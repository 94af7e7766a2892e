// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/catalog/catalog.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/session/lockwait.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pgdesk::core {

class Connection;

// Everything structural about one relation, as the server spells it: expressions, definitions, types and
// timestamps are PostgreSQL's own text (format_type, pg_get_expr, pg_get_*def, timestamptz output), sizes
// and counters exact integers. A plain value, safe to hand to another thread.

enum class IdentityKind { None, Always, ByDefault };

struct StructureColumn {
    int number = 0; // attnum
    QString name;
    QString type; // format_type with modifiers: "numeric(12,2)", "character varying(20)", a domain's name
    bool notNull = false;
    QString defaultExpression; // pg_get_expr of the default; empty when none (and for generated columns)
    IdentityKind identity = IdentityKind::None;
    QString generatedExpression; // GENERATED ALWAYS AS (…) STORED: the expression; empty otherwise
    QString collation;           // only when it differs from the type's default collation
    QString comment;
    QString storage;    // "plain", "main", "external" or "extended"
    QStringList acl;    // column grants of its own as aclitem text ("alice=r/postgres"); usually none
    QString statistics; // attstattarget when set ("1000"), else empty
};

// Primary key, unique, check and exclusion constraints.
enum class ConstraintKind { PrimaryKey, Unique, Check, Exclusion };

struct StructureConstraint {
    ConstraintKind kind = ConstraintKind::Check;
    QString name;
    QStringList columns; // conkey in order; empty for a check on no column
    QString definition; // pg_get_constraintdef: "PRIMARY KEY (id)", "CHECK ((price > 0))", "EXCLUDE USING …"
    QString index;      // the index that backs a key or exclusion constraint
    bool deferrable = false;
    bool initiallyDeferred = false;
    bool validated = true;  // false for NOT VALID
    bool inherited = false; // from a parent (coninhcount > 0), not declared here alone
    QString comment;
};

// A foreign key, seen from either side: columns of schema.table reference refColumns of refSchema.refTable.
struct StructureForeignKey {
    QString name;
    QString schema;
    QString table;
    QStringList columns;
    QString refSchema;
    QString refTable;
    QStringList refColumns;
    QString onUpdate;   // "NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT"
    QString onDelete;   // as onUpdate
    QString matchType;  // "SIMPLE", "FULL", "PARTIAL"
    QString definition; // pg_get_constraintdef: "FOREIGN KEY (a) REFERENCES s.t(b) ON DELETE CASCADE"
    bool deferrable = false;
    bool initiallyDeferred = false;
    bool validated = true;
    QString comment;
};

struct StructureIndex {
    QString name;
    QString method;       // "btree", "gist", "gin", …
    QString definition;   // pg_get_indexdef: "CREATE UNIQUE INDEX … ON … USING btree (…) WHERE …"
    QStringList keys;     // key columns or expressions, in order
    QStringList included; // INCLUDE columns
    QString predicate;    // a partial index's WHERE, without the keyword; empty otherwise
    QString constraint;   // the constraint it backs (primary key, unique, exclusion), if any
    bool unique = false;
    bool primary = false;
    bool exclusion = false;
    bool valid = true; // false after a failed CREATE INDEX CONCURRENTLY
    bool ready = true;
    qint64 sizeBytes = 0;        // pg_relation_size: 0 for a partitioned table's index
    std::optional<qint64> scans; // idx_scan from pg_stat_user_indexes; none without statistics
    QString comment;
};

enum class TriggerEnabled { Origin, Disabled, Replica, Always };

struct StructureTrigger {
    QString name;
    QString definition; // pg_get_triggerdef: "CREATE TRIGGER t BEFORE UPDATE ON … FOR EACH ROW EXECUTE …"
    QString timing;     // "BEFORE", "AFTER" or "INSTEAD OF"
    QStringList events; // of "INSERT", "UPDATE", "DELETE", "TRUNCATE", in that order
    bool forEachRow = false;
    TriggerEnabled enabled = TriggerEnabled::Origin;
    QString function;       // regprocedure text: "audit_row()"
    bool inherited = false; // cloned from a partitioned parent's trigger
    QString comment;
};

struct StructurePolicy {
    QString name;
    bool permissive = true;
    QString command;         // "ALL", "SELECT", "INSERT", "UPDATE", "DELETE"
    QStringList roles;       // "public" for PUBLIC
    QString usingExpression; // pg_get_expr of polqual; empty when none
    QString withCheckExpression;
};

// A relation that inherits from this one: a partition (with its bound) or a plain inheritance child.
struct StructureChild {
    QString schema;
    QString name;
    RelationKind kind = RelationKind::Table; // a partition may be partitioned itself
    bool isPartition = false;
    QString bound; // pg_get_expr(relpartbound): "FOR VALUES FROM (…) TO (…)", "DEFAULT"
    qint64 totalBytes = 0;
};

struct StructureParent {
    QString schema;
    QString name;
};

// One aclexplode() row of the relation's privileges.
struct StructurePrivilege {
    QString grantee; // "PUBLIC" for everyone
    QString grantor;
    QString privilege; // "SELECT", "INSERT", …
    bool grantable = false;
};

// pg_stat_user_tables; timestamps as the server's text, empty when never.
struct StructureStatistics {
    qint64 liveTuples = 0;
    qint64 deadTuples = 0;
    qint64 modifiedSinceAnalyze = 0;
    qint64 sequentialScans = 0;
    std::optional<qint64> indexScans; // none when the table has no index
    QString lastVacuum;
    QString lastAutovacuum;
    QString lastAnalyze;
    QString lastAutoanalyze;
    qint64 vacuumCount = 0;
    qint64 autovacuumCount = 0;
    qint64 analyzeCount = 0;
    qint64 autoanalyzeCount = 0;
};

struct TableStructure {
    Oid oid = 0;
    QString schema;
    QString name;
    RelationKind kind = RelationKind::Table;
    QString owner;
    QString comment;
    QString tablespace; // empty: the database's default
    bool unlogged = false;

    QList<StructureColumn> columns;
    std::optional<StructureConstraint> primaryKey;
    QList<StructureConstraint> uniques;
    QList<StructureConstraint> checks;
    QList<StructureConstraint> exclusions;
    QList<StructureForeignKey> foreignKeys;  // outgoing: this table references others
    QList<StructureForeignKey> referencedBy; // incoming
    QList<StructureIndex> indexes;           // primary key's first, then by name
    QList<StructureTrigger> triggers;

    bool rowSecurity = false;      // relrowsecurity
    bool forceRowSecurity = false; // relforcerowsecurity
    QList<StructurePolicy> policies;

    QString partitionKey;           // pg_get_partkeydef of a partitioned table: "RANGE (created_at)"
    QString partitionBound;         // a partition's own bound
    QList<StructureChild> children; // partitions (a DEFAULT one last) and plain inheritance children
    QList<StructureParent> parents; // in inhseqno order

    QStringList acl;        // relacl as aclitem text; empty when the owner's defaults apply (aclDefault)
    bool aclDefault = true; // relacl is NULL: the privileges are acldefault()'s
    QList<StructurePrivilege> privileges; // relacl (or the defaults) exploded
    QStringList options; // reloptions as "name=value": "fillfactor=70", "autovacuum_enabled=false"

    // A partitioned table's are the sums over its leaf partitions (relationBytes stays its own, 0).
    qint64 relationBytes = 0; // pg_relation_size (main fork)
    qint64 tableBytes = 0;    // pg_table_size (with TOAST, free space and visibility maps)
    qint64 toastBytes = 0;    // pg_total_relation_size(reltoastrelid): the TOAST table and its index
    qint64 indexesBytes = 0;  // pg_indexes_size
    qint64 totalBytes = 0;    // pg_total_relation_size
    std::optional<StructureStatistics> statistics; // none for views and partitioned tables' missing rows

    QString viewDefinition; // pg_get_viewdef for views and materialized views
    QString foreignServer;  // for foreign tables
    QStringList foreignOptions;

    QString qualifiedName() const { return schema + QLatin1Char('.') + name; }
    // The primary key, uniques, checks and exclusions in that order.
    QList<StructureConstraint> constraints() const;
};

// Reads a TableStructure in one round trip: a few catalog statements in one pipeline (relationparts.h's and
// those of src/catalog/structuresql.cpp), under CatalogReader's short lock_timeout (a relation another
// session holds with an uncommitted ALTER TABLE fails in about 2 s with the 55P03 error naming the holders,
// and lockHolders() has them). Names travel as parameters.
class StructureReader {
public:
    explicit StructureReader(Connection& connection);

    // By exact (case-sensitive) schema and name; an empty schema searches current_schemas(false) in order.
    // Throws NotFound when there is no table, partitioned table, view, materialized view or foreign table of
    // that name.
    TableStructure read(const QString& schema, const QString& name);

    const QList<LockBlocker>& lockHolders() const { return m_catalog.lockHolders(); }

private:
    CatalogReader m_catalog;
};

// Lower-case names for JSON: "none", "always", "by_default".
QString identityKindName(IdentityKind kind);
QString constraintKindName(ConstraintKind kind);    // "primary_key", "unique", "check", "exclusion"
QString triggerEnabledName(TriggerEnabled enabled); // "origin", "disabled", "replica", "always"

} // namespace pgdesk::core
