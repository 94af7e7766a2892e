// SPDX-License-Identifier: GPL-3.0-or-later
#include "mcptools.h"

#include "locksjson.h"

#include <pgdesk/core/admin/ddlwriter.h>
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/jsontext.h>
#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/browse/scriptrunner.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/catalog/profileconventions.h>
#include <pgdesk/core/catalog/structurereader.h>
#include <pgdesk/core/local/agentcalls.h>
#include <pgdesk/core/plan/plan.h>
#include <pgdesk/core/profiles/softdelete.h>
#include <pgdesk/core/schema/lockanalysis.h>
#include <pgdesk/core/session/transaction.h>
#include <pgdesk/core/session/writeguard.h>
#include <pgdesk/core/sqltext/secretmask.h>
#include <pgdesk/core/sqltext/statementsplitter.h>

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QUrl>

#include <algorithm>
#include <cstdio>

namespace pgdesk::cli {

namespace {

QJsonObject schemaOf(const QJsonObject& properties, const QStringList& required = {}) {
    QJsonObject schema{{QStringLiteral("type"), QStringLiteral("object")},
                       {QStringLiteral("properties"), properties}};
    if (!required.isEmpty())
        schema.insert(QStringLiteral("required"), QJsonArray::fromStringList(required));
    return schema;
}

QJsonObject typed(const char* type, const QString& description) {
    return {{QStringLiteral("type"), QLatin1String(type)}, {QStringLiteral("description"), description}};
}

QJsonObject tool(const char* name, const QString& title, const QString& description, const QJsonObject& input,
                 bool readOnly) {
    return {{QStringLiteral("name"), QLatin1String(name)},
            {QStringLiteral("title"), title},
            {QStringLiteral("description"), description},
            {QStringLiteral("inputSchema"), input},
            {QStringLiteral("annotations"), QJsonObject{{QStringLiteral("readOnlyHint"), readOnly},
                                                        {QStringLiteral("destructiveHint"), false},
                                                        {QStringLiteral("openWorldHint"), false}}}};
}

ToolResult refusal(const QString& message) {
    ToolResult r;
    r.isError = true;
    r.text = message;
    r.structured = {{QStringLiteral("error"), message}};
    return r;
}

ToolResult success(QJsonObject structured) {
    ToolResult r;
    r.text = QString::fromUtf8(QJsonDocument(structured).toJson(QJsonDocument::Compact));
    r.structured = std::move(structured);
    return r;
}

QJsonValue textOrNull(const std::optional<QString>& value) {
    return value ? QJsonValue(*value) : QJsonValue();
}

// The values of `params` in the arguments' JSON text, exactly as written (0.10 stays 0.10): an array binds
// $1, $2 …, an object binds :name. Objects and arrays as values are bound as their JSON text.
QMap<QString, core::Param> parametersOf(const QByteArray& rawArguments) {
    QMap<QString, core::Param> out;
    if (rawArguments.isEmpty())
        return out;
    core::json::Reader reader(rawArguments);
    if (reader.type() != core::json::Type::Object)
        return out;
    const auto valueAt = [&reader, &rawArguments]() -> core::Param {
        switch (reader.type()) {
        case core::json::Type::Null:
            reader.skip();
            return std::nullopt;
        case core::json::Type::String:
            return reader.string().toUtf8();
        case core::json::Type::Number:
            return reader.number().toUtf8();
        case core::json::Type::Bool:
            return QByteArray(reader.boolean() ? "true" : "false");
        default: {
            const qsizetype from = reader.offset();
            reader.skip();
            return rawArguments.mid(from, reader.offset() - from).trimmed();
        }
        }
    };
    reader.beginObject();
    std::string key;
    while (reader.nextMember(&key)) {
        if (key != "params") {
            reader.skip();
            continue;
        }
        if (reader.type() == core::json::Type::Array) {
            reader.beginArray();
            for (int n = 1; reader.nextElement(); ++n)
                out.insert(QString::number(n), valueAt());
        } else if (reader.type() == core::json::Type::Object) {
            reader.beginObject();
            std::string name;
            while (reader.nextMember(&name))
                out.insert(QString::fromStdString(name), valueAt());
        } else {
            core::throwConfigurationError(
                QStringLiteral("params"),
                QStringLiteral("params is an array ($1, $2 …) or an object (:name)"));
        }
    }
    return out;
}

// format_type of every oid (a result's column types beyond the built-ins ScriptRunner names).
QStringList typeNames(core::Connection& connection, const QList<quint32>& oids) {
    QStringList list;
    for (quint32 oid : oids)
        list << QString::number(oid);
    QStringList names(oids.size(), QStringLiteral("unknown"));
    if (oids.isEmpty())
        return names;
    const core::Result r = connection.exec(
        QStringLiteral(
            "select t.oid::text, format_type(t.oid, null) from pg_type t where t.oid = any($1::oid[])"),
        {core::param(QLatin1Char('{') + list.join(QLatin1Char(',')) + QLatin1Char('}'))});
    for (int row = 0; row < r.rowCount(); ++row)
        for (qsizetype i = 0; i < list.size(); ++i)
            if (list[i] == r.text(row, 0))
                names[i] = r.text(row, 1);
    return names;
}

QString resourceUri(const QString& profile, const QString& schema, const QString& table) {
    return QStringLiteral("pgdesk://%1/%2/%3")
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(profile)),
             QString::fromLatin1(QUrl::toPercentEncoding(schema)),
             QString::fromLatin1(QUrl::toPercentEncoding(table)));
}

} // namespace

McpTools::McpTools(Target target, McpOptions options)
    : m_target(std::move(target))
    , m_options(std::move(options)) {
    const core::ConnectionProfile& p = m_target.profile;
    m_writes = m_options.allowWrite && p.environment != core::Environment::Production;
    m_target.profile.applicationName = QStringLiteral("pgdesk-cli mcp");
    // The agent's values stay out of the server's log lines and PgDesk's error messages.
    m_target.profile.hideParameters = true;
    if (!m_options.logPath.isEmpty()) {
        m_log.setFileName(m_options.logPath);
        if (!m_log.open(QIODevice::Append | QIODevice::WriteOnly))
            core::throwConfigurationError(
                QStringLiteral("log"),
                QStringLiteral("cannot write %1: %2").arg(m_options.logPath, m_log.errorString()));
        m_log.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
}

McpTools::~McpTools() = default;

void McpTools::connect() {
    connection();
}

core::Connection& McpTools::connection() {
    if (!m_connection || !m_connection->isOpen()) {
        m_connection.emplace(core::Connection::open(m_target.profile, m_target.password));
        // What runs outside a call's own transaction (the catalog, a proposal's checks) has the timeout too.
        m_connection->exec(QStringLiteral("select set_config('statement_timeout', $1, false)"),
                           {core::param(QString::number(m_options.statementTimeoutMs))});
    }
    return *m_connection;
}

QJsonArray McpTools::list() const {
    const QString readOnly = m_writes
                                 ? QString()
                                 : QStringLiteral(" It runs in a READ ONLY transaction that is rolled back: "
                                                  "nothing it does is kept.");
    QJsonArray tools;
    tools << tool("list_schemas", QStringLiteral("List schemas"),
                  QStringLiteral("The database's schemas with the number of tables in each."), schemaOf({}),
                  true);
    tools << tool(
        "list_tables", QStringLiteral("List tables"),
        QStringLiteral("Tables, views and other relations with kind, estimated rows, size in bytes and "
                       "comment. Optional: one schema, and a filter on the name (case-insensitive)."),
        schemaOf({{QStringLiteral("schema"), typed("string", QStringLiteral("only this schema"))},
                  {QStringLiteral("filter"),
                   typed("string", QStringLiteral("part of the name, case-insensitive"))}}),
        true);
    tools << tool(
        "describe_table", QStringLiteral("Describe a table"),
        QStringLiteral("Columns (name, type, nullable, default, comment), primary key, foreign keys, "
                       "indexes, the soft-delete convention and the CREATE script of one table."),
        schemaOf({{QStringLiteral("table"),
                   typed("string", QStringLiteral("schema.table, or a name on the search path"))}},
                 {QStringLiteral("table")}),
        true);
    tools << tool("query", QStringLiteral("Run a query"),
                  QStringLiteral("Runs one SQL statement and returns its columns and rows (values as "
                                 "PostgreSQL's text, NULL as null), at most row_limit rows (%1 by default); "
                                 "truncated says more rows exist. $1 … take params as an array, :name as an "
                                 "object.")
                          .arg(m_options.rowLimit) +
                      readOnly,
                  schemaOf({{QStringLiteral("sql"), typed("string", QStringLiteral("one SQL statement"))},
                            {QStringLiteral("params"),
                             QJsonObject{{QStringLiteral("type"),
                                          QJsonArray{QStringLiteral("array"), QStringLiteral("object")}},
                                         {QStringLiteral("description"),
                                          QStringLiteral("values for $1 … (array) or :name (object)")}}},
                            {QStringLiteral("row_limit"),
                             typed("integer", QStringLiteral("fewer rows than the server's limit"))}},
                           {QStringLiteral("sql")}),
                  !m_writes);
    tools << tool(
        "explain", QStringLiteral("Explain a query"),
        QStringLiteral("The plan of one statement: nodes with their times and estimates, and the "
                       "hotspots. analyze runs it (only a plain query unless writing is allowed; its "
                       "changes are rolled back)."),
        schemaOf({{QStringLiteral("sql"), typed("string", QStringLiteral("one SQL statement"))},
                  {QStringLiteral("analyze"),
                   typed("boolean", QStringLiteral("run it and measure (EXPLAIN ANALYZE)"))}},
                 {QStringLiteral("sql")}),
        true);
    tools << tool(
        "analyze_locks", QStringLiteral("Analyze locks"),
        QStringLiteral("For each statement of a script, the lock it would take on each table, the "
                       "tables it would rewrite or read whole with their sizes, and a safer pattern. "
                       "Nothing is executed."),
        schemaOf({{QStringLiteral("sql"), typed("string", QStringLiteral("a script of DDL or DML"))}},
                 {QStringLiteral("sql")}),
        true);
    const QString proposal = QStringLiteral(
        " Nothing is applied: it is stored as a proposal that a person reviews and applies in PgDesk (or "
        "with pgdesk-cli apply --proposal ID); the result has its id.");
    tools << tool(
        "propose_changes", QStringLiteral("Propose row changes"),
        QStringLiteral("Proposes changes to one table's rows in pgdesk-cli apply's change set format: "
                       "updates, inserts, deletes, soft deletes and restores by key, with the row "
                       "version (xmin::text) where the rows were read. They are checked against the "
                       "table (keys, columns, every value's type, versions).") +
            proposal,
        schemaOf({{QStringLiteral("table"), typed("string", QStringLiteral("schema.table"))},
                  {QStringLiteral("changes"),
                   QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                               {QStringLiteral("items"),
                                QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}}},
                               {QStringLiteral("description"),
                                QStringLiteral("[{op: update|insert|delete|soft_delete|restore, key?, "
                                               "version?, set?, values?}]")}}}},
                 {QStringLiteral("table"), QStringLiteral("changes")}),
        false);
    tools << tool("propose_migration", QStringLiteral("Propose a migration"),
                  QStringLiteral("Proposes a schema migration script: analysed for the locks each statement "
                                 "takes, the tables it rewrites and its destructive steps.") +
                      proposal,
                  schemaOf({{QStringLiteral("sql"), typed("string", QStringLiteral("the migration script"))}},
                           {QStringLiteral("sql")}),
                  false);
    return tools;
}

bool McpTools::has(const QString& name) const {
    for (const QJsonValue& t : list())
        if (t.toObject().value(QStringLiteral("name")).toString() == name)
            return true;
    return false;
}

ToolResult McpTools::call(const QString& name, const QJsonObject& arguments, const QByteArray& rawArguments) {
    QString statement;
    qint64 rows = -1;
    ToolResult result;
    try {
        result = run(name, arguments, rawArguments, &statement, &rows);
    } catch (const core::Error& e) {
        QString text = e.displayText();
        if (!e.hint().isEmpty() && !text.contains(e.hint()))
            text += QStringLiteral(" (hint: %1)").arg(e.hint());
        result = refusal(text);
        if (e.kind() == core::ErrorKind::Connection)
            m_connection.reset(); // the next call connects again
    }
    log(name, arguments, statement, rows, result);
    return result;
}

ToolResult McpTools::run(const QString& name, const QJsonObject& arguments, const QByteArray& rawArguments,
                         QString* statement, qint64* rows) {
    if (name == QLatin1String("list_schemas"))
        return listSchemas();
    if (name == QLatin1String("list_tables"))
        return listTables(arguments);
    if (name == QLatin1String("describe_table"))
        return describeTable(arguments);
    *statement = arguments.value(QStringLiteral("sql")).toString(); // the tools that take SQL
    if (name == QLatin1String("query")) {
        ToolResult r = query(arguments, rawArguments);
        *rows = r.structured.value(QStringLiteral("row_count")).toInteger(-1);
        return r;
    }
    if (name == QLatin1String("explain"))
        return explain(arguments, rawArguments);
    if (name == QLatin1String("analyze_locks"))
        return analyzeLocks(arguments);
    if (name == QLatin1String("propose_changes"))
        return proposeChanges(arguments, rawArguments);
    if (name == QLatin1String("propose_migration"))
        return proposeMigration(arguments);
    return refusal(QStringLiteral("no tool %1").arg(name));
}

void McpTools::checkReadOnly(const QString& sql, const QString& tool, bool mayWrite) const {
    const QList<core::SqlStatement> statements = core::splitStatements(sql);
    const auto refuse = [&tool](const QString& why) {
        core::throwError(core::ErrorKind::Configuration,
                         QStringLiteral("%1 refused, nothing was sent: %2").arg(tool, why));
    };
    const QString allow = QStringLiteral("`pgdesk-cli mcp --allow-write` on a profile that is not production "
                                         "lets an agent write");
    if (statements.size() != 1)
        refuse(QStringLiteral("it takes one statement and the SQL holds %1 (send each on a call of its own)")
                   .arg(statements.size()));
    const core::SqlStatement& s = statements.first();
    const QString what = s.keyword.isEmpty() ? QStringLiteral("the statement") : s.keyword;
    if (s.kind == core::StatementKind::TransactionControl)
        refuse(
            QStringLiteral("%1 controls the transaction, and every call runs in a READ ONLY transaction that "
                           "is rolled back")
                .arg(what));
    if (s.outsideTransaction)
        refuse(QStringLiteral(
                   "%1 cannot run inside a transaction, and every call runs in a READ ONLY transaction "
                   "that is rolled back; %2")
                   .arg(what, allow));
    if (const auto why = core::guardRefusal(s.text))
        refuse(
            QStringLiteral("%1 (the production guard's rule, which holds for an agent on every profile); %2")
                .arg(*why, allow));
    if (!mayWrite && core::statementMayWrite(s))
        refuse(QStringLiteral("%1 may change the database, and this agent's access is read-only; %2")
                   .arg(what, allow));
}

ToolResult McpTools::listSchemas() {
    core::CatalogReader reader(connection());
    QHash<QString, int> counts;
    for (const core::TableSummary& t : reader.tables())
        ++counts[t.schema];
    QJsonArray schemas;
    for (const core::SchemaInfo& s : reader.schemas())
        schemas << QJsonObject{{QStringLiteral("name"), s.name},
                               {QStringLiteral("tables"), counts.value(s.name)}};
    return success({{QStringLiteral("schemas"), schemas}});
}

ToolResult McpTools::listTables(const QJsonObject& arguments) {
    const QString schema = arguments.value(QStringLiteral("schema")).toString();
    const QString filter = arguments.value(QStringLiteral("filter")).toString();
    QJsonArray tables;
    for (const core::TableSummary& t : core::CatalogReader(connection()).tables(schema)) {
        if (!filter.isEmpty() && !t.name.contains(filter, Qt::CaseInsensitive))
            continue;
        const bool estimate = t.kind == core::RelationKind::Table ||
                              t.kind == core::RelationKind::PartitionedTable ||
                              t.kind == core::RelationKind::MaterializedView;
        tables << QJsonObject{
            {QStringLiteral("schema"), t.schema},
            {QStringLiteral("name"), t.name},
            {QStringLiteral("kind"), core::relationKindName(t.kind)},
            {QStringLiteral("rows_estimate"), estimate ? QJsonValue(double(t.estimatedRows)) : QJsonValue()},
            {QStringLiteral("bytes"), double(t.totalBytes)},
            {QStringLiteral("comment"), t.comment.isEmpty() ? QJsonValue() : QJsonValue(t.comment)}};
    }
    return success({{QStringLiteral("tables"), tables}});
}

QJsonObject McpTools::describe(const QString& name) {
    core::Connection& c = connection();
    const core::TableInfo table = core::readTableForProfile(c, name);
    QJsonArray columns;
    for (const core::ColumnInfo& column : table.columns)
        columns << QJsonObject{{QStringLiteral("name"), column.name},
                               {QStringLiteral("type"), column.typeName},
                               {QStringLiteral("nullable"), !column.notNull},
                               {QStringLiteral("default"), column.defaultExpression.isEmpty()
                                                               ? QJsonValue()
                                                               : QJsonValue(column.defaultExpression)},
                               {QStringLiteral("comment"),
                                column.comment.isEmpty() ? QJsonValue() : QJsonValue(column.comment)}};
    QJsonValue primaryKey;
    for (const core::UniqueConstraint& u : table.uniques)
        if (u.isPrimaryKey)
            primaryKey = QJsonArray::fromStringList(u.columns);
    QJsonArray foreignKeys;
    for (const core::ForeignKey& fk : table.foreignKeys)
        foreignKeys << QJsonObject{
            {QStringLiteral("columns"), QJsonArray::fromStringList(fk.columns)},
            {QStringLiteral("references"), fk.refSchema + QLatin1Char('.') + fk.refTable},
            {QStringLiteral("ref_columns"), QJsonArray::fromStringList(fk.refColumns)}};
    QJsonArray indexes;
    for (const core::StructureIndex& index : core::StructureReader(c).read(table.schema, table.name).indexes)
        indexes << QJsonObject{{QStringLiteral("name"), index.name},
                               {QStringLiteral("definition"), index.definition}};
    const core::Conventions& conventions = table.conventions;
    const QJsonValue softDelete =
        conventions.softDelete == core::SoftDeleteKind::None
            ? QJsonValue()
            : QJsonValue(
                  QJsonObject{{QStringLiteral("column"), conventions.softDeleteColumn},
                              {QStringLiteral("kind"), core::softDeleteKindName(conventions.softDelete)}});
    return {{QStringLiteral("schema"), table.schema},
            {QStringLiteral("name"), table.name},
            {QStringLiteral("kind"), core::relationKindName(table.kind)},
            {QStringLiteral("comment"), table.comment.isEmpty() ? QJsonValue() : QJsonValue(table.comment)},
            {QStringLiteral("columns"), columns},
            {QStringLiteral("primary_key"), primaryKey},
            {QStringLiteral("foreign_keys"), foreignKeys},
            {QStringLiteral("indexes"), indexes},
            {QStringLiteral("soft_delete"), softDelete},
            {QStringLiteral("ddl"), core::DdlWriter(c).relationScript(table.schema, table.name)}};
}

ToolResult McpTools::describeTable(const QJsonObject& arguments) {
    const QString name = arguments.value(QStringLiteral("table")).toString();
    if (name.isEmpty())
        return refusal(
            QStringLiteral("describe_table needs the table: schema.table, or a name on the search path"));
    return success(describe(name));
}

ToolResult McpTools::query(const QJsonObject& arguments, const QByteArray& rawArguments) {
    const QString sql = arguments.value(QStringLiteral("sql")).toString();
    if (sql.trimmed().isEmpty())
        return refusal(QStringLiteral("query needs sql: one SQL statement"));
    int limit = m_options.rowLimit;
    if (arguments.contains(QStringLiteral("row_limit")))
        limit = std::clamp(arguments.value(QStringLiteral("row_limit")).toInt(limit), 0, limit);
    core::ScriptRunOptions options;
    options.pageQueries = false; // the rows as the server sends them: one round trip
    options.streamLimit = limit;
    options.parameters = parametersOf(rawArguments);
    QElapsedTimer timer;
    timer.start();
    core::ScriptRun run;
    if (m_writes) {
        core::Connection& c = connection();
        // Again before every call: an earlier call may have SET it.
        c.exec(QStringLiteral("select set_config('statement_timeout', $1, false)"),
               {core::param(QString::number(m_options.statementTimeoutMs))});
        const QList<core::SqlStatement> statements = core::splitStatements(sql);
        if (statements.size() != 1)
            return refusal(
                QStringLiteral("query takes one statement and the SQL holds %1 (send each on a call "
                               "of its own)")
                    .arg(statements.size()));
        run = core::ScriptRunner(c).run(statements, options);
    } else {
        checkReadOnly(sql, QStringLiteral("query"), false);
        options.stopAtStreamLimit = true; // what is past the limit never leaves the server
        run = readOnly([&](core::Connection& c) { return core::ScriptRunner(c).run(sql, options); });
    }
    if (run.error)
        return refusal(run.error->text);
    const core::StatementResult& r = run.statements.first();
    QStringList types;
    bool unnamed = false;
    for (const core::PageColumn& column : r.page.columns) {
        types << column.type;
        unnamed = unnamed || column.type.isEmpty();
    }
    if (unnamed) // beyond the built-ins: the server's names, after the rollback
        types = typeNames(connection(), r.columnTypes);
    QJsonArray columns;
    for (qsizetype i = 0; i < r.page.columns.size(); ++i)
        columns << QJsonObject{{QStringLiteral("name"), r.page.columns[i].name},
                               {QStringLiteral("type"), types.value(i)}};
    QJsonArray rows;
    for (const auto& row : r.page.rows) {
        QJsonArray values;
        for (const auto& value : row)
            values << textOrNull(value);
        rows << values;
    }
    QJsonObject out{{QStringLiteral("columns"), columns},
                    {QStringLiteral("rows"), rows},
                    {QStringLiteral("truncated"), r.truncated},
                    {QStringLiteral("row_count"),
                     r.returnsRows ? double(rows.size()) : double(std::max<qint64>(r.affectedRows, 0))},
                    {QStringLiteral("elapsed_ms"), double(timer.elapsed())}};
    if (!r.commandStatus.isEmpty())
        out.insert(QStringLiteral("command"), r.commandStatus);
    if (!r.notices.isEmpty())
        out.insert(QStringLiteral("notices"), QJsonArray::fromStringList(r.notices));
    return success(out);
}

ToolResult McpTools::explain(const QJsonObject& arguments, const QByteArray& rawArguments) {
    const QString sql = arguments.value(QStringLiteral("sql")).toString();
    const QList<core::SqlStatement> statements = core::splitStatements(sql);
    if (statements.size() != 1)
        return refusal(
            QStringLiteral("explain takes one statement and the SQL holds %1").arg(statements.size()));
    core::ExplainOptions options;
    options.analyze = arguments.value(QStringLiteral("analyze")).toBool();
    const QMap<QString, core::Param> params = parametersOf(rawArguments);
    const core::SqlStatement& statement = statements.first();
    if (options.analyze && !statement.pageable && !m_writes)
        return refusal(
            QStringLiteral("explain refused: analyze runs the statement, and %1 may write; it is "
                           "explained without analyze, or analysed with `pgdesk-cli mcp --allow-write` "
                           "on a profile that is not production (its changes are rolled back)")
                .arg(statement.keyword.isEmpty() ? QStringLiteral("it") : statement.keyword));
    core::ExplainResult result;
    if (m_writes) {
        result = core::ScriptRunner(connection()).explain(statement.text, options, {}, params);
    } else {
        checkReadOnly(sql, QStringLiteral("explain"), true); // EXPLAIN without analyze runs nothing
        result = readOnly([&](core::Connection& c) {
            return core::ScriptRunner(c).explain(statement.text, options, {}, params);
        });
    }
    QJsonObject plan = core::planToJson(core::parsePlan(result.json));
    if (!result.sequencesAdvanced.isEmpty())
        plan.insert(QStringLiteral("sequences_advanced"),
                    QJsonArray::fromStringList(result.sequencesAdvanced));
    return success(plan);
}

ToolResult McpTools::analyzeLocks(const QJsonObject& arguments) {
    const QString sql = arguments.value(QStringLiteral("sql")).toString();
    if (sql.trimmed().isEmpty())
        return refusal(QStringLiteral("analyze_locks needs sql: the script to analyse"));
    const QList<core::StatementLocks> locks = core::LockAnalyzer(connection()).analyze(sql);
    return success({{QStringLiteral("statements"), scriptLocksJson(sql, locks, false)}});
}

QJsonObject McpTools::listResources(const QString& cursor) {
    constexpr int kPage = 1000;
    const int from = cursor.isEmpty() ? 0 : cursor.toInt();
    const QList<core::TableSummary> tables = core::CatalogReader(connection()).tables();
    QJsonArray resources;
    for (int i = from; i < tables.size() && i < from + kPage; ++i) {
        const core::TableSummary& t = tables[i];
        resources << QJsonObject{
            {QStringLiteral("uri"), resourceUri(profileName(), t.schema, t.name)},
            {QStringLiteral("name"), t.schema + QLatin1Char('.') + t.name},
            {QStringLiteral("description"), QStringLiteral("%1: its columns, keys, indexes and CREATE script")
                                                .arg(core::relationKindName(t.kind))},
            {QStringLiteral("mimeType"), QStringLiteral("application/json")}};
    }
    QJsonObject out{{QStringLiteral("resources"), resources}};
    if (from + kPage < tables.size())
        out.insert(QStringLiteral("nextCursor"), QString::number(from + kPage));
    return out;
}

std::optional<QJsonObject> McpTools::readResource(const QString& uri) {
    const QString prefix = QStringLiteral("pgdesk://");
    if (!uri.startsWith(prefix))
        return std::nullopt;
    const QStringList parts = uri.mid(prefix.size()).split(QLatin1Char('/'));
    if (parts.size() != 3 || QUrl::fromPercentEncoding(parts[0].toLatin1()) != profileName())
        return std::nullopt;
    const QString schema = QUrl::fromPercentEncoding(parts[1].toLatin1());
    const QString table = QUrl::fromPercentEncoding(parts[2].toLatin1());
    QJsonObject description;
    try {
        description =
            describe(core::quoteIdentifier(schema) + QLatin1Char('.') + core::quoteIdentifier(table));
    } catch (const core::NotFound&) {
        return std::nullopt;
    }
    const QString ddl = description.take(QStringLiteral("ddl")).toString();
    return QJsonObject{
        {QStringLiteral("contents"),
         QJsonArray{
             QJsonObject{{QStringLiteral("uri"), uri},
                         {QStringLiteral("mimeType"), QStringLiteral("application/json")},
                         {QStringLiteral("text"),
                          QString::fromUtf8(QJsonDocument(description).toJson(QJsonDocument::Compact))}},
             QJsonObject{{QStringLiteral("uri"), uri},
                         {QStringLiteral("mimeType"), QStringLiteral("application/sql")},
                         {QStringLiteral("text"), ddl}}}}};
}

void McpTools::log(const QString& tool, const QJsonObject& arguments, const QString& statement, qint64 rows,
                   const ToolResult& result) {
    if (!m_callsUnavailable) {
        try {
            if (!m_calls)
                m_calls = std::make_unique<core::AgentCallLog>();
            core::AgentCall call;
            call.profile = profileName();
            call.client = m_client;
            call.tool = tool;
            call.statement = statement;
            call.rows = rows;
            call.refused = result.isError;
            call.message = result.isError ? result.text : QString();
            m_calls->add(call);
        } catch (const core::Error& e) { // the calls go on; the window just does not see them
            m_callsUnavailable = true;
            std::fprintf(stderr, "pgdesk-cli mcp: %s\n", qPrintable(e.displayText()));
        }
    }
    if (!m_log.isOpen())
        return;
    QJsonObject masked = arguments;
    for (const QString& key : masked.keys()) // the SQL an agent sent: CREATE ROLE … PASSWORD '…' and the like
        if (masked.value(key).isString())
            masked.insert(key, core::maskStatementSecrets(masked.value(key).toString()));
    if (masked.contains(QStringLiteral("params"))) // values are the agent's data: their count only
        masked.insert(QStringLiteral("params"),
                      QStringLiteral("<%1 value(s) hidden>")
                          .arg(parametersOf(QJsonDocument(arguments).toJson()).size()));
    QJsonObject line{
        {QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("tool"), tool},
        {QStringLiteral("arguments"), masked},
        {QStringLiteral("outcome"), result.isError ? QStringLiteral("refused") : QStringLiteral("ok")}};
    if (!statement.isEmpty())
        line.insert(QStringLiteral("statement"), core::maskStatementSecrets(statement));
    if (rows >= 0)
        line.insert(QStringLiteral("rows"), double(rows));
    if (result.isError)
        line.insert(QStringLiteral("message"), result.text);
    m_log.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
    m_log.flush();
}

} // namespace pgdesk::cli
