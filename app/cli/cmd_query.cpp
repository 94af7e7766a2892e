// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"
#include "connect.h"
#include "exitcodes.h"
#include "interrupt.h"
#include "output.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/standby.h>
#include <pgdesk/core/session/writeguard.h>
#include <pgdesk/core/sqltext/namedparameters.h>
#include <pgdesk/core/sqltext/statementsplitter.h>

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QSet>

#include <cstdio>

namespace pgdesk::cli {

QString addParamOption(const QString& text, QMap<QString, core::Param>& params) {
    static const QRegularExpression name(QStringLiteral("^([A-Za-z_][A-Za-z0-9_]*|[1-9][0-9]*)$"));
    const qsizetype eq = text.indexOf(QLatin1Char('='));
    const QString key = text.left(eq);
    if (eq < 0 || !name.match(key).hasMatch())
        throw UsageError{
            QStringLiteral("--param takes NAME=VALUE (NAME: a letter or _ then letters, digits, _; "
                           "or a number N for $N), not \"%1\"")
                .arg(text)};
    if (params.contains(key))
        throw UsageError{QStringLiteral("--param %1 is given twice").arg(key)};
    params.insert(key, core::param(text.mid(eq + 1)));
    return key;
}

namespace {

struct QueryArguments {
    QString sql;         // the SQL argument, or the file's text
    QString file;        // --file
    bool script = false; // --file or --param: statement by statement with bound parameters
    QMap<QString, core::Param> params;
    QStringList paramOrder;
};

QueryArguments parseQueryArguments(const QStringList& args) {
    QueryArguments q;
    QStringList positional;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        const auto value = [&] { return optionValue(args, i); };
        if (a == QLatin1String("--file") || a == QLatin1String("-f")) {
            q.file = value();
        } else if (a == QLatin1String("--param")) {
            q.paramOrder << addParamOption(value(), q.params);
        } else if (a.startsWith(QLatin1String("--")) &&
                   !a.contains(QRegularExpression(QStringLiteral("\\s")))) {
            // SQL may start with a comment ("-- setup\nselect …"): only a single word is an option.
            throw UsageError{QStringLiteral("query: unknown option %1").arg(a)};
        } else {
            positional << a;
        }
    }
    if (!q.file.isEmpty()) {
        if (!positional.isEmpty())
            throw UsageError{QStringLiteral("query takes either SQL or --file, not both")};
        QFile f;
        if (!openInput(f, q.file))
            core::throwConfigurationError(QStringLiteral("file"),
                                          QStringLiteral("cannot read %1: %2").arg(q.file, f.errorString()));
        q.sql = QString::fromUtf8(f.readAll());
        q.script = true;
    } else {
        if (positional.size() != 1)
            throw UsageError{
                QStringLiteral("query takes exactly one SQL argument (quote it) or --file FILE")};
        q.sql = positional.first();
        q.script = !q.params.isEmpty();
    }
    return q;
}

// The line the statement's SQL starts on in the script, after the comments that lead it.
int lineOf(const QString& script, const core::SqlStatement& statement) {
    core::SqlLexState state;
    qsizetype offset = statement.offset;
    for (const core::SqlToken& t : core::tokenizeSql(statement.text, state))
        if (t.type != core::SqlTokenType::Comment) {
            offset += t.start;
            break;
        }
    return int(QStringView(script).left(offset).count(QLatin1Char('\n'))) + 1;
}

// A production profile's session stays read-only (the server refuses writes) unless --allow-write.
core::WriteAccess queryWriteAccess(const Invocation& inv, const core::Connection& connection) {
    return inv.global.allowWrite ? writeAccess(inv, connection.profile(), QStringLiteral("query")) : nullptr;
}

// On a locked production session every statement is looked at before the first is sent (writeguard.h):
// one that could turn the session writable or act outside the read-only transaction is refused (exit 9).
void refuseGuardedStatements(const core::Connection& connection, const core::WriteAccess& access,
                             const QString& script, const QList<core::SqlStatement>& statements) {
    if (access || !connection.profile().writeGuarded())
        return;
    if (const auto refusal = core::firstGuardRefusal(statements)) {
        try {
            core::throwGuardRefusal(connection.profile().name, *refusal, int(statements.size()),
                                    lineOf(script, statements[refusal->index]));
        } catch (const core::Error& e) {
            core::ErrorInfo info = e.info();
            info.message += QStringLiteral("; give --allow-write to run it");
            core::throwError(std::move(info));
        }
    }
}

// A script, statement by statement: each alone through the extended protocol with its parameters bound,
// in autocommit as psql runs one, so the statements before a failing one stay committed (unless the script
// opened a transaction block, which closing the connection rolls back). Every statement is bound before
// the first runs: a missing --param runs nothing.
int runScript(Invocation& inv, Format format, const QueryArguments& q) {
    const QList<core::SqlStatement> statements = core::splitStatements(q.sql);
    if (statements.isEmpty())
        throw UsageError{QStringLiteral("no SQL statement in %1")
                             .arg(q.file.isEmpty() ? QStringLiteral("the "
                                                                    "argument")
                                                   : q.file)};
    QList<core::BoundStatement> bound;
    QSet<QString> used;
    for (qsizetype i = 0; i < statements.size(); ++i) {
        try {
            bound << core::bindNamedParameters(statements[i].text, q.params);
        } catch (const core::ConfigurationError& e) {
            throw UsageError{QStringLiteral("statement %1 of %2 (line %3): %4 (give --param NAME=VALUE)")
                                 .arg(i + 1)
                                 .arg(statements.size())
                                 .arg(lineOf(q.sql, statements[i]))
                                 .arg(e.message())};
        }
        for (const QString& name : core::parameterNames(statements[i].text))
            used.insert(name);
    }
    for (const QString& key : q.paramOrder)
        if (!used.contains(key))
            throw UsageError{QStringLiteral("--param %1 is not used by the SQL (:%1 or $%1)").arg(key)};

    auto connection = connect(inv);
    QElapsedTimer timer;
    timer.start();
    const core::WriteAccess access = queryWriteAccess(inv, connection);
    refuseGuardedStatements(connection, access, q.sql, statements);
    const core::WriteScope unlocked(connection, access);
    core::Result last;
    for (qsizetype i = 0; i < bound.size(); ++i) {
        const QString where = QStringLiteral("statement %1 of %2 (line %3)")
                                  .arg(i + 1)
                                  .arg(bound.size())
                                  .arg(lineOf(q.sql, statements[i]));
        try {
            last = connection.exec(bound[i].sql, bound[i].params);
            connection.checkWriteGuard(statements[i].text);
        } catch (const core::QueryError& e) {
            if (interruptRequested())
                return ExitCancelled;
            try {
                throwIfGuardRefused(e, connection, access, QStringLiteral("query"));
                inv.err << "pgdesk-cli: " << where << ": " << e.displayText() << '\n';
            } catch (const core::QueryError& standby) {
                inv.err << "pgdesk-cli: " << where << ": " << standby.displayText() << '\n';
            }
            if (i > 0)
                inv.err << "pgdesk-cli: "
                        << (connection.inTransaction()
                                ? QStringLiteral("the transaction the script opened is rolled back")
                            : i == 1 ? QStringLiteral("statement 1 ran and stays committed")
                                     : QStringLiteral("statements 1-%1 ran and stay committed").arg(i))
                        << "; the rest did not run\n";
            return ExitSql;
        } catch (const core::Error& e) {
            core::ErrorInfo info = e.info();
            info.message = where + QStringLiteral(": ") + info.message;
            core::throwError(std::move(info));
        }
    }
    const qint64 elapsed = timer.elapsed();
    const QStringList types = format == Format::Json ? columnTypeNames(connection, last) : QStringList();
    printResult(inv.out, format, last, types, elapsed);
    return ExitOk;
}

} // namespace

// query SQL: runs one statement (several separated by ';' are allowed; the last result is printed).
// query --file F / with --param: a script, statement by statement with bound parameters (runScript).
int cmdQuery(Invocation& inv) {
    const QueryArguments q = parseQueryArguments(inv.args);
    const Format format = parseFormat(inv.global.format);
    if (q.script)
        return runScript(inv, format, q);
    auto connection = connect(inv);
    QElapsedTimer timer;
    timer.start();
    const core::WriteAccess access = queryWriteAccess(inv, connection);
    const core::WriteScope unlocked(connection, access);
    core::Result result;
    try {
        if (access || !connection.profile().writeGuarded()) {
            result = connection.exec(q.sql);
        } else {
            // Locked: statement by statement, so that the server's read-only setting is checked after each
            // (one query string would run `select f(); commit; insert …` before any check could).
            const QList<core::SqlStatement> statements = core::splitStatements(q.sql);
            refuseGuardedStatements(connection, access, q.sql, statements);
            for (const core::SqlStatement& statement : statements) {
                result = connection.exec(statement.text);
                connection.checkWriteGuard(statement.text);
            }
        }
    } catch (const core::Error& e) {
        throwIfGuardRefused(e, connection, access, QStringLiteral("query"));
        throw;
    }
    const qint64 elapsed = timer.elapsed();
    const QStringList types = format == Format::Json ? columnTypeNames(connection, result) : QStringList();
    printResult(inv.out, format, result, types, elapsed);
    return ExitOk;
}

} // namespace pgdesk::cli
