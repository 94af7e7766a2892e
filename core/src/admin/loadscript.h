// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/sqltext/statementsplitter.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace pgdesk::core {

// What a compared .sql file's statements name, read with the project's lexer before it is loaded anywhere
// (SqlSandbox, SqlScratch).

// Names in `OWNER TO r` and `GRANT … TO r, …` / `REVOKE … FROM r` of a script: roles its objects need.
QStringList rolesNamedBy(const QList<SqlStatement>& statements);

// The extension a CREATE EXTENSION statement creates, its schema and version (empty when not given).
struct ExtensionStatement {
    qsizetype offset = 0;
    qsizetype length = 0;
    QString name;
    QString schema;
    QString version;
};
QList<ExtensionStatement> extensionStatements(const QList<SqlStatement>& statements);

// ALTER … OWNER TO name, SET / RESET SESSION AUTHORIZATION: what a load leaves out.
bool changesOwnerOrAuthorization(const SqlStatement& s);

// Writes the script as psql loads it to `path`: each CREATE EXTENSION replaced by a call of
// `helperSchema`.create_extension(name, schema, version), each statement `leaveOut` takes by SELECT NULL.
// Throws ConfigurationError when the file cannot be written.
void writeLoadScript(const QString& path, const QString& script, const QList<SqlStatement>& statements,
                     const QString& helperSchema, const std::function<bool(const SqlStatement&)>& leaveOut);

} // namespace pgdesk::core
