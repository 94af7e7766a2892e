// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/structuresql.h"
#include <pgdesk/core/session/resultrow.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/catalog/relationparts.h>
#include <pgdesk/core/catalog/structurereader.h>
#include <pgdesk/core/session/connection.h>

#include <algorithm>

namespace pgdesk::core {

namespace {

using Row = ResultRow;

// confupdtype / confdeltype as the SQL spells the action.
QString actionName(const QString& code) {
    if (code == QLatin1String("a"))
        return QStringLiteral("NO ACTION");
    if (code == QLatin1String("r"))
        return QStringLiteral("RESTRICT");
    if (code == QLatin1String("c"))
        return QStringLiteral("CASCADE");
    if (code == QLatin1String("n"))
        return QStringLiteral("SET NULL");
    if (code == QLatin1String("d"))
        return QStringLiteral("SET DEFAULT");
    return code;
}

QString matchName(const QString& code) {
    if (code == QLatin1String("f"))
        return QStringLiteral("FULL");
    if (code == QLatin1String("p"))
        return QStringLiteral("PARTIAL");
    return QStringLiteral("SIMPLE");
}

TriggerEnabled triggerEnabled(char code) {
    switch (code) {
    case 'D':
        return TriggerEnabled::Disabled;
    case 'R':
        return TriggerEnabled::Replica;
    case 'A':
        return TriggerEnabled::Always;
    default:
        return TriggerEnabled::Origin;
    }
}

void parseRelation(TableStructure& t, const Row& r) {
    t.oid = Oid(r.int64("oid"));
    t.schema = r.text("schema_name");
    t.name = r.text("rel_name");
    t.kind = relationKindFromRelkind(r.text("relkind"));
    t.owner = r.text("owner");
    t.comment = r.text("comment");
    t.tablespace = r.text("tablespace");
    t.unlogged = r.flag("unlogged");
    t.rowSecurity = r.flag("row_security");
    t.forceRowSecurity = r.flag("force_row_security");
    t.partitionKey = r.text("partition_key");
    t.partitionBound = r.text("partition_bound");
    t.options = r.list("options");
    t.aclDefault = r.isNull("acl");
    t.acl = r.list("acl");
    t.relationBytes = r.int64("relation_bytes");
    t.tableBytes = r.int64("table_bytes");
    t.indexesBytes = r.int64("indexes_bytes");
    t.totalBytes = r.int64("total_bytes");
    t.toastBytes = r.int64("toast_bytes");
    t.viewDefinition = r.text("view_definition");
    t.foreignServer = r.text("foreign_server");
    t.foreignOptions = r.list("foreign_options");
    if (!r.flag("has_statistics"))
        return;
    StructureStatistics s;
    s.liveTuples = r.int64("n_live_tup");
    s.deadTuples = r.int64("n_dead_tup");
    s.modifiedSinceAnalyze = r.int64("n_mod_since_analyze");
    s.sequentialScans = r.int64("seq_scan");
    s.indexScans = r.optionalInt64("idx_scan");
    s.lastVacuum = r.text("last_vacuum");
    s.lastAutovacuum = r.text("last_autovacuum");
    s.lastAnalyze = r.text("last_analyze");
    s.lastAutoanalyze = r.text("last_autoanalyze");
    s.vacuumCount = r.int64("vacuum_count");
    s.autovacuumCount = r.int64("autovacuum_count");
    s.analyzeCount = r.int64("analyze_count");
    s.autoanalyzeCount = r.int64("autoanalyze_count");
    t.statistics = s;
}

// The Structure page's view of a column: pretty expressions, a collation as people name it.
StructureColumn structureColumn(const CatalogColumn& c) {
    StructureColumn s;
    s.number = c.position;
    s.name = c.name;
    s.type = c.type;
    s.notNull = c.notNull;
    s.defaultExpression = c.defaultExpression;
    s.identity = c.identity == QLatin1String("a")   ? IdentityKind::Always
                 : c.identity == QLatin1String("d") ? IdentityKind::ByDefault
                                                    : IdentityKind::None;
    s.generatedExpression = c.generatedExpression;
    if (!c.collationName.isEmpty())
        s.collation = c.collationSchema == QLatin1String("pg_catalog")
                          ? c.collationName
                          : c.collationSchema + QLatin1Char('.') + c.collationName;
    s.comment = c.comment;
    s.storage = c.storageName();
    s.acl = c.acl;
    if (c.statistics >= 0)
        s.statistics = QString::number(c.statistics);
    return s;
}

StructureForeignKey parseForeignKey(const Row& r) {
    StructureForeignKey k;
    k.name = r.text("name");
    k.schema = r.text("schema_name");
    k.table = r.text("rel_name");
    k.columns = r.list("columns");
    k.refSchema = r.text("ref_schema");
    k.refTable = r.text("ref_table");
    k.refColumns = r.list("ref_columns");
    k.onUpdate = actionName(r.text("on_update"));
    k.onDelete = actionName(r.text("on_delete"));
    k.matchType = matchName(r.text("match_type"));
    k.definition = r.text("definition");
    k.deferrable = r.flag("deferrable");
    k.initiallyDeferred = r.flag("deferred");
    k.validated = r.flag("validated");
    k.comment = r.text("comment");
    return k;
}

void addConstraint(TableStructure& t, CatalogConstraint&& k) {
    if (k.kind == 'f') {
        if (k.referenceClone) // the declared key stands for its clones
            return;
        StructureForeignKey f;
        f.name = std::move(k.name);
        f.schema = t.schema;
        f.table = t.name;
        f.columns = std::move(k.columns);
        f.refSchema = std::move(k.refSchema);
        f.refTable = std::move(k.refTable);
        f.refColumns = std::move(k.refColumns);
        f.onUpdate = actionName(QString(QLatin1Char(k.onUpdate)));
        f.onDelete = actionName(QString(QLatin1Char(k.onDelete)));
        f.matchType = matchName(QString(QLatin1Char(k.matchType)));
        f.definition = std::move(k.definition);
        f.deferrable = k.deferrable;
        f.initiallyDeferred = k.deferred;
        f.validated = k.validated;
        f.comment = std::move(k.comment);
        t.foreignKeys << std::move(f);
        return;
    }
    StructureConstraint c;
    c.kind = k.kind == 'p'   ? ConstraintKind::PrimaryKey
             : k.kind == 'u' ? ConstraintKind::Unique
             : k.kind == 'x' ? ConstraintKind::Exclusion
                             : ConstraintKind::Check;
    c.name = std::move(k.name);
    c.columns = std::move(k.columns);
    c.definition = std::move(k.definition);
    c.index = std::move(k.indexName);
    c.deferrable = k.deferrable;
    c.initiallyDeferred = k.deferred;
    c.validated = k.validated;
    c.inherited = k.inherited;
    c.comment = std::move(k.comment);
    switch (c.kind) {
    case ConstraintKind::PrimaryKey:
        t.primaryKey = c;
        break;
    case ConstraintKind::Unique:
        t.uniques << c;
        break;
    case ConstraintKind::Check:
        t.checks << c;
        break;
    case ConstraintKind::Exclusion:
        t.exclusions << c;
        break;
    }
}

StructureIndex structureIndex(CatalogIndex&& x) {
    StructureIndex i;
    i.name = std::move(x.name);
    i.method = std::move(x.method);
    i.definition = std::move(x.definition);
    i.keys = std::move(x.keys);
    i.included = std::move(x.included);
    i.predicate = std::move(x.predicate);
    i.constraint = std::move(x.constraintName);
    i.unique = x.unique;
    i.primary = x.primary;
    i.exclusion = x.exclusion;
    i.valid = x.valid;
    i.ready = x.ready;
    i.sizeBytes = x.sizeBytes;
    i.scans = x.scans;
    i.comment = std::move(x.comment);
    return i;
}

StructureTrigger structureTrigger(const CatalogTrigger& c) {
    StructureTrigger t;
    t.name = c.name;
    t.definition = c.definition;
    const int bits = c.typeBits;
    t.forEachRow = bits & 1;
    t.timing = (bits & 64)  ? QStringLiteral("INSTEAD OF")
               : (bits & 2) ? QStringLiteral("BEFORE")
                            : QStringLiteral("AFTER");
    if (bits & 4)
        t.events << QStringLiteral("INSERT");
    if (bits & 16)
        t.events << QStringLiteral("UPDATE");
    if (bits & 8)
        t.events << QStringLiteral("DELETE");
    if (bits & 32)
        t.events << QStringLiteral("TRUNCATE");
    t.enabled = triggerEnabled(c.enabled);
    t.function = c.function;
    t.inherited = c.inherited;
    t.comment = c.comment;
    return t;
}

StructurePolicy structurePolicy(const CatalogPolicy& c) {
    StructurePolicy p;
    p.name = c.name;
    p.permissive = c.permissive;
    p.command = c.commandKeyword();
    for (const CatalogPolicyRole& r : c.roles)
        p.roles << (r.name.isEmpty() ? QStringLiteral("public") : r.name);
    p.usingExpression = c.usingExpression;
    p.withCheckExpression = c.withCheckExpression;
    return p;
}

StructureChild parseChild(const Row& r) {
    StructureChild c;
    c.schema = r.text("schema_name");
    c.name = r.text("rel_name");
    c.kind = relationKindFromRelkind(r.text("relkind"));
    c.isPartition = r.flag("is_partition");
    c.bound = r.text("bound");
    c.totalBytes = r.int64("total_bytes");
    return c;
}

} // namespace

QList<StructureConstraint> TableStructure::constraints() const {
    QList<StructureConstraint> all;
    if (primaryKey)
        all << *primaryKey;
    all << uniques << checks << exclusions;
    return all;
}

StructureReader::StructureReader(Connection& connection)
    : m_catalog(connection) {
}

TableStructure StructureReader::read(const QString& schema, const QString& name) {
    const Params params{schema.isEmpty() ? nullParam() : param(schema), param(name)};
    using namespace structuresql;
    const QList<Result> results = m_catalog.readBatch(
        {{relationSql(), params},
         catalogColumnsStatement(targetSql(), params, ExpressionStyle::Pretty),
         catalogConstraintsStatement(targetSql(), params, ExpressionStyle::Pretty, PartDetail::Full),
         {referencedBySql(), params},
         catalogIndexesStatement(targetSql(), params, ExpressionStyle::Pretty, PartDetail::Full),
         catalogTriggersStatement(targetSql(), params, ExpressionStyle::Pretty),
         catalogPoliciesStatement(targetSql(), params, ExpressionStyle::Pretty),
         {childrenSql(), params},
         {parentsSql(), params},
         {privilegesSql(), params}},
        schema, name);
    if (results.size() != 10 || results[0].rowCount() == 0)
        throwError(ErrorKind::NotFound, QStringLiteral("no table or view named %1")
                                            .arg(schema.isEmpty() ? name : schema + QLatin1Char('.') + name));
    TableStructure t;
    parseRelation(t, Row(results[0], 0));
    forEachCatalogColumn(results[1], [&](CatalogColumn&& c) { t.columns << structureColumn(c); });
    std::sort(t.columns.begin(), t.columns.end(),
              [](const StructureColumn& a, const StructureColumn& b) { return a.number < b.number; });
    forEachCatalogConstraint(results[2], [&](CatalogConstraint&& k) { addConstraint(t, std::move(k)); });
    forEachRow(results[3], [&](const Row& r) { t.referencedBy << parseForeignKey(r); });
    forEachCatalogIndex(results[4], [&](CatalogIndex&& x) { t.indexes << structureIndex(std::move(x)); });
    std::stable_sort(
        t.indexes.begin(), t.indexes.end(),
        [](const StructureIndex& a, const StructureIndex& b) { return a.primary && !b.primary; });
    forEachCatalogTrigger(results[5], [&](CatalogTrigger&& c) { t.triggers << structureTrigger(c); });
    forEachCatalogPolicy(results[6], [&](CatalogPolicy&& c) { t.policies << structurePolicy(c); });
    forEachRow(results[7], [&](const Row& r) { t.children << parseChild(r); });
    forEachRow(results[8], [&](const Row& r) {
        t.parents << StructureParent{r.text("schema_name"), r.text("rel_name")};
    });
    forEachRow(results[9], [&](const Row& r) {
        t.privileges << StructurePrivilege{r.text("grantee"), r.text("grantor"), r.text("privilege"),
                                           r.flag("grantable")};
    });
    return t;
}

QString identityKindName(IdentityKind kind) {
    switch (kind) {
    case IdentityKind::Always:
        return QStringLiteral("always");
    case IdentityKind::ByDefault:
        return QStringLiteral("by_default");
    case IdentityKind::None:
        break;
    }
    return QStringLiteral("none");
}

QString constraintKindName(ConstraintKind kind) {
    switch (kind) {
    case ConstraintKind::PrimaryKey:
        return QStringLiteral("primary_key");
    case ConstraintKind::Unique:
        return QStringLiteral("unique");
    case ConstraintKind::Exclusion:
        return QStringLiteral("exclusion");
    case ConstraintKind::Check:
        break;
    }
    return QStringLiteral("check");
}

QString triggerEnabledName(TriggerEnabled enabled) {
    switch (enabled) {
    case TriggerEnabled::Disabled:
        return QStringLiteral("disabled");
    case TriggerEnabled::Replica:
        return QStringLiteral("replica");
    case TriggerEnabled::Always:
        return QStringLiteral("always");
    case TriggerEnabled::Origin:
        break;
    }
    return QStringLiteral("origin");
}

} // namespace pgdesk::core
