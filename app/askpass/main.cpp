// SPDX-License-Identifier: GPL-3.0-or-later
// pgdesk-askpass: the SSH_ASKPASS program PgDesk gives ssh. It asks the PgDesk process that started ssh,
// over the Unix socket named by PGDESK_ASKPASS_SOCKET (in that process's private 0700 folder), and
// prints the answer for ssh. The secret never appears on a command line, in the environment or in a
// file. Exit 1 when the question was cancelled or refused.
#include <pgdesk/core/base/writeall.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using pgdesk::core::writeAll;

int main(int argc, char** argv) {
    const char* path = std::getenv("PGDESK_ASKPASS_SOCKET");
    if (!path || std::strlen(path) >= sizeof(sockaddr_un::sun_path))
        return 2;
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strcpy(address.sun_path, path);
    if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
        return 2;
    const std::string prompt = argc > 1 ? argv[1] : "";
    if (!writeAll(fd, prompt.data(), prompt.size()) || ::shutdown(fd, SHUT_WR) != 0)
        return 2;
    std::string reply;
    char buffer[1024];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        reply.append(buffer, size_t(n));
    }
    ::close(fd);
    if (reply.empty() || reply[0] != '1')
        return 1;
    reply.erase(0, 1);
    reply += '\n';
    const bool written = writeAll(STDOUT_FILENO, reply.data(), reply.size());
    std::fill(reply.begin(), reply.end(), '\0');
    return written ? 0 : 2;
}
