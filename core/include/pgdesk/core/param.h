// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

#include <optional>

namespace pgdesk::core {

// A statement parameter in text format; std::nullopt is SQL NULL.
using Param = std::optional<QByteArray>;
using Params = QList<Param>;

} // namespace pgdesk::core
