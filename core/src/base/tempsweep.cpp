// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/base/tempsweep.h>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <cerrno>
#include <csignal>
#include <sys/stat.h>
#include <unistd.h>

namespace pgdesk::core {

namespace {

// Ours, and not a symbolic link (a link planted in /tmp must not make us delete its target).
bool ownedEntry(const QString& path, bool wantDir) {
    struct stat st {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0 || st.st_uid != ::getuid())
        return false;
    return wantDir ? S_ISDIR(st.st_mode) : (S_ISDIR(st.st_mode) || S_ISREG(st.st_mode));
}

void removeEntry(const QString& path) {
    const QFileInfo info(path);
    if (info.isDir() && !info.isSymLink())
        QDir(path).removeRecursively();
    else
        QFile::remove(path);
}

// Whether a running process of ours has `needle` in its environment.
bool someEnvironmentNames(const QByteArray& needle) {
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& pid : pids) {
        QFile file(QStringLiteral("/proc/%1/environ").arg(pid));
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            return true;
    }
    return false;
}

} // namespace

bool processIsAlive(qint64 pid) {
    if (pid <= 0)
        return true; // not a PID we made: leave it
    // EPERM: it exists under another user.
    return ::kill(pid_t(pid), 0) == 0 || errno != ESRCH;
}

void sweepStaleTemporaries(const QString& folder) {
    const QDir dir(folder.isEmpty() ? QDir::tempPath() : folder);
    static const QRegularExpression ssh(QStringLiteral(R"(^pgdesk-ssh-(\d+)-[A-Za-z0-9]+$)"));
    static const QRegularExpression pgpass(QStringLiteral(R"(^pgdesk-pgpass-[A-Za-z0-9]+$)"));
    const QStringList entries =
        dir.entryList({QStringLiteral("pgdesk-ssh-*"), QStringLiteral("pgdesk-pgpass-*")},
                      QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System);
    for (const QString& name : entries) {
        const QString path = dir.filePath(name);
        if (!ownedEntry(path, true))
            continue;
        if (const auto match = ssh.match(name); match.hasMatch()) {
            if (!processIsAlive(match.captured(1).toLongLong()))
                removeEntry(path);
        } else if (pgpass.match(name).hasMatch()) {
            // Older versions wrote the password into <folder>/pgpass and named no PID. Gone after a minute
            // and named by no process's PGPASSFILE: its owner was killed.
            const QString file = path + QStringLiteral("/pgpass");
            const QDateTime changed = QFileInfo(path).lastModified();
            if (changed.secsTo(QDateTime::currentDateTime()) > 60 &&
                !someEnvironmentNames("PGPASSFILE=" + QFile::encodeName(file) + '\0'))
                removeEntry(path);
        }
    }
}

void sweepStalePartials(const QString& folder) {
    static const QRegularExpression partial(QStringLiteral(R"(^\..+\.partial-(\d+)-[0-9a-f]{8}$)"),
                                            QRegularExpression::DotMatchesEverythingOption);
    const QDir dir(folder);
    const QStringList entries =
        dir.entryList({QStringLiteral(".*.partial-*")},
                      QDir::Files | QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System);
    for (const QString& name : entries) {
        const auto match = partial.match(name);
        const QString path = dir.filePath(name);
        if (match.hasMatch() && ownedEntry(path, false) && !processIsAlive(match.captured(1).toLongLong()))
            removeEntry(path);
    }
}

QString partialBackupName(const QString& fileName) {
    return QStringLiteral(".%1.partial-%2-%3")
        .arg(fileName)
        .arg(qint64(::getpid()))
        .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
}

} // namespace pgdesk::core
