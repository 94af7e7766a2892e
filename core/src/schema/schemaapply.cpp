// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/profiles/connectionprofile.h>
#include <pgdesk/core/schema/schemaapply.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/result.h>
#include <pgdesk/core/session/writeguard.h>

#include <QCoreApplication>

namespace pgdesk::core {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("pgdesk::core::SchemaApplier", text);
}

[[noreturn]] void rethrowBusy(Connection& connection, const Error& e, const SchemaApplyOptions& options) {
    ErrorInfo info = e.info();
    if (info.sqlState != QLatin1String("55P03"))
        throwError(std::move(info));
    // The sessions holding any lock on the table: a long SELECT blocks ALTER TABLE as surely as DDL.
    QStringList holders;
    if (!options.table.isEmpty()) {
        try {
            const Result r = connection.exec(
                QStringLiteral(
                    "select distinct a.pid, coalesce(a.usename::text, ''), coalesce(a.state, ''), "
                    "left(regexp_replace(coalesce(a.query, ''), '\\s+', ' ', 'g'), 120) "
                    "from pg_locks l join pg_stat_activity a on a.pid = l.pid "
                    "where l.relation = to_regclass($1) and l.granted and l.pid <> pg_backend_pid()"),
                Params{param(options.table)});
            for (int row = 0; row < r.rowCount(); ++row)
                holders << tr("PID %1 (%2, %3): %4")
                               .arg(r.text(row, 0), r.text(row, 1), r.text(row, 2), r.text(row, 3));
        } catch (const Error&) {
            // Not knowing who holds it still leaves the timeout to report.
        }
    }
    info.detail = info.message;
    info.message =
        holders.isEmpty()
            ? tr("The table is busy: its lock was not free within %1 ms. Nothing was changed.")
                  .arg(options.lockTimeoutMs)
            : tr("The table is busy: its lock was not free within %1 ms, held by %2. Nothing was changed.")
                  .arg(options.lockTimeoutMs)
                  .arg(holders.join(QStringLiteral("; ")));
    throwError(std::move(info));
}

} // namespace

SchemaApplier::SchemaApplier(Connection& connection)
    : m_connection(connection) {
}

SchemaApplyResult SchemaApplier::apply(const QList<DesignStatement>& statements,
                                       const SchemaApplyOptions& options) {
    for (int i = 0; i < statements.size(); ++i)
        if (statements[i].destructive && !options.confirmed.contains(i))
            throwConfigurationError(
                QStringLiteral("confirm"),
                tr("Step %1 (%2) changes or drops data: confirm it first. Nothing was sent.")
                    .arg(i + 1)
                    .arg(statements[i].description));
    if (m_connection.profile().writeGuarded() && !options.access)
        throwWriteGuarded(m_connection.profile(), tr("a schema change"));
    if (!m_connection.isIdle())
        throwConfigurationError(QStringLiteral("transaction"),
                                tr("A schema change needs no transaction open."));
    WriteScope scope(m_connection, options.access);
    SchemaApplyResult result;
    for (int i = 0; i < statements.size(); ++i)
        result.steps << SchemaStepOutcome{i, false, {}};

    m_connection.exec(QStringLiteral("begin"));
    bool commitSent = false;
    try {
        m_connection.exec(QStringLiteral("select set_config('lock_timeout', $1, true), "
                                         "set_config('standard_conforming_strings', 'on', true)"),
                          Params{param(QString::number(options.lockTimeoutMs))});
        for (int i = 0; i < statements.size(); ++i)
            if (statements[i].phase == DesignStatement::Phase::Transaction)
                m_connection.exec(statements[i].sql);
        commitSent = true;
        m_connection.exec(QStringLiteral("commit"));
    } catch (const Error& e) {
        // A lost connection or a cancel says what became of the change, as apply does.
        if (e.kind() == ErrorKind::Connection || e.kind() == ErrorKind::QueryCanceled) {
            ErrorInfo info = e.info();
            info.message +=
                commitSent && e.kind() == ErrorKind::Connection
                    ? tr(" — during COMMIT: whether the change was applied is UNKNOWN; compare or "
                         "look at the schema before trying again")
                    : tr(" — nothing was applied: the change runs in one transaction, rolled back "
                         "before its COMMIT");
            try {
                if (m_connection.isOpen() && m_connection.inTransaction())
                    m_connection.exec(QStringLiteral("rollback"));
            } catch (const Error&) {
                // The connection is gone: so is the transaction.
            }
            throwError(std::move(info));
        }
        if (m_connection.inTransaction())
            m_connection.exec(QStringLiteral("rollback"));
        rethrowBusy(m_connection, e, options);
    }
    result.committed = true;
    for (int i = 0; i < statements.size(); ++i)
        result.steps[i].done = statements[i].phase == DesignStatement::Phase::Transaction;

    // The steps after the commit, each on its own: a session-level lock_timeout (CONCURRENTLY may not run
    // in the transaction block a SET LOCAL needs).
    bool anyAfter = false;
    for (const DesignStatement& s : statements)
        anyAfter = anyAfter || s.phase != DesignStatement::Phase::Transaction;
    if (!anyAfter)
        return result;
    int timeout = -1;
    for (int i = 0; i < statements.size(); ++i) {
        if (statements[i].phase == DesignStatement::Phase::Transaction)
            continue;
        // A CONCURRENTLY build waits for every older transaction of the database, which blocks nobody (its
        // SHARE UPDATE EXCLUSIVE lets reads and writes pass): no limit there. The other steps (SET NOT NULL,
        // a DROP CONSTRAINT) take locks that would queue the table's queries behind them: limited.
        const int wanted = statements[i].phase == DesignStatement::Phase::Outside ? 0 : options.lockTimeoutMs;
        if (wanted != timeout) {
            m_connection.exec(QStringLiteral("select set_config('lock_timeout', $1, false)"),
                              Params{param(QString::number(wanted))});
            timeout = wanted;
        }
        try {
            m_connection.exec(statements[i].sql);
            result.steps[i].done = true;
        } catch (const Error& e) {
            result.steps[i].error = QString::fromUtf8(e.what());
            result.failure = tr("Step %1 (%2) failed after the commit: %3")
                                 .arg(i + 1)
                                 .arg(statements[i].description, result.steps[i].error);
            break;
        }
    }
    m_connection.exec(QStringLiteral("reset lock_timeout"));
    return result;
}

} // namespace pgdesk::core
