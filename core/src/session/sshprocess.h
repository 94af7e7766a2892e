// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/base/joinedthread.h>

#include <QByteArrayList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>

namespace pgdesk::core {

// One ssh process of an SshTunnel (internal). A thread of its own forks it and then watches it: reads its
// standard error (kept, the last 16 KiB), answers pgdesk-askpass on a Unix socket in the private folder
// (only from our own user id), reaps it. PR_SET_PDEATHSIG ties the child to that forking thread, which
// lives until the process is gone, so ssh gets SIGTERM when the app dies in any way. The child leads its
// own process group: stop() ends ssh together with ProxyJump's ssh children.
class SshProcess final {
public:
    using AskHandler = std::function<std::optional<QString>(const QString& prompt)>;

    SshProcess();  // creates the private 0700 folder
    ~SshProcess(); // stop()
    SshProcess(const SshProcess&) = delete;
    SshProcess& operator=(const SshProcess&) = delete;

    QString dir() const { return m_dir.path(); }
    QString askpassSocket() const { return m_dir.path() + QStringLiteral("/askpass.sock"); }

    // argv[0] is the program's path; env is the whole environment. False with `error` when it could not run.
    bool start(const QStringList& argv, const QByteArrayList& env, AskHandler ask, QString* error);
    bool running() const;
    int exitCode() const; // -1 while running; 128+signal when killed
    qint64 pid() const { return m_pid.load(); }
    QString stderrText() const;
    bool prompting() const { return m_prompting.load(); }
    bool waitFinished(int ms) const;
    void stop();

private:
    void run(const QStringList& argv, const QByteArrayList& env, int listenFd);
    void answer(int client);
    void reap(int status);

    QTemporaryDir m_dir;
    AskHandler m_ask;
    JoinedThread m_thread;
    int m_wake[2] = {-1, -1};
    std::atomic<qint64> m_pid{0};
    std::atomic<bool> m_prompting{false};
    std::atomic<bool> m_stopping{false};

    mutable std::mutex m_mutex;
    mutable std::condition_variable m_finished;
    QByteArray m_stderr;
    int m_exitCode = -1;
    bool m_started = false;
    QString m_startError;
    bool m_startDone = false;
};

} // namespace pgdesk::core
