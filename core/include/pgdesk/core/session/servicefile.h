// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/profiles/connectionprofile.h>

#include <QList>
#include <QString>
#include <QStringList>

namespace pgdesk::core {

// Where libpq looks for pg_service.conf, in its order: PGSERVICEFILE (or ~/.pg_service.conf), then
// PGSYSCONFDIR/pg_service.conf (or /etc/postgresql-common/pg_service.conf). The files may not exist.
QStringList serviceFileLocations();

// One profile per [section] of a pg_service.conf file, in file order; the name is the section name and
// the fields come from parseDsn() of the section's key=value lines, read the way libpq reads them
// (first section and first key win, no spaces around '=', '#' comments). Passwords in the file are
// not copied into the profile: a profile with service=NAME lets libpq read them at connect time.
// Throws NotFound for a missing file and ConfigurationError (message naming the service and line) for
// an invalid entry, with the same field parseDsn() would name ("dsn" for a line libpq cannot read).
QList<ConnectionProfile> readServiceFile(const QString& path);

} // namespace pgdesk::core
