// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogjson.h"
#include "commands.h"
#include "connect.h"
#include "exitcodes.h"
#include "output.h"
#include "structureoutput.h"
#include "tablelookup.h"

#include <pgdesk/core/admin/ddlwriter.h>
#include <pgdesk/core/browse/sqlbuilder.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/catalog/profileconventions.h>
#include <pgdesk/core/catalog/structurereader.h>

#include <QJsonArray>
#include <QJsonObject>

namespace pgdesk::cli {

namespace {

QString identityText(const core::ColumnInfo& c) {
    if (c.isIdentity)
        return c.identityAlways ? QStringLiteral("always") : QStringLiteral("by_default");
    return {};
}

QJsonObject columnJson(const core::ColumnInfo& c) {
    return QJsonObject{
        {QStringLiteral("name"), c.name},
        {QStringLiteral("number"), c.number},
        {QStringLiteral("type"), c.typeName},
        {QStringLiteral("base_type"), c.baseTypeName},
        {QStringLiteral("domain"), stringOrNull(c.domainName)},
        {QStringLiteral("category"), core::typeCategoryName(c.category)},
        {QStringLiteral("element_type"), stringOrNull(c.elementTypeName)},
        {QStringLiteral("enum_labels"),
         c.enumLabels.isEmpty() ? QJsonValue() : QJsonArray::fromStringList(c.enumLabels)},
        {QStringLiteral("not_null"), c.notNull},
        {QStringLiteral("default"), stringOrNull(c.defaultExpression)},
        {QStringLiteral("identity"), stringOrNull(identityText(c))},
        {QStringLiteral("generated"), c.isGenerated},
        {QStringLiteral("comment"), stringOrNull(c.comment)},
        {QStringLiteral("privileges"), QJsonObject{{QStringLiteral("select"), c.canSelect},
                                                   {QStringLiteral("insert"), c.canInsert},
                                                   {QStringLiteral("update"), c.canUpdate}}},
    };
}

// "select on id, name, note (not secret)", "insert yes", "update no": a table privilege, or the columns
// that have it when only some do.
QString columnPrivilegeText(const core::TableInfo& t, bool core::ColumnInfo::*privilege, bool onTable) {
    if (onTable)
        return QStringLiteral("yes");
    QStringList with, without;
    for (const core::ColumnInfo& c : t.allColumns())
        (c.*privilege ? with : without) << c.name;
    if (with.isEmpty())
        return QStringLiteral("no");
    if (without.isEmpty())
        return QStringLiteral("on every column");
    return QStringLiteral("on %1 (not %2)")
        .arg(with.join(QStringLiteral(", ")), without.join(QStringLiteral(", ")));
}

QJsonObject foreignKeyJson(const core::ForeignKey& k) {
    return QJsonObject{
        {QStringLiteral("name"), k.name},
        {QStringLiteral("schema"), k.schema},
        {QStringLiteral("table"), k.table},
        {QStringLiteral("columns"), QJsonArray::fromStringList(k.columns)},
        {QStringLiteral("ref_schema"), k.refSchema},
        {QStringLiteral("ref_table"), k.refTable},
        {QStringLiteral("ref_columns"), QJsonArray::fromStringList(k.refColumns)},
    };
}

QJsonObject tableJson(const core::TableInfo& t, const core::ConventionOverride* o) {
    QJsonArray columns, uniques, foreignKeys, referencedBy, checks;
    for (const auto& c : t.allColumns())
        columns.append(columnJson(c));
    for (const auto& u : t.uniques)
        uniques.append(QJsonObject{{QStringLiteral("name"), u.name},
                                   {QStringLiteral("columns"), QJsonArray::fromStringList(u.columns)},
                                   {QStringLiteral("primary_key"), u.isPrimaryKey},
                                   {QStringLiteral("index_only"), u.isIndexOnly},
                                   {QStringLiteral("partial"), u.isPartial}});
    for (const auto& k : t.foreignKeys)
        foreignKeys.append(foreignKeyJson(k));
    for (const auto& k : t.referencedBy)
        referencedBy.append(foreignKeyJson(k));
    for (const auto& c : t.checks)
        checks.append(
            QJsonObject{{QStringLiteral("name"), c.name}, {QStringLiteral("definition"), c.definition}});
    return QJsonObject{
        {QStringLiteral("schema"), t.schema},
        {QStringLiteral("name"), t.name},
        {QStringLiteral("kind"), core::relationKindName(t.kind)},
        {QStringLiteral("parent_schema"), stringOrNull(t.parentSchema)},
        {QStringLiteral("parent_name"), stringOrNull(t.parentName)},
        {QStringLiteral("partitions"), QJsonArray::fromStringList(t.partitions)},
        {QStringLiteral("comment"), stringOrNull(t.comment)},
        {QStringLiteral("estimated_rows"), t.estimatedRows},
        {QStringLiteral("estimate_from_size"), t.estimateFromSize},
        {QStringLiteral("total_bytes"), t.totalBytes},
        {QStringLiteral("columns"), columns},
        {QStringLiteral("uniques"), uniques},
        {QStringLiteral("foreign_keys"), foreignKeys},
        {QStringLiteral("referenced_by"), referencedBy},
        {QStringLiteral("checks"), checks},
        {QStringLiteral("conventions"), conventionsWithOverride(t.conventions, o)},
        {QStringLiteral("privileges"), privilegesJson(t.privileges)},
        {QStringLiteral("row_version_readable"), t.versionReadable},
    };
}

QString yesNo(bool b) {
    return b ? QStringLiteral("yes") : QStringLiteral("no");
}

QString foreignKeyLine(const core::ForeignKey& k) {
    return QStringLiteral("  %1: %2.%3 (%4) -> %5.%6 (%7)\n")
        .arg(k.name, k.schema, k.table, k.columns.join(QStringLiteral(", ")), k.refSchema, k.refTable,
             k.refColumns.join(QStringLiteral(", ")));
}

void printText(QTextStream& out, const core::TableInfo& t, const core::ConventionOverride* o) {
    auto mark = [o](bool overridden) { return o && overridden ? QStringLiteral(" (override)") : QString(); };
    out << core::relationKindName(t.kind) << ' ' << t.qualifiedName();
    if (t.isPartition())
        out << " (partition of " << t.parentSchema << '.' << t.parentName << ')';
    out << '\n';
    if (!t.comment.isEmpty())
        out << t.comment << '\n';
    out << '\n';

    QList<QStringList> rows;
    for (const auto& c : t.allColumns()) {
        QString extra =
            identityText(c).isEmpty()
                ? QString()
                : QStringLiteral("identity ") + identityText(c).replace(QLatin1Char('_'), QLatin1Char(' '));
        if (c.isGenerated)
            extra = QStringLiteral("generated");
        if (!c.canSelect) // column privileges: not browsed, exported or filtered on
            extra += (extra.isEmpty() ? QString() : QStringLiteral(", ")) + QStringLiteral("not readable");
        rows << QStringList{
            QString::number(c.number),
            c.name,
            c.domainName.isEmpty() ? c.typeName : QStringLiteral("%1 (%2)").arg(c.typeName, c.baseTypeName),
            c.notNull ? QStringLiteral("not null") : QString(),
            c.defaultExpression,
            extra,
            c.comment};
    }
    printTable(out,
               {QStringLiteral("#"), QStringLiteral("column"), QStringLiteral("type"), QStringLiteral("null"),
                QStringLiteral("default"), QStringLiteral("notes"), QStringLiteral("comment")},
               rows);

    const auto& conv = t.conventions;
    const bool keyOverridden = o && o->rowKey;
    out << "\nRow key: "
        << (conv.rowKey.isEmpty() ? QStringLiteral("none (read-only)")
            : keyOverridden
                ? conv.rowKey.join(QStringLiteral(", "))
                : QStringLiteral("%1 [%2]").arg(conv.rowKey.join(QStringLiteral(", ")), conv.rowKeySource))
        << mark(keyOverridden) << '\n';
    if (!t.uniques.isEmpty()) {
        out << "Unique:\n";
        for (const auto& u : t.uniques) {
            QStringList flags;
            if (u.isPrimaryKey)
                flags << QStringLiteral("primary key");
            if (u.isIndexOnly)
                flags << QStringLiteral("index");
            if (u.isPartial)
                flags << QStringLiteral("partial");
            out << "  " << u.name << " (" << u.columns.join(QStringLiteral(", ")) << ')';
            if (!flags.isEmpty())
                out << ' ' << flags.join(QStringLiteral(", "));
            out << '\n';
        }
    }
    if (!t.foreignKeys.isEmpty()) {
        out << "Foreign keys:\n";
        for (const auto& k : t.foreignKeys)
            out << foreignKeyLine(k);
    }
    if (!t.referencedBy.isEmpty()) {
        out << "Referenced by:\n";
        for (const auto& k : t.referencedBy)
            out << foreignKeyLine(k);
    }
    if (!t.checks.isEmpty()) {
        out << "Checks:\n";
        for (const auto& c : t.checks)
            out << "  " << c.name << ": " << c.definition << '\n';
    }
    if (!t.partitions.isEmpty())
        out << "Partitions: " << t.partitions.join(QStringLiteral(", ")) << '\n';
    out << "Conventions:\n";
    out << "  soft delete: "
        << (conv.softDelete == core::SoftDeleteKind::None
                ? QStringLiteral("none")
                : QStringLiteral("%1 (%2)").arg(conv.softDeleteColumn,
                                                core::softDeleteKindName(conv.softDelete)))
        << mark(o && o->softDelete) << '\n';
    out << "  created at: " << (conv.createdAtColumn.isEmpty() ? QStringLiteral("-") : conv.createdAtColumn)
        << mark(o && o->createdAtColumn) << '\n';
    out << "  updated at: " << (conv.updatedAtColumn.isEmpty() ? QStringLiteral("-") : conv.updatedAtColumn)
        << mark(o && o->updatedAtColumn);
    if (conv.updatedAtByTrigger)
        out << " (BEFORE UPDATE trigger present)";
    out << '\n';
    out << "  uuid key: " << yesNo(conv.uuidKey) << '\n';
    if (t.kind != core::RelationKind::View && t.kind != core::RelationKind::ForeignTable)
        out << "Estimated rows: " << (t.estimateFromSize ? QStringLiteral("≈") : QString())
            << QString::number(qRound64(t.estimatedRows))
            << (t.estimateFromSize ? " (never analyzed; from size)" : "") << ", total size "
            << prettySize(t.totalBytes) << '\n';
    out << "Privileges: select " << columnPrivilegeText(t, &core::ColumnInfo::canSelect, t.privileges.select)
        << ", insert " << columnPrivilegeText(t, &core::ColumnInfo::canInsert, t.privileges.insert)
        << ", update " << columnPrivilegeText(t, &core::ColumnInfo::canUpdate, t.privileges.update)
        << ", delete " << yesNo(t.privileges.remove) << '\n';
    if (!t.hiddenColumns.isEmpty())
        out << "Not readable: " << t.hiddenColumns.size() << " column(s) left out of browse and export\n";
    if (!t.versionReadable && core::hasRowVersions(t))
        out << "Row versions (xmin) are not readable: updates are guarded by the changed columns' values "
               "as read, and rows cannot be deleted\n";
}

// A CREATE script as it is (text), or as {"script": …} (json).
void printScript(Invocation& inv, const QString& script, Format format) {
    if (format == Format::Json)
        printJson(inv.out, QJsonObject{{QStringLiteral("script"), script}});
    else
        inv.out << script;
}

} // namespace

// ddl SCHEMA…: the CREATE script of whole schemas (core::DdlWriter), every section across all of them.
int cmdDdl(Invocation& inv) {
    if (inv.args.isEmpty())
        throw UsageError{QStringLiteral("ddl takes one or more schema names")};
    const Format format = parseFormat(inv.global.format, {Format::Table, Format::Json});
    auto connection = connect(inv);
    printScript(inv, core::DdlWriter(connection).schemaScript(inv.args), format);
    return ExitOk;
}

// describe TABLE: everything the catalog knows about one table or view, and the conventions the
// application will use for it. TABLE is "schema.table" or a bare name found along the search path.
// --structure: its whole structure instead (core::StructureReader: indexes, triggers, policies, partitions,
// options, privileges, statistics …).
int cmdDescribe(Invocation& inv) {
    const bool structure = inv.args.removeAll(QStringLiteral("--structure")) > 0;
    const bool ddl = inv.args.removeAll(QStringLiteral("--ddl")) > 0;
    if (inv.args.size() != 1)
        throw UsageError{QStringLiteral("describe takes exactly one table name")};
    if (structure && ddl)
        throw UsageError{QStringLiteral("describe takes --structure or --ddl, not both")};
    const Format format = parseFormat(inv.global.format, {Format::Table, Format::Json});
    if (ddl) {
        auto connection = connect(inv);
        const core::TableInfo table = readTable(connection, inv.args.first(), false);
        printScript(inv, core::DdlWriter(connection).relationScript(table.schema, table.name), format);
        return ExitOk;
    }
    if (structure) {
        auto connection = connect(inv);
        // The name resolved as every command resolves it (quotes, search path, "did you mean").
        const core::TableInfo table = readTable(connection, inv.args.first(), false);
        const core::TableStructure s = core::StructureReader(connection).read(table.schema, table.name);
        if (format == Format::Json)
            printJson(inv.out, structureJson(s));
        else
            printStructure(inv.out, s);
        return ExitOk;
    }
    // With --profile, the profile's convention override for this table applies (checked against the
    // columns; an override that no longer fits is an error, not silently ignored).
    std::optional<core::ConnectionProfile> profile;
    if (!inv.global.profile.isEmpty())
        profile = resolveTarget(inv).profile;
    auto connection = connect(inv);
    core::TableInfo table = readTable(connection, inv.args.first(), false);
    const core::ConventionOverride* o =
        profile ? core::findConventionOverride(*profile, table.schema, table.name) : nullptr;
    if (o)
        core::applyConventionOverride(table, *o);
    if (format == Format::Json)
        printJson(inv.out, tableJson(table, o));
    else
        printText(inv.out, table, o);
    return ExitOk;
}

} // namespace pgdesk::cli
