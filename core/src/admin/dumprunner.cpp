// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/admin/dumprunner.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/tempsweep.h>
#include <pgdesk/core/base/writeall.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pgdesk::core {

namespace {

// pgpass fields escape ':' and '\' with a backslash.
QByteArray pgpassField(const QString& text) {
    QByteArray bytes = text.toUtf8();
    bytes.replace('\\', "\\\\").replace(':', "\\:");
    return bytes;
}

QString programName(const DumpCommand& command) {
    return QFileInfo(command.program).fileName();
}

// The password as a pgpass line in an anonymous in-memory file (memfd): nothing on disk, gone with the last
// process holding it, even after SIGKILL. libpq reads it through /dev/fd/N: it is a regular file and, after
// fchmod, private. Created close-on-exec; only our child gets it (DumpRunner::start). -1 on failure.
int passwordDescriptor(const QString& password) {
    const int fd = ::memfd_create("pgdesk-pgpass", MFD_CLOEXEC | MFD_ALLOW_SEALING);
    if (fd < 0)
        return -1;
    const QByteArray line = "*:*:*:*:" + pgpassField(password) + '\n';
    if (!writeAll(fd, line.constData(), size_t(line.size())) || ::fchmod(fd, S_IRUSR | S_IWUSR) != 0 ||
        ::fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE | F_SEAL_GROW | F_SEAL_SHRINK | F_SEAL_SEAL) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

bool isErrorLine(const QString& line) {
    return line.contains(QLatin1String("error"), Qt::CaseInsensitive) ||
           line.contains(QLatin1String("FATAL")) || line.contains(QLatin1String("DETAIL")) ||
           line.contains(QLatin1String("HINT")) || line.contains(QLatin1String("could not"));
}

} // namespace

DumpRunner::DumpRunner(QObject* parent)
    : QObject(parent) {
}

DumpRunner::~DumpRunner() {
    if (m_process && m_state == State::Running) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(3000);
        removeOutput();
    }
    closePassword();
}

QString DumpRunner::passFilePath() const {
    return m_passFd >= 0 ? QStringLiteral("/dev/fd/%1").arg(m_passFd) : QString();
}

void DumpRunner::closePassword() {
    if (m_passFd >= 0)
        ::close(m_passFd);
    m_passFd = -1;
}

qint64 DumpRunner::processId() const {
    return m_process ? m_process->processId() : 0;
}

void DumpRunner::start(const DumpCommand& command, const std::optional<QString>& password, int totalTables) {
    if (m_state == State::Running)
        return;
    m_command = command;
    m_cancelRequested = false;
    m_done = 0;
    m_total = std::max(0, totalTables);
    m_errorText.clear();
    m_log.clear();
    m_errBuffer.clear();
    m_outBuffer.clear();
    m_partialPath.clear();
    m_state = State::Running;

    QStringList arguments = command.arguments;
    if (command.kind == DumpKind::Backup) {
        const QFileInfo target(command.outputPath);
        if (target.isDir() && !QDir(command.outputPath).isEmpty()) {
            finish(State::Failed,
                   tr("%1 already exists and is not empty: choose a new name").arg(command.outputPath));
            return;
        }
        if (target.isDir() && !command.arguments.contains(QStringLiteral("--format=directory"))) {
            finish(State::Failed, tr("%1 is a folder: choose a file name").arg(command.outputPath));
            return;
        }
        if (!target.dir().exists()) {
            finish(State::Failed, tr("the folder %1 does not exist").arg(target.absolutePath()));
            return;
        }
        // Hidden and next to the target, so the final rename stays on one file system; named with our PID
        // so the next backup into this folder removes it if we are killed.
        sweepStalePartials(target.absolutePath());
        m_partialPath = target.dir().filePath(partialBackupName(target.fileName()));
        const QString fileArgument = QStringLiteral("--file=") + command.outputPath;
        const auto at = arguments.indexOf(fileArgument);
        if (at < 0) {
            finish(State::Failed, tr("the backup command names no output file"));
            return;
        }
        arguments[at] = QStringLiteral("--file=") + m_partialPath;
    }

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const auto& [name, value] : command.environment)
        environment.insert(name, value);
    if (command.kind == DumpKind::PlainRestore && !command.scriptGuarded) {
        // Normally done by the caller off the GUI thread; here as the last line of defence.
        try {
            const auto psql = probeDumpProgram(QStringLiteral("psql"), command.program);
            guardPlainRestore(m_command, psql ? psql->version : 0);
            arguments = m_command.arguments;
        } catch (const Error& e) {
            finish(State::Failed, e.message());
            return;
        }
    }
    sweepStaleTemporaries();
    if (password) {
        closePassword();
        m_passFd = passwordDescriptor(*password);
        if (m_passFd < 0) {
            finish(State::Failed, tr("could not hand the password to %1").arg(programName(command)));
            return;
        }
        environment.remove(QStringLiteral("PGPASSWORD")); // it would win over the file
        environment.insert(QStringLiteral("PGPASSFILE"), passFilePath());
    }

    m_process = new QProcess(this);
    m_process->setProcessEnvironment(environment);
    m_process->setStandardInputFile(QProcess::nullDevice());
    // The CLI blocks SIGINT/SIGTERM in every thread (it takes them with sigwait()); the child would inherit
    // that mask and ignore terminate().
    // In the child, between fork and exec (async-signal-safe calls only): the password descriptor stays open
    // across exec; what the program writes is private (0600 files, 0700 folders); it ends with us.
    m_process->setChildProcessModifier([passFd = m_passFd, parent = ::getpid()] {
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, nullptr);
        if (passFd >= 0)
            ::fcntl(passFd, F_SETFD, 0);
        ::umask(077);
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parent)
            ::_exit(127);
    });
    connect(m_process, &QProcess::readyReadStandardError, this, &DumpRunner::readStandardError);
    connect(m_process, &QProcess::readyReadStandardOutput, this, &DumpRunner::readStandardOutput);
    connect(m_process, &QProcess::finished, this, &DumpRunner::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, &DumpRunner::onError);
    m_process->start(command.program, arguments);
}

void DumpRunner::cancel() {
    if (m_state != State::Running || !m_process)
        return;
    m_cancelRequested = true;
    m_process->terminate();
    // pg_dump ends on SIGTERM at once; one that does not is killed.
    QTimer::singleShot(5000, m_process, [process = m_process] {
        if (process->state() != QProcess::NotRunning)
            process->kill();
    });
}

void DumpRunner::readStandardError() {
    m_errBuffer += m_process->readAllStandardError();
    qsizetype newline;
    while ((newline = m_errBuffer.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_errBuffer.left(newline));
        m_errBuffer.remove(0, newline + 1);
        m_log << line;
        handleLine(line);
    }
}

void DumpRunner::readStandardOutput() {
    m_outBuffer += m_process->readAllStandardOutput();
    qsizetype newline;
    while ((newline = m_outBuffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_outBuffer.left(newline);
        m_outBuffer.remove(0, newline + 1);
        // psql prints each command's tag; a COPY tag is one table's data loaded.
        static const QRegularExpression copyTag(QStringLiteral(R"(^COPY \d+$)"));
        if (m_command.kind == DumpKind::PlainRestore && copyTag.match(QString::fromUtf8(line)).hasMatch()) {
            ++m_done;
            emit progress(m_done, m_total, QString());
        }
    }
}

void DumpRunner::handleLine(const QString& line) {
    // The name is printed raw: one holding a newline ends the line before its closing quote.
    static const QRegularExpression dumping(QStringLiteral(R"(dumping contents of table \"(.*?)\"?$)"));
    static const QRegularExpression restoring(QStringLiteral(R"(processing data for table \"(.*?)\"?$)"));
    const auto& pattern = m_command.kind == DumpKind::Backup ? dumping : restoring;
    if (m_command.kind == DumpKind::PlainRestore)
        return;
    const auto match = pattern.match(line);
    if (match.hasMatch()) {
        ++m_done;
        emit progress(m_done, m_total, match.captured(1));
    }
}

void DumpRunner::onError(QProcess::ProcessError error) {
    if (error != QProcess::FailedToStart || m_state != State::Running)
        return;
    finish(State::Failed, tr("%1 could not be started: %2").arg(m_command.program, m_process->errorString()));
}

void DumpRunner::onFinished(int exitCode, QProcess::ExitStatus status) {
    if (m_state != State::Running)
        return;
    m_errBuffer += m_process->readAllStandardError();
    if (!m_errBuffer.isEmpty()) {
        m_errBuffer += '\n';
        readStandardError();
    }
    if (m_cancelRequested) {
        removeOutput();
        finish(State::Canceled);
        return;
    }
    if (status == QProcess::NormalExit && exitCode == 0) {
        QString error;
        if (!commitOutput(&error)) {
            removeOutput();
            finish(State::Failed, error);
            return;
        }
        finish(State::Succeeded);
        return;
    }
    removeOutput();
    QStringList errors;
    for (const QString& line : std::as_const(m_log))
        if (isErrorLine(line))
            errors << line;
    if (errors.isEmpty())
        errors = m_log.mid(std::max<qsizetype>(0, m_log.size() - 5));
    errors = errors.mid(std::max<qsizetype>(0, errors.size() - 10));
    const QString how = status == QProcess::CrashExit
                            ? tr("%1 stopped unexpectedly").arg(programName(m_command))
                            : tr("%1 failed (exit status %2)").arg(programName(m_command)).arg(exitCode);
    finish(State::Failed,
           errors.isEmpty() ? how : how + QStringLiteral(":\n") + errors.join(QLatin1Char('\n')));
}

bool DumpRunner::commitOutput(QString* error) {
    if (m_partialPath.isEmpty())
        return true;
    // rename(2) replaces a file target, or an empty folder, in one step.
    if (std::rename(QFile::encodeName(m_partialPath).constData(),
                    QFile::encodeName(m_command.outputPath).constData()) != 0) {
        *error = tr("the backup could not be moved to %1").arg(m_command.outputPath);
        return false;
    }
    m_partialPath.clear();
    return true;
}

void DumpRunner::removeOutput() {
    if (m_partialPath.isEmpty())
        return;
    const QFileInfo partial(m_partialPath);
    if (partial.isDir())
        QDir(m_partialPath).removeRecursively();
    else if (partial.exists())
        QFile::remove(m_partialPath);
    m_partialPath.clear();
}

void DumpRunner::finish(State state, const QString& errorText) {
    closePassword(); // the password goes first, whatever happened
    m_state = state;
    m_errorText = errorText;
    emit finished(state);
}

} // namespace pgdesk::core
