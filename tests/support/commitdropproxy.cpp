// SPDX-License-Identifier: GPL-3.0-or-later
#include "commitdropproxy.h"

#include <QList>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <vector>

namespace pgdesk::test {

namespace {

// The simple-query message Transaction::commit() sends: 'Q', length 11, "COMMIT\0".
const QByteArray kCommit = QByteArray("Q\0\0\0\x0b"
                                      "COMMIT\0",
                                      12);

struct Pair {
    int client = -1;
    int server = -1;
    QByteArray tail;       // the last bytes from the client, for a COMMIT split across reads
    bool dropping = false; // COMMIT forwarded: close on the server's answer instead of passing it on
};

bool sendAll(int fd, const char* data, ssize_t size) {
    while (size > 0) {
        const ssize_t n = ::send(fd, data, size_t(size), MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        data += n;
        size -= n;
    }
    return true;
}

int connectTo(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(quint16(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

} // namespace

CommitDropProxy::CommitDropProxy(int serverPort)
    : m_serverPort(serverPort) {
    m_listen = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = 0;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof a;
    if (::bind(m_listen, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(m_listen, 16) != 0 ||
        ::getsockname(m_listen, reinterpret_cast<sockaddr*>(&a), &length) != 0 || ::pipe(m_wake) != 0)
        return;
    m_port = ntohs(a.sin_port);
    m_thread = std::thread([this] { run(); });
}

CommitDropProxy::~CommitDropProxy() {
    if (m_thread.joinable()) {
        const char stop = 's';
        (void)::write(m_wake[1], &stop, 1);
        m_thread.join();
    }
    for (int fd : {m_listen, m_wake[0], m_wake[1]})
        if (fd >= 0)
            ::close(fd);
}

void CommitDropProxy::run() {
    std::vector<Pair> pairs;
    const auto closePair = [](Pair& p) {
        ::close(p.client);
        ::close(p.server);
        p.client = p.server = -1;
    };
    for (;;) {
        std::vector<pollfd> fds{{m_wake[0], POLLIN, 0}, {m_listen, POLLIN, 0}};
        for (const Pair& p : pairs) {
            fds.push_back({p.client, POLLIN, 0});
            fds.push_back({p.server, POLLIN, 0});
        }
        if (::poll(fds.data(), fds.size(), 1000) < 0)
            continue;
        if (fds[0].revents)
            break;
        if (fds[1].revents & POLLIN) {
            const int client = ::accept(m_listen, nullptr, nullptr);
            if (client >= 0) {
                if (m_refuseAfterDrop && m_drops.load() > 0) {
                    ++m_refused;
                    ::close(client);
                } else if (const int server = connectTo(m_serverPort); server >= 0) {
                    ++m_accepted;
                    pairs.push_back(Pair{client, server, {}, false});
                } else {
                    ::close(client);
                }
            }
        }
        char buffer[65536];
        for (size_t i = 0; i < pairs.size() && 2 + 2 * i + 1 < fds.size(); ++i) {
            Pair& p = pairs[i];
            const pollfd& fromClient = fds[2 + 2 * i];
            const pollfd& fromServer = fds[2 + 2 * i + 1];
            if (p.client >= 0 && fromClient.revents) {
                const ssize_t n = ::recv(p.client, buffer, sizeof buffer, 0);
                if (n <= 0 || !sendAll(p.server, buffer, n)) {
                    closePair(p);
                    continue;
                }
                if (m_armed) {
                    p.tail += QByteArray(buffer, qsizetype(n));
                    if (p.tail.contains(kCommit)) {
                        m_armed = false;
                        p.dropping = true;
                    }
                    p.tail = p.tail.right(kCommit.size());
                }
            }
            if (p.client >= 0 && fromServer.revents) {
                const ssize_t n = ::recv(p.server, buffer, sizeof buffer, 0);
                if (p.dropping && n > 0)
                    ++m_drops; // the server answered the COMMIT: that answer is what gets lost
                if (n <= 0 || p.dropping || !sendAll(p.client, buffer, n))
                    closePair(p);
            }
        }
        pairs.erase(std::remove_if(pairs.begin(), pairs.end(), [](const Pair& p) { return p.client < 0; }),
                    pairs.end());
    }
    for (Pair& p : pairs)
        closePair(p);
}

} // namespace pgdesk::test
