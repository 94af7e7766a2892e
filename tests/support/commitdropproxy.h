// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <atomic>
#include <thread>

namespace pgdesk::test {

// A TCP proxy on 127.0.0.1 in front of a test server that forwards everything, except that once armed it
// loses the answer to the next COMMIT: the COMMIT reaches the server (which commits), then the client's
// connection is closed before the server's answer gets through. That is the one failure a client cannot
// tell apart by itself: "COMMIT sent, no answer". With refuseAfterDrop, later connections are closed as
// soon as they come in, so the client cannot ask the server afterwards either.
class CommitDropProxy final {
public:
    explicit CommitDropProxy(int serverPort);
    ~CommitDropProxy();
    CommitDropProxy(const CommitDropProxy&) = delete;
    CommitDropProxy& operator=(const CommitDropProxy&) = delete;

    int port() const { return m_port; } // 0 when it could not listen
    void arm(bool refuseAfterDrop = false) {
        m_refuseAfterDrop = refuseAfterDrop;
        m_armed = true;
    }
    int drops() const { return m_drops.load(); }          // COMMITs whose answer was lost
    int refused() const { return m_refused.load(); }      // connections closed on arrival after a drop
    int connections() const { return m_accepted.load(); } // accepted and forwarded

private:
    void run();

    int m_listen = -1;
    int m_wake[2] = {-1, -1};
    int m_port = 0;
    int m_serverPort = 0;
    std::atomic<bool> m_armed{false};
    std::atomic<bool> m_refuseAfterDrop{false};
    std::atomic<int> m_drops{0};
    std::atomic<int> m_refused{0};
    std::atomic<int> m_accepted{0};
    std::thread m_thread;
};

} // namespace pgdesk::test
