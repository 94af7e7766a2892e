// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/session/writeunlock.h>

#include <QList>
#include <QString>
#include <QStringList>

namespace pgdesk::core {

class Connection;

// An extension of the current database, installed or available on the server (pg_available_extensions,
// pg_extension, pg_available_extension_versions).
struct ExtensionInfo {
    QString name;
    QString installedVersion; // empty when not installed here
    QString defaultVersion;   // what CREATE EXTENSION installs without VERSION
    QString schema;           // installed: its schema
    QString comment;
    bool relocatable = false;
    bool superuserOnly = true; // the default version needs a superuser (and is not trusted)
    QStringList updateTargets; // installed: the versions ALTER EXTENSION … UPDATE TO may reach, nearest first
    QStringList required;      // the extensions its default version requires

    bool isInstalled() const { return !installedVersion.isEmpty(); }
};

// What dropping an extension takes with it beyond its own objects: objects of the database that depend on
// its members (a column of its type, a view using its function, an index with its operator class …) and the
// extensions that require it, as pg_describe_object() names them.
struct ExtensionDependents {
    QStringList objects;
    QStringList extensions;
    bool isEmpty() const { return objects.isEmpty() && extensions.isEmpty(); }
};

class ExtensionReader final {
public:
    explicit ExtensionReader(Connection& connection);

    // Installed ones first, then (withAvailable) the others the server offers; by name within each.
    QList<ExtensionInfo> extensions(bool withAvailable = true);
    // NotFound when the extension is not installed in this database.
    ExtensionDependents dependents(const QString& name);

private:
    Connection& m_connection;
};

// The statements, identifiers quoted and versions as literals. Pure (no connection): the window builds its
// preview on the GUI thread.
QString createExtensionSql(const QString& name, const QString& schema = {}, const QString& version = {},
                           bool cascade = false);
QString updateExtensionSql(const QString& name, const QString& version = {});
QString dropExtensionSql(const QString& name, bool cascade);

// Runs one of the statements above in a transaction of its own with a lock timeout (the DDL of an extension
// takes locks on what it touches): all of it or nothing. On a production profile only with the guard's key.
void applyExtensionSql(Connection& connection, const QString& sql, const WriteAccess& write,
                       int lockTimeoutMs = 5000);

} // namespace pgdesk::core
