#include "commitoutcome.h"
#include "setbasedupdate.h"

#include <pgdesk/core/changesetapplier.h>

#include <pgdesk/core/errors.h>
#include <pgdesk/core/transaction.h>

#include <libpq-fe.h>

#include <QElapsedTimer>
#include <QHash>

#include <algorithm>
#include <exception>
#include <vector>

namespace pgdesk::core {

struct ChangeSetApplier::Attempt {
    QList<Result> results;          // per statement; null when the pipeline was aborted before it
    std::optional<ErrorInfo> error; // as the server said it (blame() adds the change when thrown)
    qsizetype failedStatement = -1;
};

namespace {

// Thrown out of the transaction so that atomic() (or its connection twin) rolls back instead of committing,
// carrying what the attempt found. Not an Error: it never leaves this file.
struct AttemptAborted final : std::exception {
    explicit AttemptAborted(ChangeSetApplier::Attempt a)
        : attempt(std::move(a)) {}
    const char* what() const noexcept override { return "change set attempt aborted"; }
    ChangeSetApplier::Attempt attempt;
};

struct ParamArrays {
    explicit ParamArrays(const Params& params) {
        values.reserve(size_t(params.size()));
        lengths.reserve(size_t(params.size()));
        for (const auto& p : params) {
            values.push_back(p ? p->constData() : nullptr);
            lengths.push_back(p ? int(p->size()) : 0);
        }
    }
    std::vector<const char*> values;
    std::vector<int> lengths;
};

// Leaves pipeline mode whatever happens (PQexec, and so ROLLBACK, is refused inside it): sends the closing
// sync if it is not out yet and reads everything up to it.
class PipelineGuard final {
public:
    explicit PipelineGuard(PGconn* conn)
        : m_conn(conn) {}
    ~PipelineGuard() {
        if (PQpipelineStatus(m_conn) == PQ_PIPELINE_OFF)
            return;
        if (!m_synced && PQpipelineSync(m_conn) != 1)
            return; // the connection is broken; its owner discards it
        while (PQstatus(m_conn) == CONNECTION_OK) {
            PGresult* r = PQgetResult(m_conn);
            if (!r)
                continue; // the end of one statement's results
            const bool sync = PQresultStatus(r) == PGRES_PIPELINE_SYNC;
            PQclear(r);
            if (sync)
                break;
        }
        PQexitPipelineMode(m_conn);
    }
    PipelineGuard(const PipelineGuard&) = delete;
    PipelineGuard& operator=(const PipelineGuard&) = delete;

    void synced() { m_synced = true; }

private:
    PGconn* m_conn;
    bool m_synced = false;
};

// Reads a pipeline's results in the order the requests went out. Each request's results end with a null
// result; `answers` says which statement each request belongs to (a parse, -1 - index, or a statement,
// index).
class PipelineReader final {
public:
    PipelineReader(Connection& connection, const QList<PlannedStatement>& statements)
        : m_connection(connection)
        , m_statements(statements) {
        m_attempt.results.resize(statements.size());
        m_answers.reserve(size_t(statements.size()) * 2);
    }

    void expect(qsizetype answer) { m_answers.push_back(answer); }

    // Takes the results that have arrived; with `wait`, blocks until all requests sent are answered.
    void take(bool wait) {
        PGconn* conn = m_connection.native();
        if (!wait && m_next < qsizetype(m_answers.size()) && PQconsumeInput(conn) != 1)
            m_connection.throwLastError(sqlOf(m_next));
        while (m_next < qsizetype(m_answers.size())) {
            if (!wait && PQisBusy(conn))
                return; // the rest has not arrived yet
            PGresult* r = PQgetResult(conn);
            if (!r) {
                if (!m_gotResult) // a null before any result: the connection failed
                    m_connection.throwLastError(sqlOf(m_next));
                m_gotResult = false;
                ++m_next;
                continue;
            }
            m_gotResult = true;
            handle(r, m_answers.at(size_t(m_next)));
            if (PQstatus(conn) != CONNECTION_OK)
                m_connection.throwLastError(sqlOf(m_next));
        }
    }

    ChangeSetApplier::Attempt finish() { return std::move(m_attempt); }

private:
    static qsizetype indexOf(qsizetype answer) { return answer < 0 ? -1 - answer : answer; }
    const QString& sqlOf(qsizetype request) const {
        return m_statements.at(indexOf(m_answers.at(size_t(request)))).sql;
    }

    void handle(PGresult* r, qsizetype answer) {
        const qsizetype i = indexOf(answer);
        switch (PQresultStatus(r)) {
        case PGRES_TUPLES_OK:
        case PGRES_COMMAND_OK:
            if (answer >= 0)
                m_attempt.results[i] = Result(r);
            else
                PQclear(r);
            return;
        case PGRES_PIPELINE_ABORTED:
            PQclear(r);
            return;
        default:
            try {
                m_connection.throwLastError(m_statements.at(i).sql, r); // classifies by SQLSTATE, frees r
            } catch (const ConnectionError&) {
                throw;
            } catch (const Error& e) {
                if (!m_attempt.error) {
                    m_attempt.error = e.info();
                    m_attempt.failedStatement = i;
                }
            }
        }
    }

    Connection& m_connection;
    const QList<PlannedStatement>& m_statements;
    ChangeSetApplier::Attempt m_attempt;
    std::vector<qsizetype> m_answers;
    qsizetype m_next = 0;     // the request whose results come next
    bool m_gotResult = false; // m_next has delivered a result (so a null now ends it)
};

// Sends every statement in one pipeline followed by one sync: a few network round trips for the lot instead
// of one per statement. Results are taken as they arrive while later statements are still being sent, so the
// client's work overlaps the server's and libpq's buffers stay small. Statements of one shape in a row
// (10,000 updates of one column) share one parse: the unnamed prepared statement is prepared once and bound
// for each, so the server also settles on a generic plan. After the first error the server skips the rest
// (PGRES_PIPELINE_ABORTED); that error is returned, not thrown, unless the connection itself failed.
ChangeSetApplier::Attempt runPipeline(Connection& connection, const QList<PlannedStatement>& statements) {
    PGconn* conn = connection.native();
    if (!conn)
        throwError(ErrorKind::Connection, QStringLiteral("not connected"));
    if (PQenterPipelineMode(conn) != 1)
        connection.throwLastError(QStringLiteral("(enter pipeline mode)"));
    PipelineGuard guard(conn);
    PipelineReader reader(connection, statements);
    const QString* prepared = nullptr;
    for (qsizetype i = 0; i < statements.size(); ++i) {
        const PlannedStatement& s = statements.at(i);
        connection.notifyStatement(s.sql, s.params);
        if (!prepared || *prepared != s.sql) {
            if (PQsendPrepare(conn, "", s.sql.toUtf8().constData(), int(s.params.size()), nullptr) != 1)
                connection.throwLastError(s.sql);
            reader.expect(-1 - i);
            prepared = &s.sql;
        }
        const ParamArrays a(s.params);
        if (PQsendQueryPrepared(conn, "", int(s.params.size()), a.values.data(), a.lengths.data(), nullptr,
                                0) != 1)
            connection.throwLastError(s.sql);
        reader.expect(i);
        if (i % 2048 == 2047)
            reader.take(false);
    }
    if (PQpipelineSync(conn) != 1)
        connection.throwLastError(QStringLiteral("(pipeline sync)"));
    guard.synced();
    reader.take(true);
    return reader.finish(); // the guard reads the sync and leaves pipeline mode
}

// Order-independent identity of a key, for "was this row written earlier in the change set".
QString keyIdentity(const Key& key) {
    if (key.size() == 1)
        return key.first().first + QChar(0x1f) + key.first().second.value_or(QString());
    QStringList parts;
    for (const auto& [name, value] : key)
        parts << name + QChar(0x1f) + value.value_or(QString());
    parts.sort();
    return parts.join(QChar(0x1e));
}

QString describeChange(const Change& c) {
    return c.op == ChangeOp::Insert ? changeOpName(c.op)
                                    : changeOpName(c.op) + QLatin1Char(' ') + describeKey(c.key);
}

// "change 500 (update (id=500)), column \"qty\": <message>", and the change as the error's field.
ErrorInfo blame(ErrorInfo info, qsizetype index, const Change& change, const QString& sql) {
    QString where = QStringLiteral("change %1 (%2)").arg(index + 1).arg(describeChange(change));
    if (!info.column.isEmpty())
        where += QStringLiteral(", column \"%1\"").arg(info.column);
    info.message = where + QStringLiteral(": ") + info.message;
    info.field = QStringLiteral("change %1").arg(index + 1);
    info.statement = sql;
    return info;
}

// Runs one transaction through `runner` and makes a lost connection say what it means for the change set
// (ChangeSetApplier::apply): before COMMIT went out the server rolled back; during COMMIT the server is asked
// on a fresh connection, and a transaction it committed counts as applied.
ChangeSetApplier::Attempt commitChecked(const ChangeSetApplier::TransactionRunner& runner,
                                        const std::function<ChangeSetApplier::Attempt(Connection&)>& fn,
                                        qsizetype changes, const std::shared_ptr<CancelToken>& cancel) {
    CommitWatch watch;
    std::optional<ChangeSetApplier::Attempt> done;
    try {
        return runner([&](Connection& connection) {
            watch = CommitWatch();
            ChangeSetApplier::Attempt attempt;
            {
                const CancelToken::Scope scope(cancel, connection);
                attempt = fn(connection);
                watch.arm(connection);
                // A cancel that reached no running statement still stops the apply here, before COMMIT.
                if (cancel)
                    cancel->throwIfCancelled();
            }
            done = attempt;
            return attempt;
        });
    } catch (const ConnectionError& e) {
        ErrorInfo info = e.info();
        if (!watch.isArmed()) {
            info.field = QLatin1String(kApplyNotApplied);
            info.message += QStringLiteral(" — nothing was applied: the transaction never reached COMMIT");
            throwError(std::move(info));
        }
        QString why;
        switch (watch.resolve(std::chrono::seconds(5), &why)) {
        case CommitWatch::Outcome::Committed:
            return *done;
        case CommitWatch::Outcome::RolledBack:
            info.field = QLatin1String(kApplyNotApplied);
            info.message += QStringLiteral(" — during COMMIT; the server since reports transaction %1 rolled "
                                           "back: nothing was applied")
                                .arg(watch.transactionId());
            break;
        case CommitWatch::Outcome::Unknown:
            info.field = QLatin1String(kApplyOutcomeUnknown);
            info.message +=
                QStringLiteral(" — during COMMIT, and the server could not be asked since (%1): "
                               "whether the %2 changes were applied is UNKNOWN; re-read the rows, "
                               "or ask the server: SELECT pg_xact_status('%3')")
                    .arg(why)
                    .arg(changes)
                    .arg(watch.transactionId());
            break;
        }
        throwError(std::move(info));
    }
}

} // namespace

ChangeSetApplier::ChangeSetApplier(TableInfo table)
    : m_table(std::move(table)) {
}

QList<PlannedStatement> ChangeSetApplier::plan(const ChangeSet& changes) const {
    return build(changes, {});
}

QString ChangeSetApplier::preview(const ChangeSet& changes, const LiteralQuoter& quote) const {
    QString out;
    for (const QString& sql : previewStatements(changes, quote))
        out += sql + QStringLiteral(";\n");
    return out;
}

QStringList ChangeSetApplier::previewStatements(const ChangeSet& changes, const LiteralQuoter& quote) const {
    QStringList out;
    for (const PlannedStatement& s : build(changes, quote ? quote : LiteralQuoter(quoteLiteralPure)))
        out << s.sql;
    return out;
}

QList<PlannedStatement> ChangeSetApplier::build(const ChangeSet& changes, const LiteralQuoter& quote) const {
    changes.validate();
    const QString name = m_table.qualifiedName();
    if (!changes.refersTo(m_table))
        throwConfigurationError(
            QStringLiteral("table"),
            QStringLiteral("the change set is for table %1, not %2").arg(changes.table, name));
    if (m_table.kind != RelationKind::Table && m_table.kind != RelationKind::PartitionedTable)
        throwError(
            ErrorKind::Configuration,
            QStringLiteral("%1 is a %2: only tables can be edited")
                .arg(name, relationKindName(m_table.kind).replace(QLatin1Char('_'), QLatin1Char(' '))));
    const bool keyed = !m_table.conventions.rowKey.isEmpty();
    const bool editsRows = std::any_of(changes.changes.begin(), changes.changes.end(),
                                       [](const Change& c) { return c.op != ChangeOp::Insert; });
    if (editsRows && !keyed && !changes.useCtid)
        throwError(
            ErrorKind::Configuration,
            QStringLiteral("table %1 has no row key (no primary key or NOT NULL unique constraint), so no "
                           "column identifies one row: editing its rows is refused. Opt in to edit by "
                           "physical position (use_ctid), guarded by each row's version")
                .arg(name));
    if (changes.useCtid && keyed)
        throwError(ErrorKind::Configuration,
                   QStringLiteral("table %1 has a row key (%2): edit its rows by key, not by ctid")
                       .arg(name, m_table.conventions.rowKey.join(QStringLiteral(", "))));

    const QString returning = returningRowAndVersion(m_table);
    QList<PlannedStatement> out;
    out.reserve(changes.size());
    QHash<QString, qsizetype> written; // key identity → the change that first wrote the row
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const Change& c = changes.changes.at(i);
        try {
            RowStatementBuilder b(m_table, quote);
            // WHERE for a change to an existing row: its key (or ctid) and the version it was read at.
            const auto condition = [&]() {
                const QString identity = keyIdentity(c.key);
                const auto earlier = written.constFind(identity);
                QString where;
                if (changes.useCtid) {
                    if (earlier != written.cend())
                        throwError(
                            ErrorKind::Configuration,
                            QStringLiteral("the row at ctid %1 is already changed by change %2; a row edited "
                                           "by ctid takes one change per change set")
                                .arg(*c.key.first().second)
                                .arg(*earlier + 1));
                    where = b.ctidCondition(*c.key.first().second);
                } else {
                    where = b.keyCondition(c.key);
                }
                if (earlier != written.cend()) { // its version is now this transaction's own
                    if (m_table.versionReadable)
                        where += QStringLiteral(" AND xmin = pg_current_xact_id()::xid");
                } else if (!c.version.isEmpty()) {
                    where += QStringLiteral(" AND ") + b.versionCondition(c.version);
                } else if (c.op == ChangeOp::Update) { // validate(): then every changed column's original
                    where += QStringLiteral(" AND ") + b.originalCondition(c.original);
                }
                written.insert(identity, i);
                return where;
            };
            QString sql;
            switch (c.op) {
            case ChangeOp::Insert: {
                if (c.values.isEmpty()) {
                    sql = QStringLiteral("INSERT INTO %1 DEFAULT VALUES").arg(b.target()) + returning;
                    break;
                }
                QStringList columns;
                QStringList values;
                for (const auto& [column, value] : c.values) {
                    const ColumnInfo& info = b.column(column);
                    RowStatementBuilder::requireWritable(info);
                    columns << quoteIdentifier(info.name);
                    values << b.bindColumn(info, value);
                }
                sql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                          .arg(b.target(), columns.join(QStringLiteral(", ")),
                               values.join(QStringLiteral(", "))) +
                      returning;
                break;
            }
            case ChangeOp::Update:
            case ChangeOp::SoftDelete:
            case ChangeOp::Restore: {
                QStringList setColumns;
                QStringList assignments;
                if (c.op == ChangeOp::Update) {
                    assignments = b.assignments(c.values, &setColumns, c.defaults);
                } else {
                    assignments << b.softDeleteAssignment(c.op == ChangeOp::SoftDelete);
                    setColumns << m_table.conventions.softDeleteColumn;
                }
                if (const QString touch = b.touchUpdatedAt(setColumns); !touch.isEmpty())
                    assignments << touch;
                const QString where = condition();
                sql = QStringLiteral("UPDATE %1 SET %2 WHERE %3")
                          .arg(b.target(), assignments.join(QStringLiteral(", ")), where) +
                      returning;
                break;
            }
            case ChangeOp::Delete:
                sql = QStringLiteral("DELETE FROM %1 WHERE %2").arg(b.target(), condition()) + returning;
                break;
            }
            out << PlannedStatement{i, sql, b.params(), b.casts()};
        } catch (const Error& e) {
            throwError(blame(e.info(), i, c, QString()));
        }
    }
    return out;
}

ApplyResult ChangeSetApplier::apply(Connection& connection, const ChangeSet& changes,
                                    const AtomicOptions& options) const {
    const TransactionRunner runner = [&](const std::function<Attempt(Connection&)>& fn) {
        return atomicOnConnection(connection, fn, options);
    };
    return run(
        changes,
        [&](const std::function<Attempt(Connection&)>& fn) {
            return commitChecked(runner, fn, changes.size(), m_cancel);
        },
        [&](const std::function<void(Connection&)>& fn) { fn(connection); });
}

ApplyResult ChangeSetApplier::apply(Pool& pool, const ChangeSet& changes,
                                    const AtomicOptions& options) const {
    const TransactionRunner runner = [&](const std::function<Attempt(Connection&)>& fn) {
        return atomic(
            pool, [&](Transaction& t) { return fn(t.connection()); }, options);
    };
    return run(
        changes,
        [&](const std::function<Attempt(Connection&)>& fn) {
            return commitChecked(runner, fn, changes.size(), m_cancel);
        },
        [&](const std::function<void(Connection&)>& fn) {
            PooledConnection pooled = pool.acquire();
            try {
                fn(*pooled);
            } catch (const ConnectionError&) {
                pooled.invalidate();
                throw;
            }
        });
}

ApplyResult ChangeSetApplier::run(const ChangeSet& changes, const TransactionRunner& inTransaction,
                                  const ConnectionRunner& afterwards) const {
    QElapsedTimer timer;
    timer.start();
    ApplyResult result;
    if (changes.changes.isEmpty()) {
        result.applied = true;
        return result;
    }

    // Many updates of the same columns: a few set-based statements first. Any row that does not come back
    // (a conflict) or any error rolls that attempt back, and the per-row pipeline below runs instead to name
    // exactly which changes conflict or fail. The preview shows the per-row statements either way.
    if (const auto batched = planSetBasedUpdates(m_table, changes, m_returnRows)) {
        try {
            const Attempt done = inTransaction([&](Connection& connection) {
                ++result.attempts;
                Attempt attempt = runPipeline(connection, batched->statements);
                if (attempt.error && isRetryable(attempt.error->kind))
                    throwError(*attempt.error); // atomic semantics: the whole transaction runs again
                // A cancel (the user's, or statement_timeout) ends the apply; running it again row by row
                // would only wait on the same locks or the same timeout.
                if (attempt.error && attempt.error->kind == ErrorKind::QueryCanceled)
                    throwError(*attempt.error);
                if (attempt.error)
                    throw AttemptAborted(std::move(attempt));
                for (qsizetype i = 0; i < batched->statements.size(); ++i) {
                    if (attempt.results.at(i).rowCount() != batched->sizes.at(i))
                        throw AttemptAborted(std::move(attempt));
                }
                return attempt;
            });
            result.applied = true;
            result.statements = int(batched->statements.size());
            if (m_returnRows)
                result.rows.resize(changes.size());
            for (qsizetype i = 0; m_returnRows && i < batched->statements.size(); ++i) {
                const Result& r = done.results.at(i);
                // t.*, t.xmin, v.ord: the row, its new version, its 1-based position in the chunk.
                const int columns = r.columnCount() - 2;
                QStringList names;
                for (int c = 0; c < columns; ++c)
                    names << r.columnName(c);
                for (int row = 0; row < r.rowCount(); ++row) {
                    const qsizetype change =
                        batched->firstChange.at(i) + r.text(row, columns + 1).toLongLong() - 1;
                    RowResult out;
                    out.columns = names;
                    out.values.reserve(columns);
                    for (int c = 0; c < columns; ++c)
                        out.values << (r.isNull(row, c) ? std::nullopt
                                                        : std::optional<QString>(r.text(row, c)));
                    out.version = r.text(row, columns);
                    result.rows[change] = ChangeOutcome{change, ChangeOp::Update, std::move(out)};
                }
            }
            result.elapsedMs = timer.elapsed();
            return result;
        } catch (const AttemptAborted&) {
            // Rolled back: row by row below, to name exactly what conflicted or failed.
        }
    }

    // Planned only now: the set-based path checks what it needs itself, and planning 10,000 statements
    // costs more than running them set-based.
    const QList<PlannedStatement> statements = plan(changes);
    result.statements = int(statements.size());

    Attempt done;
    try {
        done = inTransaction([&](Connection& connection) {
            ++result.attempts;
            Attempt attempt = runPipeline(connection, statements);
            if (attempt.error) {
                const PlannedStatement& failed = statements.at(attempt.failedStatement);
                if (isRetryable(attempt.error->kind)) // atomic semantics: the whole transaction runs again
                    throwError(
                        blame(*attempt.error, failed.change, changes.changes.at(failed.change), failed.sql));
                throw AttemptAborted(std::move(attempt));
            }
            // Exactly one row each: none is a conflict; more means the key does not identify a row (a
            // profile's row-key override that is not unique, or a ctid repeated across partitions).
            for (qsizetype i = 0; i < statements.size(); ++i) {
                const int rows = attempt.results.at(i).rowCount();
                if (rows > 1) {
                    ErrorInfo info;
                    info.kind = ErrorKind::Conflict;
                    info.message =
                        QStringLiteral("%1 rows matched; the key does not identify one row, so nothing "
                                       "was applied")
                            .arg(rows);
                    attempt.error = info;
                    attempt.failedStatement = i;
                    throw AttemptAborted(std::move(attempt));
                }
            }
            for (qsizetype i = 0; i < statements.size(); ++i) {
                if (attempt.results.at(i).rowCount() == 0)
                    throw AttemptAborted(std::move(attempt));
            }
            return attempt;
        });
    } catch (const AttemptAborted& aborted) {
        const Attempt& attempt = aborted.attempt;
        // Conflicts come first, also when a later statement failed: a row that changed under the user is what
        // to resolve before anything else (the error may well follow from it). Statements the server
        // skipped after an error have no result and count as neither.
        QList<PlannedStatement> reads;
        QList<qsizetype> conflicting;
        for (qsizetype i = 0; i < statements.size(); ++i) {
            if (attempt.results.at(i).isNull() || attempt.results.at(i).rowCount() != 0)
                continue;
            const Change& c = changes.changes.at(statements.at(i).change);
            RowStatementBuilder b(m_table);
            const QString where =
                changes.useCtid ? b.ctidCondition(*c.key.first().second) : b.keyCondition(c.key);
            reads << PlannedStatement{statements.at(i).change,
                                      QStringLiteral("SELECT %1 FROM %2 WHERE %3")
                                          .arg(rowAndVersionList(m_table), b.target(), where),
                                      b.params(),
                                      {}};
            conflicting << statements.at(i).change;
        }
        if (reads.isEmpty() && attempt.error) {
            ErrorInfo info = *attempt.error;
            const PlannedStatement& failed = statements.at(attempt.failedStatement);
            // The server does not say which parameter failed its cast: try each value of the change alone.
            if (info.kind == ErrorKind::Data && info.column.isEmpty() && !failed.casts.isEmpty()) {
                QList<PlannedStatement> probes;
                for (const CastValue& cast : failed.casts)
                    probes << PlannedStatement{
                        0, QStringLiteral("SELECT $1::") + cast.type, {param(cast.value)}, {}};
                afterwards([&](Connection& connection) {
                    const Attempt probe = runPipeline(connection, probes);
                    if (probe.error)
                        info.column = failed.casts.at(probe.failedStatement).column;
                });
            }
            throwError(blame(info, failed.change, changes.changes.at(failed.change), failed.sql));
        }
        // Read every conflicting row as it is now, in one pipeline, after the rollback.
        Attempt current;
        afterwards([&](Connection& connection) { current = runPipeline(connection, reads); });
        if (current.error)
            throwError(*current.error);
        for (qsizetype k = 0; k < reads.size(); ++k) {
            const Change& c = changes.changes.at(conflicting.at(k));
            ChangeConflict conflict;
            conflict.change = conflicting.at(k);
            conflict.op = c.op;
            conflict.key = c.key;
            conflict.expectedVersion = c.version;
            if (current.results.at(k).rowCount() > 0)
                conflict.current = rowFromReturning(current.results.at(k), 0);
            conflict.vanished = !conflict.current;
            result.conflicts << conflict;
        }
        result.elapsedMs = timer.elapsed();
        return result;
    }

    result.applied = true;
    if (m_returnRows)
        result.rows.reserve(statements.size());
    QStringList columns;
    for (qsizetype i = 0; m_returnRows && i < statements.size(); ++i) {
        const qsizetype change = statements.at(i).change;
        // Statements of one text return the same columns: their names are read once and shared.
        if (i == 0 || statements.at(i).sql != statements.at(i - 1).sql)
            columns = columnNames(done.results.at(i));
        result.rows << ChangeOutcome{change, changes.changes.at(change).op,
                                     rowFromReturning(done.results.at(i), 0, &columns)};
    }
    result.elapsedMs = timer.elapsed();
    return result;
}

} // namespace pgdesk::core
