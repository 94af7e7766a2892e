// SPDX-License-Identifier: GPL-3.0-or-later
#include "interrupt.h"
#include "exitcodes.h"

#include <atomic>
#include <mutex>
#include <thread>

#include <csignal>
#include <cstdio>
#include <pthread.h>
#include <unistd.h>

namespace pgdesk::cli {

namespace {

std::mutex g_mutex;
std::atomic<bool> g_interrupted{false};
core::CancelHandle g_target;
std::function<void()> g_action;
// Held while the action runs, and by ~InterruptAction: what the action refers to outlives its run.
std::mutex g_actionMutex;

void waitForSignals(sigset_t set) {
    for (int received = 1;; ++received) {
        int signal = 0;
        if (sigwait(&set, &signal) != 0)
            return;
        g_interrupted = true; // before any cancel, so the error it causes is seen as the user's
        core::CancelHandle target;
        {
            std::lock_guard lock(g_mutex);
            target = g_target;
        }
        // A running statement (or an action's work) is cancelled and the command exits 130 through its
        // normal error path; otherwise there is nothing to wait for.
        // A second interrupt means the first did not end it (e.g. it came between statements): stop now.
        if (received == 1) {
            std::lock_guard running(g_actionMutex);
            if (g_action) {
                try {
                    g_action();
                } catch (...) { // nothing may escape this thread
                }
                continue;
            }
        }
        if (received > 1 || !target.isValid() || !target.cancel()) {
            std::fputs("pgdesk-cli: cancelled\n", stderr);
            _exit(ExitCancelled);
        }
    }
}

} // namespace

void installInterruptHandler() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, nullptr); // inherited by every thread started later
    std::thread(waitForSignals, set).detach();
}

bool interruptRequested() {
    return g_interrupted;
}

void setInterruptTarget(const core::CancelHandle& handle) {
    std::lock_guard lock(g_mutex);
    g_target = handle;
}

void clearInterruptTarget() {
    std::lock_guard lock(g_mutex);
    g_target = {};
}

InterruptAction::InterruptAction(std::function<void()> cancel) {
    std::lock_guard lock(g_actionMutex);
    g_action = std::move(cancel);
}

InterruptAction::~InterruptAction() {
    std::lock_guard lock(g_actionMutex); // waits for a run in progress
    g_action = {};
}

} // namespace pgdesk::cli
