// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace pgdesk::core {

class Connection;

// One statement as pg_stat_statements counts it (one normalized text per role, database and query id).
struct StatementStat {
    qint64 queryId = 0;
    QString role;
    QString database;
    QString query; // normalized: constants as $1, $2 …
    qint64 calls = 0;
    double totalMs = 0;
    std::optional<double> maxMs; // in a window: the slowest call, when it happened in the window
    qint64 rows = 0;
    qint64 sharedHit = 0;
    qint64 sharedRead = 0;
    qint64 tempRead = 0;
    qint64 tempWritten = 0;

    double meanMs() const { return calls > 0 ? totalMs / double(calls) : 0; }
    QString key() const {
        return role + QLatin1Char('\x1f') + database + QLatin1Char('\x1f') + QString::number(queryId);
    }
};

// What the server's pg_stat_statements holds at one moment.
struct StatementSnapshot {
    QDateTime takenAt;
    QList<StatementStat> statements;
};

// Whether this database can say which statements load the server, and what to do when it cannot.
struct StatementsAvailability {
    bool available = false;
    bool loaded = false;    // in shared_preload_libraries (a server restart puts it there)
    bool installed = false; // CREATE EXTENSION pg_stat_statements ran in this database
    QString hint;           // the steps still needed, for people
};

// Reads pg_stat_statements on a connection the caller owns. Its own statements carry a marker comment,
// so that statementsBetween() leaves them out (pg_stat_statements keeps no application_name).
class StatementStatsReader final {
public:
    explicit StatementStatsReader(Connection& connection);

    StatementsAvailability availability();
    // Every statement of every database the role may see. Throws NotFound (with the hint) when
    // pg_stat_statements cannot be read.
    StatementSnapshot snapshot();

private:
    Connection& m_connection;
    QString m_schema; // the extension's, as availability() found it
};

// The marker in PgDesk's own reads of pg_stat_statements.
inline constexpr char kStatementsMarker[] = "pgdesk:statements";

// What ran between two snapshots: per statement the differences of its counters (a statement first seen
// in `after`, or whose calls went down because the statistics were reset, counts with `after`'s figures),
// statements that did not run left out, PgDesk's own reads too, the largest total time first, at most
// `top` (all when top <= 0). maxMs is the slowest call when it happened in the window, else unknown.
QList<StatementStat> statementsBetween(const StatementSnapshot& before, const StatementSnapshot& after,
                                       int top);

} // namespace pgdesk::core
