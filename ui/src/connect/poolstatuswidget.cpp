// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/connect/poolstatuswidget.h>

#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/session/sessionpools.h>

#include <QTimer>

namespace pgdesk::ui {

PoolStatusWidget::PoolStatusWidget(QWidget* parent)
    : QLabel(parent)
    , m_timer(new QTimer(this)) {
    setObjectName(QStringLiteral("poolStatus"));
    setAccessibleName(tr("Connection pool"));
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &PoolStatusWidget::refresh);
    setVisible(false);
}

void PoolStatusWidget::setPool(std::shared_ptr<core::Pool> pool) {
    m_owned = pool ? core::SessionPools::create(pool, pool->profile().database) : nullptr;
    setPools(m_owned);
}

void PoolStatusWidget::setPools(std::shared_ptr<core::SessionPools> pools) {
    if (pools != m_owned)
        m_owned.reset();
    m_pools = pools;
    setVisible(pools != nullptr);
    if (pools)
        m_timer->start();
    else
        m_timer->stop();
    refresh();
}

namespace {

QString limitText(const core::PoolStats& s) {
    return s.maxOverflow < 0 ? QStringLiteral("∞") : QString::number(s.size + s.maxOverflow);
}

} // namespace

void PoolStatusWidget::refresh() {
    const auto pools = m_pools.lock();
    if (!pools) {
        clear();
        return;
    }
    const auto all = pools->pools();
    const core::PoolStats s = all.first().second->stats();
    QString text = tr("Pool %1/%2 in use · %3 idle").arg(s.checkedOut).arg(limitText(s)).arg(s.idle);
    if (s.timeouts > 0)
        text += tr(" · %1 timeouts").arg(s.timeouts);
    if (all.size() > 1)
        text += tr(" · %n more database(s)", nullptr, int(all.size() - 1));
    // Every pool of the session shares the primary's tunnel (same SSH settings and server).
    const auto tunnel = all.first().second->tunnel();
    core::SshTunnelStatus ssh;
    if (tunnel) {
        ssh = tunnel->status();
        switch (ssh.state) {
        case core::SshTunnelState::Up:
            text += tr(" · SSH up");
            break;
        case core::SshTunnelState::Starting:
            text += tr(" · SSH starting");
            break;
        case core::SshTunnelState::Down:
            text += tr(" · SSH down");
            break;
        case core::SshTunnelState::Stopped:
            text += tr(" · SSH not started");
            break;
        }
    }
    setProperty("sshState", tunnel ? core::sshTunnelStateName(ssh.state) : QString());
    setText(text);
    QString tip = tr("Pool size %1, overflow %2 (%3 in use)\nOpen %4, idle %5, checked out %6\n"
                     "Checkouts %7, waits %8, timeouts %9\nRecycled %10, discarded as dead %11")
                      .arg(s.size)
                      .arg(s.maxOverflow)
                      .arg(s.overflowInUse)
                      .arg(s.open)
                      .arg(s.idle)
                      .arg(s.checkedOut)
                      .arg(s.checkouts)
                      .arg(s.waits)
                      .arg(s.timeouts)
                      .arg(s.recycled)
                      .arg(s.invalidated);
    if (all.size() > 1) {
        // One line per database: each has a pool of its own with the profile's settings.
        for (const auto& [database, pool] : all) {
            const core::PoolStats d = pool->stats();
            tip += QLatin1Char('\n') + tr("%1: %2/%3 in use, %4 idle, %5 timeouts")
                                           .arg(database)
                                           .arg(d.checkedOut)
                                           .arg(limitText(d))
                                           .arg(d.idle)
                                           .arg(d.timeouts);
        }
    }
    if (tunnel) {
        tip +=
            QLatin1Char('\n') +
            tr("SSH tunnel: %1").arg(ssh.message.isEmpty() ? tunnel->settings().destination() : ssh.message);
        if (ssh.restarts > 0)
            tip += QLatin1Char('\n') + tr("SSH tunnel restarted %n time(s)", nullptr, ssh.restarts);
    }
    setToolTip(tip);
}

} // namespace pgdesk::ui
