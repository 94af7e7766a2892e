// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/session/result.h>

#include <libpq-fe.h>

namespace pgdesk::core {

Result::Result(pg_result* adopted)
    : m_result(adopted, [](const pg_result* r) { PQclear(const_cast<pg_result*>(r)); }) {
}

// libpq's accessors take non-const pointers but never modify the result.
static PGresult* raw(const std::shared_ptr<const pg_result>& r) {
    return const_cast<PGresult*>(r.get());
}

int Result::rowCount() const {
    return m_result ? PQntuples(raw(m_result)) : 0;
}
int Result::columnCount() const {
    return m_result ? PQnfields(raw(m_result)) : 0;
}

QString Result::columnName(int column) const {
    return QString::fromUtf8(PQfname(raw(m_result), column));
}

int Result::columnIndex(const QString& name) const {
    return columnIndex(name.toUtf8().constData());
}

int Result::columnIndex(const char* utf8Name) const {
    // Compared as UTF-8 bytes: no QString per column per call (a listing of 10,000 tables asks 170,000
    // times; a 2,000-table schema snapshot 800,000). Not PQfnumber, which folds unquoted names to lower case.
    for (int c = 0; c < columnCount(); ++c)
        if (qstrcmp(PQfname(raw(m_result), c), utf8Name) == 0)
            return c;
    return -1;
}

Oid Result::columnType(int column) const {
    return PQftype(raw(m_result), column);
}
int Result::columnTypeModifier(int column) const {
    return PQfmod(raw(m_result), column);
}
Oid Result::columnTable(int column) const {
    return PQftable(raw(m_result), column);
}

int Result::columnTableColumn(int column) const {
    return PQftablecol(raw(m_result), column);
}

bool Result::isNull(int row, int column) const {
    return PQgetisnull(raw(m_result), row, column) != 0;
}

QByteArray Result::bytes(int row, int column) const {
    if (isNull(row, column))
        return {};
    return QByteArray(PQgetvalue(raw(m_result), row, column), PQgetlength(raw(m_result), row, column));
}

QString Result::text(int row, int column) const {
    if (isNull(row, column))
        return {};
    return QString::fromUtf8(PQgetvalue(raw(m_result), row, column), PQgetlength(raw(m_result), row, column));
}

std::string_view Result::view(int row, int column) const {
    return {PQgetvalue(raw(m_result), row, column), size_t(PQgetlength(raw(m_result), row, column))};
}

long long Result::affectedRows() const {
    if (!m_result)
        return -1;
    const char* n = PQcmdTuples(raw(m_result));
    return (n && *n) ? QByteArray(n).toLongLong() : -1;
}

QString Result::commandTag() const {
    return m_result ? QString::fromUtf8(PQcmdStatus(raw(m_result))) : QString();
}

} // namespace pgdesk::core
