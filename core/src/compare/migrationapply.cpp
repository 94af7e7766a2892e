// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/compare/migration.h>
#include <pgdesk/core/session/connection.h>

namespace pgdesk::core {

SchemaApplyResult applyMigration(Connection& connection, const Migration& migration,
                                 const SchemaApplyOptions& options) {
    if (!migration.blockers.isEmpty())
        throwError(ErrorKind::Configuration, QStringLiteral("the migration cannot run: %1")
                                                 .arg(migration.blockers.join(QStringLiteral("; "))));
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
        SchemaApplyResult result = SchemaApplier(connection).apply(migration.statements, options);
        reset();
        return result;
    } catch (...) {
        reset();
        throw;
    }
}

} // namespace pgdesk::core
