#pragma once

#include <pgdesk/core/errors.h>
#include <pgdesk/ui/errorlog.h>

#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>

#include <exception>
#include <functional>
#include <memory>
#include <type_traits>
#include <utility>

namespace pgdesk::core {
class CancelToken;
}

namespace pgdesk::ui {

// The text people see for an exception from core (the mapped message with SQLSTATE when there is one).
QString errorText(const std::exception& e);
// Whether the exception says the connection to the server is gone (core ConnectionError, not a pool
// timeout or a failed login): the UI then offers Reconnect.
bool isConnectionLost(const std::exception& e);

// What a `failed` callback that wants more than the text receives.
struct BackgroundFailure {
    QString message;
    bool connectionLost = false;
    core::ErrorInfo error; // kind, SQLSTATE, field …: tells a cancel from a conflict without reading words
};
// Sends the token's cancel (a PQcancel round trip) from a pool thread: never on the GUI thread. A null token
// does nothing.
void cancelInBackground(std::shared_ptr<core::CancelToken> token);

// The failure an exception from work describes.
BackgroundFailure backgroundFailure(const std::exception& e);

namespace detail {
// Deletes the worker once it has finished (deleteLater on the GUI thread) and keeps track of it until then:
// when the application object goes away first (an in-flight job at exit), its destructor waits up to 5 s
// for the workers still alive and deletes them, instead of leaking them.
void adoptWorker(QThread* worker);
} // namespace detail

// Runs `work` on a new worker thread (database, keychain, disk) and delivers its plain-value result
// to `done`, or the error text to `failed`, on `context`'s (GUI) thread. Nothing is delivered once
// `context` is gone. Callers drop stale replies with their own generation counter. `failed` takes either
// the error text (const QString&) or a BackgroundFailure.
template <class Work, class Done, class Failed>
void runInBackground(QObject* context, Work work, Done done, Failed failed) {
    QPointer<QObject> guard(context);
    QThread* worker = QThread::create([guard, work = std::move(work), done = std::move(done),
                                       failed = std::move(failed)]() mutable {
        auto post = [guard](auto fn) {
            QObject* target = guard.data();
            if (!target)
                return;
            QMetaObject::invokeMethod(
                target,
                [guard, fn = std::move(fn)]() mutable {
                    if (guard)
                        fn();
                },
                Qt::QueuedConnection);
        };
        try {
            auto result = work();
            post([done = std::move(done), result = std::move(result)]() mutable { done(std::move(result)); });
        } catch (const std::exception& e) {
            BackgroundFailure failure = backgroundFailure(e);
            post([failed, failure] {
                ErrorLog::instance().record(failure.message); // for Help ▸ Copy diagnostics
                if constexpr (std::is_invocable_v<Failed, const QString&>)
                    failed(failure.message);
                else
                    failed(failure);
            });
        }
    });
    detail::adoptWorker(worker);
    worker->start();
}

} // namespace pgdesk::ui
