#include <pgdesk/ui/background.h>

#include <pgdesk/core/canceltoken.h>
#include <pgdesk/core/errors.h>

#include <QCoreApplication>
#include <QThreadPool>

#include <mutex>

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
        QThreadPool::globalInstance()->start([token = std::move(token)] { token->cancel(); });
}

BackgroundFailure backgroundFailure(const std::exception& e) {
    BackgroundFailure failure{errorText(e), isConnectionLost(e), {}};
    if (const auto* error = dynamic_cast<const core::Error*>(&e))
        failure.error = error->info();
    else
        failure.error.message = failure.message;
    return failure;
}

QThreadPool& jobPool() {
    // Never deleted: a job still blocked at exit must not be waited for by a static destructor.
    static QThreadPool* pool = [] {
        auto* p = new QThreadPool;
        p->setObjectName(QStringLiteral("pgdesk-jobs"));
        p->setMaxThreadCount(kMaxJobThreads);
        p->setExpiryTimeout(30000);
        return p;
    }();
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
    jobPool().waitForDone(5000);
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
    jobPool().start(std::move(job));
}

} // namespace detail

} // namespace pgdesk::ui
