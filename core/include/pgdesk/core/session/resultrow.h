// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/session/result.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

namespace pgdesk::core {

// The columns a loop over a result has asked for, by the address of the name it asked with: the names are
// string literals, so after the first row each lookup is a few pointer compares instead of a string compare
// per column (on a 2,000-table schema snapshot, a sixth of the client's time).
class ColumnLookup {
public:
    explicit ColumnLookup(const Result& result)
        : m_result(result) {}
    int at(const char* column) {
        for (const auto& [name, index] : m_seen)
            if (name == column)
                return index;
        const int index = m_result.columnIndex(column);
        m_seen.emplace_back(column, index);
        return index;
    }

private:
    const Result& m_result;
    std::vector<std::pair<const char*, int>> m_seen;
};

// One row of a result, its columns looked up by the names the statement gives them (catalog readers in
// core: StructureReader, DdlWriter). A missing name is a programming error (asserted). Names are string
// literals (the accessors take arrays): ColumnLookup knows them by address, which a name built at run time
// could share with another one later.
class ResultRow {
public:
    ResultRow(const Result& result, int row, ColumnLookup* lookup = nullptr)
        : m_result(&result)
        , m_row(row)
        , m_lookup(lookup) {}
    // A copy may outlive the loop that made the row, and its lookup with it: it looks names up itself.
    ResultRow(const ResultRow& other)
        : m_result(other.m_result)
        , m_row(other.m_row) {}
    ResultRow& operator=(const ResultRow& other) {
        m_result = other.m_result;
        m_row = other.m_row;
        m_lookup = nullptr;
        return *this;
    }

    template <std::size_t N> QString text(const char (&column)[N]) const {
        return m_result->text(m_row, at(column));
    }
    // A "char" column's byte (relkind, attstorage …): no string made; 0 for NULL or empty.
    template <std::size_t N> char character(const char (&column)[N]) const {
        const std::string_view v = m_result->view(m_row, at(column));
        return v.empty() ? 0 : v.front();
    }
    // Whether the statement has the column at all (one it reads only when asked to).
    template <std::size_t N> bool hasColumn(const char (&column)[N]) const {
        return (m_lookup ? m_lookup->at(column) : m_result->columnIndex(column)) >= 0;
    }
    template <std::size_t N> bool isNull(const char (&column)[N]) const {
        return m_result->isNull(m_row, at(column));
    }
    template <std::size_t N> bool flag(const char (&column)[N]) const {
        return m_result->view(m_row, at(column)) == "t";
    }
    template <std::size_t N> qint64 int64(const char (&column)[N]) const {
        return m_result->bytes(m_row, at(column)).toLongLong();
    }
    template <std::size_t N> std::optional<qint64> optionalInt64(const char (&column)[N]) const {
        if (isNull(column))
            return std::nullopt;
        return int64(column);
    }
    // A JSON array of strings (json_agg, to_json of a text[]); NULL is empty.
    template <std::size_t N> QStringList list(const char (&column)[N]) const {
        QStringList out;
        for (const auto& v : array(column))
            out << v.toString();
        return out;
    }
    // A JSON array (json_agg of objects …); NULL is empty.
    template <std::size_t N> QJsonArray array(const char (&column)[N]) const {
        return QJsonDocument::fromJson(m_result->bytes(m_row, at(column))).array();
    }

private:
    int at(const char* column) const {
        const int index = m_lookup ? m_lookup->at(column) : m_result->columnIndex(column);
        Q_ASSERT_X(index >= 0, "ResultRow", column);
        return index;
    }

    const Result* m_result;
    int m_row;
    ColumnLookup* m_lookup = nullptr;
};

template <class Parse> void forEachRow(const Result& result, Parse parse) {
    ColumnLookup lookup(result);
    for (int row = 0; row < result.rowCount(); ++row)
        parse(ResultRow(result, row, &lookup));
}

} // namespace pgdesk::core
