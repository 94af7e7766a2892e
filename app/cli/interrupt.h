// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/session/connection.h>

#include <functional>

namespace pgdesk::cli {

// Ctrl-C (SIGINT) and SIGTERM cancel the statement that is running (PQcancel), so the command fails
// with QueryCanceled and exits 130 (see interruptRequested()); with nothing running the process exits 130 at
// once. The signals are taken by a sigwait() thread, so no work happens inside a signal handler. Must be
// called before any other thread starts.
void installInterruptHandler();

// Whether the user interrupted (SIGINT/SIGTERM) this process: a cancelled statement is then the user's
// doing (exit 130), not a statement timeout or another session's pg_cancel_backend() (SQL errors).
bool interruptRequested();

// The connection whose statement an interrupt should cancel (replaces the previous one).
void setInterruptTarget(const core::CancelHandle& handle);
void clearInterruptTarget();

// While it lives, the first interrupt also runs `cancel` (on the signal thread: it must be thread-safe),
// for work that is not a statement on the server, e.g. ExportWriter::cancel() while a workbook is zipped.
class InterruptAction final {
public:
    explicit InterruptAction(std::function<void()> cancel);
    ~InterruptAction();
    InterruptAction(const InterruptAction&) = delete;
    InterruptAction& operator=(const InterruptAction&) = delete;
};

} // namespace pgdesk::cli
