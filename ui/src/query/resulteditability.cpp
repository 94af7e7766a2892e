// SPDX-License-Identifier: GPL-3.0-or-later
#include "query/resulteditability.h"

#include <pgdesk/core/browse/sqlbuilder.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/catalog/profileconventions.h>
#include <pgdesk/core/editing/rowstatementbuilder.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/standby.h>
#include <pgdesk/ui/edit/editsession.h>

#include <QHash>
#include <QSet>

namespace pgdesk::ui {

namespace {

// One text per key, for matching the versions read back to the page's rows (both are the type's text
// output); empty when a key value is NULL (no row is keyed so).
QString keyText(const QList<std::optional<QString>>& values) {
    QString text;
    for (const auto& v : values) {
        if (!v)
            return {};
        text += *v + QChar(0x1f);
    }
    return text;
}

} // namespace

QString ResultEditability::shapeRefusal(const core::TableInfo& result) {
    if (result.columns.isEmpty())
        return tr("Read-only: the result has no columns.");
    QSet<core::Oid> tables;
    for (const core::ColumnInfo& c : result.columns)
        if (c.sourceTable != 0)
            tables.insert(c.sourceTable);
    if (tables.size() > 1)
        return tr("Read-only: its columns come from several tables.");
    for (const core::ColumnInfo& c : result.columns)
        if (c.sourceTable == 0)
            return tr("Read-only: it has a computed column (%1), worked out by the query rather than read "
                      "from a table.")
                .arg(c.name);
    return {};
}

ResultEditability ResultEditability::describe(core::Connection& connection, const core::TableInfo& result) {
    ResultEditability out;
    out.reason = shapeRefusal(result);
    if (!out.reason.isEmpty())
        return out;
    const auto name = core::CatalogReader(connection).relationName(result.columns.first().sourceTable);
    if (!name) {
        out.reason = tr("Read-only: the table the columns come from is gone.");
        return out;
    }
    core::TableInfo table = core::readTableForProfile(connection, name->first, name->second);
    const QString qualified = table.qualifiedName();

    // Result column → table column, by attnum (an alias names nothing in the table).
    QHash<int, QString> byNumber;
    for (const core::ColumnInfo& c : table.columns)
        byNumber.insert(c.number, c.name);
    QHash<QString, QString> shownAs; // table column → the result column that shows it
    for (const core::ColumnInfo& c : result.columns) {
        const QString column = byNumber.value(c.sourceColumn);
        if (column.isEmpty()) { // a system column (xmin, ctid) or one the role may not read
            out.reason = tr("Read-only: column %1 is not an editable column of %2.").arg(c.name, qualified);
            return out;
        }
        if (shownAs.contains(column)) {
            out.reason = tr("Read-only: column %1 of %2 appears twice (%3 and %4).")
                             .arg(column, qualified, shownAs.value(column), c.name);
            return out;
        }
        shownAs.insert(column, c.name);
        out.columns << column;
    }
    if (const QString reason = EditSession::readOnlyReason(table); !reason.isEmpty()) {
        out.reason = reason;
        return out;
    }
    const QStringList& key = table.conventions.rowKey;
    for (const QString& k : key) {
        if (!out.columns.contains(k)) {
            out.reason = tr("Read-only: the key of %1 (%2) is not among the columns.")
                             .arg(qualified, key.join(QStringLiteral(", ")));
            return out;
        }
    }
    if (core::isStandby(connection)) {
        out.reason = EditSession::standbyReason();
        return out;
    }
    out.table = std::move(table);
    out.editable = true;
    return out;
}

QList<QString> ResultEditability::readVersions(core::Connection& connection, const core::Page& page,
                                               const core::LocalSettings& settings) const {
    QList<QString> versions(page.rows.size());
    if (!editable || page.rows.isEmpty() || !table.versionReadable)
        return versions;
    const QStringList& key = table.conventions.rowKey;
    QList<int> keyAt; // result column of each key column
    for (const QString& k : key)
        keyAt << int(columns.indexOf(k));
    // (k1, k2) IN (unnest of one text[] per key column, cast to the column's type): one statement for the
    // page, which the key's index answers. Then xmin and every column of the result, to compare.
    QList<QList<std::optional<QString>>> keyValues(key.size());
    for (qsizetype k = 0; k < key.size(); ++k) {
        keyValues[k].reserve(page.rows.size());
        for (const auto& row : page.rows)
            keyValues[k] << row.value(keyAt.at(k));
    }
    const core::BatchStatement select = core::selectByKeys(table, keyValues, columns);
    const core::Result r = connection.exec(select.sql, select.params, settings);
    const auto value = [&r](int row, int column) {
        return r.isNull(row, column) ? std::nullopt : std::optional<QString>(r.text(row, column));
    };
    QHash<QString, int> byKey; // key text → row of r
    for (int row = 0; row < r.rowCount(); ++row) {
        QList<std::optional<QString>> values;
        for (int c = 0; c < key.size(); ++c)
            values << value(row, c);
        byKey.insert(keyText(values), row);
    }
    const int first = int(key.size()) + 1; // the result's columns in r
    for (qsizetype row = 0; row < page.rows.size(); ++row) {
        const QList<std::optional<QString>>& shownRow = page.rows.at(row);
        QList<std::optional<QString>> values;
        for (int at : keyAt)
            values << shownRow.value(at);
        const QString text = keyText(values);
        if (text.isEmpty())
            continue;
        const auto found = byKey.constFind(text);
        bool same = found != byKey.cend();
        for (int c = 0; same && c < int(columns.size()); ++c)
            same = page.isCut(row, c) || shownRow.value(c) == value(*found, first + c);
        versions[row] = same ? r.text(*found, int(key.size())) : kStaleVersion;
    }
    return versions;
}

core::Page ResultEditability::editablePage(core::Page page, QList<QString> versions) const {
    if (!editable || page.columns.size() != columns.size())
        return page;
    for (qsizetype c = 0; c < page.columns.size(); ++c) {
        core::PageColumn& column = page.columns[c];
        if (column.name != columns.at(c))
            column.label = column.name;
        column.name = columns.at(c);
    }
    page.keyColumns = table.conventions.rowKey;
    versions.resize(page.rows.size());
    page.versions = std::move(versions);
    return page;
}

} // namespace pgdesk::ui
