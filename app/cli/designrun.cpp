// SPDX-License-Identifier: GPL-3.0-or-later
#include "designrun.h"

#include "connect.h"
#include "exitcodes.h"
#include "output.h"

#include <pgdesk/core/schema/lockanalysis.h>
#include <pgdesk/core/schema/schemaapply.h>
#include <pgdesk/core/sqltext/secretmask.h>

#include <QJsonArray>
#include <QJsonObject>

namespace pgdesk::cli {

namespace {

QString phaseName(core::DesignStatement::Phase phase) {
    switch (phase) {
    case core::DesignStatement::Phase::Transaction:
        return QStringLiteral("transaction");
    case core::DesignStatement::Phase::After:
        return QStringLiteral("after");
    case core::DesignStatement::Phase::Outside:
        return QStringLiteral("outside");
    }
    return {};
}

} // namespace

int runStatements(Invocation& inv, core::Connection& connection,
                  const QList<core::DesignStatement>& statements, const StatementRun& run) {
    // The lock analysis of every statement, as the window previews it.
    const QList<core::StatementLocks> locks =
        core::LockAnalyzer(connection).analyze(core::designScript(statements));

    QJsonArray json;
    for (qsizetype i = 0; i < statements.size(); ++i) {
        const core::DesignStatement& s = statements[i];
        const core::StatementLocks l = i < locks.size() ? locks[i] : core::StatementLocks{};
        if (run.json) {
            QJsonArray lockList;
            for (const core::RelationLock& r : l.locks)
                lockList << QJsonObject{{QStringLiteral("relation"), r.relation},
                                        {QStringLiteral("mode"), core::lockModeName(r.mode)}};
            json << QJsonObject{{QStringLiteral("sql"), core::maskStatementSecrets(s.sql)},
                                {QStringLiteral("phase"), phaseName(s.phase)},
                                {QStringLiteral("destructive"), s.destructive},
                                {QStringLiteral("description"), s.description},
                                {QStringLiteral("locks"), lockList},
                                {QStringLiteral("rewrites"), QJsonArray::fromStringList(l.rewrites)},
                                {QStringLiteral("scans"), QJsonArray::fromStringList(l.scans)}};
        } else if (run.dryRun) {
            inv.out << (i + 1) << ". " << core::maskStatementSecrets(s.sql) << ";\n   ";
            QStringList said;
            for (const core::RelationLock& r : l.locks)
                said << core::lockModeName(r.mode) + QStringLiteral(" on ") + r.relation;
            inv.out << (said.isEmpty() ? QStringLiteral("no table lock that blocks reads or writes")
                                       : said.join(QStringLiteral(", ")));
            if (!l.rewrites.isEmpty())
                inv.out << "; rewrites " << l.rewrites.join(QStringLiteral(", "));
            if (!l.scans.isEmpty())
                inv.out << "; reads all of " << l.scans.join(QStringLiteral(", "));
            if (s.phase != core::DesignStatement::Phase::Transaction)
                inv.out << "; after the commit"
                        << (s.phase == core::DesignStatement::Phase::Outside ? " (outside a transaction)"
                                                                             : "");
            if (s.destructive)
                inv.out << "; " << s.description;
            inv.out << '\n';
        }
    }
    if (run.dryRun) {
        if (run.json)
            printJson(inv.out, json);
        return ExitOk;
    }
    core::SchemaApplyOptions options;
    options.lockTimeoutMs = run.lockTimeoutMs;
    options.access = writeAccess(inv, connection.profile(), run.what);
    options.table = run.table;
    for (int i = 0; i < statements.size(); ++i)
        if (statements[i].destructive) {
            options.confirmed.insert(i);
            inv.err << "pgdesk-cli: " << statements[i].description << '\n';
        }
    const core::SchemaApplyResult result = core::SchemaApplier(connection).apply(statements, options);
    if (run.json) {
        for (qsizetype i = 0; i < json.size(); ++i) {
            QJsonObject o = json[i].toObject();
            o.insert(QStringLiteral("done"), result.steps.value(i).done);
            if (!result.steps.value(i).error.isEmpty())
                o.insert(QStringLiteral("error"), result.steps.value(i).error);
            json[i] = o;
        }
        printJson(inv.out, json);
    } else {
        for (const core::SchemaStepOutcome& s : result.steps)
            inv.out << (s.done ? "done  " : "NOT DONE  ") << statements[s.index].sql << '\n';
    }
    if (!result.failure.isEmpty()) {
        inv.err << "pgdesk-cli: " << result.failure << '\n';
        return ExitSql;
    }
    return ExitOk;
}

} // namespace pgdesk::cli
