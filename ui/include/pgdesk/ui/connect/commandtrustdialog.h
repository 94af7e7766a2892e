// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/profiles/connectionprofile.h>

#include <QDialog>

#include <functional>

class QPlainTextEdit;
class QPushButton;

namespace pgdesk::ui {

// Asked before a profile imported from a file connects while the commands it runs (password command, SSH
// config file) are untrusted: shows them verbatim. Trust marks them trusted in the saved profile; Cancel
// connects nothing.
class CommandTrustDialog final : public QDialog {
    Q_OBJECT
public:
    explicit CommandTrustDialog(const core::ConnectionProfile& profile, QWidget* parent = nullptr);

    // When the stored profile `name` has untrusted commands: opens the dialog (window-modal, not blocking)
    // and returns true; once the user trusts them (saved in the profile store) `then` runs. Otherwise
    // returns false and does nothing.
    static bool askIfNeeded(QWidget* parent, const QString& name, std::function<void()> then);
    // The same for a profile being edited (the connection manager's Test): asks when `profile` has untrusted
    // commands; once trusted, the trust is saved when the stored profile `savedName` runs the same commands
    // (empty: not saved, it goes with the next Save), then `then` runs.
    static bool askIfUntrusted(QWidget* parent, const core::ConnectionProfile& profile,
                               const QString& savedName, std::function<void()> then);

    QPlainTextEdit* commandsView() const { return m_commands; }
    QPushButton* trustButton() const { return m_trust; }

private:
    QPlainTextEdit* m_commands = nullptr;
    QPushButton* m_trust = nullptr;
};

} // namespace pgdesk::ui
