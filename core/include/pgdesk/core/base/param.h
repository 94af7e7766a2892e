// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace pgdesk::core {

// A statement parameter in text format; std::nullopt is SQL NULL.
using Param = std::optional<QByteArray>;
using Params = QList<Param>;

inline Param param(const QString& text) {
    return text.toUtf8();
}
inline Param param(const char* text) {
    return QByteArray(text);
}
inline Param param(long long value) {
    return QByteArray::number(value);
}
inline Param nullParam() {
    return std::nullopt;
}

} // namespace pgdesk::core
