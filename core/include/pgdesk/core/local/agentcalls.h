// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QtGlobal>

namespace pgdesk::core {

// One tool call an agent made through `pgdesk-cli mcp`. No argument value is kept (a query's parameters,
// a change set's values): the tool, the statement as sent, how many rows, and whether it was refused.
struct AgentCall {
    qint64 id = 0;
    QDateTime at;      // UTC, millisecond precision
    QString profile;   // the profile's name
    QString client;    // the agent's client ("claude-code 2.1.0")
    QString tool;      // "query"
    QString statement; // empty for the catalog tools
    qint64 rows = -1;  // -1 when none said
    bool refused = false;
    QString message; // why, when refused
};

// The agents' calls, kept beside the query history (~/.local/share/pgdesk/history.sqlite, table
// `agent_calls`, owner-only) so that the window's SQL log shows them as they happen, whichever process
// made them. One object per thread, as for QueryHistory.
class AgentCallLog final {
public:
    static constexpr int kKeep = 10000;

    // Opens (creating the file and its table); keeps the newest `keep` calls. ConfigurationError when it
    // cannot.
    explicit AgentCallLog(const QString& path = defaultPath(), int keep = kKeep);
    ~AgentCallLog();
    AgentCallLog(const AgentCallLog&) = delete;
    AgentCallLog& operator=(const AgentCallLog&) = delete;
    static QString defaultPath();

    // Records a call (call.id is ignored) and forgets the oldest beyond the number kept. Returns its id.
    qint64 add(const AgentCall& call);
    // Calls with an id above `afterId`, oldest first, at most `limit` (the newest of them).
    QList<AgentCall> after(qint64 afterId, int limit = 500) const;
    // The newest call's id; 0 when there is none.
    qint64 lastId() const;

private:
    QString m_path;
    QString m_connection;
    int m_keep;
};

} // namespace pgdesk::core
