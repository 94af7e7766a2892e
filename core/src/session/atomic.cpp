// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/session/atomic.h>

#include <algorithm>
#include <random>
#include <thread>

namespace pgdesk::core::detail {

std::chrono::milliseconds atomicBackoff(const AtomicOptions& options, int failedAttempts) {
    using std::chrono::milliseconds;
    const long long base = std::max<long long>(0, options.baseDelay.count());
    const long long cap = std::max<long long>(0, options.maxDelay.count());
    // Doubling stops once the cap is reached, so it cannot overflow.
    long long delay = base;
    for (int i = 1; i < failedAttempts && delay < cap; ++i)
        delay *= 2;
    delay = std::min(delay, cap);
    if (delay <= 1)
        return milliseconds(delay);
    thread_local std::mt19937_64 random{std::random_device{}()};
    std::uniform_int_distribution<long long> jitter(delay / 2, delay);
    return milliseconds(jitter(random));
}

void sleepFor(std::chrono::milliseconds delay) {
    if (delay.count() > 0)
        std::this_thread::sleep_for(delay);
}

} // namespace pgdesk::core::detail
