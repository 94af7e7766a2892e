// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/query/sqllogdock.h>

#include <pgdesk/core/local/agentcalls.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/jobslot.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTextDocument>
#include <QTextOption>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace pgdesk::ui {

namespace {

constexpr int kAgentPollMs = 2000;

struct AgentCalls {
    QList<core::AgentCall> calls;
    qint64 last = 0;
};

} // namespace

SqlLogDock::SqlLogDock(QWidget* parent)
    : QDockWidget(tr("SQL log"), parent)
    , m_log(new QPlainTextEdit(this))
    , m_clear(new QPushButton(tr("Clear"), this))
    , m_agentTimer(new QTimer(this))
    , m_agentRead(new JobSlot(this)) {
    setObjectName(QStringLiteral("sqlLogDock"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(kMaxLines);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    // Statements are written left to right: in a right-to-left layout a line that begins with Persian (a
    // comment, a value) would be laid out right to left and its SQL reordered. A direction, not marks in
    // the text, so what is copied from the log is the statement as sent.
    QTextOption lines = m_log->document()->defaultTextOption();
    lines.setTextDirection(Qt::LeftToRight);
    m_log->document()->setDefaultTextOption(lines);
    m_log->setAccessibleName(tr("Statements sent to the server"));
    m_log->setPlaceholderText(tr("Statements the window sends to the server appear here."));
    connect(m_clear, &QPushButton::clicked, this, [this] {
        m_log->clear();
        m_count = 0;
    });
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_log, 1);
    layout->addWidget(m_clear, 0, Qt::AlignRight);
    setWidget(body);
    m_agentTimer->setInterval(kAgentPollMs);
    connect(m_agentTimer, &QTimer::timeout, this, [this] {
        if (isVisible())
            readAgentCalls();
    });
    m_agentTimer->start();
    readAgentCalls(); // where the log ends now: older calls are not this window's
}

void SqlLogDock::readAgentCalls() {
    if (m_agentRead->isRunning())
        return;
    m_agentRead->start(
        [after = m_lastAgentCall](const std::shared_ptr<core::CancelToken>&) {
            AgentCalls read;
            // No file yet: no agent has called; the log is not made for the window's sake.
            if (!QFileInfo::exists(core::AgentCallLog::defaultPath()))
                return read;
            const core::AgentCallLog log;
            if (after < 0) {
                read.last = log.lastId();
            } else {
                read.calls = log.after(after);
                read.last = read.calls.isEmpty() ? after : read.calls.constLast().id;
            }
            return read;
        },
        [this](const AgentCalls& read) {
            for (const core::AgentCall& call : read.calls)
                appendAgentCall(call);
            m_lastAgentCall = read.last;
            emit agentCallsRead();
        },
        [this](const BackgroundFailure&) { emit agentCallsRead(); }); // the next tick tries again
}

void SqlLogDock::appendAgentCall(const core::AgentCall& call) {
    QString line = call.at.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz  "));
    line += tr("agent %1 · %2 on %3").arg(call.client, call.tool, call.profile);
    if (!call.statement.isEmpty())
        line += QStringLiteral(": ") + call.statement.simplified();
    if (call.refused)
        line += QStringLiteral("   -- ") + tr("refused: %1").arg(call.message.simplified());
    else if (call.rows >= 0)
        line +=
            QStringLiteral("   -- ") + tr("%n row(s)", nullptr, int(std::min<qint64>(call.rows, INT_MAX)));
    m_log->appendPlainText(line);
}

core::StatementObserver SqlLogDock::observer() {
    return [guard = QPointer<QObject>(this), this](const QString& sql, const QList<QString>& params) {
        postToGuiThread(guard, [this, sql, params] { appendStatement(sql, params); });
    };
}

void SqlLogDock::appendStatement(const QString& sql, const QStringList& params) {
    ++m_count;
    QString line = QTime::currentTime().toString(QStringLiteral("HH:mm:ss.zzz  ")) + sql.simplified();
    if (!params.isEmpty()) {
        QStringList shown;
        for (int i = 0; i < params.size(); ++i)
            shown << QStringLiteral("$%1 = %2").arg(i + 1).arg(params[i].left(200));
        line += QStringLiteral("   -- ") + shown.join(QStringLiteral(", "));
    }
    m_log->appendPlainText(line);
}

QString SqlLogDock::text() const {
    return m_log->toPlainText();
}

} // namespace pgdesk::ui
