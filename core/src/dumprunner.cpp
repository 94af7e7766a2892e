#include <pgdesk/core/dumprunner.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>

#include <csignal>
#include <cstdio>

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
}

QString DumpRunner::passFilePath() const {
    return m_secretDir ? m_secretDir->filePath(QStringLiteral("pgpass")) : QString();
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
        // Hidden and next to the target, so the final rename stays on one file system.
        m_partialPath =
            target.dir().filePath(QStringLiteral(".%1.partial-%2")
                                      .arg(target.fileName())
                                      .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0')));
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
    if (password) {
        m_secretDir =
            std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/pgdesk-pgpass-XXXXXX"));
        QFile file(passFilePath());
        // Created with mode 0600 from the start: the folder is 0700 as well, and libpq refuses a pgpass file
        // others can read.
        if (!m_secretDir->isValid() ||
            !file.open(QIODevice::WriteOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
            file.write("*:*:*:*:" + pgpassField(*password) + '\n') < 0 || !file.flush()) {
            finish(State::Failed,
                   tr("could not write a temporary password file in %1").arg(QDir::tempPath()));
            return;
        }
        file.close();
        environment.remove(QStringLiteral("PGPASSWORD")); // it would win over the file
        environment.insert(QStringLiteral("PGPASSFILE"), passFilePath());
    }

    m_process = new QProcess(this);
    m_process->setProcessEnvironment(environment);
    m_process->setStandardInputFile(QProcess::nullDevice());
    // The CLI blocks SIGINT/SIGTERM in every thread (it takes them with sigwait()); the child would inherit
    // that mask and ignore terminate().
    m_process->setChildProcessModifier([] {
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, nullptr);
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
    static const QRegularExpression dumping(QStringLiteral(R"(dumping contents of table \"(.*)\")"));
    static const QRegularExpression restoring(QStringLiteral(R"(processing data for table \"(.*)\")"));
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
    m_secretDir.reset(); // the password file goes first, whatever happened
    m_state = state;
    m_errorText = errorText;
    emit finished(state);
}

} // namespace pgdesk::core
