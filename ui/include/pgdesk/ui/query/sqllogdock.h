// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/session/connection.h>

#include <QDockWidget>

class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace pgdesk::core {
struct AgentCall;
}

namespace pgdesk::ui {

class JobSlot;

// View ▸ SQL log: every statement the window's connections send, with its parameters (shown as
// <hidden> when the profile hides them), newest last. observer() is handed to the pool; it runs on
// worker threads and only posts plain text to the GUI thread. The log keeps the last few thousand
// lines, so it never grows without bound. The calls agents make through `pgdesk-cli mcp` (another process)
// show too, read from core::AgentCallLog on a worker every few seconds while the dock is shown: those made
// since the window started.
class SqlLogDock final : public QDockWidget {
    Q_OBJECT
public:
    explicit SqlLogDock(QWidget* parent = nullptr);

    // Safe to call from any thread, also after the dock is gone (then it does nothing).
    core::StatementObserver observer();
    void appendStatement(const QString& sql, const QStringList& params);
    void appendAgentCall(const core::AgentCall& call);
    // Reads the agents' calls made since the last read (also on a timer while the dock is shown).
    void readAgentCalls();
    QString text() const;
    int statementCount() const { return m_count; }

    static constexpr int kMaxLines = 5000;

signals:
    void agentCallsRead(); // after each read of the agents' calls

private:
    QPlainTextEdit* m_log = nullptr;
    QPushButton* m_clear = nullptr;
    int m_count = 0;
    QTimer* m_agentTimer = nullptr;
    JobSlot* m_agentRead = nullptr;
    qint64 m_lastAgentCall = -1; // -1: the log's end not yet known
};

} // namespace pgdesk::ui
