// SPDX-License-Identifier: GPL-3.0-or-later
#include "connect/sshfields.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QToolButton>

namespace pgdesk::ui {

SshFields::SshFields(QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("sshPage"));
    auto* form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->setContentsMargins(16, 16, 16, 16);
    form->setHorizontalSpacing(12);
    form->setVerticalSpacing(8);

    m_enabled = new QCheckBox(tr("Connect through an &SSH tunnel"), this);
    m_enabled->setObjectName(QStringLiteral("sshEnabled"));
    m_host = new QLineEdit(this);
    m_host->setObjectName(QStringLiteral("sshHost"));
    m_host->setPlaceholderText(tr("bastion.example.com or a ~/.ssh/config alias"));
    m_host->setToolTip(tr("The SSH server in front of the database, used as written: an alias of your "
                          "ssh_config brings its own user, port, key and jump hosts. The database's host "
                          "and port on the Connection page are then as that server sees them."));
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("sshPort"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("default (ssh_config, then 22)"));
    m_port->setMinimumWidth(140);
    m_port->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("sshUser"));
    m_user->setPlaceholderText(tr("from ssh_config, else your user name"));
    m_identity = new QLineEdit(this);
    m_identity->setObjectName(QStringLiteral("sshIdentity"));
    m_identity->setPlaceholderText(tr("ssh's defaults and the agent"));
    m_identity->setToolTip(tr("A private key file (ssh -i). A passphrase is asked for when ssh needs it."));
    m_jumpHosts = new QLineEdit(this);
    m_jumpHosts->setObjectName(QStringLiteral("sshJumpHosts"));
    m_jumpHosts->setPlaceholderText(tr("none; several in order: gate.example.com, admin@inner:2222"));
    m_jumpHosts->setToolTip(tr("Hosts to hop through first, in order (ProxyJump, ssh -J), separated by "
                               "commas; each [user@]host[:port] or an alias."));
    m_agent = new QCheckBox(tr("Use the SSH &agent"), this);
    m_agent->setObjectName(QStringLiteral("sshAgent"));
    m_agent->setToolTip(tr("Unticked, ssh ignores the agent (IdentityAgent none) and uses only the key "
                           "file."));
    m_hostKey = new QComboBox(this);
    m_hostKey->setObjectName(QStringLiteral("sshHostKey"));
    m_hostKey->addItem(tr("Ask me: accept once, always, or refuse"),
                       static_cast<int>(core::SshHostKeyPolicy::Ask));
    m_hostKey->addItem(tr("Only hosts already in known_hosts"),
                       static_cast<int>(core::SshHostKeyPolicy::Strict));
    m_hostKey->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_hostKey->setToolTip(tr("An unknown host key is never accepted silently, and a changed one is always "
                             "refused."));
    m_config = new QLineEdit(this);
    m_config->setObjectName(QStringLiteral("sshConfig"));
    m_config->setPlaceholderText(tr("~/.ssh/config"));
    m_config->setToolTip(tr("An ssh_config file to use instead of yours (ssh -F)."));

    form->addRow(QString(), m_enabled);
    form->addRow(tr("SSH &host:"), m_host);
    form->addRow(tr("SSH p&ort:"), m_port);
    form->addRow(tr("SSH &user:"), m_user);
    form->addRow(tr("&Key file:"), fileRow(m_identity, tr("SSH private key"), tr("All files (*)")));
    form->addRow(tr("&Jump hosts:"), m_jumpHosts);
    form->addRow(QString(), m_agent);
    form->addRow(tr("Unknown host &keys:"), m_hostKey);
    form->addRow(tr("ssh_&config:"), fileRow(m_config, tr("ssh_config file"), tr("All files (*)")));
    auto* note = new QLabel(tr("PgDesk runs your system's ssh, so what works in a terminal works here. "
                               "Passwords and passphrases are asked for when ssh needs them and kept only "
                               "in the system keychain, never in the profile file."),
                            this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), note);
    m_fields = {m_host,      m_port,  m_user,    m_identity->parentWidget(),
                m_jumpHosts, m_agent, m_hostKey, m_config->parentWidget()};

    connect(m_enabled, &QCheckBox::toggled, this, [this](bool on) {
        updateEnabled();
        if (on && m_host->text().trimmed().isEmpty())
            m_host->setFocus();
        emit edited();
    });
    for (QLineEdit* edit : {m_host, m_user, m_identity, m_jumpHosts, m_config})
        connect(edit, &QLineEdit::textEdited, this, &SshFields::edited);
    connect(m_port, &QSpinBox::valueChanged, this, &SshFields::edited);
    connect(m_agent, &QCheckBox::toggled, this, &SshFields::edited);
    connect(m_hostKey, &QComboBox::currentIndexChanged, this, &SshFields::edited);
    updateEnabled();
}

QWidget* SshFields::fileRow(QLineEdit* edit, const QString& title, const QString& filter) {
    auto* box = new QWidget(this);
    auto* row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(4);
    edit->setParent(box);
    edit->setAccessibleName(title);
    row->addWidget(edit, 1);
    auto* browse = new QToolButton(box);
    browse->setText(tr("Browse…"));
    browse->setToolTip(tr("Choose the file"));
    browse->setAccessibleName(title);
    row->addWidget(browse);
    connect(browse, &QToolButton::clicked, this, [this, edit, title, filter] {
        const QString start = edit->text().isEmpty() ? QDir::homePath() + QStringLiteral("/.ssh")
                                                     : QFileInfo(edit->text()).absolutePath();
        const QString file = QFileDialog::getOpenFileName(this, title, start, filter);
        if (!file.isEmpty()) {
            edit->setText(file);
            emit edited();
        }
    });
    return box;
}

void SshFields::updateEnabled() {
    for (QWidget* w : std::as_const(m_fields))
        w->setEnabled(m_enabled->isChecked());
}

void SshFields::setProfile(const core::ConnectionProfile& profile) {
    const QSignalBlocker block(this);
    const core::SshSettings& s = profile.ssh;
    m_enabled->setChecked(s.enabled());
    m_host->setText(s.host);
    m_port->setValue(s.port);
    m_user->setText(s.user);
    m_identity->setText(s.identityFile);
    m_jumpHosts->setText(s.jumpHosts.join(QStringLiteral(", ")));
    m_agent->setChecked(s.useAgent);
    m_hostKey->setCurrentIndex(std::max(0, m_hostKey->findData(static_cast<int>(s.hostKeyPolicy))));
    m_config->setText(s.configFile);
    updateEnabled();
}

void SshFields::applyTo(core::ConnectionProfile& profile) const {
    core::SshSettings s;
    // Unticked keeps nothing: the profile file then has no "ssh" at all. Ticked with no host is left to
    // the editor's validation ("SSH host").
    if (m_enabled->isChecked()) {
        s.host = m_host->text().trimmed();
        s.port = m_port->value();
        s.user = m_user->text().trimmed();
        s.identityFile = m_identity->text().trimmed();
        for (const QString& hop : m_jumpHosts->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (!hop.trimmed().isEmpty())
                s.jumpHosts << hop.trimmed();
        s.useAgent = m_agent->isChecked();
        s.hostKeyPolicy = static_cast<core::SshHostKeyPolicy>(m_hostKey->currentData().toInt());
        s.configFile = m_config->text().trimmed();
    }
    profile.ssh = s;
}

bool SshFields::wantsTunnelWithoutHost() const {
    return m_enabled->isChecked() && m_host->text().trimmed().isEmpty();
}

} // namespace pgdesk::ui
