// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace pgdesk::core {

class Connection;

// The sequences a statement advanced: nextval() is never rolled back, so a lock trace or an EXPLAIN ANALYZE
// that is undone still leaves them moved, and says which. Reads pg_sequences (the sequences the user may
// see) inside the caller's transaction block, under savepoints of its own.
class SequenceWatch {
public:
    // Reads the values now.
    explicit SequenceWatch(Connection& connection);
    // Reads them again: the sequences whose value changed since the last read ("schema.name", quoted where
    // needed, sorted); the new values are the reference for the next call.
    QStringList advanced();

private:
    QHash<QString, QString> read();

    Connection& m_connection;
    QHash<QString, QString> m_values;
};

} // namespace pgdesk::core
