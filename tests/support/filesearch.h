// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Test files: writing one (fails the run when it cannot), and where a secret may have landed: the files
// under a folder that hold some bytes (tst_dumptool, tst_cli_backup).
#include <QByteArray>
#include <QDirIterator>
#include <QFile>
#include <QString>
#include <QStringList>

namespace pgdesk::test {

// Writes `bytes` to `path` (replacing it) and returns the path; a file that cannot be written ends the run.
inline QString writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// Every file under `folder` (hidden ones and subfolders too) whose bytes contain `needle`.
inline QStringList filesContaining(const QString& folder, const QByteArray& needle) {
    QStringList hits;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            hits << file.fileName();
    }
    return hits;
}

} // namespace pgdesk::test
