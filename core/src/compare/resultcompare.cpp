// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/compare/resultcompare.h>

#include "compare/keymerge.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/sqlquote.h>

#include <algorithm>
#include <numeric>

namespace pgdesk::core {
namespace {

constexpr quint32 kInt2 = 21, kInt4 = 23, kInt8 = 20, kOid = 26;

bool isInteger(quint32 type) {
    return type == kInt2 || type == kInt4 || type == kInt8 || type == kOid;
}

using Key = QList<std::optional<QString>>;

// NULL first; integers as numbers when both sides say integer; else the text.
int compareKey(const Key& a, const Key& b, const QList<bool>& numeric) {
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!a[i] || !b[i]) {
            if (a[i].has_value() != b[i].has_value())
                return a[i] ? 1 : -1;
            continue;
        }
        if (numeric[i]) {
            const qint64 x = a[i]->toLongLong(), y = b[i]->toLongLong();
            if (x != y)
                return x < y ? -1 : 1;
        } else if (const int c = a[i]->compare(*b[i]); c != 0) {
            return c < 0 ? -1 : 1;
        }
    }
    return 0;
}

// One result's rows in key order: the keys read once, the rows' numbers sorted by them.
class SortedSide {
public:
    SortedSide(const PinnedResult& result, const QList<int>& keyColumns, const QList<bool>& numeric,
               const QString& name)
        : m_keys(result.rowCount())
        , m_order(result.rowCount()) {
        for (qint64 r = 0; r < result.rowCount(); ++r) {
            const PinnedResult::Row row = result.row(r);
            Key key;
            for (int c : keyColumns)
                key << row.value(c);
            m_keys[r] = key;
        }
        std::iota(m_order.begin(), m_order.end(), qint64(0));
        std::stable_sort(m_order.begin(), m_order.end(),
                         [&](qint64 a, qint64 b) { return compareKey(m_keys[a], m_keys[b], numeric) < 0; });
        qint64 duplicates = 0;
        for (qsizetype i = 1; i < m_order.size(); ++i)
            if (compareKey(m_keys[m_order[i - 1]], m_keys[m_order[i]], numeric) == 0)
                ++duplicates;
        if (duplicates > 0)
            throwError(
                ErrorKind::Configuration,
                QStringLiteral("the key is not unique in the %1 result: %2 rows share a key with the row "
                               "before them; choose more key columns")
                    .arg(name)
                    .arg(duplicates));
    }
    bool atEnd() const { return m_at >= m_order.size(); }
    void advance() { ++m_at; }
    qint64 row() const { return m_order[m_at]; }
    const Key& key() const { return m_keys[m_order[m_at]]; }

private:
    QList<Key> m_keys;
    QList<qint64> m_order;
    qsizetype m_at = 0;
};

} // namespace

ResultComparison compareResults(const PinnedResult& left, const PinnedResult& right, const QStringList& key) {
    if (key.isEmpty())
        throwError(ErrorKind::Configuration, QStringLiteral("choose the key columns to compare the rows by"));
    ResultComparison out;
    out.key = key;
    for (const QString& k : key) {
        if (left.columnIndex(k) < 0 || right.columnIndex(k) < 0)
            throwError(ErrorKind::Configuration,
                       QStringLiteral("the %1 result has no column %2 (a key column)")
                           .arg(left.columnIndex(k) < 0 ? QStringLiteral("left") : QStringLiteral("right"),
                                quoteIdentifier(k)));
    }
    out.columns = key;
    for (const PinnedResult::Column& c : left.columns())
        if (!key.contains(c.name)) {
            if (right.columnIndex(c.name) >= 0)
                out.columns << c.name;
            else
                out.leftOut << c.name;
        }
    for (const PinnedResult::Column& c : right.columns())
        if (left.columnIndex(c.name) < 0)
            out.leftOut << c.name;
    QList<bool> numeric;
    QList<int> leftKey, rightKey;
    for (const QString& c : std::as_const(out.columns)) {
        out.leftColumn << left.columnIndex(c);
        out.rightColumn << right.columnIndex(c);
    }
    for (qsizetype i = 0; i < key.size(); ++i) {
        leftKey << out.leftColumn[i];
        rightKey << out.rightColumn[i];
        numeric << (isInteger(left.columns()[out.leftColumn[i]].type) &&
                    isInteger(right.columns()[out.rightColumn[i]].type));
    }
    SortedSide a(left, leftKey, numeric, QStringLiteral("left"));
    SortedSide b(right, rightKey, numeric, QStringLiteral("right"));
    out.leftRows = left.rowCount();
    out.rightRows = right.rowCount();
    const int keyCount = int(key.size());
    mergeByKey(
        a, b, [&] { return compareKey(a.key(), b.key(), numeric); },
        [&] {
            out.differences << ResultDifference{ResultDifference::Kind::OnlyLeft, a.row(), -1, {}};
            ++out.onlyLeft;
        },
        [&] {
            out.differences << ResultDifference{ResultDifference::Kind::OnlyRight, -1, b.row(), {}};
            ++out.onlyRight;
        },
        [&] {
            const PinnedResult::Row l = left.row(a.row());
            const PinnedResult::Row r = right.row(b.row());
            QList<int> changed;
            for (int i = keyCount; i < out.columns.size(); ++i)
                if (l.value(out.leftColumn[i]) != r.value(out.rightColumn[i])) {
                    changed << i;
                    ++out.changedByColumn[out.columns[i]];
                }
            if (changed.isEmpty()) {
                ++out.same;
            } else {
                out.differences << ResultDifference{ResultDifference::Kind::Changed, a.row(), b.row(),
                                                    changed};
                ++out.changed;
            }
        },
        [] {});
    return out;
}

} // namespace pgdesk::core
