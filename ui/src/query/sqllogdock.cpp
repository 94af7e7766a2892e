// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/query/sqllogdock.h>

#include <pgdesk/ui/common/background.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTextDocument>
#include <QTextOption>
#include <QVBoxLayout>

namespace pgdesk::ui {

SqlLogDock::SqlLogDock(QWidget* parent)
    : QDockWidget(tr("SQL log"), parent)
    , m_log(new QPlainTextEdit(this))
    , m_clear(new QPushButton(tr("Clear"), this)) {
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
