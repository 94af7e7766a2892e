// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QCalendarWidget;
class QLineEdit;
class QToolButton;

namespace pgdesk::ui {

// A date or timestamp cell editor: the value's exact text (PostgreSQL's own format, so microseconds, time
// zones, BC dates and infinity stay as they are) with a calendar button that replaces only the date part.
class TemporalEdit final : public QWidget {
    Q_OBJECT
public:
    TemporalEdit(bool withTime, QWidget* parent = nullptr);

    QLineEdit* lineEdit() const { return m_line; }
    QCalendarWidget* calendar() const { return m_calendar; }
    // The text with its leading YYYY-MM-DD replaced by `date` (or `date`, plus midnight for timestamps,
    // when the text has no date to replace).
    static QString withDate(const QString& text, const QDate& date, bool withTime);

private:
    void showCalendar();

    bool m_withTime;
    QLineEdit* m_line;
    QToolButton* m_button;
    QCalendarWidget* m_calendar;
};

} // namespace pgdesk::ui
