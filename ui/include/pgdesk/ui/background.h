#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>

#include <exception>
#include <functional>
#include <utility>

namespace pgdesk::ui {

// The text people see for an exception from core (the mapped message with SQLSTATE when there is one).
QString errorText(const std::exception& e);

// Runs `work` on a new worker thread (database, keychain, disk) and delivers its plain-value result
// to `done`, or the error text to `failed`, on `context`'s (GUI) thread. Nothing is delivered once
// `context` is gone. Callers drop stale replies with their own generation counter.
template <class Work, class Done>
void runInBackground(QObject* context, Work work, Done done, std::function<void(const QString&)> failed) {
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
            const QString message = errorText(e);
            post([failed, message] { failed(message); });
        }
    });
    QObject::connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
}

} // namespace pgdesk::ui
