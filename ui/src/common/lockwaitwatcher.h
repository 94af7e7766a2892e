// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/lockwait.h>

#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>

namespace pgdesk::core {
class Pool;
}

namespace pgdesk::ui {

class JobSlot;

// Tells what a running statement waits for. While started, it asks every second, on a worker with a pooled
// connection of its own, which sessions block the server process that pidSource() names (0: none yet) and
// reports them as one line for people ("waiting for a lock held by PID 4711 (alice, idle in transaction
// for 42 s): ALTER TABLE …"), or an empty line when nothing blocks it. One question at a time; answers that
// arrive after stop() are dropped.
class LockWaitWatcher final : public QObject {
    Q_OBJECT
public:
    LockWaitWatcher(std::shared_ptr<core::Pool> pool, QObject* parent);

    void start(std::function<int()> pidSource);
    void stop();
    bool isRunning() const { return m_timer.isActive(); }
    const QString& text() const { return m_text; }

    // The line for people, empty when `blockers` is.
    static QString describe(const QList<core::LockBlocker>& blockers);
    // Rethrows a catalog read's lock timeout with describe()'s line as its message (the same words as the
    // tree, the structure page and a waiting apply show); `e` as it is when no holder was found. Call it
    // only inside the handler that caught `e`.
    [[noreturn]] static void rethrowNamingHolders(const core::QueryError& e,
                                                  const QList<core::LockBlocker>& holders);

signals:
    void changed(const QString& text);

private:
    void poll();
    void setText(const QString& text);

    std::shared_ptr<core::Pool> m_pool;
    JobSlot* m_ask = nullptr; // the question being asked; start() and stop() drop its answer
    std::function<int()> m_pidSource;
    QTimer m_timer;
    QString m_text;
};

} // namespace pgdesk::ui
