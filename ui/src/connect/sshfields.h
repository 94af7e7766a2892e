// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/profiles/connectionprofile.h>

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace pgdesk::ui {

// The profile editor's SSH page: the hop(s) in front of the server, run by the system's own ssh so that
// a ~/.ssh/config alias, the agent and hardware keys work as in a terminal. No secret is typed here:
// ssh asks through our askpass helper, and the window's prompt offers to keep the answer in the keychain.
class SshFields final : public QWidget {
    Q_OBJECT
public:
    explicit SshFields(QWidget* parent = nullptr);

    void setProfile(const core::ConnectionProfile& profile);
    void applyTo(core::ConnectionProfile& profile) const;
    // Ticked with the host left empty: the profile would silently connect directly.
    bool wantsTunnelWithoutHost() const;

signals:
    void edited();

private:
    QWidget* fileRow(QLineEdit* edit, const QString& title, const QString& filter);
    void updateEnabled();

    QCheckBox* m_enabled = nullptr;
    QLineEdit* m_host = nullptr;
    QSpinBox* m_port = nullptr;
    QLineEdit* m_user = nullptr;
    QLineEdit* m_identity = nullptr;
    QLineEdit* m_jumpHosts = nullptr;
    QCheckBox* m_agent = nullptr;
    QComboBox* m_hostKey = nullptr;
    QLineEdit* m_config = nullptr;
    QList<QWidget*> m_fields; // enabled with the tunnel
};

} // namespace pgdesk::ui
