// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/base/errors.h>
#include <pgdesk/ui/common/errorlog.h>

#include <QCoreApplication>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThreadPool>

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
// Sends the token's cancel (a PQcancel round trip) from a thread of the cancel pool: never on the GUI thread,
// never queued behind busy jobs. A null token does nothing. Every cancel in the UI goes this way.
void cancelInBackground(std::shared_ptr<core::CancelToken> token);
// The one cancel path for what is not a CancelToken (a query tool's session): `cancel` runs off the GUI
// thread, as the token's does. It must not close a connection: hand the last reference to
// closeInBackground().
void cancelInBackground(std::function<void()> cancel);

// The failure an exception from work describes.
BackgroundFailure backgroundFailure(const std::exception& e);

// The bounded pool every background job runs on (kMaxJobThreads threads, idle ones expire): scrolling
// through a million rows or opening many tabs never starts a thread per request. The application object's
// destructor waits up to 5 s for jobs still running.
inline constexpr int kMaxJobThreads = 8;
QThreadPool& jobPool();

namespace detail {
void startJob(std::function<void()> job);
} // namespace detail

// Lets go of `last` on a job-pool worker: when it is the last reference, the object's destructor (closing a
// connection: PQfinish) runs there, never on the GUI thread, and the application waits for it at exit.
// Any thread.
template <class T> void closeInBackground(std::shared_ptr<T> last) {
    if (last)
        detail::startJob([last = std::move(last)]() mutable { last.reset(); });
}

// Runs `fn` on the GUI thread unless `guard`'s object is gone by then; any thread. Posted to the application
// object, never to the guarded one: the GUI thread may delete it between a check here and the post, and an
// event queued for a freed receiver crashes the event loop. The guard is read only on the GUI thread, where
// its object lives and dies. Nothing runs once the application object is gone.
template <class Fn> void postToGuiThread(QPointer<QObject> guard, Fn fn) {
    QCoreApplication* app = QCoreApplication::instance();
    if (!app)
        return;
    QMetaObject::invokeMethod(
        app,
        [guard = std::move(guard), fn = std::move(fn)]() mutable {
            if (guard)
                fn();
        },
        Qt::QueuedConnection);
}

// Runs `work` on the job pool (database, keychain, disk) and delivers its plain-value result to `done`, or
// the failure to `failed`, on the GUI thread, where `context` must live. Nothing is delivered once `context`
// is gone. `failed` takes either the error text (const QString&) or a BackgroundFailure. A job that one owner
// may supersede or cancel belongs in a JobSlot (jobslot.h), which drops stale replies itself.
template <class Work, class Done, class Failed>
void runInBackground(QObject* context, Work work, Done done, Failed failed) {
    QPointer<QObject> guard(context);
    // Shared, so the callable std::function needs stays copyable whatever the job captures.
    auto job = std::make_shared<std::function<void()>>();
    *job = [guard, work = std::move(work), done = std::move(done), failed = std::move(failed)]() mutable {
        auto post = [guard](auto fn) { postToGuiThread(guard, std::move(fn)); };
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
    };
    detail::startJob([job] {
        (*job)();
        *job = nullptr; // the captures go on the pool thread, as they would with the job's own thread
    });
}

} // namespace pgdesk::ui
