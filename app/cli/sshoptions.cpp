// SPDX-License-Identifier: GPL-3.0-or-later
#include "sshoptions.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/sshtunnel.h>

#include <cstdio>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace pgdesk::cli {

namespace {

const QStringList kWithValue{QStringLiteral("--ssh"), QStringLiteral("--ssh-identity"),
                             QStringLiteral("--ssh-jump"), QStringLiteral("--ssh-config"),
                             QStringLiteral("--ssh-host-key")};
const QStringList kFlags{QStringLiteral("--ssh-agent"), QStringLiteral("--ssh-no-agent")};

// One line from the terminal; echo off for secrets. nullopt without a terminal.
std::optional<QString> askTerminal(const QString& prompt, bool secret) {
    const int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return std::nullopt;
    const QByteArray text = prompt.toUtf8() + (prompt.endsWith(QLatin1Char(' ')) ? "" : " ");
    (void)!::write(fd, text.constData(), size_t(text.size()));
    termios saved{};
    const bool isTty = ::tcgetattr(fd, &saved) == 0;
    if (secret && isTty) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    QByteArray line;
    char c;
    while (::read(fd, &c, 1) == 1 && c != '\n')
        line += c;
    if (secret && isTty) {
        ::tcsetattr(fd, TCSAFLUSH, &saved);
        (void)!::write(fd, "\n", 1);
    }
    ::close(fd);
    return QString::fromUtf8(line);
}

} // namespace

bool isSshOption(const QString& option) {
    return kWithValue.contains(option) || kFlags.contains(option);
}

bool sshOptionTakesValue(const QString& option) {
    return kWithValue.contains(option);
}

void applySshOptions(const QStringList& options, core::SshSettings& s) {
    for (qsizetype i = 0; i < options.size(); ++i) {
        const QString& a = options[i];
        const QString v = sshOptionTakesValue(a) && i + 1 < options.size() ? options[++i] : QString();
        if (a == QLatin1String("--ssh")) {
            const auto d = core::SshSettings::fromDestination(v);
            s.host = d.host;
            s.user = d.user.isEmpty() ? s.user : d.user;
            s.port = d.port > 0 ? d.port : s.port;
        } else if (a == QLatin1String("--ssh-identity")) {
            s.identityFile = v;
        } else if (a == QLatin1String("--ssh-jump")) {
            s.jumpHosts = v.split(QLatin1Char(','), Qt::SkipEmptyParts);
        } else if (a == QLatin1String("--ssh-config")) {
            s.configFile = v;
        } else if (a == QLatin1String("--ssh-host-key")) {
            s.hostKeyPolicy = core::sshHostKeyPolicyFromString(v);
        } else if (a == QLatin1String("--ssh-agent")) {
            s.useAgent = true;
        } else if (a == QLatin1String("--ssh-no-agent")) {
            s.useAgent = false;
        }
    }
    if (!s.enabled() && !options.isEmpty())
        core::throwConfigurationError(QStringLiteral("ssh_host"),
                                      QStringLiteral("SSH options need --ssh [USER@]HOST[:PORT]"));
    s.validate();
}

void installTerminalPrompter() {
    core::SshTunnel::setPrompter([](const core::SshPrompt& prompt) {
        core::SshAnswer answer;
        if (prompt.kind == core::SshPrompt::Kind::HostKey) {
            const auto reply = askTerminal(
                prompt.text + QStringLiteral("\n[yes = accept and remember / once / no] "), false);
            if (!reply) {
                std::fprintf(stderr,
                             "pgdesk-cli: %s\npgdesk-cli: no terminal to confirm the SSH host key: refused\n",
                             qPrintable(prompt.text));
                return answer;
            }
            const QString r = reply->trimmed().toLower();
            answer.hostKey = r == QLatin1String("yes")    ? core::SshAnswer::HostKey::AcceptAlways
                             : r == QLatin1String("once") ? core::SshAnswer::HostKey::AcceptOnce
                                                          : core::SshAnswer::HostKey::Refuse;
            return answer;
        }
        answer.secret = askTerminal(prompt.text, true);
        if (!answer.secret)
            std::fprintf(stderr,
                         "pgdesk-cli: no terminal to answer \"%s\" (store it with profiles "
                         "set-ssh-secret)\n",
                         qPrintable(prompt.text));
        return answer;
    });
}

} // namespace pgdesk::cli
