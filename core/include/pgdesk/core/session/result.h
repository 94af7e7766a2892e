// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <memory>
#include <string_view>

struct pg_result; // libpq's PGresult, kept opaque in public headers

namespace pgdesk::core {

using Oid = unsigned int;

// An immutable, shared query result. Copies share one PGresult, freed with PQclear by the last owner,
// so a Result may be handed to another thread. Values are PostgreSQL's exact text output.
class Result {
public:
    Result() = default;
    explicit Result(pg_result* adopted); // takes ownership

    bool isNull() const { return !m_result; }
    int rowCount() const;
    int columnCount() const;
    QString columnName(int column) const;
    int columnIndex(const QString& name) const;  // -1 when absent
    int columnIndex(const char* utf8Name) const; // the same without a string made per call
    Oid columnType(int column) const;
    int columnTypeModifier(int column) const;
    Oid columnTable(int column) const;       // table OID the column came from, 0 if none
    int columnTableColumn(int column) const; // its attnum in that table, 0 if none (PQftablecol)

    bool isNull(int row, int column) const;
    // The value's bytes (text format): exact, never converted through double.
    QByteArray bytes(int row, int column) const;
    QString text(int row, int column) const; // UTF-8 decoded; empty for NULL
    // The value's bytes in place, valid while this Result (or a copy) lives.
    std::string_view view(int row, int column) const;
    // Rows affected by INSERT/UPDATE/DELETE/…; -1 when the command reports none.
    long long affectedRows() const;
    QString commandTag() const; // "UPDATE 3"

private:
    std::shared_ptr<const pg_result> m_result;
};

} // namespace pgdesk::core
