// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/session/transaction.h>
#include <pgdesk/core/session/writeunlock.h>

#include <chrono>
#include <functional>
#include <optional>
#include <type_traits>
#include <utility>

namespace pgdesk::core {

struct AtomicOptions {
    int maxAttempts = 5; // attempts in all, including the first (values below 1 count as 1)
    std::chrono::milliseconds baseDelay{20};
    std::chrono::milliseconds maxDelay{1000};
    std::optional<TransactionOptions> transaction; // default: transactionOptionsFor(pool.profile())
    WriteAccess write; // a production profile's key (writeunlock.h); empty: the server refuses writes there
};

namespace detail {
// Backoff before attempt `failedAttempts + 1`: min(maxDelay, baseDelay * 2^(failedAttempts-1)), of which a
// random half is kept ("equal jitter"), so that colliding transactions spread out instead of colliding again.
std::chrono::milliseconds atomicBackoff(const AtomicOptions& options, int failedAttempts);
void sleepFor(std::chrono::milliseconds delay);
} // namespace detail

// Runs fn(Transaction&) in one transaction on a pooled connection and commits. Any exception rolls back
// and propagates. SerializationFailure and DeadlockDetected (also when thrown by COMMIT) retry the whole
// fn, on a fresh checkout, after a jittered exponential backoff, up to maxAttempts; then the last error is
// rethrown. fn must therefore be safe to run again (keep side effects outside the database idempotent).
// A ConnectionError invalidates the pooled connection, so the pool replaces it. Returns fn's result.
template <class Fn>
auto atomic(Pool& pool, Fn&& fn, AtomicOptions options = {}) -> std::invoke_result_t<Fn&, Transaction&> {
    using R = std::invoke_result_t<Fn&, Transaction&>;
    const TransactionOptions transactionOptions =
        options.transaction.value_or(transactionOptionsFor(pool.profile()));
    for (int attempt = 1;; ++attempt) {
        {
            PooledConnection pooled = pool.acquire();
            try {
                const WriteScope unlocked(*pooled, options.write);
                Transaction transaction(*pooled, transactionOptions);
                if constexpr (std::is_void_v<R>) {
                    std::invoke(fn, transaction);
                    transaction.commit();
                    return;
                } else {
                    R result = std::invoke(fn, transaction);
                    transaction.commit();
                    return result;
                }
            } catch (const SerializationFailure&) { // DeadlockDetected included
                if (attempt >= options.maxAttempts)
                    throw;
            } catch (const ConnectionError&) {
                pooled.invalidate();
                throw;
            }
        } // the connection goes back before sleeping
        detail::sleepFor(detail::atomicBackoff(options, attempt));
    }
}

} // namespace pgdesk::core
