// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/session/result.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include <optional>

namespace pgdesk::core {

// One row of a result, its columns looked up by the names the statement gives them (catalog readers in
// core: StructureReader, DdlWriter). A missing name is a programming error (asserted).
class ResultRow {
public:
    ResultRow(const Result& result, int row)
        : m_result(result)
        , m_row(row) {}

    QString text(const char* column) const { return m_result.text(m_row, at(column)); }
    bool isNull(const char* column) const { return m_result.isNull(m_row, at(column)); }
    bool flag(const char* column) const { return m_result.view(m_row, at(column)) == "t"; }
    qint64 int64(const char* column) const { return m_result.bytes(m_row, at(column)).toLongLong(); }
    std::optional<qint64> optionalInt64(const char* column) const {
        if (isNull(column))
            return std::nullopt;
        return int64(column);
    }
    // A JSON array of strings (json_agg, to_json of a text[]); NULL is empty.
    QStringList list(const char* column) const {
        QStringList out;
        for (const auto& v : array(column))
            out << v.toString();
        return out;
    }
    // A JSON array (json_agg of objects …); NULL is empty.
    QJsonArray array(const char* column) const {
        return QJsonDocument::fromJson(m_result.bytes(m_row, at(column))).array();
    }

private:
    int at(const char* column) const {
        const int index = m_result.columnIndex(column);
        Q_ASSERT_X(index >= 0, "ResultRow", column);
        return index;
    }

    const Result& m_result;
    int m_row;
};

template <class Parse> void forEachRow(const Result& result, Parse parse) {
    for (int row = 0; row < result.rowCount(); ++row)
        parse(ResultRow(result, row));
}

} // namespace pgdesk::core
