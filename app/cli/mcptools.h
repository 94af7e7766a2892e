// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The agent gateway's tools (`pgdesk-cli mcp`): what an agent may do with one saved profile, each tool on
// the core path the window and the other commands use (the catalog reader, ScriptRunner, the plan reader,
// the lock analyzer), each result as MCP's structuredContent plus a text rendering. The protocol is
// mcpserver.h's; this knows the database side alone.
//
// Safety: without --allow-write on a profile that is not production, a query or an EXPLAIN runs in a
// READ ONLY transaction that is rolled back, one statement a call, under the statement timeout, after the
// production guard's lexer checks (whatever the profile's environment), so the server and the lexer both
// refuse what would change anything; at most row_limit rows are read from the server. A refusal is a tool
// error in PgDesk's words (which statement, why, what would allow it). The password is never in a result.

#include "connect.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/connection.h>

#include <QByteArray>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>

namespace pgdesk::core {
class AgentCallLog;
}

namespace pgdesk::cli {

struct McpOptions {
    bool allowWrite = false;        // --allow-write: queries may write (never on a production profile)
    int rowLimit = 1000;            // --row-limit: rows a query returns at most
    int statementTimeoutMs = 30000; // --statement-timeout
    QString logPath;                // --log FILE: every call as a line of NDJSON
};

struct ToolResult {
    QJsonObject structured;
    QString text;
    bool isError = false;
};

class McpTools final {
public:
    McpTools(Target target, McpOptions options);
    ~McpTools();

    // Connects now, so a profile that cannot connect stops the server at once (its exit code).
    void connect();
    const QString& profileName() const { return m_target.profile.name; }
    // Whether queries may write: --allow-write on a profile that is not production.
    bool writes() const { return m_writes; }
    // Who the proposals are from: the client's name and version, as it said in initialize.
    void setClient(const QString& client) { m_client = client; }

    // The tools' descriptions for tools/list.
    QJsonArray list() const;
    bool has(const QString& name) const;
    // Runs a tool. `rawArguments` is the arguments' JSON text (exact numbers for query parameters).
    ToolResult call(const QString& name, const QJsonObject& arguments, const QByteArray& rawArguments);

    // resources/list: every table as pgdesk://PROFILE/SCHEMA/TABLE, `cursor` pages of 1,000.
    QJsonObject listResources(const QString& cursor);
    // resources/read: the table's description and CREATE script; nullopt for a URI that names none.
    std::optional<QJsonObject> readResource(const QString& uri);

private:
    core::Connection& connection();
    ToolResult run(const QString& name, const QJsonObject& arguments, const QByteArray& rawArguments,
                   QString* statement, qint64* rows);
    ToolResult listSchemas();
    ToolResult listTables(const QJsonObject& arguments);
    ToolResult describeTable(const QJsonObject& arguments);
    QJsonObject describe(const QString& table);
    ToolResult query(const QJsonObject& arguments, const QByteArray& rawArguments);
    ToolResult explain(const QJsonObject& arguments, const QByteArray& rawArguments);
    ToolResult analyzeLocks(const QJsonObject& arguments);
    ToolResult proposeChanges(const QJsonObject& arguments,
                              const QByteArray& rawArguments); // mcpproposals.cpp
    ToolResult proposeMigration(const QJsonObject& arguments);
    // Before a statement reaches the server in a read-only call: one statement, no transaction control,
    // nothing the production guard refuses, and (unless `mayWrite`: EXPLAIN, which runs nothing) nothing
    // the lexer says may write. Throws ConfigurationError naming the statement, why and what would allow it.
    void checkReadOnly(const QString& sql, const QString& tool, bool mayWrite) const;
    // Runs `work` in a READ ONLY transaction under the statement timeout, rolled back whatever happens.
    template <class Work> auto readOnly(Work work);
    void log(const QString& tool, const QJsonObject& arguments, const QString& statement, qint64 rows,
             const ToolResult& result);

    Target m_target;
    McpOptions m_options;
    bool m_writes = false;
    std::optional<core::Connection> m_connection;
    QFile m_log;
    std::unique_ptr<core::AgentCallLog> m_calls; // the window's SQL log reads it; opened at the first call
    bool m_callsUnavailable = false;
    QString m_client = QStringLiteral("an MCP client");
};

template <class Work> auto McpTools::readOnly(Work work) {
    core::Connection& c = connection();
    c.exec(QStringLiteral("BEGIN READ ONLY"), core::Params{});
    struct Rollback { // whatever happens: nothing of the call is kept, not even its SET
        core::Connection& c;
        ~Rollback() {
            try {
                if (c.isOpen() && !c.isIdle())
                    c.exec(QStringLiteral("ROLLBACK"), core::Params{});
            } catch (const core::Error&) {
            }
        }
    } rollback{c};
    c.exec(QStringLiteral("select set_config('statement_timeout', $1, true)"),
           {core::param(QString::number(m_options.statementTimeoutMs))});
    return work(c);
}

} // namespace pgdesk::cli
