// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/browse/page.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/result.h>

#include <QStringList>

namespace pgdesk::test {

// The text of one column of a page, NULL as "<NULL>" (so NULL and empty string stay distinct).
inline QStringList pageColumn(const core::Page& page, const QString& column) {
    qsizetype index = -1;
    for (qsizetype i = 0; i < page.columns.size(); ++i) {
        if (page.columns.at(i).name == column)
            index = i;
    }
    if (index < 0)
        return {QStringLiteral("<no column %1>").arg(column)};
    QStringList out;
    for (const auto& row : page.rows)
        out << row.at(index).value_or(QStringLiteral("<NULL>"));
    return out;
}

// The first column of a hand-written statement, NULL as "<NULL>".
inline QStringList sqlColumn(core::Connection& c, const QString& sql) {
    const core::Result r = c.exec(sql);
    QStringList out;
    for (int i = 0; i < r.rowCount(); ++i)
        out << (r.isNull(i, 0) ? QStringLiteral("<NULL>") : r.text(i, 0));
    return out;
}

} // namespace pgdesk::test
