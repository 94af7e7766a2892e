// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"
#include "connect.h"
#include "exitcodes.h"
#include "output.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/scriptrunner.h>
#include <pgdesk/core/plan/plan.h>
#include <pgdesk/core/profiles/passwordcommand.h>
#include <pgdesk/core/session/writeunlock.h>
#include <pgdesk/core/sqltext/statementsplitter.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pgdesk::cli {

namespace {

struct ExplainArguments {
    QString sql;      // --query, or the --file's text
    QString file;     // --file
    QString planFile; // --plan
    core::ExplainOptions options;
    QMap<QString, core::Param> params;
};

QByteArray readInput(const QString& path) {
    QFile file;
    if (!openInput(file, path))
        core::throwConfigurationError(QStringLiteral("file"),
                                      QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    return file.readAll();
}

ExplainArguments parseExplainArguments(const QStringList& args) {
    ExplainArguments e;
    bool query = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        const auto value = [&] { return optionValue(args, i); };
        if (a == QLatin1String("--query")) {
            e.sql = value();
            query = true;
        } else if (a == QLatin1String("--file") || a == QLatin1String("-f")) {
            e.file = value();
        } else if (a == QLatin1String("--plan")) {
            e.planFile = value();
        } else if (a == QLatin1String("--analyze")) {
            e.options.analyze = true;
        } else if (a == QLatin1String("--buffers")) {
            e.options.buffers = true;
        } else if (a == QLatin1String("--settings")) {
            e.options.settings = true;
        } else if (a == QLatin1String("--wal")) {
            e.options.wal = true;
        } else if (a == QLatin1String("--no-timing")) {
            e.options.timing = false;
        } else if (a == QLatin1String("--keep-changes")) {
            e.options.keepChanges = true;
        } else if (a == QLatin1String("--param")) {
            addParamOption(value(), e.params);
        } else {
            throw UsageError{QStringLiteral("explain: unexpected argument \"%1\"").arg(a)};
        }
    }
    if (int(query) + int(!e.file.isEmpty()) + int(!e.planFile.isEmpty()) != 1)
        throw UsageError{QStringLiteral("explain takes one of --query SQL, --file FILE or --plan PLAN.json")};
    if (!e.planFile.isEmpty() && (e.options.analyze || e.options.buffers || !e.params.isEmpty()))
        throw UsageError{QStringLiteral("explain --plan reads a saved plan: --analyze, --buffers and --param "
                                        "need --query or --file")};
    if ((e.options.wal || !e.options.timing || e.options.keepChanges) && !e.options.analyze)
        throw UsageError{QStringLiteral("--wal, --no-timing and --keep-changes need --analyze")};
    return e;
}

// The one statement to explain: the query, or the file's only statement.
QString statementOf(const ExplainArguments& e) {
    const QString text = e.file.isEmpty() ? e.sql : QString::fromUtf8(readInput(e.file));
    const QList<core::SqlStatement> statements = core::splitStatements(text);
    if (statements.size() != 1)
        throw UsageError{QStringLiteral("explain takes exactly one statement (%1 holds %2)")
                             .arg(e.file.isEmpty() ? QStringLiteral("--query") : e.file)
                             .arg(statements.size())};
    return statements.first().text;
}

} // namespace

// explain (--query SQL | --file F | --plan PLAN.json) [--analyze] [--buffers] [--format text|json]: the
// plan with inclusive and exclusive times per node, misestimates and hotspots. --plan needs no server.
int cmdExplain(Invocation& inv) {
    const ExplainArguments e = parseExplainArguments(inv.args);
    const QString format = inv.global.format.isEmpty() ? QStringLiteral("text") : inv.global.format;
    if (format != QLatin1String("text") && format != QLatin1String("json"))
        throw UsageError{QStringLiteral("explain: --format takes text or json, not \"%1\"").arg(format)};

    core::Plan plan;
    bool rolledBack = false;
    QStringList sequencesAdvanced;
    if (!e.planFile.isEmpty()) {
        plan = core::parsePlan(readInput(e.planFile));
    } else {
        const QString statement = statementOf(e);
        auto connection = connect(inv);
        // The production guard: the runner refuses ANALYZE of a statement that may write while locked.
        const core::WriteAccess access =
            inv.global.allowWrite ? writeAccess(inv, connection.profile(), QStringLiteral("explain"))
                                  : nullptr;
        core::ScriptRunner runner(connection);
        core::ExplainResult result;
        try {
            result = runner.explain(statement, e.options, access, e.params);
        } catch (const core::Error& error) {
            throwIfGuardRefused(error, connection, access,
                                QStringLiteral("explain --analyze")); // exit 9, as query
            throw;
        }
        rolledBack = result.rolledBack;
        sequencesAdvanced = result.sequencesAdvanced;
        plan = core::parsePlan(result.json);
    }
    if (format == QLatin1String("json")) {
        QJsonObject json = core::planToJson(plan);
        if (!sequencesAdvanced.isEmpty())
            json.insert(QStringLiteral("sequences_advanced"), QJsonArray::fromStringList(sequencesAdvanced));
        printJson(inv.out, json);
    } else {
        // A plan file is anyone's text: its control characters and escape sequences are shown, not sent to
        // the terminal (a line at a time, so the plan keeps its lines).
        const QStringList lines = core::planToText(plan).split(QLatin1Char('\n'));
        for (qsizetype i = 0; i < lines.size(); ++i)
            inv.out << core::printableText(lines[i]) << (i + 1 < lines.size() ? "\n" : "");
        if (rolledBack)
            inv.out << "The statement's changes were rolled back (--keep-changes keeps them).\n";
        if (!sequencesAdvanced.isEmpty())
            inv.out << "Sequences advanced, and not rolled back (nextval stays done): "
                    << sequencesAdvanced.join(u' ') << "\n";
    }
    return ExitOk;
}

} // namespace pgdesk::cli
