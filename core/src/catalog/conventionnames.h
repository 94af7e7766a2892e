// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>

namespace pgdesk::core::conventionnames {

// The names detectConventions() looks for, in priority order: only these exact names (README).
inline constexpr std::array<const char*, 1> kDeletedAtNames{"deleted_at"};
inline constexpr std::array<const char*, 2> kDeletedFlagNames{"is_deleted", "deleted"};
inline constexpr std::array<const char*, 2> kActiveFlagNames{"is_active", "active"};
inline constexpr std::array<const char*, 4> kCreatedAtNames{"created_at", "created", "inserted_at",
                                                            "create_date"};
inline constexpr std::array<const char*, 5> kUpdatedAtNames{"updated_at", "last_update", "modified_at",
                                                            "updated", "last_modified"};

} // namespace pgdesk::core::conventionnames
