// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/session/connection.h>

#include <QDockWidget>

class QPlainTextEdit;
class QPushButton;

namespace pgdesk::ui {

// View ▸ SQL log: every statement the window's connections send, with its parameters (shown as
// <hidden> when the profile hides them), newest last. observer() is handed to the pool; it runs on
// worker threads and only posts plain text to the GUI thread. The log keeps the last few thousand
// lines, so it never grows without bound.
class SqlLogDock final : public QDockWidget {
    Q_OBJECT
public:
    explicit SqlLogDock(QWidget* parent = nullptr);

    // Safe to call from any thread, also after the dock is gone (then it does nothing).
    core::StatementObserver observer();
    void appendStatement(const QString& sql, const QStringList& params);
    QString text() const;
    int statementCount() const { return m_count; }

    static constexpr int kMaxLines = 5000;

private:
    QPlainTextEdit* m_log = nullptr;
    QPushButton* m_clear = nullptr;
    int m_count = 0;
};

} // namespace pgdesk::ui
