// SPDX-License-Identifier: GPL-3.0-or-later
#include "exitcodes.h"
#include "connect.h"
#include "interrupt.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/editing/changesetapplier.h>

namespace pgdesk::cli {

int exitCodeFor(const std::exception& error) {
    using core::ErrorKind;
    const auto* e = dynamic_cast<const core::Error*>(&error);
    if (!e)
        return ExitSql;
    if (e->info().field == QLatin1String(core::kApplyOutcomeUnknown))
        return ExitUnknown;
    if (e->info().field == QLatin1String(kAllowWriteField))
        return ExitGuarded;
    if (e->info().field == QLatin1String(core::kOutputFileField))
        return ExitOutput;
    switch (e->kind()) {
    case ErrorKind::Configuration:
        return ExitUsage;
    case ErrorKind::Connection:
    case ErrorKind::Authentication:
    case ErrorKind::PoolTimeout:
        return ExitConnection;
    case ErrorKind::NotFound:
        return ExitNotFound;
    case ErrorKind::Conflict:
        return ExitConflict;
    case ErrorKind::QueryCanceled:
        // 57014 is also a statement timeout: only the user's own interrupt is "cancelled".
        return interruptRequested() ? ExitCancelled : ExitSql;
    default:
        return ExitSql;
    }
}

} // namespace pgdesk::cli
