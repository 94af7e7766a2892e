// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace pgdesk::core {

// Temporary files and folders carry the PID of the process that made them ("pgdesk-ssh-<pid>-XXXXXX",
// ".<backup>.partial-<pid>-<hex>"), so a later run can remove what a killed process left behind without
// touching the files of one that still runs.

// Whether a process with this id exists (a zombie counts).
bool processIsAlive(qint64 pid);

// In `folder` (the temporary folder by default): removes our user's pgdesk-ssh-<pid>-* folders of dead
// processes, and pgpass folders of older versions (pgdesk-pgpass-*, no PID in the name) that no running
// process names in its PGPASSFILE and that are older than a minute.
void sweepStaleTemporaries(const QString& folder = QString());

// In a backup's target folder: removes our user's hidden partial backups (".<name>.partial-<pid>-<hex>")
// whose process is gone.
void sweepStalePartials(const QString& folder);

// The name of a backup's hidden partial sibling for this process: ".<fileName>.partial-<pid>-<8 hex>".
QString partialBackupName(const QString& fileName);

} // namespace pgdesk::core
