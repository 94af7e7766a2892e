// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/sqltext/statementsplitter.h>

#include <QList>
#include <QString>
#include <QStringList>

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

} // namespace pgdesk::core
