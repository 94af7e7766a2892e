// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Internal to pgdesk_core: the few libpq calls outside the protocol (library version, connection strings,
// a one-off connection), so that the rest of core stays off libpq's header.

#include <pgdesk/core/session/connection.h>

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace pgdesk::core::pq {

using Conninfo = QList<std::pair<QByteArray, QByteArray>>;

// PQlibVersion(): 150020 for 15.20.
int libraryVersion();

// PQconninfoParse(): the keyword/value pairs a connection string names, in libpq's keyword order. nullopt
// when it does not parse, with libpq's message (when it gave one) in *error.
std::optional<QList<std::pair<QString, QString>>> parseConninfo(const QByteArray& conninfo,
                                                                std::optional<QString>* error);

// PQconninfo(): the settings an open connection was made with, password included: what it takes to reach
// the same server again. Empty when the connection is closed.
Conninfo conninfoOf(const Connection& connection);

// What querySingleValue() found.
struct SingleValue {
    bool answered = false;        // connected, and the query returned one row
    std::optional<QString> value; // that row's first value (nullopt for NULL)
    QString error;                // libpq's message when not answered (connecting or running failed)
};

// Opens a fresh connection with `conninfo`, runs `sql` with one text parameter and closes it again. For
// questions asked outside any Connection (whether a lost COMMIT took effect).
SingleValue querySingleValue(const Conninfo& conninfo, const char* sql, const QByteArray& parameter);

} // namespace pgdesk::core::pq
