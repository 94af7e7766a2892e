// SPDX-License-Identifier: GPL-3.0-or-later
#include "editing/applyattempt.h"
#include <pgdesk/core/session/commitoutcome.h>
#include <pgdesk/core/session/pipeline.h>

#include <pgdesk/core/base/errors.h>

namespace pgdesk::core::applying {

namespace {

QString describeChange(const Change& c) {
    return c.op == ChangeOp::Insert ? changeOpName(c.op)
                                    : changeOpName(c.op) + QLatin1Char(' ') + describeKey(c.key);
}

} // namespace

ErrorInfo blame(ErrorInfo info, qsizetype index, const Change& change, const QString& sql) {
    QString where = QStringLiteral("change %1 (%2)").arg(index + 1).arg(describeChange(change));
    if (!info.column.isEmpty())
        where += QStringLiteral(", column \"%1\"").arg(info.column);
    info.message = where + QStringLiteral(": ") + info.message;
    info.field = QStringLiteral("change %1").arg(index + 1);
    info.statement = sql;
    return info;
}

Attempt runPipeline(Connection& connection, const QList<PlannedStatement>& statements) {
    pq::Pipeline pipeline(connection, QStringLiteral("(enter pipeline mode)"));
    Attempt attempt;
    attempt.results.resize(statements.size());
    const auto take = [&attempt](pq::Pipeline::Answer answer) {
        if (answer.error) {
            if (!attempt.error) {
                attempt.error = std::move(answer.error);
                attempt.failedStatement = answer.request;
            }
        } else if (!answer.aborted) {
            attempt.results[answer.request] = std::move(answer.result);
        }
    };
    for (const PlannedStatement& s : statements) {
        pipeline.sendPrepared(s.sql, s.params);
        // Answers are taken while later statements are still being sent, so the client's work overlaps
        // the server's and libpq's buffers stay small.
        if (pipeline.sent() % 2048 == 0) {
            while (auto answer = pipeline.nextIfReady())
                take(std::move(*answer));
        }
    }
    pipeline.sync(QStringLiteral("(pipeline sync)"));
    while (pipeline.answered() < pipeline.sent())
        take(pipeline.next());
    return attempt; // the pipeline reads the sync and leaves pipeline mode
}

Attempt runSetBased(Connection& connection, const SetBasedPlan& plan) {
    Attempt attempt = runPipeline(connection, plan.statements);
    if (attempt.error && isRetryable(attempt.error->kind))
        throwError(*attempt.error); // atomic semantics: the whole transaction runs again
    // A cancel (the user's, or statement_timeout) ends the apply; running it again row by row would only
    // wait on the same locks or the same timeout.
    if (attempt.error && attempt.error->kind == ErrorKind::QueryCanceled)
        throwError(*attempt.error);
    if (attempt.error)
        throw AttemptAborted(std::move(attempt));
    for (qsizetype i = 0; i < plan.statements.size(); ++i) {
        if (attempt.results.at(i).rowCount() != plan.sizes.at(i))
            throw AttemptAborted(std::move(attempt));
    }
    return attempt;
}

Attempt runRowByRow(Connection& connection, const QList<PlannedStatement>& statements,
                    const ChangeSet& changes) {
    Attempt attempt = runPipeline(connection, statements);
    if (attempt.error) {
        const PlannedStatement& failed = statements.at(attempt.failedStatement);
        if (isRetryable(attempt.error->kind)) // atomic semantics: the whole transaction runs again
            throwError(blame(*attempt.error, failed.change, changes.changes.at(failed.change), failed.sql));
        throw AttemptAborted(std::move(attempt));
    }
    // Exactly one row each: none is a conflict; more means the key does not identify a row (a profile's
    // row-key override that is not unique, or a ctid repeated across partitions).
    for (qsizetype i = 0; i < statements.size(); ++i) {
        const int rows = attempt.results.at(i).rowCount();
        if (rows > 1) {
            ErrorInfo info;
            info.kind = ErrorKind::Conflict;
            info.message =
                QStringLiteral("%1 rows matched; the key does not identify one row, so nothing was applied")
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
}

Attempt commitChecked(const ChangeSetApplier::TransactionRunner& runner,
                      const std::function<Attempt(Connection&)>& fn, qsizetype changes,
                      const std::shared_ptr<CancelToken>& cancel) {
    CommitWatch watch;
    std::optional<Attempt> done;
    try {
        return runner([&](Connection& connection) {
            watch = CommitWatch();
            Attempt attempt;
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

} // namespace pgdesk::core::applying
