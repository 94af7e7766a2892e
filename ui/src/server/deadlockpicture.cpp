// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/server/deadlockpicture.h>

#include <pgdesk/ui/common/theme.h>

#include <QPainter>
#include <QPainterPath>
#include <QtMath>

#include <algorithm>

namespace pgdesk::ui {

DeadlockPicture::DeadlockPicture(QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("deadlockPicture"));
    setMinimumSize(360, 200);
}

void DeadlockPicture::setReport(const std::optional<core::DeadlockReport>& report) {
    m_report = report;
    QStringList said;
    if (report)
        for (const core::DeadlockWait& w : report->waits)
            said << tr("process %1 waits for %2 on %3, held by process %4")
                        .arg(w.waiter)
                        .arg(w.lockMode, w.target)
                        .arg(w.blocker);
    setAccessibleDescription(said.join(QStringLiteral("; ")));
    update();
}

QSize DeadlockPicture::sizeHint() const {
    return {560, 260};
}

void DeadlockPicture::paintEvent(QPaintEvent*) {
    if (!m_report || m_report->processes.isEmpty())
        return;
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const auto& processes = m_report->processes;
    const qsizetype n = processes.size();
    const QRectF area = QRectF(rect()).adjusted(8, 8, -8, -8);
    const QSizeF box(std::min(area.width() * 0.45, 240.0), std::min(area.height() / 3.5, 64.0));
    const QPointF centre = area.center();
    const double rx = std::max(0.0, area.width() / 2 - box.width() / 2);
    const double ry = std::max(0.0, area.height() / 2 - box.height() / 2);
    QHash<qint64, QRectF> boxes;
    for (qsizetype i = 0; i < n; ++i) {
        const double angle = -M_PI / 2 + 2 * M_PI * double(i) / double(n); // the first at the top
        const QPointF c(centre.x() + rx * std::cos(angle), centre.y() + ry * std::sin(angle));
        boxes.insert(processes[i].pid, QRectF(c - QPointF(box.width() / 2, box.height() / 2), box));
    }
    const QColor text = palette().color(QPalette::WindowText);
    const int lineHeight = fontMetrics().height();
    // Arrows first, boxes over them.
    for (const core::DeadlockWait& w : m_report->waits) {
        if (!boxes.contains(w.waiter) || !boxes.contains(w.blocker))
            continue;
        const QRectF a = boxes.value(w.waiter), b = boxes.value(w.blocker);
        // Arrows between the same two boxes both ways (a cycle of two) are bent well apart.
        const bool pair = std::any_of(m_report->waits.cbegin(), m_report->waits.cend(), [&](const auto& o) {
            return o.waiter == w.blocker && o.blocker == w.waiter;
        });
        const QLineF line(a.center(), b.center());
        QPointF normal(-line.dy(), line.dx());
        normal /= std::max(1.0, std::hypot(normal.x(), normal.y()));
        const QPointF bend = line.center() + normal * (pair ? std::min(area.width() / 2.5, 220.0) : 20.0);
        QPainterPath path(a.center());
        path.quadTo(bend, b.center());
        p.setPen(QPen(text, 1.6));
        p.drawPath(path);
        // The head where the curve meets the blocker's box.
        QPointF tip = b.center();
        QPointF before = bend;
        for (double t = 1.0; t > 0.3; t -= 0.01) {
            const QPointF at = path.pointAtPercent(t);
            if (!b.contains(at)) {
                tip = at;
                before = path.pointAtPercent(std::max(0.0, t - 0.05));
                break;
            }
        }
        const double angle = std::atan2(tip.y() - before.y(), tip.x() - before.x());
        QPolygonF head;
        head << tip << tip - QPointF(std::cos(angle - 0.4) * 11, std::sin(angle - 0.4) * 11)
             << tip - QPointF(std::cos(angle + 0.4) * 11, std::sin(angle + 0.4) * 11);
        p.setBrush(text);
        p.drawPolygon(head);
        p.setBrush(Qt::NoBrush);
        // The lock on two lines at the curve's middle, kept inside the picture.
        const QStringList label = {tr("waits for %1").arg(w.lockMode), tr("on %1").arg(w.target)};
        const double labelWidth = std::min(190.0, area.width() / 2.2);
        QRectF labelRect(path.pointAtPercent(0.5) - QPointF(labelWidth / 2, lineHeight),
                         QSizeF(labelWidth, 2 * lineHeight + 2));
        labelRect.moveLeft(std::clamp(labelRect.left(), 0.0, width() - labelRect.width()));
        labelRect.moveTop(std::clamp(labelRect.top(), 0.0, height() - labelRect.height()));
        p.fillRect(labelRect, palette().color(QPalette::Base));
        QString shown;
        for (const QString& part : label)
            shown += fontMetrics().elidedText(part, Qt::ElideRight, int(labelWidth) - 4) + QLatin1Char('\n');
        p.drawText(labelRect, Qt::AlignCenter, shown.trimmed());
    }
    for (const core::DeadlockProcess& process : processes) {
        const QRectF r = boxes.value(process.pid);
        const bool cancelled = process.pid == m_report->victim;
        p.setPen(QPen(cancelled ? errorColor() : text, cancelled ? 2.5 : 1.2));
        p.setBrush(palette().color(QPalette::Base));
        p.drawRoundedRect(r, 6, 6);
        const QString title =
            cancelled ? tr("process %1 (cancelled)").arg(process.pid) : tr("process %1").arg(process.pid);
        const QRectF inner = r.adjusted(6, 4, -6, -4);
        QFont bold = font();
        bold.setBold(true);
        p.setFont(bold);
        p.drawText(inner, Qt::AlignTop | Qt::AlignLeft, title);
        p.setFont(font());
        const QString statement = QString(process.statement).replace(QLatin1Char('\n'), QLatin1Char(' '));
        p.drawText(inner.adjusted(0, fontMetrics().height() + 2, 0, 0),
                   Qt::AlignTop | Qt::AlignLeft | Qt::TextWordWrap, statement);
    }
}

} // namespace pgdesk::ui
