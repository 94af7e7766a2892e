// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/local/localdatabase.h>

#include <pgdesk/core/base/errors.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>

#include <atomic>

namespace pgdesk::core::localdb {

namespace {
std::atomic<quint64> g_connections{0};
} // namespace

void fail(const Names& names, const QString& path, const QString& what, const QSqlError& error) {
    throwConfigurationError(names.field,
                            QStringLiteral("%1 %2: %3: %4").arg(names.label, path, what, error.text()));
}

QSqlQuery exec(const Names& names, const QSqlDatabase& db, const QString& path, const QString& sql,
               const QVariantList& values) {
    QSqlQuery query(db);
    if (!query.prepare(sql))
        fail(names, path, QStringLiteral("cannot prepare"), query.lastError());
    for (const QVariant& v : values)
        query.addBindValue(v);
    if (!query.exec())
        fail(names, path, QStringLiteral("cannot write or read"), query.lastError());
    return query;
}

QString open(const Names& names, const QString& path, const QString& prefix, const QStringList& setup,
             const QString& connectOptions) {
    const QString name = QStringLiteral("%1-%2").arg(prefix).arg(++g_connections);
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        throwConfigurationError(names.field,
                                QStringLiteral("%1 %2: cannot create its folder").arg(names.label, path));
    const bool existed = info.exists();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!connectOptions.isEmpty())
            db.setConnectOptions(connectOptions);
        if (!db.open()) {
            const QSqlError error = db.lastError();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            fail(names, path, QStringLiteral("cannot open"), error);
        }
    }
    try {
        if (!existed) // before anything is written into it
            QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        const QSqlDatabase db = QSqlDatabase::database(name, false);
        exec(names, db, path, QStringLiteral("PRAGMA journal_mode = WAL"));
        for (const QString& sql : setup)
            exec(names, db, path, sql);
    } catch (...) {
        close(name);
        throw;
    }
    return name;
}

void close(const QString& connectionName) noexcept {
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

} // namespace pgdesk::core::localdb
