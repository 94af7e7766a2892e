// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace pgdesk::core {

// How a table marks deleted rows: detected from its columns (catalog) or set by a profile's override.
enum class SoftDeleteKind { None, DeletedAtTimestamp, DeletedFlag, ActiveFlag };

// Lower-case names for JSON and display: "deleted_at", "deleted_flag", "active_flag", "none".
QString softDeleteKindName(SoftDeleteKind kind);
// The kind of one of softDeleteKindName's names; ConfigurationError (field "soft_delete") otherwise.
SoftDeleteKind softDeleteKindFromName(const QString& name);

} // namespace pgdesk::core
