// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <functional>

class QLabel;
class QProgressBar;
class QToolButton;

namespace pgdesk::ui {

// Status-bar indicator of the running operation of the current tab: what runs, a busy bar and Cancel.
// Hidden when nothing runs.
class OperationIndicator final : public QWidget {
    Q_OBJECT
public:
    explicit OperationIndicator(QWidget* parent = nullptr);

    void show(const QString& text, std::function<void()> cancel);
    void clear();
    QString text() const;
    QToolButton* cancelButton() const { return m_cancel; }

private:
    QLabel* m_text = nullptr;
    QProgressBar* m_busy = nullptr;
    QToolButton* m_cancel = nullptr;
    std::function<void()> m_onCancel;
};

} // namespace pgdesk::ui
