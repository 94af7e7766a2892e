// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/profiles/passwordcommand.h>

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

} // namespace

QString printableText(const QString& text) {
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'\n')
            out += QLatin1String("\\n");
        else if (u == u'\r')
            out += QLatin1String("\\r");
        else if (u == u'\t')
            out += QLatin1String("\\t");
        else if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0) || c.category() == QChar::Other_Format)
            out += QStringLiteral("\\u%1").arg(uint(u), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

QString runPasswordCommand(const QString& command, int timeoutSeconds) {
    QProcess process;
    process.setProgram(QStringLiteral("/bin/sh"));
    process.setArguments({QStringLiteral("-c"), command});
    process.setStandardInputFile(QProcess::nullDevice());
    // Its messages may hold the secret (or be endless): never read, never shown.
    process.setStandardErrorFile(QProcess::nullDevice());
    // Its own process group: on a timeout the shell's children (a cloud CLI) are killed with it.
    process.setChildProcessModifier([] { ::setpgid(0, 0); });
    auto killGroup = [&process] {
        const qint64 pid = process.processId();
        if (pid > 0)
            ::kill(-pid_t(pid), SIGKILL);
        process.kill();
        process.waitForFinished(2000);
    };
    // One deadline from start to exit, reading included: a command printing slowly cannot stretch it.
    const QDeadlineTimer deadline{std::chrono::seconds(timeoutSeconds)};
    process.start();
    if (!process.waitForStarted(int(std::max<qint64>(1, deadline.remainingTime()))))
        fail(QStringLiteral("The password command could not be started: %1").arg(process.errorString()));
    QByteArray out;
    for (;;) {
        out += process.readAllStandardOutput();
        if (out.size() > kPasswordCommandMaxOutput) {
            killGroup();
            fail(QStringLiteral("The password command printed more than %1 KiB; a password or token is "
                                "far shorter, so it was stopped")
                     .arg(kPasswordCommandMaxOutput / 1024));
        }
        if (process.state() == QProcess::NotRunning)
            break;
        const qint64 left = deadline.remainingTime();
        if (left <= 0) {
            killGroup();
            fail(QStringLiteral("The password command timed out after %1 s").arg(timeoutSeconds));
        }
        // False once it exits, or when its output is closed while it runs on: then wait for the exit.
        if (!process.waitForReadyRead(int(std::max<qint64>(1, left))) &&
            process.state() != QProcess::NotRunning)
            process.waitForFinished(int(std::max<qint64>(1, deadline.remainingTime())));
    }
    if (process.exitStatus() != QProcess::NormalExit)
        fail(QStringLiteral("The password command was killed by a signal"));
    if (process.exitCode() != 0)
        fail(QStringLiteral("The password command failed (exit %1); its messages are not shown (they may "
                            "hold a secret): run it yourself in a terminal to see them")
                 .arg(process.exitCode()));
    while (out.endsWith('\n') || out.endsWith('\r'))
        out.chop(1);
    if (out.trimmed().isEmpty())
        fail(QStringLiteral("The password command printed nothing"));
    return QString::fromUtf8(out);
}

void requireTrustedCommands(const ConnectionProfile& profile) {
    const auto commands = profile.commands();
    if (!profile.untrustedCommands || commands.isEmpty())
        return;
    QStringList shown;
    for (const auto& [field, value] : commands)
        shown << QStringLiteral("%1 \"%2\"").arg(field, printableText(value));
    throwConfigurationError(
        QStringLiteral("untrusted_commands"),
        QStringLiteral("the profile \"%1\" was imported from a file and runs %2 when it connects, which "
                       "nobody has accepted yet: %3. Nothing was run. Read %4, then trust %5 with "
                       "`pgdesk-cli profiles trust %1` (the window asks before connecting)")
            .arg(printableText(profile.name),
                 commands.size() == 1 ? QStringLiteral("a command") : QStringLiteral("commands"),
                 shown.join(QStringLiteral("; ")),
                 commands.size() == 1 ? QStringLiteral("it") : QStringLiteral("them"),
                 commands.size() == 1 ? QStringLiteral("it") : QStringLiteral("them")));
}

std::optional<QString> connectionPassword(const ConnectionProfile& profile,
                                          const std::optional<QString>& password) {
    if (profile.passwordCommand.trimmed().isEmpty())
        return password;
    requireTrustedCommands(profile);
    return runPasswordCommand(profile.passwordCommand, profile.passwordCommandTimeoutSeconds);
}

bool asksForPassword(const ConnectionProfile& profile) {
    return profile.passwordCommand.trimmed().isEmpty() && profile.authentication != Authentication::Kerberos;
}

} // namespace pgdesk::core
