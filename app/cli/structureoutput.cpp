// SPDX-License-Identifier: GPL-3.0-or-later
#include "structureoutput.h"

#include "catalogjson.h"
#include "output.h"

#include <QJsonArray>

namespace pgdesk::cli {

namespace {

QJsonArray strings(const QStringList& list) {
    return QJsonArray::fromStringList(list);
}

QJsonValue optionalNumber(const std::optional<qint64>& value) {
    return value ? QJsonValue(*value) : QJsonValue();
}

QJsonObject columnJson(const core::StructureColumn& c) {
    return QJsonObject{
        {QStringLiteral("number"), c.number},
        {QStringLiteral("name"), c.name},
        {QStringLiteral("type"), c.type},
        {QStringLiteral("not_null"), c.notNull},
        {QStringLiteral("default"), stringOrNull(c.defaultExpression)},
        {QStringLiteral("identity"), c.identity == core::IdentityKind::None
                                         ? QJsonValue()
                                         : QJsonValue(core::identityKindName(c.identity))},
        {QStringLiteral("generated"), stringOrNull(c.generatedExpression)},
        {QStringLiteral("collation"), stringOrNull(c.collation)},
        {QStringLiteral("comment"), stringOrNull(c.comment)},
        {QStringLiteral("storage"), c.storage},
        {QStringLiteral("acl"), strings(c.acl)},
        {QStringLiteral("statistics_target"), stringOrNull(c.statistics)},
    };
}

QJsonObject constraintJson(const core::StructureConstraint& c) {
    return QJsonObject{
        {QStringLiteral("name"), c.name},
        {QStringLiteral("kind"), core::constraintKindName(c.kind)},
        {QStringLiteral("columns"), strings(c.columns)},
        {QStringLiteral("definition"), c.definition},
        {QStringLiteral("index"), stringOrNull(c.index)},
        {QStringLiteral("deferrable"), c.deferrable},
        {QStringLiteral("initially_deferred"), c.initiallyDeferred},
        {QStringLiteral("validated"), c.validated},
        {QStringLiteral("inherited"), c.inherited},
        {QStringLiteral("comment"), stringOrNull(c.comment)},
    };
}

QJsonObject foreignKeyJson(const core::StructureForeignKey& k) {
    return QJsonObject{
        {QStringLiteral("name"), k.name},
        {QStringLiteral("schema"), k.schema},
        {QStringLiteral("table"), k.table},
        {QStringLiteral("columns"), strings(k.columns)},
        {QStringLiteral("ref_schema"), k.refSchema},
        {QStringLiteral("ref_table"), k.refTable},
        {QStringLiteral("ref_columns"), strings(k.refColumns)},
        {QStringLiteral("on_update"), k.onUpdate},
        {QStringLiteral("on_delete"), k.onDelete},
        {QStringLiteral("match"), k.matchType},
        {QStringLiteral("definition"), k.definition},
        {QStringLiteral("deferrable"), k.deferrable},
        {QStringLiteral("initially_deferred"), k.initiallyDeferred},
        {QStringLiteral("validated"), k.validated},
        {QStringLiteral("comment"), stringOrNull(k.comment)},
    };
}

QJsonObject indexJson(const core::StructureIndex& i) {
    return QJsonObject{
        {QStringLiteral("name"), i.name},
        {QStringLiteral("method"), i.method},
        {QStringLiteral("definition"), i.definition},
        {QStringLiteral("keys"), strings(i.keys)},
        {QStringLiteral("include"), strings(i.included)},
        {QStringLiteral("predicate"), stringOrNull(i.predicate)},
        {QStringLiteral("constraint"), stringOrNull(i.constraint)},
        {QStringLiteral("unique"), i.unique},
        {QStringLiteral("primary"), i.primary},
        {QStringLiteral("exclusion"), i.exclusion},
        {QStringLiteral("valid"), i.valid},
        {QStringLiteral("ready"), i.ready},
        {QStringLiteral("size_bytes"), i.sizeBytes},
        {QStringLiteral("scans"), optionalNumber(i.scans)},
        {QStringLiteral("comment"), stringOrNull(i.comment)},
    };
}

QJsonObject triggerJson(const core::StructureTrigger& t) {
    return QJsonObject{
        {QStringLiteral("name"), t.name},
        {QStringLiteral("definition"), t.definition},
        {QStringLiteral("timing"), t.timing},
        {QStringLiteral("events"), strings(t.events)},
        {QStringLiteral("for_each_row"), t.forEachRow},
        {QStringLiteral("enabled"), core::triggerEnabledName(t.enabled)},
        {QStringLiteral("function"), t.function},
        {QStringLiteral("inherited"), t.inherited},
        {QStringLiteral("comment"), stringOrNull(t.comment)},
    };
}

QJsonObject policyJson(const core::StructurePolicy& p) {
    return QJsonObject{
        {QStringLiteral("name"), p.name},
        {QStringLiteral("permissive"), p.permissive},
        {QStringLiteral("command"), p.command},
        {QStringLiteral("roles"), strings(p.roles)},
        {QStringLiteral("using"), stringOrNull(p.usingExpression)},
        {QStringLiteral("with_check"), stringOrNull(p.withCheckExpression)},
    };
}

QJsonObject statisticsJson(const core::StructureStatistics& s) {
    return QJsonObject{
        {QStringLiteral("live_tuples"), s.liveTuples},
        {QStringLiteral("dead_tuples"), s.deadTuples},
        {QStringLiteral("modified_since_analyze"), s.modifiedSinceAnalyze},
        {QStringLiteral("sequential_scans"), s.sequentialScans},
        {QStringLiteral("index_scans"), optionalNumber(s.indexScans)},
        {QStringLiteral("last_vacuum"), stringOrNull(s.lastVacuum)},
        {QStringLiteral("last_autovacuum"), stringOrNull(s.lastAutovacuum)},
        {QStringLiteral("last_analyze"), stringOrNull(s.lastAnalyze)},
        {QStringLiteral("last_autoanalyze"), stringOrNull(s.lastAutoanalyze)},
        {QStringLiteral("vacuum_count"), s.vacuumCount},
        {QStringLiteral("autovacuum_count"), s.autovacuumCount},
        {QStringLiteral("analyze_count"), s.analyzeCount},
        {QStringLiteral("autoanalyze_count"), s.autoanalyzeCount},
    };
}

template <class T, class ToJson> QJsonArray array(const QList<T>& items, ToJson toJson) {
    QJsonArray out;
    for (const T& item : items)
        out.append(toJson(item));
    return out;
}

QString qualified(const QString& schema, const QString& name) {
    return schema + QLatin1Char('.') + name;
}

QString joined(const QStringList& list) {
    return list.join(QStringLiteral(", "));
}

// A titled section of aligned rows, left out when it has none.
void section(QTextStream& out, const char* title, const QStringList& headers,
             const QList<QStringList>& rows) {
    if (rows.isEmpty())
        return;
    out << '\n' << title << ":\n";
    printTable(out, headers, rows);
}

} // namespace

QJsonObject structureJson(const core::TableStructure& s) {
    QJsonArray children;
    for (const core::StructureChild& c : s.children)
        children.append(QJsonObject{{QStringLiteral("schema"), c.schema},
                                    {QStringLiteral("name"), c.name},
                                    {QStringLiteral("kind"), core::relationKindName(c.kind)},
                                    {QStringLiteral("partition"), c.isPartition},
                                    {QStringLiteral("bound"), stringOrNull(c.bound)},
                                    {QStringLiteral("total_bytes"), c.totalBytes}});
    QJsonArray parents;
    for (const core::StructureParent& p : s.parents)
        parents.append(QJsonObject{{QStringLiteral("schema"), p.schema}, {QStringLiteral("name"), p.name}});
    QJsonArray privileges;
    for (const core::StructurePrivilege& p : s.privileges)
        privileges.append(QJsonObject{{QStringLiteral("grantee"), p.grantee},
                                      {QStringLiteral("grantor"), p.grantor},
                                      {QStringLiteral("privilege"), p.privilege},
                                      {QStringLiteral("grantable"), p.grantable}});
    return QJsonObject{
        {QStringLiteral("schema"), s.schema},
        {QStringLiteral("name"), s.name},
        {QStringLiteral("kind"), core::relationKindName(s.kind)},
        {QStringLiteral("owner"), s.owner},
        {QStringLiteral("comment"), stringOrNull(s.comment)},
        {QStringLiteral("tablespace"), stringOrNull(s.tablespace)},
        {QStringLiteral("unlogged"), s.unlogged},
        {QStringLiteral("columns"), array(s.columns, columnJson)},
        {QStringLiteral("primary_key"),
         s.primaryKey ? QJsonValue(constraintJson(*s.primaryKey)) : QJsonValue()},
        {QStringLiteral("uniques"), array(s.uniques, constraintJson)},
        {QStringLiteral("checks"), array(s.checks, constraintJson)},
        {QStringLiteral("exclusions"), array(s.exclusions, constraintJson)},
        {QStringLiteral("foreign_keys"), array(s.foreignKeys, foreignKeyJson)},
        {QStringLiteral("referenced_by"), array(s.referencedBy, foreignKeyJson)},
        {QStringLiteral("indexes"), array(s.indexes, indexJson)},
        {QStringLiteral("triggers"), array(s.triggers, triggerJson)},
        {QStringLiteral("row_security"), s.rowSecurity},
        {QStringLiteral("force_row_security"), s.forceRowSecurity},
        {QStringLiteral("policies"), array(s.policies, policyJson)},
        {QStringLiteral("partition_key"), stringOrNull(s.partitionKey)},
        {QStringLiteral("partition_bound"), stringOrNull(s.partitionBound)},
        {QStringLiteral("children"), children},
        {QStringLiteral("parents"), parents},
        {QStringLiteral("acl"), s.aclDefault ? QJsonValue() : QJsonValue(strings(s.acl))},
        {QStringLiteral("privileges"), privileges},
        {QStringLiteral("options"), strings(s.options)},
        {QStringLiteral("relation_bytes"), s.relationBytes},
        {QStringLiteral("table_bytes"), s.tableBytes},
        {QStringLiteral("toast_bytes"), s.toastBytes},
        {QStringLiteral("indexes_bytes"), s.indexesBytes},
        {QStringLiteral("total_bytes"), s.totalBytes},
        {QStringLiteral("statistics"),
         s.statistics ? QJsonValue(statisticsJson(*s.statistics)) : QJsonValue()},
        {QStringLiteral("view_definition"), stringOrNull(s.viewDefinition)},
        {QStringLiteral("foreign_server"), stringOrNull(s.foreignServer)},
        {QStringLiteral("foreign_options"), strings(s.foreignOptions)},
    };
}

void printStructure(QTextStream& out, const core::TableStructure& s) {
    out << core::relationKindName(s.kind) << ' ' << s.qualifiedName() << ", owner " << s.owner << ", "
        << prettySize(s.totalBytes) << '\n';
    if (!s.comment.isEmpty())
        out << s.comment << '\n';

    QList<QStringList> rows;
    for (const core::StructureColumn& c : s.columns) {
        QStringList notes;
        if (c.identity != core::IdentityKind::None)
            notes << QStringLiteral("identity ") +
                         core::identityKindName(c.identity).replace(QLatin1Char('_'), QLatin1Char(' '));
        if (!c.generatedExpression.isEmpty())
            notes << QStringLiteral("generated (%1)").arg(c.generatedExpression);
        if (!c.collation.isEmpty())
            notes << QStringLiteral("collate %1").arg(c.collation);
        rows << QStringList{QString::number(c.number),
                            c.name,
                            c.type,
                            c.notNull ? QStringLiteral("not null") : QString(),
                            c.defaultExpression,
                            joined(notes),
                            c.storage,
                            c.comment};
    }
    section(out, "Columns",
            {QStringLiteral("#"), QStringLiteral("column"), QStringLiteral("type"), QStringLiteral("null"),
             QStringLiteral("default"), QStringLiteral("notes"), QStringLiteral("storage"),
             QStringLiteral("comment")},
            rows);

    rows.clear();
    for (const core::StructureConstraint& c : s.constraints())
        rows << QStringList{c.name, core::constraintKindName(c.kind), c.definition,
                            c.validated ? QString() : QStringLiteral("not valid")};
    section(out, "Constraints",
            {QStringLiteral("name"), QStringLiteral("kind"), QStringLiteral("definition"),
             QStringLiteral("notes")},
            rows);

    rows.clear();
    for (const core::StructureIndex& i : s.indexes) {
        QStringList notes;
        if (!i.valid)
            notes << QStringLiteral("INVALID");
        if (!i.ready)
            notes << QStringLiteral("not ready");
        rows << QStringList{i.name, i.definition, prettySize(i.sizeBytes),
                            i.scans ? QString::number(*i.scans) : QString(), joined(notes)};
    }
    section(out, "Indexes",
            {QStringLiteral("name"), QStringLiteral("definition"), QStringLiteral("size"),
             QStringLiteral("scans"), QStringLiteral("notes")},
            rows);

    rows.clear();
    for (const core::StructureForeignKey& k : s.foreignKeys)
        rows << QStringList{k.name, k.definition};
    section(out, "Foreign keys", {QStringLiteral("name"), QStringLiteral("definition")}, rows);
    rows.clear();
    for (const core::StructureForeignKey& k : s.referencedBy)
        rows << QStringList{qualified(k.schema, k.table), k.name, k.definition};
    section(out, "Referenced by",
            {QStringLiteral("table"), QStringLiteral("name"), QStringLiteral("definition")}, rows);

    rows.clear();
    for (const core::StructureTrigger& t : s.triggers)
        rows << QStringList{t.name, core::triggerEnabledName(t.enabled), t.definition};
    section(out, "Triggers",
            {QStringLiteral("name"), QStringLiteral("enabled"), QStringLiteral("definition")}, rows);

    rows.clear();
    for (const core::StructurePolicy& p : s.policies)
        rows << QStringList{p.name,
                            p.permissive ? QStringLiteral("permissive") : QStringLiteral("restrictive"),
                            p.command,
                            joined(p.roles),
                            p.usingExpression,
                            p.withCheckExpression};
    if (s.rowSecurity || !s.policies.isEmpty())
        out << "\nRow-level security: " << (s.rowSecurity ? "enabled" : "disabled")
            << (s.forceRowSecurity ? ", forced for the owner" : "") << '\n';
    if (!rows.isEmpty())
        printTable(out,
                   {QStringLiteral("policy"), QStringLiteral("type"), QStringLiteral("command"),
                    QStringLiteral("roles"), QStringLiteral("using"), QStringLiteral("with check")},
                   rows);

    if (!s.partitionKey.isEmpty())
        out << "\nPartition key: " << s.partitionKey << '\n';
    rows.clear();
    for (const core::StructureChild& c : s.children)
        rows << QStringList{qualified(c.schema, c.name),
                            c.isPartition ? c.bound : QStringLiteral("(inherits)"), prettySize(c.totalBytes)};
    section(out, "Partitions and children",
            {QStringLiteral("name"), QStringLiteral("bound"), QStringLiteral("size")}, rows);

    out << '\n';
    if (!s.partitionBound.isEmpty())
        out << "Partition bound: " << s.partitionBound << '\n';
    for (const core::StructureParent& p : s.parents)
        out << (s.partitionBound.isEmpty() ? "Inherits from: " : "Partition of: ")
            << qualified(p.schema, p.name) << '\n';
    if (!s.options.isEmpty())
        out << "Options: " << joined(s.options) << '\n';
    out << "Access privileges: " << (s.aclDefault ? QStringLiteral("(owner's defaults)") : joined(s.acl))
        << '\n';
    if (s.kind != core::RelationKind::View && s.kind != core::RelationKind::ForeignTable)
        out << "Size: table " << prettySize(s.tableBytes) << " (TOAST " << prettySize(s.toastBytes)
            << "), indexes " << prettySize(s.indexesBytes) << ", total " << prettySize(s.totalBytes) << '\n';
    if (const auto& st = s.statistics) {
        const auto when = [](const QString& at) { return at.isEmpty() ? QStringLiteral("never") : at; };
        out << "Rows: " << st->liveTuples << " live, " << st->deadTuples << " dead, "
            << st->modifiedSinceAnalyze << " changed since analyze\n";
        out << "Last vacuum: " << when(st->lastVacuum) << ", autovacuum: " << when(st->lastAutovacuum)
            << '\n';
        out << "Last analyze: " << when(st->lastAnalyze) << ", autoanalyze: " << when(st->lastAutoanalyze)
            << '\n';
    }
    if (!s.foreignServer.isEmpty())
        out << "Foreign server: " << s.foreignServer
            << (s.foreignOptions.isEmpty() ? QString()
                                           : QStringLiteral(" (%1)").arg(joined(s.foreignOptions)))
            << '\n';
    if (!s.viewDefinition.isEmpty())
        out << "\nDefinition:\n" << s.viewDefinition << '\n';
}

} // namespace pgdesk::cli
