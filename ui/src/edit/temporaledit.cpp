// SPDX-License-Identifier: GPL-3.0-or-later
#include "edit/temporaledit.h"

#include <QCalendarWidget>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QRegularExpression>
#include <QToolButton>

namespace pgdesk::ui {

TemporalEdit::TemporalEdit(bool withTime, QWidget* parent)
    : QWidget(parent)
    , m_withTime(withTime)
    , m_line(new QLineEdit(this))
    , m_button(new QToolButton(this))
    , m_calendar(new QCalendarWidget(this)) {
    setAutoFillBackground(true);
    m_button->setText(QStringLiteral("▾")); // a glyph every font has (an emoji showed as a box without one)
    m_button->setToolTip(tr("Pick the date (the time and time zone stay as they are)"));
    m_button->setAccessibleName(tr("Pick date"));
    m_button->setFocusPolicy(Qt::NoFocus);
    // A popup child: focus moving into it does not end the cell edit (the delegate sees a child of the
    // editor).
    m_calendar->setWindowFlags(Qt::Popup);
    m_calendar->setGridVisible(true);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_line, 1);
    layout->addWidget(m_button);
    setFocusProxy(m_line);
    connect(m_button, &QToolButton::clicked, this, &TemporalEdit::showCalendar);
    connect(m_calendar, &QCalendarWidget::clicked, this, [this](const QDate& date) {
        m_line->setText(withDate(m_line->text(), date, m_withTime));
        m_line->setModified(true);
        m_calendar->hide();
        m_line->setFocus();
    });
}

QString TemporalEdit::withDate(const QString& text, const QDate& date, bool withTime) {
    static const QRegularExpression leadingDate(QStringLiteral("^\\s*\\d{4,}-\\d{2}-\\d{2}"));
    const QString iso = date.toString(Qt::ISODate);
    const auto match = leadingDate.match(text);
    if (match.hasMatch())
        return iso + text.mid(match.capturedEnd());
    return withTime ? iso + QStringLiteral(" 00:00:00") : iso;
}

void TemporalEdit::showCalendar() {
    static const QRegularExpression leadingDate(QStringLiteral("^\\s*(\\d{4,}-\\d{2}-\\d{2})"));
    const auto match = leadingDate.match(m_line->text());
    const QDate current = match.hasMatch() ? QDate::fromString(match.captured(1), Qt::ISODate) : QDate();
    m_calendar->setSelectedDate(current.isValid() ? current : QDate::currentDate());
    m_calendar->move(mapToGlobal(QPoint(0, height())));
    m_calendar->show();
    m_calendar->setFocus();
}

} // namespace pgdesk::ui
