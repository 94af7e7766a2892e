// SPDX-License-Identifier: GPL-3.0-or-later
// A TCP proxy that holds every chunk for a fixed delay in each direction: a stand-in for netem (which
// this kernel lacks), so `make bench` can show what round trips cost over a real network link.
//
//   pgdesk-delayproxy LISTEN_PORT UPSTREAM_HOST UPSTREAM_PORT DELAY_MICROSECONDS
//
// Chunks keep their order and are released at (arrival + delay), so latency is added without
// limiting throughput. One pair of threads per direction and connection; plain POSIX, no Qt.
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Chunk {
    Clock::time_point due;
    std::vector<char> data; // empty: the sender closed
};

// Reads from `from`, queues each chunk with its release time; a second thread writes them to `to`.
void pump(int from, int to, std::chrono::microseconds delay) {
    std::mutex mutex;
    std::condition_variable ready;
    std::deque<Chunk> queue;
    std::thread writer([&] {
        for (;;) {
            Chunk chunk;
            {
                std::unique_lock lock(mutex);
                ready.wait(lock, [&] { return !queue.empty(); });
                chunk = std::move(queue.front());
                queue.pop_front();
            }
            std::this_thread::sleep_until(chunk.due);
            if (chunk.data.empty()) {
                shutdown(to, SHUT_WR);
                return;
            }
            size_t sent = 0;
            while (sent < chunk.data.size()) {
                const ssize_t n = send(to, chunk.data.data() + sent, chunk.data.size() - sent, MSG_NOSIGNAL);
                if (n <= 0) {
                    shutdown(from, SHUT_RD);
                    return;
                }
                sent += size_t(n);
            }
        }
    });
    std::vector<char> buffer(1 << 16);
    for (;;) {
        const ssize_t n = recv(from, buffer.data(), buffer.size(), 0);
        Chunk chunk{Clock::now() + delay, {}};
        if (n > 0)
            chunk.data.assign(buffer.begin(), buffer.begin() + n);
        {
            std::lock_guard lock(mutex);
            queue.push_back(std::move(chunk));
        }
        ready.notify_one();
        if (n <= 0)
            break;
    }
    writer.join();
}

int connectUpstream(const char* host, const char* port) {
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* result = nullptr;
    if (getaddrinfo(host, port, &hints, &result) != 0)
        return -1;
    int fd = -1;
    for (addrinfo* a = result; a && fd < 0; a = a->ai_next) {
        fd = socket(a->ai_family, a->ai_socktype, a->ai_protocol);
        if (fd >= 0 && connect(fd, a->ai_addr, a->ai_addrlen) != 0) {
            close(fd);
            fd = -1;
        }
    }
    freeaddrinfo(result);
    return fd;
}

void noDelay(int fd) {
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: %s LISTEN_PORT UPSTREAM_HOST UPSTREAM_PORT DELAY_MICROSECONDS\n",
                     argv[0]);
        return 2;
    }
    const int listenPort = std::atoi(argv[1]);
    const std::chrono::microseconds delay(std::atol(argv[4]));
    const int server = socket(AF_INET, SOCK_STREAM, 0);
    const int one = 1;
    setsockopt(server, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(uint16_t(listenPort));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(server, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || listen(server, 64) != 0) {
        std::perror("delayproxy: listen");
        return 1;
    }
    std::fprintf(stderr, "delayproxy: 127.0.0.1:%d -> %s:%s, +%ld us each way\n", listenPort, argv[2],
                 argv[3], long(delay.count()));
    for (;;) {
        const int client = accept(server, nullptr, nullptr);
        if (client < 0)
            continue;
        const int upstream = connectUpstream(argv[2], argv[3]);
        if (upstream < 0) {
            close(client);
            continue;
        }
        noDelay(client);
        noDelay(upstream);
        std::thread([client, upstream, delay] {
            std::thread back([&] { pump(upstream, client, delay); });
            pump(client, upstream, delay);
            back.join();
            close(client);
            close(upstream);
        }).detach();
    }
}
