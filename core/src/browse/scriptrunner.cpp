// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/session/rowstream.h>
#include <pgdesk/core/session/sequencewatch.h>

#include <pgdesk/core/browse/queryengine.h>
#include <pgdesk/core/browse/scriptrunner.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/session/writeguard.h>

#include <QElapsedTimer>
#include <QHash>

namespace pgdesk::core {

QString transactionStateName(TransactionState state) {
    switch (state) {
    case TransactionState::Idle:
        return QStringLiteral("idle");
    case TransactionState::InTransaction:
        return QStringLiteral("in transaction");
    case TransactionState::Failed:
        return QStringLiteral("failed transaction");
    case TransactionState::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

namespace {

const char* const kSavepoint = "pgdesk_query_tool";

// Result columns of streamed statements carry type OIDs only; the common built-in types get the names
// the grid keys its display on (alignment, check marks, bytea). Others stay unnamed (shown as text).
QString builtinTypeName(Oid oid) {
    static const QHash<Oid, QString> names{{16, QStringLiteral("boolean")},
                                           {17, QStringLiteral("bytea")},
                                           {20, QStringLiteral("bigint")},
                                           {21, QStringLiteral("smallint")},
                                           {23, QStringLiteral("integer")},
                                           {25, QStringLiteral("text")},
                                           {26, QStringLiteral("oid")},
                                           {114, QStringLiteral("json")},
                                           {700, QStringLiteral("real")},
                                           {701, QStringLiteral("double precision")},
                                           {790, QStringLiteral("money")},
                                           {1043, QStringLiteral("character varying")},
                                           {1082, QStringLiteral("date")},
                                           {1114, QStringLiteral("timestamp without time zone")},
                                           {1184, QStringLiteral("timestamp with time zone")},
                                           {1700, QStringLiteral("numeric")},
                                           {2950, QStringLiteral("uuid")},
                                           {3802, QStringLiteral("jsonb")}};
    return names.value(oid);
}

// Errors of the paged path that the statement itself may not have: the wrapper's own parse analysis
// (class 42: a duplicate column name is ambiguous in the outer SELECT), a read-only snapshot meeting a
// query that writes (25006), something a subquery does not allow (0A000). The statement then runs as it
// is, streamed, and reports its own error if it has one.
bool pagedOnlyFailure(const Error& e) {
    const QString state = e.sqlState();
    return state.startsWith(QLatin1String("42")) || state == QLatin1String("25006") ||
           state == QLatin1String("0A000");
}

// Where the server's error position points in the script: the position counts characters of the SQL
// that was sent, which is either the statement itself or a wrapper that contains it verbatim.
// A statement with `:name` placeholders went as bindNamedParameters() rewrote it: mapped back through that.
qsizetype scriptPositionOf(const ErrorInfo& info, const SqlStatement& statement,
                           const QMap<QString, Param>& parameters) {
    if (info.position <= 0 || info.statement.isEmpty())
        return statement.offset;
    const qsizetype at = indexOfCharacterPosition(info.statement, info.position);
    const qsizetype base = info.statement.indexOf(statement.text);
    if (base >= 0)
        return at < base || at - base > statement.text.size() ? statement.offset
                                                              : statement.offset + (at - base);
    if (boundParameterNames(statement.text).isEmpty())
        return statement.offset;
    try {
        const BoundStatement bound = bindNamedParameters(statement.text, parameters);
        const qsizetype boundBase = info.statement.indexOf(bound.sql);
        if (boundBase < 0 || at < boundBase || at - boundBase > bound.sql.size())
            return statement.offset;
        return statement.offset + bound.originalIndex(at - boundBase);
    } catch (const Error&) {
        return statement.offset;
    }
}

// A query's page names its columns from the result; their types come from describeQuery, in the same
// order (names may repeat, so by position).
void fillColumnTypes(Page& page, const TableInfo& table) {
    if (page.columns.size() != table.columns.size())
        return;
    for (qsizetype c = 0; c < page.columns.size(); ++c) {
        if (page.columns[c].type.isEmpty())
            page.columns[c].type = table.columns[c].typeName;
    }
}

} // namespace

ScriptRunner::ScriptRunner(Connection& connection)
    : m_connection(connection)
    , m_cancelHandle(connection.cancelHandle()) {
    m_connection.setNoticeReceiver([this](const QString& text) { noticeReceived(text); });
}

ScriptRunner::~ScriptRunner() {
    m_connection.setNoticeReceiver({});
}

void ScriptRunner::noticeReceived(const QString& text) {
    m_notices << text;
}

QStringList ScriptRunner::takeNotices() {
    return std::exchange(m_notices, {});
}

TransactionState ScriptRunner::transactionState() const {
    if (!m_connection.isOpen())
        return TransactionState::Unknown;
    if (m_connection.inFailedTransaction())
        return TransactionState::Failed;
    return m_connection.inTransaction() ? TransactionState::InTransaction : TransactionState::Idle;
}

bool ScriptRunner::cancel() {
    if (!m_running)
        return false;
    m_cancelRequested = true;
    return m_cancelHandle.cancel();
}

namespace {
// A transaction pooler gives the server session to other clients after each transaction: what such a
// statement left there reaches them, and this client's next transaction may land on a session without it.
QString sessionChangeWarning(const QString& what) {
    QString text = QStringLiteral("WARNING:  through a transaction pooler, %1 outlives this transaction on a "
                                  "server session the pooler shares with other clients: it may reach them, "
                                  "and your next statements may run on a session without it")
                       .arg(what);
    if (what == QLatin1String("SET") || what == QLatin1String("RESET"))
        text += QStringLiteral(". Use SET LOCAL inside BEGIN … COMMIT");
    return text;
}

// Marks a runner busy for the duration of a call, so cancel() knows there is something to stop.
struct Running {
    Running(std::atomic<bool>& running, std::atomic<bool>& cancelRequested)
        : m_running(running)
        , m_cancelRequested(cancelRequested) {
        m_cancelRequested = false;
        m_running = true;
    }
    ~Running() {
        m_running = false;
        m_cancelRequested = false;
    }
    std::atomic<bool>& m_running;
    std::atomic<bool>& m_cancelRequested;
};
} // namespace

ScriptRun ScriptRunner::run(const QString& script, const ScriptRunOptions& options) {
    return run(splitStatements(script), options);
}

ScriptRun ScriptRunner::run(const QList<SqlStatement>& statements, const ScriptRunOptions& options) {
    Running running(m_running, m_cancelRequested);
    QElapsedTimer timer;
    timer.start();
    ScriptRun out;
    m_notices.clear();
    // The production guard looks at every statement before the first is sent (writeguard.h).
    const bool guarded =
        m_connection.profile().writeGuarded() && !options.write && !m_connection.writesUnlocked();
    if (guarded) {
        if (const auto refusal = firstGuardRefusal(statements)) {
            try {
                throwGuardRefusal(m_connection.profile().name, *refusal, int(statements.size()), 0);
            } catch (const Error& e) {
                ScriptError error;
                error.statementIndex = refusal->index;
                error.info = e.info();
                error.text = e.displayText();
                error.scriptPosition = refusal->offset;
                out.error = std::move(error);
            }
            out.transaction = transactionState();
            out.elapsedMs = timer.elapsed();
            return out;
        }
    }
    for (int i = 0; i < statements.size(); ++i) {
        const SqlStatement& statement = statements[i];
        try {
            if (m_cancelRequested)
                throwError(ErrorKind::QueryCanceled,
                           QStringLiteral("canceling statement due to user request"));
            followWriteAccess(options.write); // does nothing unless the guard's state has to change
            StatementResult result = runOne(statement, options);
            m_connection.checkWriteGuard(statement.text);
            result.index = i;
            out.statements << std::move(result);
        } catch (const Error& e) {
            ScriptError error;
            error.statementIndex = i;
            error.info = e.info();
            error.text = e.displayText();
            error.scriptPosition = scriptPositionOf(e.info(), statement, options.parameters);
            error.notices = takeNotices();
            out.error = std::move(error);
            out.cancelled = e.kind() == ErrorKind::QueryCanceled && m_cancelRequested;
            out.connectionLost = e.kind() == ErrorKind::Connection || !m_connection.isOpen();
            break;
        }
    }
    out.transaction = transactionState();
    out.elapsedMs = timer.elapsed();
    return out;
}

StatementResult ScriptRunner::runOne(const SqlStatement& statement, const ScriptRunOptions& options) {
    QElapsedTimer timer;
    timer.start();
    StatementResult result;
    result.offset = statement.offset;
    result.sql = statement.text;
    result.kind = statement.kind;
    m_notices.clear();

    // Placeholders are bound before anything reaches the server: a missing value stops the run here.
    BoundStatement bound{statement.text, {}, {}};
    if (!boundParameterNames(statement.text).isEmpty())
        bound = bindNamedParameters(statement.text, options.parameters);

    if (!options.autocommit && m_connection.isIdle() && statement.kind != StatementKind::TransactionControl &&
        !statement.outsideTransaction)
        m_connection.exec(QStringLiteral("BEGIN"), Params{});

    bool done = false;
    if (options.pageQueries && statement.pageable && !m_connection.inFailedTransaction()) {
        if (m_connection.isIdle()) {
            // describeQuery and fetchPage run in their own READ ONLY transaction: nothing to undo.
            try {
                runPaged(bound, options, result);
                done = true;
            } catch (const Error& e) {
                if (e.kind() == ErrorKind::QueryCanceled || e.kind() == ErrorKind::Connection ||
                    !pagedOnlyFailure(e) || !m_connection.isIdle())
                    throw;
            }
        } else {
            // Inside the user's transaction, a failure of the wrapper alone must not abort it: the
            // description (which parses the wrapped query) runs under a savepoint. The page itself then
            // fails only where the statement would.
            const QString name = QString::fromLatin1(kSavepoint);
            m_connection.exec(QStringLiteral("SAVEPOINT ") + name, Params{});
            std::optional<TableInfo> table;
            try {
                table = CatalogReader(m_connection).describeQuery(bound.sql, bound.params);
                m_connection.exec(QStringLiteral("RELEASE SAVEPOINT ") + name, Params{});
            } catch (const Error& e) {
                if (e.kind() == ErrorKind::Connection)
                    throw;
                m_connection.exec(QStringLiteral("ROLLBACK TO SAVEPOINT ") + name, Params{});
                m_connection.exec(QStringLiteral("RELEASE SAVEPOINT ") + name, Params{});
                if (e.kind() == ErrorKind::QueryCanceled)
                    throw;
            }
            if (table) {
                result.table = *table;
                runPaged(bound, options, result);
                done = true;
            }
        }
    }
    if (!done) {
        // Nothing of a failed paged attempt is kept, not even its notices: the statement runs again.
        result.paged = false;
        result.page = Page();
        result.table = TableInfo();
        m_notices.clear();
        runStreamed(statement, bound, options, result);
    }
    result.notices = takeNotices();
    if (!statement.sessionChange.isEmpty() && m_connection.profile().pooler != PoolerMode::None)
        result.notices.prepend(sessionChangeWarning(statement.sessionChange));
    result.elapsedMs = timer.elapsed();
    return result;
}

void ScriptRunner::runPaged(const BoundStatement& bound, const ScriptRunOptions& options,
                            StatementResult& result) {
    QuerySpec spec;
    spec.sql = bound.sql;
    spec.sqlParams = bound.params;
    spec.page.pageSize = options.pageSize;
    spec.count = CountMode::Estimate;
    if (result.table.columns.isEmpty())
        result.table = CatalogReader(m_connection).describeQuery(bound.sql, bound.params);
    result.page = QueryEngine(m_connection).fetchPage(spec, result.table);
    fillColumnTypes(result.page, result.table);
    result.spec = spec;
    result.paged = true;
    result.returnsRows = true;
    result.rowCount = result.page.total.value_or(result.page.rows.size());
    result.commandStatus = result.page.totalIsEstimate ? QStringLiteral("SELECT")
                                                       : QStringLiteral("SELECT %1").arg(result.rowCount);
    result.affectedRows = result.page.totalIsEstimate ? -1 : result.rowCount;
}

void ScriptRunner::runStreamed(const SqlStatement& statement, const BoundStatement& bound,
                               const ScriptRunOptions& options, StatementResult& result) {
    const QString& sql = bound.sql;
    if (!m_connection.isOpen())
        throwError(ErrorKind::Connection, QStringLiteral("not connected"));
    // VACUUM, CREATE DATABASE … refuse to share a transaction with the SET LOCALs a pooler needs: they
    // run without the statement timeout, and not at all on a read-only profile (no guard would hold).
    auto settings = TransactionSettings::Apply;
    if (statement.outsideTransaction && m_connection.needsTransactionSettings()) {
        if (m_connection.profile().readOnly)
            throwError(
                ErrorKind::Query,
                QStringLiteral("this statement cannot run inside a transaction, so a read-only profile "
                               "that goes through a transaction pooler cannot guard it; connect "
                               "directly or with a profile that is not read-only"));
        settings = TransactionSettings::Skip;
    }
    // Extended protocol: exactly one statement, whatever the text holds. A COPY … TO STDOUT has its data
    // dropped (exports are the place for it); its tag counts it.
    pq::RowStream stream(m_connection, sql, bound.params, settings);
    stream.setCopyInRefusal(QByteArrayLiteral("COPY FROM STDIN is not supported in the query tool"));
    bool haveColumns = false;
    while (const auto part = stream.next()) {
        const Result& r = part->result;
        switch (part->kind) {
        case pq::RowStream::Kind::Row:
        case pq::RowStream::Kind::Rows: {
            result.returnsRows = true;
            const int columns = r.columnCount();
            if (!haveColumns) {
                haveColumns = true;
                for (int c = 0; c < columns; ++c) {
                    result.page.columns << PageColumn{
                        r.columnName(c), builtinTypeName(r.columnType(c)), {}, quint32(r.columnType(c))};
                    result.columnTypes << quint32(r.columnType(c));
                }
            }
            for (int row = 0; row < r.rowCount(); ++row) {
                if (result.rowCount >= options.streamLimit && options.stopAtStreamLimit) {
                    result.truncated = true;
                    break;
                }
                if (result.rowCount++ >= options.streamLimit) {
                    result.truncated = true;
                    continue; // counted, not kept: INSERT … RETURNING must still run to its end
                }
                QList<std::optional<QString>> values;
                values.reserve(columns);
                for (int c = 0; c < columns; ++c)
                    values << (r.isNull(row, c) ? std::nullopt : std::optional<QString>(r.text(row, c)));
                result.page.rows << std::move(values);
            }
            if (part->kind == pq::RowStream::Kind::Rows) {
                result.commandStatus = r.commandTag();
                result.affectedRows = r.affectedRows();
            }
            break;
        }
        case pq::RowStream::Kind::Command:
            result.commandStatus = r.commandTag();
            result.affectedRows = r.affectedRows();
            break;
        case pq::RowStream::Kind::Empty:
            break;
        }
        if (options.stopAtStreamLimit && result.truncated)
            break; // the stream let go: the statement is cancelled, the rest stays on the server
    }
    if (result.returnsRows) {
        result.page.pageSize = int(result.page.rows.size());
        result.page.total = result.rowCount;
        result.page.totalIsEstimate = false;
    }
}

Page ScriptRunner::fetchPage(const QuerySpec& spec, const TableInfo& table) {
    Running running(m_running, m_cancelRequested);
    m_notices.clear();
    Page page = QueryEngine(m_connection).fetchPage(spec, table);
    fillColumnTypes(page, table);
    return page;
}

void ScriptRunner::followWriteAccess(const WriteAccess& write) {
    if (!m_connection.isIdle())
        return;
    if (write)
        m_connection.unlockWrites(*write);
    else
        m_connection.lockWrites();
}

QString explainPrefix(const ExplainOptions& o, int serverVersion) {
    QStringList parts;
    if (o.analyze)
        parts << QStringLiteral("ANALYZE");
    if (o.verbose)
        parts << QStringLiteral("VERBOSE");
    if (o.buffers)
        parts << QStringLiteral("BUFFERS");
    if (o.settings && serverVersion >= 120000)
        parts << QStringLiteral("SETTINGS");
    if (o.analyze && o.wal && serverVersion >= 130000)
        parts << QStringLiteral("WAL");
    if (o.analyze && !o.timing)
        parts << QStringLiteral("TIMING OFF");
    parts << QStringLiteral("FORMAT JSON");
    return QStringLiteral("EXPLAIN (") + parts.join(QStringLiteral(", ")) + QStringLiteral(") ");
}

ExplainResult ScriptRunner::explain(const QString& statement, const ExplainOptions& options,
                                    const WriteAccess& write, const QMap<QString, Param>& parameters) {
    followWriteAccess(write);
    Running running(m_running, m_cancelRequested);
    QElapsedTimer timer;
    timer.start();
    m_notices.clear();
    ExplainResult out;
    out.analyzed = options.analyze;
    // Bound like a run binds them (a value never becomes SQL text); EXPLAIN passes them to the statement.
    const BoundStatement bound = boundParameterNames(statement).isEmpty()
                                     ? BoundStatement{statement, {}, {}}
                                     : bindNamedParameters(statement, parameters);
    if (m_connection.profile().writeGuarded() && !m_connection.writesUnlocked()) {
        if (const auto reason = guardRefusal(statement))
            throwGuardRefusal(m_connection.profile().name, GuardRefusal{0, 0, statement, *reason}, 1, 0);
        // The server would refuse a write too, but only after running the statement up to it.
        if (options.analyze && !classifyStatement(statement).pageable)
            throwGuardRefusal(
                m_connection.profile().name,
                GuardRefusal{0, 0, statement,
                             QStringLiteral("EXPLAIN ANALYZE runs the statement, which may write")},
                1, 0);
    }
    const QString sql = explainPrefix(options, m_connection.serverVersion()) + bound.sql;
    const bool undo = options.analyze && !options.keepChanges;
    const bool ownTransaction = undo && m_connection.isIdle();
    const bool savepoint = undo && !ownTransaction && !m_connection.inFailedTransaction();
    const QString undoSql = ownTransaction ? QStringLiteral("ROLLBACK")
                                           : QStringLiteral("ROLLBACK TO SAVEPOINT pgdesk_explain; "
                                                            "RELEASE SAVEPOINT pgdesk_explain");
    if (ownTransaction)
        m_connection.exec(QStringLiteral("BEGIN"), Params{});
    else if (savepoint)
        m_connection.exec(QStringLiteral("SAVEPOINT pgdesk_explain"), Params{});
    try {
        std::optional<SequenceWatch> sequences;
        if (ownTransaction || savepoint)
            sequences.emplace(m_connection);
        const Result r = m_connection.exec(sql, bound.params);
        out.json = r.bytes(0, 0);
        if (sequences)
            out.sequencesAdvanced = sequences->advanced();
    } catch (...) {
        if ((ownTransaction || savepoint) && m_connection.isOpen()) {
            try {
                m_connection.exec(undoSql);
            } catch (const Error&) {
                // The statement's own error is the one to report; a lost connection undid it anyway.
            }
        }
        throw;
    }
    if (ownTransaction || savepoint) {
        m_connection.exec(undoSql);
        // Said only of a statement that may write: a plain query had nothing to undo.
        out.rolledBack = !classifyStatement(statement).pageable;
    }
    out.notices = takeNotices();
    out.transaction = transactionState();
    out.elapsedMs = timer.elapsed();
    return out;
}

} // namespace pgdesk::core
