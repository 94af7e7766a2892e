// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/profiles/softdelete.h>

#include <pgdesk/core/base/errors.h>

namespace pgdesk::core {

QString softDeleteKindName(SoftDeleteKind kind) {
    switch (kind) {
    case SoftDeleteKind::None:
        return QStringLiteral("none");
    case SoftDeleteKind::DeletedAtTimestamp:
        return QStringLiteral("deleted_at");
    case SoftDeleteKind::DeletedFlag:
        return QStringLiteral("deleted_flag");
    case SoftDeleteKind::ActiveFlag:
        return QStringLiteral("active_flag");
    }
    return QStringLiteral("none");
}

SoftDeleteKind softDeleteKindFromName(const QString& name) {
    for (auto kind : {SoftDeleteKind::None, SoftDeleteKind::DeletedAtTimestamp, SoftDeleteKind::DeletedFlag,
                      SoftDeleteKind::ActiveFlag})
        if (softDeleteKindName(kind) == name)
            return kind;
    throwConfigurationError(
        QStringLiteral("soft_delete"),
        QStringLiteral("unknown soft delete kind \"%1\" (deleted_at, deleted_flag, active_flag or none)")
            .arg(name));
}

} // namespace pgdesk::core
