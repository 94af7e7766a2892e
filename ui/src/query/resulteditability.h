// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/browse/page.h>
#include <pgdesk/core/catalog/catalog.h>
#include <pgdesk/core/session/connection.h>

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace pgdesk::ui {

// Whether the rows of a query tool result can be edited like a table tab's, and how its columns map onto
// the table. Editable when every column is a plain reference to a column of one table (the server's row
// description, PQftable / PQftablecol through describeQuery: aliases are followed by attnum, never by
// name), none of them twice, the table's row key (as the table browser keys it, the profile's override
// included) among them, and the table editable at all (EditSession::readOnlyReason). Else `reason` says
// why, as the grid shows it.
struct ResultEditability {
    Q_DECLARE_TR_FUNCTIONS(ResultEditability)
public:
    bool editable = false;
    QString reason;        // why the rows are read-only (empty when editable)
    core::TableInfo table; // the table the rows come from (editable only)
    QStringList columns;   // per result column, the table's column it shows (editable only)

    // Pure: what the result's description alone refuses (columns from several tables, a computed one);
    // empty when the catalog has to say the rest.
    static QString shapeRefusal(const core::TableInfo& result);
    // On a worker: the whole answer for a result described by CatalogReader::describeQuery (one round trip
    // for the table's name, one for its description, one for the standby check).
    static ResultEditability describe(core::Connection& connection, const core::TableInfo& result);

    // On a worker: the row version (xmin) of each row of a page of the result, read by key after the page on
    // another connection, under the settings the page was printed with (QuerySession::outputSettings), with
    // the row's values. A row whose values are no longer those of the page (changed or deleted in between)
    // gets kStaleVersion, so a change staged on it is a conflict at apply, as one made after this read is.
    // Every version is empty when the role may not read xmin (updates are then guarded by the values as
    // read).
    QList<QString> readVersions(core::Connection& connection, const core::Page& page,
                                const core::LocalSettings& settings) const;
    // xmin 0 (InvalidTransactionId) is never a visible row's: a version no row has.
    static inline const QString kStaleVersion = QStringLiteral("0");
    // The page as the grid edits it: columns named after the table's (each alias kept as its label), the
    // row key and the versions set.
    core::Page editablePage(core::Page page, QList<QString> versions) const;
};

} // namespace pgdesk::ui
