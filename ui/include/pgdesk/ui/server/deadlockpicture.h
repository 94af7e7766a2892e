// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/server/serverlog.h>

#include <QWidget>

#include <optional>

namespace pgdesk::ui {

// A deadlock drawn: each process a box on a circle with what it ran, an arrow from each waiting process
// to the one it waited for, labelled with the lock; the process whose transaction was cancelled outlined
// in the error colour.
class DeadlockPicture final : public QWidget {
    Q_OBJECT
public:
    explicit DeadlockPicture(QWidget* parent = nullptr);
    void setReport(const std::optional<core::DeadlockReport>& report);
    const std::optional<core::DeadlockReport>& report() const { return m_report; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::optional<core::DeadlockReport> m_report;
};

} // namespace pgdesk::ui
