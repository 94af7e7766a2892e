// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/compare/migration.h>
#include <pgdesk/core/session/connection.h>

namespace pgdesk::core {

namespace {

// Runs `work` with the migration's session settings, reset afterwards whatever happens (a pooled connection
// goes back as it came).
template <class Work>
auto withSessionSettings(Connection& connection, const Migration& migration, Work work) {
    for (const QString& setting : migration.sessionSettings())
        connection.exec(setting);
    const auto reset = [&connection] {
        try {
            connection.exec(QStringLiteral("RESET search_path"));
            connection.exec(QStringLiteral("RESET check_function_bodies"));
        } catch (const std::exception&) {
            // A lost connection is dropped by its pool; nothing else can have failed.
        }
    };
    try {
        auto result = work();
        reset();
        return result;
    } catch (...) {
        reset();
        throw;
    }
}

} // namespace

SchemaApplyResult applyMigration(Connection& connection, const Migration& migration,
                                 const SchemaApplyOptions& options) {
    if (!migration.blockers.isEmpty())
        throwError(ErrorKind::Configuration, QStringLiteral("the migration cannot run: %1")
                                                 .arg(migration.blockers.join(QStringLiteral("; "))));
    return withSessionSettings(connection, migration, [&] {
        return SchemaApplier(connection).apply(migration.statements, options);
    });
}

QList<StatementLocks> analyzeMigration(Connection& connection, const Migration& migration) {
    if (migration.statements.isEmpty())
        return {};
    const QString script = designScript(migration.statements);
    return withSessionSettings(connection, migration, [&] {
        return LockAnalyzer(connection).analyze(script, migration.targetSchema);
    });
}

} // namespace pgdesk::core
