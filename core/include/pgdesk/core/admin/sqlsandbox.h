// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/profiles/connectionprofile.h>

#include <QString>
#include <QStringList>

#include <memory>

namespace pgdesk::core {

// A private, throwaway PostgreSQL for SQL nobody vouched for (a .sql file compared with a database): initdb
// and postgres of the wanted major version from the installed server packages, in a 0700 folder of its own
// under the temporary folder, listening on a Unix socket there and on no TCP address, stopped and removed
// when this goes. Nothing loaded into it can reach the user's servers' roles, settings, databases or
// sessions. The file is loaded by a role without superuser, CREATEROLE or CREATEDB (so no server files,
// programs, C functions or ALTER SYSTEM either, which would act as the user's account on this machine);
// the roles the compared database's objects name exist there as plain roles it belongs to, and the
// extensions the file creates are created for it beforehand from the installed packages.
// The server dies with the process that started it (PR_SET_PDEATHSIG); a folder left by a killed process
// is removed by the next sandbox (sweep()).
class SqlSandbox final {
public:
    // Starts it for a server of this version (server_version_num, e.g. 150004; 0: the newest installed).
    // The same major version when installed, else the newest one. Throws ConfigurationError naming the
    // package to install when no server binaries are (/usr/lib/postgresql/*/bin; PGDESK_SANDBOX_PGBIN
    // overrides the folder), Error when it does not start.
    explicit SqlSandbox(int serverVersion);
    // Whether server programs to start one are installed (for this version, or any: see the constructor).
    static bool available(int serverVersion);
    ~SqlSandbox();
    SqlSandbox(const SqlSandbox&) = delete;
    SqlSandbox& operator=(const SqlSandbox&) = delete;

    // Makes the database a file is loaded into: `roles` (the compared server's, as plain NOLOGIN roles the
    // loading role is a member of, so OWNER TO and GRANT work) and the extensions `script` creates. Returns
    // the loading role's profile for psql (Unix socket, trust: the folder is the user's alone).
    ConnectionProfile prepare(const QString& script, const QStringList& roles);
    // The script prepare() wrote for psql to load (each CREATE EXTENSION made a call of that function).
    QString loadFile() const;
    // After the load: removes what prepare() added to the database (the function), so that a compare sees
    // the script's objects only.
    void finishLoad();
    // The sandbox's superuser on the loaded database, to read its catalog.
    ConnectionProfile readerProfile() const;

    QString versionText() const; // "15.18"
    QString folder() const;

    // Removes sandboxes whose process is gone (their server stopped first). Returns how many.
    static int sweep();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace pgdesk::core
