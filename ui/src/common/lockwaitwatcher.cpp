// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/lockwaitwatcher.h"

#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/jobslot.h>

namespace pgdesk::ui {

LockWaitWatcher::LockWaitWatcher(std::shared_ptr<core::Pool> pool, QObject* parent)
    : QObject(parent)
    , m_pool(std::move(pool))
    , m_ask(new JobSlot(this)) {
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &LockWaitWatcher::poll);
}

void LockWaitWatcher::start(std::function<int()> pidSource) {
    m_pidSource = std::move(pidSource);
    m_ask->abandon();
    setText({});
    m_timer.start();
}

void LockWaitWatcher::stop() {
    m_ask->abandon();
    m_timer.stop();
    m_pidSource = {};
    setText({});
}

void LockWaitWatcher::poll() {
    if (m_ask->isRunning() || !m_pidSource || !m_pool)
        return;
    const int pid = m_pidSource();
    if (pid == 0)
        return;
    m_ask->start(
        [pool = m_pool, pid](const std::shared_ptr<core::CancelToken>&) {
            core::PooledConnection connection = pool->acquire();
            return core::lockBlockers(*connection, pid);
        },
        [this](const QList<core::LockBlocker>& blockers) { setText(describe(blockers)); },
        [](const BackgroundFailure&) {}); // not knowing what it waits for is no reason to stop the work
}

QString LockWaitWatcher::describe(const QList<core::LockBlocker>& blockers) {
    if (blockers.isEmpty())
        return {};
    const core::LockBlocker& first = blockers.first();
    QString query = first.query.simplified();
    if (query.size() > 120)
        query = query.left(120) + QChar(0x2026);
    QString who = first.user;
    if (first.state == QLatin1String("idle in transaction") && first.transactionSeconds >= 0)
        who = tr("%1, idle in transaction for %2 s").arg(first.user).arg(first.transactionSeconds);
    else if (!first.state.isEmpty())
        who = tr("%1, %2").arg(first.user, first.state);
    QString text = tr("waiting for a lock held by PID %1 (%2)").arg(first.pid).arg(who);
    if (!query.isEmpty())
        text += QStringLiteral(": ") + query;
    if (blockers.size() > 1)
        text += QLatin1Char(' ') + tr("and %n more session(s)", nullptr, int(blockers.size() - 1));
    return text;
}

void LockWaitWatcher::setText(const QString& text) {
    if (text == m_text)
        return;
    m_text = text;
    emit changed(m_text);
}

void LockWaitWatcher::rethrowNamingHolders(const core::QueryError& e,
                                           const QList<core::LockBlocker>& holders) {
    if (holders.isEmpty())
        throw; // called from the handler of `e`: rethrown as caught, its own type kept
    core::ErrorInfo info = e.info();
    info.message = describe(holders);
    core::throwError(std::move(info));
}

} // namespace pgdesk::ui
