// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/session/canceltoken.h>
#include <pgdesk/ui/common/background.h>

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <type_traits>
#include <utility>

namespace pgdesk::ui {

// One kind of background job of one owner: "the page load of this tab", "its exact count", "the preview of
// this dialog". start() supersedes the job still running (its CancelToken is cancelled, which sends
// PQcancel to the statement it runs, and its reply is dropped), runs the new one on the bounded job pool
// (runInBackground's), and delivers its result to `done` or its failure, with the whole core::ErrorInfo
// (kind, SQLSTATE, detail, hint; connection lost), to `failed`, on the owner's thread. So no call site keeps
// a generation counter or a cancel struct of its own.
//
// `work` runs on a pool thread with the job's token: `work(const std::shared_ptr<core::CancelToken>&)`, and
// attaches each connection it uses while it uses it (core::CancelToken::Scope), so a cancel reaches exactly
// that statement and never what the pooled connection runs later. `done` gets the returned plain value,
// `failed` a BackgroundFailure. Nothing is delivered once the slot (a child of its owner) is gone.
//
// A job that shows something before it ends (progress, or the first part of its result) takes a Report too:
// `work(token, report)`. `report(fn)` from the worker runs `fn` on the owner's thread, before `done`, while
// the job is still the slot's running one: a report of a job superseded, abandoned or finished is dropped,
// so the owner keeps no generation counter or guard of its own for it either.
class JobSlot final : public QObject {
    Q_OBJECT
public:
    using Report = std::function<void(std::function<void()>)>;

    explicit JobSlot(QObject* owner);
    ~JobSlot() override;

    template <class Work, class Done, class Failed> quint64 start(Work work, Done done, Failed failed) {
        abandon();
        const quint64 id = ++m_id;
        auto token = std::make_shared<core::CancelToken>();
        m_token = token;
        QPointer<JobSlot> self(this);
        Report report = [guard = QPointer<QObject>(this), self, id](std::function<void()> fn) {
            postToGuiThread(guard, [self, id, fn = std::move(fn)] {
                if (self && self->isRunning() && self->m_id == id)
                    fn();
            });
        };
        runInBackground(
            this,
            [token, report = std::move(report), work = std::move(work)]() mutable {
                if constexpr (std::is_invocable_v<Work&, const std::shared_ptr<core::CancelToken>&,
                                                  const Report&>)
                    return work(token, report);
                else
                    return work(token);
            },
            [self, id, done = std::move(done)](auto result) mutable {
                if (!self || !self->finish(id))
                    return;
                done(std::move(result));
                if (self)
                    self->settled();
            },
            [self, id, failed = std::move(failed)](const BackgroundFailure& failure) {
                if (!self || !self->finish(id))
                    return;
                failed(failure);
                if (self)
                    self->settled();
            });
        emit runningChanged(true);
        return id;
    }

    // Cancels the running job and keeps waiting for its outcome: `failed` then gets QueryCanceled (or `done`
    // the result, when the job finished before the cancel reached it). For a user's Cancel button.
    void cancel();
    // Cancels the running job and drops its reply: neither callback runs. For a request that replaces it.
    void abandon();
    bool isRunning() const { return m_token != nullptr; }
    // The id start() returned for the running (or the last) job.
    quint64 currentId() const { return m_id; }
    // The server process the running job's statement runs on (0 when none): what it waits for can be asked.
    int backendPid() const;

signals:
    void runningChanged(bool running);

private:
    // True (and the slot idle again) when `id` is still the job whose reply is wanted.
    bool finish(quint64 id);
    // After the reply's callback, which may have started the next job: runningChanged(false) unless it did.
    void settled();

    quint64 m_id = 0;
    std::shared_ptr<core::CancelToken> m_token;
};

// The JobSlot named `name` among `owner`'s children, made on first use: for an owner with one kind of job
// that keeps no member for it (a menu's counts, a dialog's check).
JobSlot* jobSlot(QObject* owner, const QString& name);

} // namespace pgdesk::ui
