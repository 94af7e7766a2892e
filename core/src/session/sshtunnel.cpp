// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/sshprocess.h"

#include <pgdesk/core/profiles/passwordcommand.h>
#include <pgdesk/core/profiles/secretstore.h>
#include <pgdesk/core/session/sshtunnel.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <arpa/inet.h>
#include <cerrno>
#include <map>
#include <netinet/in.h>
#include <poll.h>
#include <pwd.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace pgdesk::core {

namespace {

using Clock = std::chrono::steady_clock;

std::mutex& prompterMutex() {
    static std::mutex m;
    return m;
}
SshPrompter& prompterSlot() {
    static SshPrompter p;
    return p;
}

// Live tunnels by what they connect to: pools of several databases and a session's own connections share one.
std::mutex& registryMutex() {
    static std::mutex m;
    return m;
}
std::map<QString, std::weak_ptr<SshTunnel>>& registry() {
    static std::map<QString, std::weak_ptr<SshTunnel>> r;
    return r;
}

QString homeOfUser() {
    // ssh expands ~ with the password database's home, not $HOME.
    if (const passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_dir)
        return QFile::decodeName(pw->pw_dir);
    return QDir::homePath();
}

QString expandTilde(QString path) {
    if (path.startsWith(QLatin1String("~/")))
        path = homeOfUser() + path.mid(1);
    return path;
}

QString quoteConfig(const QString& value) {
    return QLatin1Char('"') + value + QLatin1Char('"');
}

QString askpassProgram() {
    const QString fromEnv = qEnvironmentVariable("PGDESK_ASKPASS");
    if (!fromEnv.isEmpty())
        return fromEnv;
    const QString appDir = QCoreApplication::applicationDirPath();
    for (const QString& candidate : {appDir + QStringLiteral("/pgdesk-askpass"),
                                     appDir + QStringLiteral("/../libexec/pgdesk/pgdesk-askpass"),
                                     appDir + QStringLiteral("/../askpass/pgdesk-askpass")})
        if (QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).canonicalFilePath();
    return {};
}

int freeLocalPort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof address;
    int port = 0;
    if (fd >= 0 && ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) == 0)
        port = ntohs(address.sin_port);
    if (fd >= 0)
        ::close(fd);
    return port;
}

enum class Probe { NotListening, Answered, Closed };

// Whether the forward is listening and carries a PostgreSQL handshake: an SSLRequest gets 'S' or 'N' from
// the server; a forward the SSH server refused is closed by ssh instead. Closing after the answer leaves
// no complaint in a server log that does not use TLS.
Probe probeForward(int port, int timeoutMs) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return Probe::NotListening;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(quint16(port));
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        ::close(fd);
        return Probe::NotListening;
    }
    static const unsigned char sslRequest[8] = {0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f};
    Probe result = Probe::Closed;
    if (::send(fd, sslRequest, sizeof sslRequest, MSG_NOSIGNAL) == ssize_t(sizeof sslRequest)) {
        pollfd p{fd, POLLIN, 0};
        char reply = 0;
        if (::poll(&p, 1, timeoutMs) > 0 && ::recv(fd, &reply, 1, 0) == 1 && (reply == 'S' || reply == 'N'))
            result = Probe::Answered;
    }
    ::close(fd);
    return result;
}

ErrorInfo sshError(const char* field, const QString& message, const QString& detail = {}) {
    ErrorInfo info;
    info.kind = ErrorKind::Connection;
    info.field = QLatin1String(field);
    info.message = message;
    info.detail = detail;
    return info;
}

QStringList meaningfulLines(const QString& text) {
    QStringList lines;
    for (QString line : text.split(QLatin1Char('\n'))) {
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1String("@@@")) ||
            line.startsWith(QLatin1String("Warning:")))
            continue;
        lines << line;
    }
    return lines;
}

QString firstCapture(const QString& text, const QString& pattern) {
    const auto match = QRegularExpression(pattern, QRegularExpression::MultilineOption).match(text);
    return match.hasMatch() ? match.captured(1) : QString();
}

} // namespace

QString sshTunnelStateName(SshTunnelState state) {
    switch (state) {
    case SshTunnelState::Stopped:
        return QStringLiteral("stopped");
    case SshTunnelState::Starting:
        return QStringLiteral("starting");
    case SshTunnelState::Up:
        return QStringLiteral("up");
    case SshTunnelState::Down:
        return QStringLiteral("down");
    }
    return QStringLiteral("stopped");
}

ErrorInfo classifySshFailure(const QString& text, const SshSettings& settings, int exitCode) {
    ErrorInfo info;
    info.kind = ErrorKind::Connection;
    const QStringList lines = meaningfulLines(text);
    info.detail = lines.mid(std::max<qsizetype>(0, lines.size() - 4)).join(QLatin1Char(' '));
    const QString destination = settings.destination();
    auto has = [&text](const char* words) {
        return text.contains(QLatin1String(words), Qt::CaseInsensitive);
    };

    if (has("REMOTE HOST IDENTIFICATION HAS CHANGED") || has("has changed and you have requested strict")) {
        const QString host = firstCapture(text, QStringLiteral("key for (\\S+) has changed"));
        info.field = QLatin1String(kSshHostKeyChanged);
        info.message = QStringLiteral("SSH host key changed: %1 presents a different key than known_hosts "
                                      "holds; refused (remove the old key only if the change is expected)")
                           .arg(host.isEmpty() ? destination : host);
        info.detail.clear(); // ssh's banner says the same at length
        return info;
    }
    if (has("Host key verification failed") || has("host key is known for")) {
        const QString host = firstCapture(text, QStringLiteral("host key is known for (\\S+)"));
        info.field = QLatin1String(kSshHostKeyRefused);
        info.message = QStringLiteral("SSH host key not accepted: %1 is not in known_hosts and its key was "
                                      "refused")
                           .arg(host.isEmpty() ? destination : host);
        return info;
    }
    if (has("Permission denied (") || has("Too many authentication failures") ||
        has("Authentication failed") || has("no more authentication methods")) {
        const QString who = firstCapture(text, QStringLiteral("^(\\S+): Permission denied"));
        info.field = QLatin1String(kSshAuthentication);
        info.message = QStringLiteral("SSH authentication failed: %1").arg(who.isEmpty() ? destination : who);
        return info;
    }
    // A jump host that could not reach the next hop: that hop is unreachable, not a forward of ours.
    if (has("stdio forwarding failed") || has("Could not resolve hostname") || has("connect to host") ||
        has("Connection timed out") || has("No route to host") || has("Network is unreachable") ||
        has("kex_exchange_identification") || has("Connection closed by") || has("Connection reset") ||
        has("banner exchange") || has("Name or service not known")) {
        QString host = firstCapture(text, QStringLiteral("connect to host (\\S+ port \\d+)"));
        if (host.isEmpty())
            host = firstCapture(text, QStringLiteral("resolve hostname ([^:\\s]+)"));
        info.field = QLatin1String(kSshUnreachable);
        info.message = QStringLiteral("SSH host unreachable: %1").arg(host.isEmpty() ? destination : host);
        return info;
    }
    if (has("open failed") || has("forwarding") || has("Address already in use") ||
        has("administratively prohibited")) {
        info.field = QLatin1String(kSshForwarding);
        info.message = QStringLiteral("SSH forwarding refused by %1").arg(destination);
        return info;
    }
    info.field = QLatin1String(kSshFailed);
    info.message = lines.isEmpty() ? QStringLiteral("SSH failed: ssh ended with code %1").arg(exitCode)
                                   : QStringLiteral("SSH failed: %1").arg(lines.last());
    return info;
}

SshTunnel::SshTunnel(SshSettings settings, Target target, QString profileName, int connectTimeoutSeconds)
    : m_settings(std::move(settings))
    , m_target(std::move(target))
    , m_profileName(std::move(profileName))
    , m_connectTimeoutSeconds(connectTimeoutSeconds) {
}

SshTunnel::~SshTunnel() {
    stop();
}

std::shared_ptr<SshTunnel> SshTunnel::create(SshSettings settings, Target target, QString profileName,
                                             int connectTimeoutSeconds) {
    settings.validate();
    return std::shared_ptr<SshTunnel>(
        new SshTunnel(std::move(settings), std::move(target), std::move(profileName), connectTimeoutSeconds));
}

std::shared_ptr<SshTunnel> SshTunnel::forProfile(const ConnectionProfile& profile) {
    // An imported config file is read by `ssh -G` below already (Match exec runs there).
    requireTrustedCommands(profile);
    if (profile.host.contains(QLatin1Char(',')))
        throwConfigurationError(
            QStringLiteral("host"),
            QStringLiteral("an SSH tunnel leads to one host, not a list (%1)").arg(profile.host));
    Target target{profile.host, profile.port > 0 ? profile.port : 5432};
    const QString key =
        QString::fromUtf8(QJsonDocument(profile.ssh.toJson()).toJson(QJsonDocument::Compact)) +
        QLatin1Char('\n') + target.host + QLatin1Char(':') + QString::number(target.port) +
        QLatin1Char('\n') + profile.name;
    std::lock_guard lock(registryMutex());
    auto& slot = registry()[key];
    if (auto live = slot.lock())
        return live;
    auto tunnel = create(profile.ssh, target, profile.name,
                         profile.connectTimeoutSeconds > 0 ? profile.connectTimeoutSeconds : 10);
    slot = tunnel;
    for (auto it = registry().begin(); it != registry().end();)
        it = it->second.expired() ? registry().erase(it) : std::next(it);
    return tunnel;
}

ConnectionProfile SshTunnel::throughTunnel(const ConnectionProfile& profile, int localPort) {
    ConnectionProfile p = profile;
    p.ssh = {};
    p.service.clear();
    p.extraOptions.erase(std::remove_if(p.extraOptions.begin(), p.extraOptions.end(),
                                        [](const auto& o) { return o.first == QLatin1String("hostaddr"); }),
                         p.extraOptions.end());
    if (p.host.isEmpty() || p.host.startsWith(QLatin1Char('/'))) {
        p.host = QStringLiteral("127.0.0.1");
    } else {
        // host stays what the certificate names (sslmode=verify-full); the socket goes to the local end.
        p.extraOptions.append({QStringLiteral("hostaddr"), QStringLiteral("127.0.0.1")});
    }
    p.port = localPort;
    return p;
}

void SshTunnel::setPrompter(SshPrompter prompter) {
    std::lock_guard lock(prompterMutex());
    prompterSlot() = std::move(prompter);
}

QStringList SshTunnel::commandLine() const {
    QStringList args{QStringLiteral("ssh"), QStringLiteral("-N"), QStringLiteral("-T")};
    if (!m_settings.user.isEmpty())
        args << QStringLiteral("-l") << m_settings.user;
    if (m_settings.port > 0)
        args << QStringLiteral("-p") << QString::number(m_settings.port);
    if (!m_settings.identityFile.isEmpty())
        args << QStringLiteral("-i") << expandTilde(m_settings.identityFile);
    if (!m_settings.jumpHosts.isEmpty())
        args << QStringLiteral("-J") << m_settings.jumpHosts.join(QLatin1Char(','));
    return args;
}

int SshTunnel::ensureUp() {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_starting; });
    if (m_process && m_process->running() && m_status.state == SshTunnelState::Up)
        return m_status.localPort;
    return startLocked(lock);
}

int SshTunnel::startLocked(std::unique_lock<std::mutex>& lock) {
    m_starting = true;
    if (m_status.state != SshTunnelState::Stopped)
        ++m_status.restarts;
    m_status.state = SshTunnelState::Starting;
    m_status.message.clear();
    m_failure.reset();
    auto old = std::move(m_process);
    lock.unlock();
    old.reset(); // a dead or half-dead ssh and its folder go first

    ErrorInfo failure;
    int port = 0;
    for (int attempt = 0; attempt < 3 && port == 0; ++attempt) {
        const int candidate = freeLocalPort();
        if (candidate == 0) {
            failure = sshError(kSshForwarding, QStringLiteral("SSH forwarding refused: no free local port"));
            break;
        }
        port = startOnce(candidate, failure);
        // Another program took the port between our check and ssh's bind: try another.
        if (port == 0 && !failure.detail.contains(QLatin1String("Address already in use")))
            break;
    }

    lock.lock();
    m_starting = false;
    if (port > 0) {
        m_status.state = SshTunnelState::Up;
        m_status.localPort = port;
        m_status.pid = m_process ? m_process->pid() : 0;
        m_status.message = QStringLiteral("127.0.0.1:%1 → %2:%3 via %4")
                               .arg(port)
                               .arg(m_target.host.isEmpty() ? QStringLiteral("localhost") : m_target.host)
                               .arg(m_target.port)
                               .arg(m_settings.destination());
    } else {
        m_status.state = SshTunnelState::Down;
        m_status.pid = 0;
        m_status.message = failure.message;
        m_failure = failure;
    }
    m_changed.notify_all();
    if (port == 0) {
        auto dead = std::move(m_process);
        lock.unlock();
        dead.reset();
        throwError(failure);
    }
    return port;
}

int SshTunnel::startOnce(int localPort, ErrorInfo& failure) {
    auto process = std::make_unique<SshProcess>();
    const QString ssh = QStandardPaths::findExecutable(QStringLiteral("ssh"));
    const QString askpass = askpassProgram();
    auto fail = [&failure](const char* field, const QString& message) {
        failure = sshError(field, message);
        return 0;
    };
    if (ssh.isEmpty())
        return fail(kSshFailed, QStringLiteral("SSH failed: the OpenSSH client (ssh) is not installed"));
    if (askpass.isEmpty())
        return fail(kSshFailed,
                    QStringLiteral("SSH failed: pgdesk-askpass was not found beside the program"));

    // The user's known_hosts files as ssh would use them for this destination (ssh -G).
    QStringList userKnownHosts;
    {
        QStringList args{QStringLiteral("-G")};
        if (!m_settings.configFile.isEmpty())
            args << QStringLiteral("-F") << expandTilde(m_settings.configFile);
        args << commandLine().mid(3) << QStringLiteral("--") << m_settings.host;
        QProcess g;
        g.start(ssh, args);
        if (g.waitForFinished(10000) && g.exitCode() == 0)
            for (const QString& line : QString::fromUtf8(g.readAllStandardOutput()).split(QLatin1Char('\n')))
                if (line.startsWith(QLatin1String("userknownhostsfile ")))
                    userKnownHosts = line.mid(19).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (userKnownHosts.isEmpty())
            userKnownHosts = {QStringLiteral("~/.ssh/known_hosts"), QStringLiteral("~/.ssh/known_hosts2")};
    }
    const QString sessionKnownHosts = process->dir() + QStringLiteral("/known_hosts");

    // Our settings come first (ssh keeps the first value it reads), the user's configuration after: an
    // alias works as-is, but nothing there can make a host key pass silently, multiplex this tunnel into a
    // master that outlives us, or fork it away. -F reaches the ProxyJump hops' ssh as well.
    QStringList config{
        QStringLiteral("Host *"),
        QStringLiteral("  BatchMode no"),
        QStringLiteral("  ControlMaster no"),
        QStringLiteral("  ControlPath none"),
        QStringLiteral("  ControlPersist no"),
        QStringLiteral("  ForkAfterAuthentication no"),
        QStringLiteral("  PermitLocalCommand no"),
        QStringLiteral("  ExitOnForwardFailure yes"),
        QStringLiteral("  ServerAliveInterval 10"),
        QStringLiteral("  ServerAliveCountMax 3"),
        QStringLiteral("  ConnectTimeout %1").arg(std::max(1, m_connectTimeoutSeconds)),
        QStringLiteral("  StrictHostKeyChecking %1")
            .arg(m_settings.hostKeyPolicy == SshHostKeyPolicy::Strict ? QStringLiteral("yes")
                                                                      : QStringLiteral("ask")),
    };
    QStringList knownHostsFiles{quoteConfig(sessionKnownHosts)};
    for (const QString& f : userKnownHosts)
        knownHostsFiles << quoteConfig(f);
    config << QStringLiteral("  UserKnownHostsFile ") + knownHostsFiles.join(QLatin1Char(' '));
    if (!m_settings.useAgent)
        config << QStringLiteral("  IdentityAgent none");
    if (!m_settings.configFile.isEmpty()) {
        config << QStringLiteral("Include ") +
                      quoteConfig(QFileInfo(expandTilde(m_settings.configFile)).absoluteFilePath());
    } else {
        const QString userConfig = homeOfUser() + QStringLiteral("/.ssh/config");
        if (QFileInfo::exists(userConfig))
            config << QStringLiteral("Include ") + quoteConfig(userConfig);
        if (QFileInfo::exists(QStringLiteral("/etc/ssh/ssh_config")))
            config << QStringLiteral("Include /etc/ssh/ssh_config");
    }
    // Every quoted value, ours included ($TMPDIR, ssh -G's known_hosts paths): a quote or a line break in
    // one would end the string and start a directive (validate() already refused the profile's own).
    for (const QString& value :
         QStringList{sessionKnownHosts, m_settings.configFile, homeOfUser()} + userKnownHosts)
        if (!isSshConfigValue(value))
            return fail(kSshFailed, QStringLiteral("SSH failed: the path \"%1\" cannot be written into an "
                                                   "ssh_config (a quote, backslash or control character)")
                                        .arg(printableText(value)));
    const QString configPath = process->dir() + QStringLiteral("/ssh_config");
    {
        QFile f(configPath);
        if (!f.open(QIODevice::WriteOnly) ||
            f.write((config.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8()) < 0)
            return fail(kSshFailed, QStringLiteral("SSH failed: could not write %1").arg(configPath));
    }
    QFile(sessionKnownHosts).open(QIODevice::WriteOnly);

    QString forwardTarget;
    if (m_target.host.startsWith(QLatin1Char('/')))
        forwardTarget = QStringLiteral("%1/.s.PGSQL.%2").arg(m_target.host).arg(m_target.port);
    else {
        const QString host = m_target.host.isEmpty() ? QStringLiteral("localhost") : m_target.host;
        forwardTarget =
            (host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host) +
            QLatin1Char(':') + QString::number(m_target.port);
    }
    QStringList argv = commandLine();
    argv[0] = ssh;
    argv.insert(1, QStringLiteral("-F"));
    argv.insert(2, configPath);
    argv << QStringLiteral("-L") << QStringLiteral("127.0.0.1:%1:%2").arg(localPort).arg(forwardTarget)
         << QStringLiteral("--") << m_settings.host;

    QByteArrayList env;
    static const QByteArrayList replaced{"SSH_ASKPASS=", "SSH_ASKPASS_REQUIRE=", "PGDESK_ASKPASS_SOCKET="};
    for (char** e = environ; e && *e; ++e) {
        const QByteArray entry(*e);
        const bool ours = std::any_of(replaced.begin(), replaced.end(),
                                      [&entry](const QByteArray& p) { return entry.startsWith(p); });
        if (ours || (!m_settings.useAgent && entry.startsWith("SSH_AUTH_SOCK=")))
            continue;
        env << entry;
    }
    env << "SSH_ASKPASS=" + QFile::encodeName(askpass) << "SSH_ASKPASS_REQUIRE=force"
        << "PGDESK_ASKPASS_SOCKET=" + QFile::encodeName(process->askpassSocket());

    {
        std::lock_guard lock(m_mutex);
        m_keychainTried = false;
        m_typedSecret.reset();
        m_hostKeyForGood = false;
    }
    QString startError;
    SshProcess* raw = process.get();
    if (!raw->start(
            argv, env, [this](const QString& prompt) { return answerPrompt(prompt); }, &startError))
        return fail(kSshFailed, QStringLiteral("SSH failed: %1").arg(startError));
    {
        std::lock_guard lock(m_mutex);
        m_process = std::move(process);
    }

    const auto budget = std::chrono::seconds(std::max(10, m_connectTimeoutSeconds) * 3);
    auto deadline = Clock::now() + budget;
    for (;;) {
        if (!raw->running()) {
            failure = classifySshFailure(raw->stderrText(), m_settings, raw->exitCode());
            return 0;
        }
        if (raw->prompting())
            deadline = Clock::now() + budget; // the user takes the time they need
        const Probe probe = probeForward(localPort, std::max(1, m_connectTimeoutSeconds) * 1000);
        if (probe == Probe::Answered)
            break;
        if (probe == Probe::Closed) {
            raw->waitFinished(300); // ssh's "open failed" line comes a moment later
            const QString words = meaningfulLines(raw->stderrText()).join(QLatin1Char(' '));
            failure = sshError(kSshForwarding,
                               QStringLiteral("SSH forwarding refused: %1 could not open %2")
                                   .arg(m_settings.destination(), forwardTarget),
                               words);
            raw->stop();
            return 0;
        }
        if (Clock::now() > deadline) {
            raw->stop();
            failure = sshError(kSshUnreachable,
                               QStringLiteral("SSH host unreachable: %1 (no tunnel after %2 s)")
                                   .arg(m_settings.destination())
                                   .arg(std::chrono::duration_cast<std::chrono::seconds>(budget).count()),
                               meaningfulLines(raw->stderrText()).join(QLatin1Char(' ')));
            return 0;
        }
        // A refused connect to loopback costs microseconds; the handshake takes 0.1–0.3 s, and every
        // millisecond waited after it is the user's. A prompt being answered is looked at less often.
        std::this_thread::sleep_for(std::chrono::milliseconds(raw->prompting() ? 50 : 5));
    }

    // Up: what the user chose to keep.
    std::optional<QString> typed;
    bool forGood = false;
    {
        std::lock_guard lock(m_mutex);
        typed = std::exchange(m_typedSecret, std::nullopt);
        forGood = m_hostKeyForGood;
    }
    if (typed && !m_profileName.isEmpty())
        SecretStore::instance().setPassword(sshSecretName(m_profileName), *typed, true);
    if (forGood && !userKnownHosts.isEmpty()) {
        QFile session(sessionKnownHosts);
        QFile user(expandTilde(userKnownHosts.first()));
        QDir().mkpath(QFileInfo(user).absolutePath());
        if (session.open(QIODevice::ReadOnly) && user.open(QIODevice::Append))
            user.write(session.readAll());
    }
    return localPort;
}

std::optional<QString> SshTunnel::answerPrompt(const QString& prompt) {
    SshPrompt question;
    question.text = prompt.trimmed();
    question.profileName = m_profileName;
    question.destination = m_settings.destination();
    const bool hostKey = prompt.contains(QLatin1String("(yes/no"));
    question.kind = hostKey ? SshPrompt::Kind::HostKey : SshPrompt::Kind::Secret;

    if (!hostKey && !m_profileName.isEmpty()) {
        bool offerKeychain = false;
        {
            std::lock_guard lock(m_mutex);
            offerKeychain = !std::exchange(m_keychainTried, true);
        }
        if (offerKeychain)
            if (auto secret = SecretStore::instance().password(sshSecretName(m_profileName)))
                return secret;
    }
    SshPrompter prompter;
    {
        std::lock_guard lock(prompterMutex());
        prompter = prompterSlot();
    }
    if (!prompter)
        return hostKey ? std::optional<QString>(QStringLiteral("no")) : std::nullopt;
    const SshAnswer answer = prompter(question);
    if (hostKey) {
        if (answer.hostKey == SshAnswer::HostKey::Refuse)
            return QStringLiteral("no");
        std::lock_guard lock(m_mutex);
        m_hostKeyForGood = answer.hostKey == SshAnswer::HostKey::AcceptAlways;
        return QStringLiteral("yes");
    }
    if (answer.secret && answer.remember) {
        std::lock_guard lock(m_mutex);
        m_typedSecret = answer.secret;
    }
    return answer.secret;
}

SshTunnelStatus SshTunnel::status() const {
    std::lock_guard lock(m_mutex);
    SshTunnelStatus s = m_status;
    if (s.state == SshTunnelState::Up && !(m_process && m_process->running())) {
        s.state = SshTunnelState::Down;
        s.pid = 0;
        s.message =
            QStringLiteral("SSH tunnel ended: %1")
                .arg(m_process ? meaningfulLines(m_process->stderrText()).join(QLatin1Char(' ')) : QString());
    }
    return s;
}

void SshTunnel::throwIfDown() const {
    std::unique_lock lock(m_mutex);
    if (m_failure)
        throwError(*m_failure);
    if (m_process && !m_process->running()) {
        ErrorInfo info = classifySshFailure(m_process->stderrText(), m_settings, m_process->exitCode());
        if (info.field == QLatin1String(kSshFailed))
            info.message = QStringLiteral("SSH tunnel lost: ssh to %1 ended").arg(m_settings.destination());
        lock.unlock();
        throwError(info);
    }
}

void SshTunnel::stop() {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_starting; });
    auto process = std::move(m_process);
    m_status.state = SshTunnelState::Stopped;
    m_status.pid = 0;
    lock.unlock();
    process.reset();
}

} // namespace pgdesk::core
