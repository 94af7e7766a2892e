// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/admin/dumptool.h>
#include <pgdesk/core/profiles/connectionprofile.h>
#include <pgdesk/core/session/writeunlock.h>

#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace pgdesk::core {

class Connection;

// Where no server programs are installed (SqlSandbox::available() is false), a .sql file nobody vouched for
// is loaded into a scratch database on the compared server instead, by a throwaway login role that is its
// session user: NOSUPERUSER NOCREATEROLE NOCREATEDB NOREPLICATION NOBYPASSRLS, member of no role, one
// connection, owning nothing outside that database; RESET ROLE or set_config('role') in the file's code lead
// back to it, never to the user. Before anything is made, the project's lexer refuses what would act beyond
// the database (scratchRefusals()); the server refuses the rest to such a role. Owners and privileges are not
// loaded (OWNER TO, GRANT … ON, REVOKE left out). The extensions the file creates are created beforehand by
// the user's account (installed packages' scripts, never the file's code). Database and role are both named
// pgdesk_diff_<machine>_<pid>_<n>; the next scratch on a server drops those of this machine's processes
// that are gone (sweep()).
class SqlScratch final {
public:
    // Makes the role and the database through `admin` (the user's connection to that server, outliving
    // this), whose profile and `password` the reader uses; on a production profile only with `access` (the
    // scratch's own statements then write, nothing else). Throws ConfigurationError when its role has
    // neither superuser nor both CREATEROLE and CREATEDB, naming them and the package that avoids the
    // fallback.
    SqlScratch(Connection& admin, std::optional<QString> password, WriteAccess access = {});
    // Drops the database (ending its sessions) and the role; never throws.
    ~SqlScratch();
    SqlScratch(const SqlScratch&) = delete;
    SqlScratch& operator=(const SqlScratch&) = delete;

    // Creates the extensions `script` names and writes the file psql loads; returns the loading role's
    // profile. Throws ConfigurationError listing scratchRefusals() when there are any (nothing is made).
    ConnectionProfile prepare(const QString& script);
    QString loaderPassword() const; // random, for this load only; the server keeps its SCRAM verifier
    QString loadFile() const;       // in a 0700 folder of its own, removed with this
    // After the load: removes what prepare() added to the database (the extension function), so that a
    // compare sees the script's objects only.
    void finishLoad();
    // The user's own profile on the scratch database, to read its catalog, and its password.
    ConnectionProfile readerProfile() const;
    std::optional<QString> readerPassword() const;
    QString databaseName() const;

    // Drops the scratch databases and roles of this machine's processes that are gone. Returns how many.
    static int sweep(Connection& admin, const WriteAccess& access = {});

private:
    struct State;
    std::unique_ptr<State> m_state;
};

// The statements of `script` a scratch load refuses before anything runs (line, what): roles and grants of
// roles, ALTER DATABASE/ROLE … SET, ALTER SYSTEM, databases, tablespaces, SET ROLE and SESSION
// AUTHORIZATION (also through set_config), signals to sessions, dblink*, postgres_fdw and other foreign
// servers, subscriptions, server files and programs, lo_*, LOAD, untrusted languages. Empty: it may load.
QList<PlainScriptLine> scratchRefusals(const QString& script);

} // namespace pgdesk::core
