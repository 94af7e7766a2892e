#include "catalogjson.h"
#include "commands.h"
#include "connect.h"
#include "exitcodes.h"
#include "output.h"

#include <pgdesk/core/catalogreader.h>
#include <pgdesk/core/conventionoverride.h>

#include <QJsonArray>
#include <QJsonObject>

namespace pgdesk::cli {

namespace {

// Like pg_size_pretty: bytes up to 10 kB, then the largest unit that keeps the number below 10240.
bool hasEstimate(core::RelationKind kind) {
    return kind != core::RelationKind::View && kind != core::RelationKind::ForeignTable;
}

} // namespace

// tables [--schema S]: every table, partition, view, materialized view and foreign table, with the
// detected key and soft-delete convention.
int cmdTables(Invocation& inv) {
    QString schema;
    for (qsizetype i = 0; i < inv.args.size(); ++i) {
        if (inv.args[i] == QLatin1String("--schema") && i + 1 < inv.args.size())
            schema = inv.args[++i];
        else
            throw UsageError{QStringLiteral("tables takes only --schema SCHEMA")};
    }
    const Format format = parseFormat(inv.global.format, {Format::Table, Format::Json});
    // With --profile, its convention overrides apply (unchecked here: describe checks them).
    std::optional<core::ConnectionProfile> profile;
    if (!inv.global.profile.isEmpty())
        profile = resolveTarget(inv).profile;
    auto connection = connect(inv);
    auto tables = core::CatalogReader(connection).tables(schema);
    auto overrideOf = [&profile](const core::TableSummary& t) -> const core::ConventionOverride* {
        return profile ? core::findConventionOverride(*profile, t.schema, t.name) : nullptr;
    };
    if (profile)
        for (auto& t : tables)
            core::applyConventionOverride(t, *profile);

    if (format == Format::Json) {
        JsonArrayPrinter array(inv.out, QStringLiteral("tables"));
        for (const auto& t : tables) {
            array.append(QJsonObject{
                {QStringLiteral("schema"), t.schema},
                {QStringLiteral("name"), t.name},
                {QStringLiteral("kind"), core::relationKindName(t.kind)},
                {QStringLiteral("parent_schema"), stringOrNull(t.parentSchema)},
                {QStringLiteral("parent_name"), stringOrNull(t.parentName)},
                {QStringLiteral("estimated_rows"),
                 hasEstimate(t.kind) ? QJsonValue(t.estimatedRows) : QJsonValue()},
                {QStringLiteral("estimate_from_size"), t.estimateFromSize},
                {QStringLiteral("total_bytes"), t.totalBytes},
                {QStringLiteral("comment"), stringOrNull(t.comment)},
                {QStringLiteral("conventions"), conventionsWithOverride(t.conventions, overrideOf(t))},
                {QStringLiteral("privileges"), privilegesJson(t.privileges)},
            });
        }
        array.finish();
        return ExitOk;
    }

    QList<QStringList> rows;
    for (const auto& t : tables) {
        QString rowsText;
        if (hasEstimate(t.kind)) {
            rowsText = QString::number(qRound64(t.estimatedRows));
            if (t.estimateFromSize)
                rowsText.prepend(QStringLiteral("≈"));
        }
        const QString kind = t.isPartition()
                                 ? QStringLiteral("partition of %1.%2").arg(t.parentSchema, t.parentName)
                                 : core::relationKindName(t.kind);
        const core::ConventionOverride* o = overrideOf(t);
        const QString mark = QStringLiteral(" (override)");
        QString softDelete =
            t.conventions.softDelete == core::SoftDeleteKind::None
                ? QString()
                : QStringLiteral("%1 (%2)").arg(t.conventions.softDeleteColumn,
                                                core::softDeleteKindName(t.conventions.softDelete));
        if (o && o->softDelete)
            softDelete = (softDelete.isEmpty() ? QStringLiteral("none") : softDelete) + mark;
        QString key = t.conventions.rowKey.join(QStringLiteral(", "));
        if (o && o->rowKey)
            key += mark;
        rows << QStringList{
            t.schema, t.name,    kind, rowsText, hasEstimate(t.kind) ? prettySize(t.totalBytes) : QString(),
            key,      softDelete};
    }
    printTable(inv.out,
               {QStringLiteral("schema"), QStringLiteral("name"), QStringLiteral("kind"),
                QStringLiteral("rows"), QStringLiteral("size"), QStringLiteral("key"),
                QStringLiteral("soft delete")},
               rows);
    return ExitOk;
}

} // namespace pgdesk::cli
