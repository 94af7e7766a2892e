// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/common/errorlog.h>

#include <QMutexLocker>

namespace pgdesk::ui {

ErrorLog& ErrorLog::instance() {
    static ErrorLog log;
    return log;
}

void ErrorLog::record(const QString& message) {
    QString text = message.trimmed();
    if (text.size() > MaxMessageLength)
        text = text.left(MaxMessageLength) + QStringLiteral("…");
    const QMutexLocker lock(&m_mutex);
    if (!m_entries.empty() && m_entries.back().message == text) {
        ++m_entries.back().repeats;
        return;
    }
    m_entries.push_back({QDateTime::currentDateTimeUtc(), text});
    while (m_entries.size() > Capacity)
        m_entries.pop_front();
}

std::deque<ErrorLog::Entry> ErrorLog::entries() const {
    const QMutexLocker lock(&m_mutex);
    return m_entries;
}

QStringList ErrorLog::lines() const {
    QStringList out;
    for (const Entry& e : entries()) {
        QString line = e.when.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss'Z'  ")) + e.message;
        if (e.repeats > 1)
            line += QStringLiteral(" (×%1)").arg(e.repeats);
        out << line;
    }
    return out;
}

void ErrorLog::clear() {
    const QMutexLocker lock(&m_mutex);
    m_entries.clear();
}

} // namespace pgdesk::ui
