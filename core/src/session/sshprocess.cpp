// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/sshprocess.h"
#include <pgdesk/core/base/writeall.h>

#include <pgdesk/core/base/tempsweep.h>

#include <QDir>
#include <QFile>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace pgdesk::core {

namespace {

constexpr qsizetype kStderrKept = 16 * 1024;

void closeQuietly(int& fd) {
    if (fd >= 0)
        ::close(fd);
    fd = -1;
}

} // namespace

namespace {

// The folders killed processes left (named with their PID) go before this one is made.
QString sshFolderTemplate() {
    sweepStaleTemporaries();
    return QDir::tempPath() + QStringLiteral("/pgdesk-ssh-%1-XXXXXX").arg(qint64(::getpid()));
}

} // namespace

SshProcess::SshProcess()
    : m_dir(sshFolderTemplate()) {
}

SshProcess::~SshProcess() {
    stop();
}

bool SshProcess::start(const QStringList& argv, const QByteArrayList& env, AskHandler ask, QString* error) {
    if (!m_dir.isValid()) {
        *error = QStringLiteral("could not create a private folder for ssh: %1").arg(m_dir.errorString());
        return false;
    }
    m_ask = std::move(ask);
    // The askpass socket: in the 0700 folder, so only our user can reach it; peers are checked too.
    int listenFd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const QByteArray path = QFile::encodeName(askpassSocket());
    if (listenFd < 0 || path.size() >= qsizetype(sizeof address.sun_path)) {
        closeQuietly(listenFd);
        *error = QStringLiteral("could not create the askpass socket");
        return false;
    }
    std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
    if (::bind(listenFd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(listenFd, 4) != 0) {
        *error = QStringLiteral("could not listen on the askpass socket: %1").arg(qt_error_string(errno));
        closeQuietly(listenFd);
        return false;
    }
    if (::pipe2(m_wake, O_CLOEXEC) != 0) {
        closeQuietly(listenFd);
        *error = QStringLiteral("pipe: %1").arg(qt_error_string(errno));
        return false;
    }
    m_thread = JoinedThread([this, argv, env, listenFd] { run(argv, env, listenFd); });
    std::unique_lock lock(m_mutex);
    m_finished.wait(lock, [this] { return m_startDone; });
    if (!m_started)
        *error = m_startError;
    return m_started;
}

void SshProcess::run(const QStringList& argv, const QByteArrayList& env, int listenFd) {
    // Everything the child needs is prepared before fork(): between fork and exec only async-signal-safe
    // calls are allowed in a threaded program.
    std::vector<QByteArray> argStore;
    for (const QString& a : argv)
        argStore.push_back(QFile::encodeName(a));
    std::vector<char*> args;
    for (auto& a : argStore)
        args.push_back(a.data());
    args.push_back(nullptr);
    std::vector<QByteArray> envStore(env.begin(), env.end());
    std::vector<char*> envp;
    for (auto& e : envStore)
        envp.push_back(e.data());
    envp.push_back(nullptr);

    int errPipe[2] = {-1, -1};
    const int devNull = ::open("/dev/null", O_RDWR | O_CLOEXEC);
    const pid_t parent = ::getpid();
    pid_t child = -1;
    if (devNull >= 0 && ::pipe2(errPipe, O_CLOEXEC) == 0)
        child = ::fork();
    if (child == 0) {
        ::setpgid(0, 0);
        // SIGTERM when the forking thread (this one) ends, which it does only after ssh ended, or with the
        // process: a crash or SIGKILL of the app takes ssh along.
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parent)
            ::_exit(127);
        sigset_t none;
        ::sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        ::signal(SIGPIPE, SIG_DFL);
        ::dup2(devNull, 0);
        ::dup2(devNull, 1);
        ::dup2(errPipe[1], 2);
        ::syscall(SYS_close_range, 3U, ~0U, 0U);
        ::execve(args[0], args.data(), envp.data());
        ::_exit(127);
    }
    if (devNull >= 0)
        ::close(devNull);
    if (errPipe[1] >= 0)
        ::close(errPipe[1]);
    {
        std::lock_guard lock(m_mutex);
        m_startDone = true;
        m_started = child > 0;
        if (child < 0)
            m_startError = QStringLiteral("could not start ssh: %1").arg(qt_error_string(errno));
        else
            m_pid = child;
    }
    m_finished.notify_all();
    if (child < 0) {
        closeQuietly(errPipe[0]);
        ::close(listenFd);
        return;
    }

    int errFd = errPipe[0];
    int status = 0;
    bool reaped = false;
    auto killDeadline = std::chrono::steady_clock::time_point::max();
    while (!reaped || errFd >= 0) {
        pollfd fds[3] = {{errFd, POLLIN, 0}, {listenFd, POLLIN, 0}, {m_wake[0], POLLIN, 0}};
        ::poll(fds, 3, reaped ? 200 : 100);
        if (fds[0].revents) {
            char buffer[4096];
            const ssize_t n = ::read(errFd, buffer, sizeof buffer);
            if (n > 0) {
                std::lock_guard lock(m_mutex);
                m_stderr.append(buffer, n);
                if (m_stderr.size() > kStderrKept)
                    m_stderr.remove(0, m_stderr.size() - kStderrKept);
            } else if (n == 0 || errno != EINTR) {
                closeQuietly(errFd);
            }
        }
        if (fds[1].revents & POLLIN) {
            const int client = ::accept4(listenFd, nullptr, nullptr, SOCK_CLOEXEC);
            if (client >= 0) {
                answer(client);
                ::close(client);
            }
        }
        if (fds[2].revents & POLLIN) {
            char c;
            (void)!::read(m_wake[0], &c, 1);
            ::kill(-child, SIGTERM);
            killDeadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
        }
        if (!reaped && ::waitpid(child, &status, WNOHANG) == child) {
            reaped = true;
            // ProxyJump's ssh children of the group: nothing to do for them once their parent is gone.
            ::kill(-child, SIGTERM);
            // What ssh wrote just before it exited, then stop reading: a child of the group may still
            // hold the pipe.
            if (errFd >= 0) {
                ::fcntl(errFd, F_SETFL, O_NONBLOCK);
                char buffer[4096];
                ssize_t n;
                while ((n = ::read(errFd, buffer, sizeof buffer)) > 0) {
                    std::lock_guard lock(m_mutex);
                    m_stderr.append(buffer, n);
                }
                closeQuietly(errFd);
            }
            reap(status);
        }
        if (!reaped && std::chrono::steady_clock::now() > killDeadline)
            ::kill(-child, SIGKILL);
    }
    ::close(listenFd);
}

void SshProcess::reap(int status) {
    {
        std::lock_guard lock(m_mutex);
        m_exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    m_pid = 0;
    m_finished.notify_all();
}

void SshProcess::answer(int client) {
    ucred peer{};
    socklen_t size = sizeof peer;
    if (::getsockopt(client, SOL_SOCKET, SO_PEERCRED, &peer, &size) != 0 || peer.uid != ::getuid())
        return;
    QByteArray prompt;
    for (;;) {
        pollfd fd{client, POLLIN, 0};
        if (::poll(&fd, 1, 5000) <= 0)
            return;
        char buffer[1024];
        const ssize_t n = ::read(client, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        prompt.append(buffer, n);
        if (prompt.size() > 64 * 1024)
            return;
    }
    m_prompting = true;
    std::optional<QString> reply;
    if (!m_stopping && m_ask)
        reply = m_ask(QString::fromUtf8(prompt));
    m_prompting = false;
    QByteArray out = reply ? QByteArray("1") + reply->toUtf8() : QByteArray("0");
    writeAll(client, out.constData(), size_t(out.size()));
    out.fill('\0'); // the secret does not linger in this buffer
}

bool SshProcess::running() const {
    std::lock_guard lock(m_mutex);
    return m_started && m_exitCode < 0;
}

int SshProcess::exitCode() const {
    std::lock_guard lock(m_mutex);
    return m_exitCode;
}

QString SshProcess::stderrText() const {
    std::lock_guard lock(m_mutex);
    return QString::fromUtf8(m_stderr);
}

bool SshProcess::waitFinished(int ms) const {
    std::unique_lock lock(m_mutex);
    return m_finished.wait_for(lock, std::chrono::milliseconds(ms),
                               [this] { return !m_started || m_exitCode >= 0; });
}

void SshProcess::stop() {
    m_stopping = true;
    if (m_thread.running()) {
        if (m_wake[1] >= 0)
            (void)!::write(m_wake[1], "x", 1);
        m_thread = {}; // joined; run() tells its outcome through the start error and the exit code
    }
    closeQuietly(m_wake[0]);
    closeQuietly(m_wake[1]);
}

} // namespace pgdesk::core
