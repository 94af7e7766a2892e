// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/common/background.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/canceltoken.h>

#include <QCoreApplication>
#include <QThreadPool>

#include <mutex>
#include <utility>
#include <vector>

namespace pgdesk::ui {

QString errorText(const std::exception& e) {
    if (const auto* error = dynamic_cast<const core::Error*>(&e))
        return error->displayText();
    return QString::fromUtf8(e.what());
}

bool isConnectionLost(const std::exception& e) {
    const auto* error = dynamic_cast<const core::Error*>(&e);
    return error && error->kind() == core::ErrorKind::Connection;
}

void cancelInBackground(std::shared_ptr<core::CancelToken> token) {
    if (token)
        cancelInBackground([token = std::move(token)] { token->cancel(); });
}

namespace {
std::mutex cancelMutex;
QThreadPool* cancels = nullptr; // created on first use; waited for (briefly) by the application's destructor

// Cancels run on a pool of their own: on the job pool (or Qt's global one) a cancel would queue behind the
// very jobs it is meant to stop when every thread is busy. A cancel is one short round trip, so a few
// threads serve many; the cap only bounds cancels stuck on an unreachable server.
QThreadPool& cancelPool() {
    std::lock_guard lock(cancelMutex);
    if (!cancels) {
        cancels = new QThreadPool;
        cancels->setObjectName(QStringLiteral("pgdesk-cancels"));
        cancels->setMaxThreadCount(16);
        cancels->setExpiryTimeout(5000);
    }
    return *cancels;
}
} // namespace

void cancelInBackground(std::function<void()> cancel) {
    if (!cancel)
        return;
    detail::startJob({}); // makes sure the application's destructor waits for cancels too
    cancelPool().start(std::move(cancel));
}

BackgroundFailure backgroundFailure(const std::exception& e) {
    BackgroundFailure failure{errorText(e), isConnectionLost(e), {}};
    if (const auto* error = dynamic_cast<const core::Error*>(&e))
        failure.error = error->info();
    else
        failure.error.message = failure.message;
    return failure;
}

namespace {
std::mutex poolMutex;
QThreadPool* pool = nullptr; // created on first use; ended by the application object's destructor
} // namespace

QThreadPool& jobPool() {
    std::lock_guard lock(poolMutex);
    if (!pool) {
        pool = new QThreadPool;
        pool->setObjectName(QStringLiteral("pgdesk-jobs"));
        pool->setMaxThreadCount(kMaxJobThreads);
        pool->setExpiryTimeout(30000);
    }
    return *pool;
}

namespace detail {

namespace {
std::mutex routineMutex;
bool routineAdded = false;

// A post routine of the application object (run by its destructor): jobs still running get 5 s to end
// (their replies are no longer delivered).
void waitForJobs() {
    {
        std::lock_guard lock(routineMutex);
        routineAdded = false; // the next application object needs its own
    }
    // Cancels first: one may hand a session's last reference on to the job pool.
    {
        std::lock_guard lock(cancelMutex);
        if (cancels)
            cancels->waitForDone(2000);
    }
    QThreadPool* ending = nullptr;
    {
        std::lock_guard lock(poolMutex);
        ending = std::exchange(pool, nullptr);
    }
    if (!ending)
        return;
    // Done in time: deleting the pool joins its threads, whose thread-local state (libpq's and OpenSSL's)
    // goes with them. A job still blocked (a lock that never comes) keeps its pool: never waited for by a
    // static destructor.
    if (ending->waitForDone(5000)) {
        delete ending;
        return;
    }
    static std::vector<QThreadPool*> stillBusy; // reachable, not leaked
    stillBusy.push_back(ending);
}
} // namespace

void startJob(std::function<void()> job) {
    {
        std::lock_guard lock(routineMutex);
        if (!routineAdded) {
            routineAdded = true;
            qAddPostRoutine(waitForJobs);
        }
    }
    if (job)
        jobPool().start(std::move(job));
}

} // namespace detail

} // namespace pgdesk::ui
