// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/editing/proposalstore.h>

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTimer;

namespace pgdesk::ui {

class EditSession;
class JobSlot;

// A table tab's bar for what an AI agent proposed to change in its table (pgdesk-cli mcp's
// propose_changes): who, when, what ("claude-code 2.1 proposed 2 updates, 1 insert at 14:03"), with Stage
// (the changes become the tab's staged edits: previewed, applied with conflict detection, or discarded
// like the user's own) and Discard. The proposals are read from core::ProposalStore on a worker, again
// every few seconds while the tab is shown, since an agent proposes from another process.
class ProposalBar final : public QWidget {
    Q_OBJECT
public:
    // The proposals of `profile` (core::journalKey) for the session's table.
    ProposalBar(EditSession* session, QString profile, QWidget* parent = nullptr);
    ~ProposalBar() override;

    // Reads the pending proposals again (also on a timer while shown).
    void refresh();
    const std::optional<core::Proposal>& shown() const { return m_shown; }
    QPushButton* stageButton() const { return m_stage; }
    QPushButton* discardButton() const { return m_discard; }

signals:
    void refreshed();

private:
    void show(const QList<core::Proposal>& pending);
    void stage();
    void discard();
    void updateButtons();

    EditSession* m_session;
    QString m_profile;
    QString m_table;
    QLabel* m_text = nullptr;
    QPushButton* m_stage = nullptr;
    QPushButton* m_discard = nullptr;
    QTimer* m_timer = nullptr;
    JobSlot* m_read = nullptr;
    std::optional<core::Proposal> m_shown;
    int m_waiting = 0; // pending proposals of the table, the shown one included
};

} // namespace pgdesk::ui
