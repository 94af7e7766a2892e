// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/session/sshtunnel.h>

#include <QDialog>

class QCheckBox;
class QLineEdit;

namespace pgdesk::ui {

// What ssh asks while a tunnel starts, asked in the window: a password or a key's passphrase (with
// "remember in the keychain"), or an unknown host key with its fingerprint (accept once, accept and
// remember, refuse; refuse is the default and Esc). ssh's own words are shown as they are.
class SshPromptDialog final : public QDialog {
    Q_OBJECT
public:
    explicit SshPromptDialog(const core::SshPrompt& prompt, QWidget* parent = nullptr);

    core::SshAnswer answer() const { return m_answer; }

    // Makes this dialog the process's SSH prompter (SshTunnel::setPrompter). Tunnels start on worker
    // threads: the question is posted to the GUI thread and the worker waits for the answer, or for the
    // application to quit (then it is refused: a worker must never hold up the exit).
    static void installAsPrompter();

private:
    const core::SshPrompt m_prompt;
    core::SshAnswer m_answer;
    QLineEdit* m_secret = nullptr;
    QCheckBox* m_remember = nullptr;
};

} // namespace pgdesk::ui
