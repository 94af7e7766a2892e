// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/base/conninfosecrets.h> // maskDsnPassword, once declared here
#include <pgdesk/core/profiles/connectionprofile.h>

#include <QString>

#include <optional>

namespace pgdesk::core {

// A DSN split into the profile it describes and the password it carried, if any (the password never
// goes into a profile: it belongs in the keychain).
struct ParsedDsn {
    ConnectionProfile profile;
    std::optional<QString> password;
};

// Parses a URI (postgresql://u:p@h:5432/db?sslmode=require, also postgres://) or a key=value
// conninfo with libpq's own parser and back-fills `base`: fields the DSN names override base, the rest
// (name, isolation, echo, pool, …) stay as in base.
//  - hostaddr becomes host when the DSN names no host; otherwise it is an extra option.
//  - port may be a list for several hosts: equal ports (or all empty) map to `port`, a mixed list
//    stays verbatim in extraOptions["port"].
//  - options: "-c statement_timeout=N", "-c lock_timeout=N" and "-c default_transaction_read_only=on"
//    (also -cX=Y and --X=Y forms) become statementTimeoutMs / lockTimeoutMs / readOnly, everything else
//    stays in extraOptions["options"]. A DSN that names `options` replaces all four.
//  - gssencmode and krbsrvname become gssEncMode / krbSrvName; gssencmode=require also makes the
//    authentication Kerberos (otherwise authentication, like the password command, stays as in base).
//  - keepalives_idle/interval/count equal to the values connectionParameters() always sends are dropped.
//  - every other keyword goes to extraOptions; new ones are appended sorted by keyword (the order JSON
//    storage gives them too), ones base already has keep their place.
// Throws ConfigurationError naming the field: "port", "sslmode", "connect_timeout", "keepalives", or
// "dsn" (with libpq's message) for a malformed URI or unknown keyword.
ParsedDsn parseDsn(const QString& dsn, const ConnectionProfile& base = {});

// The key=value form of exactly what Connection::open() passes to libpq (connectionParameters()),
// values quoted only when needed. The password is included only when given. Round-trips:
// parseDsn(toDsn(p)).profile == p for every field parseDsn maps, provided p.extraOptions is sorted by
// keyword (name, isolation, echo, hideParameters, pool settings, the password command and the authentication
// choice are not part of a DSN; Kerberos comes back only with gssencmode=require).
QString toDsn(const ConnectionProfile& profile, const std::optional<QString>& password = {});

// Quotes a conninfo value per libpq's rules, only when needed ('' for empty, backslash before ' and \).
QString quoteConninfoValue(const QString& value);

} // namespace pgdesk::core
