// SPDX-License-Identifier: GPL-3.0-or-later
// diff: the schema compare and its migration (core/compare), for CI pipelines.
#include "commands.h"
#include "connect.h"
#include "dumprun.h"
#include "exitcodes.h"
#include "output.h"

#include <pgdesk/core/admin/sqlsandbox.h>
#include <pgdesk/core/admin/sqlscratch.h>
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/compare/datacompare.h>
#include <pgdesk/core/compare/migration.h>
#include <pgdesk/core/compare/schemacomparerun.h>
#include <pgdesk/core/compare/schemadiff.h>
#include <pgdesk/core/profiles/passwordcommand.h>
#include <pgdesk/core/schema/lockanalysis.h>
#include <pgdesk/core/schema/schemaapply.h>

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

#include <memory>

namespace pgdesk::cli {

namespace {

// Where one side of the compare comes from.
struct Side {
    QString dsn;
    QString profile;
    QString file;
    QString schema = QStringLiteral("public");

    bool hasConnection() const { return !dsn.isEmpty() || !profile.isEmpty(); }
};

struct DiffArguments {
    Side source;
    Side target;
    QString scriptPath;
    bool apply = false;
    bool allowDestructive = false;
    int lockTimeoutMs = 5000;
    // What the window's dialogs ask for, given on the command line: "table.column" → an SQL value for a
    // NOT NULL column (added to a table with rows, or made NOT NULL over NULLs), and → the USING of a type
    // change.
    QHash<QString, QString> fillValues;
    QHash<QString, QString> usingExpressions;
};

// "TABLE.COLUMN=SQL": the key as the migration names it (plain names), the SQL as given.
void addColumnSetting(QHash<QString, QString>& into, const QString& option, const QString& text) {
    const qsizetype eq = text.indexOf(QLatin1Char('='));
    const QString key = text.left(eq).trimmed();
    if (eq <= 0 || !key.contains(QLatin1Char('.')) || text.mid(eq + 1).trimmed().isEmpty())
        throw UsageError{QStringLiteral("%1 takes TABLE.COLUMN=SQL, not \"%2\"").arg(option, text)};
    into.insert(key, text.mid(eq + 1).trimmed());
}

DiffArguments parseDiffArguments(const QStringList& args) {
    DiffArguments a;
    QStringList schemas;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& o = args[i];
        const auto value = [&] { return optionValue(args, i); };
        if (!o.startsWith(QLatin1String("--")))
            schemas << o;
        else if (o == QLatin1String("--source-dsn"))
            a.source.dsn = value();
        else if (o == QLatin1String("--source-profile"))
            a.source.profile = value();
        else if (o == QLatin1String("--source-file"))
            a.source.file = value();
        else if (o == QLatin1String("--source-schema"))
            a.source.schema = value();
        else if (o == QLatin1String("--target-dsn"))
            a.target.dsn = value();
        else if (o == QLatin1String("--target-profile"))
            a.target.profile = value();
        else if (o == QLatin1String("--target-file"))
            a.target.file = value();
        else if (o == QLatin1String("--target-schema"))
            a.target.schema = value();
        else if (o == QLatin1String("--script"))
            a.scriptPath = value();
        else if (o == QLatin1String("--apply"))
            a.apply = true;
        else if (o == QLatin1String("--allow-destructive"))
            a.allowDestructive = true;
        else if (o == QLatin1String("--fill"))
            addColumnSetting(a.fillValues, o, value());
        else if (o == QLatin1String("--using"))
            addColumnSetting(a.usingExpressions, o, value());
        else if (o == QLatin1String("--lock-timeout")) {
            bool ok = false;
            a.lockTimeoutMs = value().toInt(&ok);
            if (!ok || a.lockTimeoutMs <= 0)
                throw UsageError{QStringLiteral("--lock-timeout takes milliseconds")};
        } else
            throw UsageError{QStringLiteral("diff: unknown option \"%1\"").arg(o)};
    }
    for (const Side* s : {&a.source, &a.target})
        if (int(!s->dsn.isEmpty()) + int(!s->profile.isEmpty()) + int(!s->file.isEmpty()) > 1)
            throw UsageError{QStringLiteral("diff: a side takes one of --*-dsn, --*-profile and --*-file")};
    if (schemas.size() == 2) {
        a.source.schema = schemas[0];
        a.target.schema = schemas[1];
    } else if (!schemas.isEmpty()) {
        throw UsageError{QStringLiteral("diff takes two schema names, or none")};
    }
    if (a.apply && !a.target.file.isEmpty())
        throw UsageError{QStringLiteral("diff --apply needs a target database, not a file")};
    if (a.allowDestructive && !a.apply)
        throw UsageError{QStringLiteral("--allow-destructive goes with --apply")};
    return a;
}

// The invocation a side connects with: its own --dsn or --profile, else the global ones.
Invocation sideInvocation(const Invocation& inv, const Side& side) {
    Invocation out{inv.args, inv.global, inv.out, inv.err};
    if (side.hasConnection()) {
        out.global.dsn = side.dsn;
        out.global.profile = side.profile;
        out.global.database.clear();
    }
    return out;
}

// A .sql file loaded into a private PostgreSQL (core::SqlSandbox) of the other side's major version, never
// into a server of the user's: a file from a vendor or a pull request cannot touch their roles, settings,
// databases or sessions. psql loads it in one transaction as a role with no rights beyond its database;
// meta-commands and COPY … PROGRAM are refused before anything starts. Without server programs here, into a
// scratch database of the other side's server by a throwaway role (core::SqlScratch), what would act beyond
// it refused first; on a production profile only with --allow-write.
class FileSide final {
public:
    FileSide(Invocation& inv, core::Connection* other, const Invocation& otherInv, const QString& file) {
        if (!QFileInfo::exists(file))
            core::throwError(core::ErrorKind::NotFound, QStringLiteral("no file at %1").arg(file));
        const core::PlainScriptCheck check = core::checkPlainScript(file);
        if (!check.refused.isEmpty()) {
            QStringList lines;
            for (const core::PlainScriptLine& l : check.refused)
                lines << QStringLiteral("line %1: %2").arg(l.line).arg(l.what);
            core::throwError(
                core::ErrorKind::Configuration,
                QStringLiteral("%1 holds what a schema file does not (psql meta-commands or COPY "
                               "… PROGRAM), so it was not loaded: %2")
                    .arg(file, lines.join(QStringLiteral(", "))));
        }
        QFile in(file);
        if (!in.open(QIODevice::ReadOnly))
            core::throwError(core::ErrorKind::NotFound,
                             QStringLiteral("cannot read %1: %2").arg(file, in.errorString()));
        const QString text = QString::fromUtf8(in.readAll());
        QStringList roles; // the compared server's, so that OWNER TO and GRANT find theirs
        if (other) {
            const core::Result r =
                other->exec(QStringLiteral("select rolname from pg_roles where rolname !~ '^pg_'"));
            for (int row = 0; row < r.rowCount(); ++row)
                roles << r.text(row, 0);
        }
        const int version = other ? other->serverVersion() : 0;
        const bool scratch = other && !core::SqlSandbox::available(version);
        core::ConnectionProfile loader;
        std::optional<QString> loaderPassword;
        if (scratch) {
            // Without server programs for a private server, a scratch database and role on this one.
            const core::WriteAccess access =
                writeAccess(inv, other->profile(),
                            QStringLiteral("diff with a .sql file (no server programs here for a private "
                                           "server: install postgresql-%1; else a scratch database and role "
                                           "are made on this server)")
                                .arg(version / 10000));
            const Target otherTarget = resolveTarget(otherInv);
            m_scratch = std::make_unique<core::SqlScratch>(*other, otherTarget.password, access);
            loader = m_scratch->prepare(text);
            loaderPassword = m_scratch->loaderPassword();
        } else {
            m_sandbox = std::make_unique<core::SqlSandbox>(version);
            loader = m_sandbox->prepare(text, roles);
        }
        const QString loadFile = scratch ? m_scratch->loadFile() : m_sandbox->loadFile();
        const auto psql = core::findDumpProgram(QStringLiteral("psql"), 0);
        core::RestoreOptions options;
        options.database = loader.database;
        core::DumpCommand command =
            core::restoreCommand(psql, loader, options, core::DumpFormat::Plain, loadFile);
        core::guardPlainRestore(command, psql.version);
        core::DumpRunner runner;
        run(inv, runner, command, loaderPassword, 0);
        if (runner.state() == core::DumpRunner::State::Canceled)
            core::throwError(core::ErrorKind::QueryCanceled,
                             QStringLiteral("the load of %1 was cancelled; the %2 is removed")
                                 .arg(file, scratch ? QStringLiteral("scratch database")
                                                    : QStringLiteral("private server")));
        if (runner.state() != core::DumpRunner::State::Succeeded)
            core::throwError(core::ErrorKind::Configuration,
                             QStringLiteral("loading %1 failed: %2").arg(file, runner.errorText()));
        if (scratch) {
            m_scratch->finishLoad();
            m_connection = std::make_unique<core::Connection>(
                core::Connection::open(m_scratch->readerProfile(), m_scratch->readerPassword()));
            m_description = QStringLiteral("a scratch database %1 on the compared server, by a role without "
                                           "rights beyond it (no server programs here for a private server)")
                                .arg(m_scratch->databaseName());
            inv.err << "pgdesk-cli: " << file << " was loaded into " << m_description
                    << "; both are dropped after this compare\n";
            return;
        }
        m_sandbox->finishLoad();
        m_connection = std::make_unique<core::Connection>(core::Connection::open(m_sandbox->readerProfile()));
        m_description = QStringLiteral("a private PostgreSQL %1 server").arg(m_sandbox->versionText());
        inv.err << "pgdesk-cli: " << file << " was loaded into " << m_description
                << ", started for this compare and removed after it; none of it ran on your servers\n";
    }

    core::Connection& connection() { return *m_connection; }
    QString description() const { return m_description; }

private:
    std::unique_ptr<core::SqlSandbox> m_sandbox; // outlive the connection to them
    std::unique_ptr<core::SqlScratch> m_scratch;
    std::unique_ptr<core::Connection> m_connection;
    QString m_description;
};

QJsonArray statementsJson(const core::Migration& m, const QList<core::StatementLocks>& locks) {
    QJsonArray out;
    for (qsizetype i = 0; i < m.statements.size(); ++i) {
        const core::DesignStatement& s = m.statements[i];
        QJsonObject o{{QStringLiteral("sql"), s.sql},
                      {QStringLiteral("phase"),
                       s.phase == core::DesignStatement::Phase::Transaction ? QStringLiteral("transaction")
                       : s.phase == core::DesignStatement::Phase::After     ? QStringLiteral("after")
                                                                            : QStringLiteral("outside")},
                      {QStringLiteral("destructive"), s.destructive},
                      {QStringLiteral("description"), s.description}};
        if (i < locks.size()) {
            QJsonArray lockList;
            for (const core::RelationLock& r : locks[i].locks)
                lockList << QJsonObject{{QStringLiteral("relation"), r.relation},
                                        {QStringLiteral("mode"), core::lockModeName(r.mode)}};
            o.insert(QStringLiteral("locks"), lockList);
            o.insert(QStringLiteral("rewrites"), QJsonArray::fromStringList(locks[i].rewrites));
        }
        out << o;
    }
    return out;
}

void printDifferences(QTextStream& out, const QList<core::ObjectDifference>& differences) {
    int count = 0;
    for (const core::ObjectDifference& d : differences) {
        if (d.state == core::DiffState::Same)
            continue;
        ++count;
        out << core::diffStateName(d.state).leftJustified(15) << ' ' << d.kind.leftJustified(18) << ' '
            << d.name << '\n';
        if (d.state == core::DiffState::Different)
            for (const core::DiffLine& l : core::lineDiff(d.targetText, d.sourceText))
                if (l.op != ' ')
                    out << "    " << l.op << ' ' << l.text << '\n';
    }
    out << (count == 0 ? QStringLiteral("no differences") : QStringLiteral("%1 objects differ").arg(count))
        << '\n';
}

QJsonArray differencesJson(const QList<core::ObjectDifference>& differences) {
    QJsonArray out;
    for (const core::ObjectDifference& d : differences) {
        if (d.state == core::DiffState::Same)
            continue;
        QJsonArray lines;
        for (const core::DiffLine& l : core::lineDiff(d.targetText, d.sourceText))
            if (l.op != ' ')
                lines << QString(QLatin1Char(l.op) + l.text);
        out << QJsonObject{{QStringLiteral("kind"), d.kind},
                           {QStringLiteral("name"), d.name},
                           {QStringLiteral("state"), core::diffStateName(d.state)},
                           {QStringLiteral("diff"), lines}};
    }
    return out;
}

} // namespace

// diff [--source-… | SCHEMA_A SCHEMA_B] [--script FILE] [--apply [--allow-destructive]]: exit 0 when equal,
// 1 when different (after --apply: whether a difference is left).
int cmdDiff(Invocation& inv) {
    const DiffArguments a = parseDiffArguments(inv.args);
    const QString format = inv.global.format.isEmpty() ? QStringLiteral("text") : inv.global.format;
    if (format != QLatin1String("text") && format != QLatin1String("json"))
        throw UsageError{QStringLiteral("diff: --format takes text or json, not \"%1\"").arg(format)};

    // Connections: each side its own, or the global one (shared when both use it); a file side is loaded into
    // a private server of the other side's version (the newest installed when both are files).
    const Invocation sourceInv = sideInvocation(inv, a.source);
    const Invocation targetInv = sideInvocation(inv, a.target);
    std::unique_ptr<core::Connection> global;
    std::unique_ptr<core::Connection> sourceOwn;
    std::unique_ptr<core::Connection> targetOwn;
    const auto globalConnection = [&]() -> core::Connection& {
        if (!global)
            global = std::make_unique<core::Connection>(connect(inv));
        return *global;
    };
    const auto sideConnection = [&](const Side& side, const Invocation& sideInv,
                                    std::unique_ptr<core::Connection>& own) -> core::Connection* {
        if (!side.file.isEmpty())
            return nullptr;
        if (!side.hasConnection())
            return &globalConnection();
        own = std::make_unique<core::Connection>(connect(sideInv));
        return own.get();
    };
    core::Connection* source = sideConnection(a.source, sourceInv, sourceOwn);
    core::Connection* target = sideConnection(a.target, targetInv, targetOwn);
    core::Connection* const sourceServer = source;
    core::Connection* const targetServer = target;
    std::unique_ptr<FileSide> sourceFile;
    std::unique_ptr<FileSide> targetFile;
    if (!source) {
        sourceFile = std::make_unique<FileSide>(inv, targetServer, targetInv, a.source.file);
        source = &sourceFile->connection();
    }
    if (!target) {
        targetFile = std::make_unique<FileSide>(inv, sourceServer, sourceInv, a.target.file);
        target = &targetFile->connection();
    }

    // The one compare every front end runs (core::runSchemaCompare): two connections are read at once.
    const core::SchemaCompareRun run = core::runSchemaCompare(
        {source, a.source.schema, target, a.target.schema}, format == QLatin1String("json"));
    const QList<core::ObjectDifference>& differences = run.differences;
    const bool differ = run.differ();
    // With values or USING expressions given: planned again from what was read, as the window does.
    const bool given = !a.fillValues.isEmpty() || !a.usingExpressions.isEmpty();
    const core::Migration migration = given ? run.planWith(a.fillValues, a.usingExpressions) : run.migration;
    const QString title =
        QStringLiteral("Migration of schema %1 to match schema %2")
            .arg(core::quoteIdentifier(a.target.schema), core::quoteIdentifier(a.source.schema));
    const QString script = migration.script(title, a.lockTimeoutMs);
    if (!a.scriptPath.isEmpty()) {
        QSaveFile file(a.scriptPath);
        if (!file.open(QIODevice::WriteOnly) || file.write(script.toUtf8()) < 0 || !file.commit())
            core::throwOutputError(a.scriptPath, file.errorString());
    }
    for (const QString& b : migration.blockers)
        inv.err << "pgdesk-cli: the migration cannot run: " << b << '\n';

    // A plan with values holds more statements (an UPDATE before each NOT NULL): its own locks.
    const QList<core::StatementLocks> locks =
        given && format == QLatin1String("json") ? core::analyzeMigration(*target, migration) : run.locks;
    const auto report = [&](const QList<core::ObjectDifference>& shown, bool applied) {
        if (format == QLatin1String("json")) {
            QJsonObject o{{QStringLiteral("equal"), !core::schemasDiffer(shown)},
                          {QStringLiteral("objects"), differencesJson(shown)},
                          {QStringLiteral("decisions"), QJsonArray::fromStringList(migration.decisions)},
                          {QStringLiteral("blockers"), QJsonArray::fromStringList(migration.blockers)},
                          {QStringLiteral("statements"), statementsJson(migration, locks)},
                          {QStringLiteral("script"), script}};
            if (applied)
                o.insert(QStringLiteral("applied"), true);
            QJsonObject loaded; // where a file side was loaded: never a server of the user's
            if (sourceFile)
                loaded.insert(QStringLiteral("source"), sourceFile->description());
            if (targetFile)
                loaded.insert(QStringLiteral("target"), targetFile->description());
            if (!loaded.isEmpty())
                o.insert(QStringLiteral("loaded_into"), loaded);
            printJson(inv.out, o);
        } else {
            printDifferences(inv.out, shown);
        }
    };
    if (!a.apply || !differ) {
        report(differences, false);
        return differ ? ExitDifferent : ExitOk;
    }

    // --apply: nothing runs when the migration cannot, or holds a destructive step not allowed.
    if (!migration.blockers.isEmpty())
        return ExitUsage;
    core::SchemaApplyOptions applyOptions;
    applyOptions.lockTimeoutMs = a.lockTimeoutMs;
    applyOptions.access = writeAccess(targetInv, target->profile(), QStringLiteral("diff --apply"));
    for (int i = 0; i < migration.statements.size(); ++i)
        if (migration.statements[i].destructive) {
            if (!a.allowDestructive)
                throw UsageError{
                    QStringLiteral(
                        "the migration holds destructive steps (%1): --allow-destructive applies them")
                        .arg(migration.statements[i].description)};
            applyOptions.confirmed.insert(i);
            inv.err << "pgdesk-cli: " << migration.statements[i].description << '\n';
        }
    const core::SchemaApplyResult result = core::applyMigration(*target, migration, applyOptions);
    if (!result.failure.isEmpty())
        inv.err << "pgdesk-cli: " << result.failure << '\n';
    // Compared again: what is left (nothing, when the migration did its work).
    const QList<core::ObjectDifference> after = core::compareAgain(run, *target, a.target.schema);
    report(after, true);
    if (!result.failure.isEmpty())
        return ExitSql;
    return core::schemasDiffer(after) ? ExitDifferent : ExitOk;
}

// data-diff TABLE [--source-table T] --source-dsn … | --source-profile … [--target-dsn … | --target-profile
// …]
// [-o CHANGES.json]: the rows that differ, as a change set for `apply`; exit 0 when equal, 1 when not.
int cmdDataDiff(Invocation& inv) {
    Side source;
    Side target;
    QString table;
    QString sourceTable;
    QString output;
    for (qsizetype i = 0; i < inv.args.size(); ++i) {
        const QString& o = inv.args[i];
        const auto value = [&] { return optionValue(inv.args, i); };
        if (!o.startsWith(QLatin1String("-"))) {
            if (!table.isEmpty())
                throw UsageError{QStringLiteral("data-diff takes one table")};
            table = o;
        } else if (o == QLatin1String("--source-dsn"))
            source.dsn = value();
        else if (o == QLatin1String("--source-profile"))
            source.profile = value();
        else if (o == QLatin1String("--target-dsn"))
            target.dsn = value();
        else if (o == QLatin1String("--target-profile"))
            target.profile = value();
        else if (o == QLatin1String("--source-table"))
            sourceTable = value();
        else if (o == QLatin1String("-o") || o == QLatin1String("--output"))
            output = value();
        else
            throw UsageError{QStringLiteral("data-diff: unknown option \"%1\"").arg(o)};
    }
    if (table.isEmpty())
        throw UsageError{QStringLiteral("data-diff takes TABLE")};
    const QString format = inv.global.format.isEmpty() ? QStringLiteral("text") : inv.global.format;
    if (format != QLatin1String("text") && format != QLatin1String("json"))
        throw UsageError{QStringLiteral("data-diff: --format takes text or json, not \"%1\"").arg(format)};
    auto targetConnection = connect(sideInvocation(inv, target));
    // Two tables of one database need two connections all the same: each side reads in a snapshot of its own.
    auto sourceConnection = connect(sideInvocation(inv, source));
    const core::TableInfo t = core::CatalogReader(targetConnection).table(table);
    const core::TableInfo s =
        core::CatalogReader(sourceConnection).table(sourceTable.isEmpty() ? table : sourceTable);
    core::DataCompareSpec spec;
    spec.targetSchema = t.schema;
    spec.targetTable = t.name;
    spec.sourceSchema = s.schema;
    spec.sourceTable = s.name;
    const core::DataCompareResult r = core::compareTableData(sourceConnection, targetConnection, spec);
    if (!output.isEmpty()) {
        QSaveFile file(output);
        if (!file.open(QIODevice::WriteOnly) || file.write(r.changes.toJsonText()) < 0 || !file.commit())
            core::throwOutputError(output, file.errorString());
    }
    const bool differ = !r.changes.isEmpty();
    if (format == QLatin1String("json")) {
        QJsonObject byColumn;
        for (auto it = r.differentByColumn.cbegin(); it != r.differentByColumn.cend(); ++it)
            byColumn.insert(it.key(), it.value());
        printJson(inv.out, QJsonObject{{QStringLiteral("equal"), !differ},
                                       {QStringLiteral("key"), QJsonArray::fromStringList(r.key)},
                                       {QStringLiteral("columns"), QJsonArray::fromStringList(r.columns)},
                                       {QStringLiteral("left_out"), QJsonArray::fromStringList(r.leftOut)},
                                       {QStringLiteral("source_rows"), r.sourceRows},
                                       {QStringLiteral("target_rows"), r.targetRows},
                                       {QStringLiteral("same"), r.same},
                                       {QStringLiteral("different"), r.different},
                                       {QStringLiteral("only_in_source"), r.onlyInSource},
                                       {QStringLiteral("only_in_target"), r.onlyInTarget},
                                       {QStringLiteral("different_by_column"), byColumn},
                                       {QStringLiteral("changes"), qint64(r.changes.size())}});
    } else {
        inv.out << "source " << r.sourceRows << " rows, target " << r.targetRows << " rows: " << r.same
                << " same, " << r.different << " different, " << r.onlyInSource << " only in source, "
                << r.onlyInTarget << " only in target\n";
        QStringList columns = r.differentByColumn.keys();
        columns.sort();
        for (const QString& c : columns)
            inv.out << "  " << c << ": " << r.differentByColumn.value(c) << " different\n";
        if (!r.leftOut.isEmpty())
            inv.out << "not compared (one side only, or generated): " << r.leftOut.join(QStringLiteral(", "))
                    << '\n';
        if (!output.isEmpty())
            inv.out << r.changes.size() << " changes written to " << output << " (pgdesk-cli apply " << output
                    << ")\n";
    }
    return differ ? ExitDifferent : ExitOk;
}

} // namespace pgdesk::cli
