// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace pgdesk::core::detail {

// Internal to ChangeSet (validation and the JSON reader): ConfigurationError "change N: field: message"
// with ErrorInfo::field "change N.field" (N 1-based).
[[noreturn]] void failChange(qsizetype index, const QString& field, const QString& message);

} // namespace pgdesk::core::detail
