#include <pgdesk/core/errors.h>
#include <pgdesk/core/passwordcommand.h>

#include <QDeadlineTimer>
#include <QProcess>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

namespace pgdesk::core {

namespace {

[[noreturn]] void fail(const QString& message) {
    throwConfigurationError(QStringLiteral("password_command"), message);
}

QString firstLine(const QByteArray& text) {
    for (const QByteArray& line : text.split('\n')) {
        const QString trimmed = QString::fromLocal8Bit(line).trimmed();
        if (!trimmed.isEmpty())
            return trimmed;
    }
    return {};
}

} // namespace

QString runPasswordCommand(const QString& command, int timeoutSeconds) {
    QProcess process;
    process.setProgram(QStringLiteral("/bin/sh"));
    process.setArguments({QStringLiteral("-c"), command});
    process.setStandardInputFile(QProcess::nullDevice());
    // Its own process group: on a timeout the shell's children (a cloud CLI) are killed with it.
    process.setChildProcessModifier([] { ::setpgid(0, 0); });
    const QDeadlineTimer deadline{std::chrono::seconds(timeoutSeconds)};
    process.start();
    if (!process.waitForStarted(int(std::max<qint64>(1, deadline.remainingTime()))))
        fail(QStringLiteral("The password command could not be started: %1").arg(process.errorString()));
    if (!process.waitForFinished(int(std::max<qint64>(1, deadline.remainingTime())))) {
        const qint64 pid = process.processId();
        if (pid > 0)
            ::kill(-pid_t(pid), SIGKILL);
        process.kill();
        process.waitForFinished(2000);
        fail(QStringLiteral("The password command timed out after %1 s").arg(timeoutSeconds));
    }
    if (process.exitStatus() != QProcess::NormalExit)
        fail(QStringLiteral("The password command was killed by a signal"));
    if (process.exitCode() != 0) {
        const QString why = firstLine(process.readAllStandardError());
        if (why.isEmpty())
            fail(QStringLiteral("The password command failed (exit %1)").arg(process.exitCode()));
        fail(QStringLiteral("The password command failed (exit %1): %2").arg(process.exitCode()).arg(why));
    }
    QByteArray out = process.readAllStandardOutput();
    while (out.endsWith('\n') || out.endsWith('\r'))
        out.chop(1);
    if (out.trimmed().isEmpty())
        fail(QStringLiteral("The password command printed nothing"));
    return QString::fromUtf8(out);
}

std::optional<QString> connectionPassword(const ConnectionProfile& profile,
                                          const std::optional<QString>& password) {
    if (profile.passwordCommand.trimmed().isEmpty())
        return password;
    return runPasswordCommand(profile.passwordCommand, profile.passwordCommandTimeoutSeconds);
}

bool asksForPassword(const ConnectionProfile& profile) {
    return profile.passwordCommand.trimmed().isEmpty() && profile.authentication != Authentication::Kerberos;
}

} // namespace pgdesk::core
