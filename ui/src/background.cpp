#include <pgdesk/ui/background.h>

#include <pgdesk/core/canceltoken.h>
#include <pgdesk/core/errors.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QSet>
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

namespace detail {

namespace {

struct Workers {
    std::mutex mutex;
    QSet<QThread*> alive; // adopted and not yet deleted
    bool routineAdded = false;
};

Workers& workers() {
    static Workers w;
    return w;
}

// A post routine of the application object (run by its destructor).
void deleteWorkersLeft() {
    QSet<QThread*> left;
    {
        std::lock_guard lock(workers().mutex);
        left.swap(workers().alive);
        workers().routineAdded = false; // the next application object needs its own
    }
    for (QThread* worker : std::as_const(left)) {
        if (worker->wait(QDeadlineTimer(5000)))
            delete worker; // finished; its deleteLater came too late for the event loop
    }
}

} // namespace

void adoptWorker(QThread* worker) {
    {
        std::lock_guard lock(workers().mutex);
        workers().alive.insert(worker);
        if (!workers().routineAdded) {
            workers().routineAdded = true;
            qAddPostRoutine(deleteWorkersLeft);
        }
    }
    QObject::connect(worker, &QObject::destroyed, [worker] {
        std::lock_guard lock(workers().mutex);
        workers().alive.remove(worker);
    });
    QObject::connect(worker, &QThread::finished, worker, &QObject::deleteLater);
}

} // namespace detail

} // namespace pgdesk::ui
