// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Plain POSIX, no Qt: also built into pgdesk-askpass.

#include <cerrno>
#include <cstddef>
#include <unistd.h>

namespace pgdesk::core {

// Writes all `size` bytes to `fd`, again after a signal interrupted the write; false when the descriptor
// takes no more (closed pipe, full disk).
inline bool writeAll(int fd, const char* data, size_t size) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        size -= size_t(n);
    }
    return true;
}

} // namespace pgdesk::core
