// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <deque>

namespace pgdesk::ui {

// The last error messages the window showed, for Help ▸ Copy diagnostics: a small bounded ring, so a
// long session never grows it. runInBackground() records every failure it delivers; thread-safe.
class ErrorLog final {
public:
    static constexpr int Capacity = 20;
    static constexpr int MaxMessageLength = 2000; // a huge server message is cut, not kept whole

    struct Entry {
        QDateTime when; // first time, UTC
        QString message;
        int repeats = 1; // the same message again in a row counts here instead of taking a slot
    };

    static ErrorLog& instance();

    void record(const QString& message);
    std::deque<Entry> entries() const; // oldest first
    // One line per entry, oldest first: "2026-11-23 05:30:01Z  message (×3)".
    QStringList lines() const;
    void clear();

private:
    mutable QMutex m_mutex;
    std::deque<Entry> m_entries;
};

} // namespace pgdesk::ui
