// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QPlainTextEdit;
class QTableWidget;

namespace pgdesk::ui {

class JobSlot;

// Connection ▸ Agent access…: how to give an AI agent (Claude Code, Cursor, VS Code, any MCP client) this
// profile through `pgdesk-cli mcp`, as lines to paste, and what agents proposed and wait for a person
// (pgdesk-cli mcp's propose_changes and propose_migration): a change set opens its table's tab, where it is
// staged and applied; a migration opens in a query tool; either can be discarded here.
class AgentAccessDialog final : public QDialog {
    Q_OBJECT
public:
    // `profile`: the session's saved profile (empty for a DSN session: an agent needs a saved one);
    // `key`: its journal key, which proposals are filed under.
    AgentAccessDialog(const QString& profile, const QString& key, QWidget* parent = nullptr);

    // `pgdesk-cli mcp --profile NAME`, the name quoted for a shell where it must be.
    static QString commandLine(const QString& profile);
    // The three configurations shown: Claude Code's command, the mcpServers JSON, VS Code's mcp.json.
    QString configurationText() const;
    QTableWidget* proposals() const { return m_proposals; }
    // Reads the pending proposals again (on a worker).
    void refresh();

signals:
    void refreshed();
    void openTableRequested(const QString& qualifiedTable);
    void openMigrationRequested(const QString& sql);

private:
    void discardSelected();
    void openSelected();

    QString m_key;
    QPlainTextEdit* m_configuration = nullptr;
    QTableWidget* m_proposals = nullptr;
    JobSlot* m_read = nullptr;
};

} // namespace pgdesk::ui
