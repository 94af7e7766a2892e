// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/page.h>
#include <pgdesk/core/browse/queryspec.h>
#include <pgdesk/core/catalog/catalog.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/writeunlock.h>
#include <pgdesk/core/sqltext/namedparameters.h>
#include <pgdesk/core/sqltext/statementsplitter.h>

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <atomic>
#include <memory>
#include <optional>

namespace pgdesk::core {

enum class TransactionState {
    Idle,          // autocommit: nothing open
    InTransaction, // a transaction block is open
    Failed,        // the open block failed: only ROLLBACK (or COMMIT, which rolls back) is accepted
    Unknown,       // the connection is gone
};

// "idle", "in transaction", "failed transaction", "unknown".
QString transactionStateName(TransactionState state);

struct ScriptRunOptions {
    // Off: like psql's AUTOCOMMIT off, a transaction block is opened (BEGIN) before the first statement
    // that runs while none is open, and stays open until COMMIT or ROLLBACK.
    bool autocommit = true;
    int pageSize = 100;     // rows per page of a paged (plain query) result
    int streamLimit = 1000; // rows kept of any other statement that returns rows (the rest are counted)
    // A production profile's key (writeunlock.h): given, the session is unlocked for writing before the run
    // (and stays so while the runner's owner keeps giving it); empty, it is locked again. Changed only
    // between transactions.
    WriteAccess write;
    // Values for the statements' `$n` and `:name` placeholders (namedparameters.h): by position ("1") or
    // name ("customer"), as text, std::nullopt for NULL. Each statement gets the ones it uses, bound as
    // parameters, never written into its text; one it lacks a value for fails like a server error. A plain
    // query with placeholders is paged like any other: its values travel in QuerySpec::sqlParams.
    QMap<QString, Param> parameters;
    // Off: plain queries stream like any other statement (no description, no paging wrapper: one round trip),
    // for a caller that wants the first rows as the server sends them (an agent's query).
    bool pageQueries = true;
    // Reading stops at the first row past streamLimit: the statement is cancelled, so the rest never leaves
    // the server. That aborts an open transaction: for reads in a transaction rolled back afterwards.
    // StatementResult::truncated says so; rowCount is then the rows read.
    bool stopAtStreamLimit = false;
};

// What one statement did.
struct StatementResult {
    int index = 0;        // in the script, 0-based
    qsizetype offset = 0; // where the statement starts in the script
    QString sql;
    StatementKind kind = StatementKind::Other;
    QString commandStatus;    // the server's tag: "UPDATE 3", "SELECT 100", "CREATE TABLE"
    qint64 affectedRows = -1; // from the tag (PQcmdTuples); -1 when it carries none
    bool returnsRows = false; // the statement produced a result set (possibly empty)
    // Paged results (plain queries): the first page of `spec` over `table` (describeQuery's TableInfo);
    // later pages come from ScriptRunner::fetchPage on the same connection.
    bool paged = false;
    QuerySpec spec;
    TableInfo table;
    // The rows: the first page when paged, else the first streamLimit rows.
    Page page;
    QList<quint32> columnTypes; // a streamed result's column type oids (its page's names are the built-ins')
    qint64 rowCount = 0;    // rows the statement returned in all (paged: the page's total, maybe estimated)
    bool truncated = false; // not paged and more than streamLimit rows came back
    QStringList notices;    // "NOTICE:  …" / "WARNING:  …" as the server sent them, in order
    qint64 elapsedMs = 0;
};

struct ScriptError {
    int statementIndex = 0; // which statement failed (0-based); -1 when none had started
    // Where the error points in the script (QString index): the server's position mapped through the
    // statement's offset, else the statement's start. -1 when there is no statement.
    qsizetype scriptPosition = -1;
    ErrorInfo info;
    QString text;        // Error::displayText()
    QStringList notices; // notices of the failed statement
};

struct ScriptRun {
    QList<StatementResult> statements; // the statements that completed, in order
    std::optional<ScriptError> error;  // the run stopped at this statement
    bool cancelled = false;            // stopped by cancel()
    bool connectionLost = false;
    TransactionState transaction = TransactionState::Idle; // after the run
    qint64 elapsedMs = 0;
};

// What EXPLAIN shows. WAL and TIMING need ANALYZE (left out without it, as the server requires), WAL a
// server from 13 on and SETTINGS from 12 on (left out before).
struct ExplainOptions {
    bool analyze = false;
    bool buffers = false;
    bool settings = false;
    bool wal = false;
    bool timing = true; // per-node times (off: counts only, cheaper on a busy server)
    bool verbose = false;
    // ANALYZE runs the statement: its changes are rolled back unless this is set.
    bool keepChanges = false;
};

// "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " for the options on a server of `serverVersion` (150004).
QString explainPrefix(const ExplainOptions& options, int serverVersion);

// A plan from EXPLAIN (FORMAT JSON): the server's JSON text, exactly.
struct ExplainResult {
    QByteArray json;
    bool analyzed = false;
    bool rolledBack = false; // ANALYZE ran a statement that may write, and its changes were rolled back
    // Undone ANALYZE only: the sequences it advanced, which no rollback moves back ("schema.name").
    QStringList sequencesAdvanced;
    QStringList notices;
    qint64 elapsedMs = 0;
    TransactionState transaction = TransactionState::Idle;
};

// Runs scripts on one connection that the caller owns and keeps for a whole query-tool session, so a
// BEGIN in one run and a COMMIT in the next work. One thread at a time may use it (the connection's
// rule); cancel() may come from any thread. Collects the server's notices while it exists (it sets the
// connection's notice receiver and clears it when destroyed).
//
// Each statement goes alone through the extended protocol, so a statement the splitter got wrong can
// never smuggle a second one. Plain queries are paged by the query engine (QuerySpec::sql), so a huge
// result never comes over whole; other statements that return rows (EXPLAIN, SHOW, INSERT … RETURNING,
// a query that writes) stream in single-row mode, keeping the first streamLimit rows. The run stops at
// the first error.
class ScriptRunner final {
public:
    explicit ScriptRunner(Connection& connection);
    ~ScriptRunner();
    ScriptRunner(const ScriptRunner&) = delete;
    ScriptRunner& operator=(const ScriptRunner&) = delete;

    ScriptRun run(const QString& script, const ScriptRunOptions& options = {});
    // The statements as splitStatements() gives them (offsets relative to the script they came from).
    ScriptRun run(const QList<SqlStatement>& statements, const ScriptRunOptions& options = {});

    // Another page of a paged result, on this connection (inside the open transaction, if any).
    Page fetchPage(const QuerySpec& spec, const TableInfo& table);

    // EXPLAIN (…, FORMAT JSON) of one statement. ANALYZE runs the statement; unless keepChanges, its
    // changes are undone: outside a transaction block it runs inside BEGIN … ROLLBACK, inside one between
    // SAVEPOINT and ROLLBACK TO SAVEPOINT (an error then leaves the block as it was). On a locked
    // production session, ANALYZE of anything but a plain query (which may write) is refused before it is
    // sent. `write` as ScriptRunOptions::write; `parameters` as ScriptRunOptions::parameters: the
    // statement's `$n` / `:name` values, bound.
    ExplainResult explain(const QString& statement, const ExplainOptions& options,
                          const WriteAccess& write = {}, const QMap<QString, Param>& parameters = {});
    ExplainResult explain(const QString& statement, bool analyze, const WriteAccess& write = {},
                          const QMap<QString, Param>& parameters = {}) {
        ExplainOptions options;
        options.analyze = analyze;
        return explain(statement, options, write, parameters);
    }

    // Stops the run in progress (PQcancel plus no further statements); does nothing between runs.
    // Any thread. Returns false when nothing was running or the request could not be sent.
    bool cancel();

    TransactionState transactionState() const;
    Connection& connection() { return m_connection; }

    // Receives the server's notices (called through the connection's notice receiver).
    void noticeReceived(const QString& text);

private:
    // The production guard follows the owner's key, between transactions only.
    void followWriteAccess(const WriteAccess& write);
    StatementResult runOne(const SqlStatement& statement, const ScriptRunOptions& options);
    void runPaged(const BoundStatement& bound, const ScriptRunOptions& options, StatementResult& result);
    void runStreamed(const SqlStatement& statement, const BoundStatement& bound,
                     const ScriptRunOptions& options, StatementResult& result);
    QStringList takeNotices();

    Connection& m_connection;
    CancelHandle m_cancelHandle;
    std::atomic<bool> m_running{false};
    std::atomic<bool> m_cancelRequested{false};
    QStringList m_notices;
};

} // namespace pgdesk::core
