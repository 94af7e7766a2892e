#include <pgdesk/ui/poolstatuswidget.h>

#include <pgdesk/core/pool.h>

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
    m_pool = pool;
    setVisible(pool != nullptr);
    if (pool)
        m_timer->start();
    else
        m_timer->stop();
    refresh();
}

void PoolStatusWidget::refresh() {
    const auto pool = m_pool.lock();
    if (!pool) {
        clear();
        return;
    }
    const core::PoolStats s = pool->stats();
    const QString limit = s.maxOverflow < 0 ? QStringLiteral("∞") : QString::number(s.size + s.maxOverflow);
    QString text = tr("Pool %1/%2 in use · %3 idle").arg(s.checkedOut).arg(limit).arg(s.idle);
    if (s.timeouts > 0)
        text += tr(" · %1 timeouts").arg(s.timeouts);
    setText(text);
    setToolTip(tr("Pool size %1, overflow %2 (%3 in use)\nOpen %4, idle %5, checked out %6\n"
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
                   .arg(s.invalidated));
}

} // namespace pgdesk::ui
