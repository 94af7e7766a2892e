// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The application's own SQLite files (change journal, query history), each on its
// own named Qt Sql connection. Errors are ConfigurationError(field, "<label> <path>: <what>: <driver text>").

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariantList>

class QSqlError;

namespace pgdesk::core::localdb {

struct Names {
    QString field; // ErrorInfo::field, e.g. "journal"
    QString label; // start of the message, e.g. "change journal"
};

[[noreturn]] void fail(const Names& names, const QString& path, const QString& what, const QSqlError& error);
QSqlQuery exec(const Names& names, const QSqlDatabase& db, const QString& path, const QString& sql,
               const QVariantList& values = {});
// Opens `path` on a new connection named "<prefix>-<n>" (creating the folder; a new file is made readable
// by its owner only before anything is written), switches to WAL and runs `setup`. Returns the name.
QString open(const Names& names, const QString& path, const QString& prefix, const QStringList& setup,
             const QString& connectOptions = {});
void close(const QString& connectionName) noexcept;

} // namespace pgdesk::core::localdb
