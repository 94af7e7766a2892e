// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/session/sequencewatch.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/result.h>

namespace pgdesk::core {

SequenceWatch::SequenceWatch(Connection& connection)
    : m_connection(connection)
    , m_values(read()) {
}

QStringList SequenceWatch::advanced() {
    const QHash<QString, QString> now = read();
    QStringList out;
    for (auto it = now.cbegin(); it != now.cend(); ++it)
        if (it.value() != m_values.value(it.key()))
            out << it.key();
    out.sort();
    m_values = now;
    return out;
}

QHash<QString, QString> SequenceWatch::read() {
    // pg_sequences opens every sequence it lists: one another session drops between the catalog scan and
    // the read fails the whole statement (XX000 "could not open relation with OID"). Read again, under a
    // savepoint so the caller's transaction survives.
    Result r;
    for (int attempt = 1;; ++attempt) {
        m_connection.exec(QStringLiteral("savepoint pgdesk_sequences"));
        try {
            r = m_connection.exec(QStringLiteral("select format('%I.%I', schemaname, sequencename), "
                                                 "coalesce(last_value::text, '') from pg_sequences"));
            m_connection.exec(QStringLiteral("release savepoint pgdesk_sequences"));
            break;
        } catch (const QueryError& e) {
            m_connection.exec(
                QStringLiteral("rollback to savepoint pgdesk_sequences; release savepoint pgdesk_sequences"));
            if (attempt == 5 || e.sqlState() != QLatin1String("XX000"))
                throw;
        }
    }
    QHash<QString, QString> out;
    for (int row = 0; row < r.rowCount(); ++row)
        out.insert(r.text(row, 0), r.text(row, 1));
    return out;
}

} // namespace pgdesk::core
