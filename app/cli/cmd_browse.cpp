// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"
#include "connect.h"
#include "exitcodes.h"
#include "output.h"
#include "specoptions.h"
#include "tablelookup.h"

#include <pgdesk/core/browse/queryengine.h>
#include <pgdesk/core/browse/queryspec.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/profiles/conventionoverride.h>

#include <QJsonArray>
#include <QJsonObject>

namespace pgdesk::cli {

namespace {

QJsonValue stringOrNull(const QString& s) {
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

} // namespace

void noteHiddenRows(Invocation& inv, const core::TableInfo& table, core::SoftDeleteScope scope) {
    const QString hidden = core::rowsHiddenBySoftDelete(table, scope);
    if (!hidden.isEmpty())
        inv.err << "pgdesk-cli: note: " << hidden << " are hidden (soft delete); --deleted all shows them\n";
}

void noteHiddenColumns(Invocation& inv, const core::TableInfo& table) {
    QStringList names;
    for (const core::ColumnInfo& c : table.hiddenColumns)
        names << c.name;
    if (!names.isEmpty())
        inv.err << "pgdesk-cli: note: " << (names.size() == 1 ? "column " : "columns ")
                << names.join(QStringLiteral(", ")) << (names.size() == 1 ? " is" : " are")
                << " not read (no SELECT privilege on " << (names.size() == 1 ? "it" : "them") << ")\n";
}

// browse TABLE [--filter "COLUMN OPERATION [VALUE]"]... [--any] [--search TEXT] [--sort
// COLUMN[:asc|:desc]]...
//        [--page N | --after CURSOR | --before CURSOR | --last] [--page-size N]
//        [--deleted active|deleted|all] [--count exact|estimate|none]
int cmdBrowse(Invocation& inv) {
    core::QuerySpec spec;
    QString tableName;
    const QStringList& a = inv.args;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QString& arg = a.at(i);
        const auto value = [&] { return optionValue(a, i); };
        // --filter --any --search --sort --deleted, then --page --after --before --last --page-size
        if (parseSpecOption(a, i, spec) || parsePageOption(a, i, spec))
            continue;
        if (arg == QLatin1String("--count")) {
            const QString v = value();
            if (v == QLatin1String("exact"))
                spec.count = core::CountMode::Exact;
            else if (v == QLatin1String("estimate"))
                spec.count = core::CountMode::Estimate;
            else if (v == QLatin1String("none"))
                spec.count = core::CountMode::None;
            else
                throw UsageError{QStringLiteral("--count wants exact, estimate or none")};
        } else if (arg.startsWith(QLatin1String("--")) || !tableName.isEmpty())
            throw UsageError{QStringLiteral("browse: unexpected argument \"%1\"").arg(arg)};
        else
            tableName = arg;
    }
    if (tableName.isEmpty())
        throw UsageError{QStringLiteral("browse needs a TABLE")};
    const int paging = (spec.page.pageNumber ? 1 : 0) + (spec.page.afterCursor.isEmpty() ? 0 : 1) +
                       (spec.page.beforeCursor.isEmpty() ? 0 : 1) + (spec.page.last ? 1 : 0);
    if (paging > 1)
        throw UsageError{QStringLiteral("give only one of --page, --after, --before and --last")};
    const Format format = parseFormat(inv.global.format);

    auto connection = connect(inv);
    const core::TableInfo table = readTable(connection, tableName, true); // profile's conventions

    spec.schema = table.schema;
    spec.table = table.name;
    const core::Page page = core::QueryEngine(connection).fetchPage(spec, table);
    noteHiddenRows(inv, table, spec.scope);
    noteHiddenColumns(inv, table);

    switch (format) {
    case Format::Json: {
        QJsonArray columns;
        for (const auto& c : page.columns)
            columns.append(QJsonObject{{QStringLiteral("name"), c.name}, {QStringLiteral("type"), c.type}});
        QJsonArray rows;
        for (const auto& row : page.rows) {
            QJsonArray values;
            for (const auto& v : row)
                values.append(v ? QJsonValue(*v) : QJsonValue());
            rows.append(values);
        }
        QJsonObject out{
            {QStringLiteral("columns"), columns},
            {QStringLiteral("rows"), rows},
            {QStringLiteral("total"), page.total ? QJsonValue(*page.total) : QJsonValue()},
            {QStringLiteral("total_is_estimate"), page.totalIsEstimate},
            {QStringLiteral("page_size"), page.pageSize},
            {QStringLiteral("next_cursor"), stringOrNull(page.nextCursor)},
            {QStringLiteral("prev_cursor"), stringOrNull(page.prevCursor)},
            {QStringLiteral("elapsed_ms"), page.elapsedMs},
        };
        // The soft-delete convention applied, so a script can tell that rows were left out.
        const core::Conventions& conv = table.conventions;
        if (conv.softDelete == core::SoftDeleteKind::None) {
            out.insert(QStringLiteral("soft_delete"), QJsonValue());
        } else {
            const QString hidden = core::rowsHiddenBySoftDelete(table, spec.scope);
            out.insert(QStringLiteral("soft_delete"),
                       QJsonObject{{QStringLiteral("column"), conv.softDeleteColumn},
                                   {QStringLiteral("kind"), core::softDeleteKindName(conv.softDelete)},
                                   {QStringLiteral("scope"), core::softDeleteScopeName(spec.scope)},
                                   {QStringLiteral("hidden"), stringOrNull(hidden)}});
        }
        // Columns left out because the role may not read them.
        QJsonArray hiddenColumns;
        for (const core::ColumnInfo& c : table.hiddenColumns)
            hiddenColumns.append(c.name);
        out.insert(QStringLiteral("hidden_columns"), hiddenColumns);
        // Editable relations: each row's key (column → text) and version, parallel to "rows".
        if (!page.keyColumns.isEmpty()) {
            QList<qsizetype> keyIndexes;
            for (const QString& k : page.keyColumns) {
                for (qsizetype i = 0; i < page.columns.size(); ++i) {
                    if (page.columns.at(i).name == k)
                        keyIndexes << i;
                }
            }
            QJsonArray keys;
            for (const auto& row : page.rows) {
                QJsonObject key;
                for (qsizetype i = 0; i < keyIndexes.size(); ++i) {
                    const auto& v = row.at(keyIndexes.at(i));
                    key.insert(page.columns.at(keyIndexes.at(i)).name, v ? QJsonValue(*v) : QJsonValue());
                }
                keys.append(key);
            }
            out.insert(QStringLiteral("keys"), keys);
            out.insert(QStringLiteral("versions"), QJsonArray::fromStringList(page.versions));
        }
        printJson(inv.out, out);
        break;
    }
    case Format::Csv: {
        QStringList header;
        for (const auto& c : page.columns)
            header << csvField(c.name, false);
        inv.out << header.join(QLatin1Char(',')) << "\r\n";
        for (const auto& row : page.rows) {
            QStringList fields;
            for (const auto& v : row)
                fields << csvField(v.value_or(QString()), !v);
            inv.out << fields.join(QLatin1Char(',')) << "\r\n";
        }
        break;
    }
    case Format::Table: {
        QStringList headers;
        for (const auto& c : page.columns)
            headers << c.name;
        QList<QStringList> rows;
        for (const auto& row : page.rows) {
            QStringList cells;
            for (const auto& v : row)
                cells << v.value_or(QString());
            rows << cells;
        }
        printTable(inv.out, headers, rows);
        QString summary =
            QStringLiteral("(%1 row%2").arg(page.rows.size()).arg(page.rows.size() == 1 ? "" : "s");
        if (page.total)
            summary += QStringLiteral(" of %1%2")
                           .arg(page.totalIsEstimate ? QStringLiteral("~") : QString())
                           .arg(*page.total);
        inv.out << summary << ")\n";
        if (!page.prevCursor.isEmpty())
            inv.out << "previous page: --before " << page.prevCursor << '\n';
        if (!page.nextCursor.isEmpty())
            inv.out << "next page: --after " << page.nextCursor << '\n';
        break;
    }
    }
    return ExitOk;
}

} // namespace pgdesk::cli
