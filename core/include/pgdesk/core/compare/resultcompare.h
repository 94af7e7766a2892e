// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/browse/pinnedresult.h>

#include <QHash>
#include <QList>
#include <QStringList>

namespace pgdesk::core {

// Two results compared row by row by a key: what is only on the left, only on the right, and the cells
// that differ in rows on both. The same key-ordered merge as the tables' data compare (datacompare.h),
// over results kept on this machine.
struct ResultDifference {
    enum class Kind { OnlyLeft, OnlyRight, Changed };
    Kind kind = Kind::Changed;
    qint64 left = -1;   // the row in the left result; -1 for OnlyRight
    qint64 right = -1;  // in the right result; -1 for OnlyLeft
    QList<int> changed; // Changed: the compared columns (indexes into ResultComparison::columns) that differ
};

struct ResultComparison {
    QStringList key;        // the key columns, first of columns
    QStringList columns;    // compared: the key, then the other columns both results have, left's order
    QList<int> leftColumn;  // each compared column's index in the left result
    QList<int> rightColumn; // and in the right
    QStringList leftOut;    // columns of one result only
    qint64 leftRows = 0;
    qint64 rightRows = 0;
    qint64 same = 0;
    qint64 changed = 0;
    qint64 onlyLeft = 0;
    qint64 onlyRight = 0;
    QHash<QString, qint64> changedByColumn;
    QList<ResultDifference> differences; // in key order
};

// Values are compared as PostgreSQL's text; NULL equals NULL only. Rows are ordered by the key (integer
// columns as numbers, others by their text; NULL first); memory holds the keys and the differences.
// Throws ConfigurationError when the key is empty, names a column one result lacks, or is not unique in a
// result (the message says which and how many rows share a key).
ResultComparison compareResults(const PinnedResult& left, const PinnedResult& right, const QStringList& key);

} // namespace pgdesk::core
