// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/profiles/profilestore.h>
#include <pgdesk/ui/connect/commandtrustdialog.h>

#include <QDialogButtonBox>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace pgdesk::ui {

CommandTrustDialog::CommandTrustDialog(const core::ConnectionProfile& profile, QWidget* parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("commandTrustDialog"));
    setWindowTitle(tr("Trust the commands of this profile?"));
    auto* layout = new QVBoxLayout(this);
    auto* what = new QLabel(tr("The profile <b>%1</b> was imported from a file. When it connects it runs the "
                               "following, with all the rights of your user account. Trust it only if you "
                               "know what it does.")
                                .arg(profile.name.toHtmlEscaped()),
                            this);
    what->setWordWrap(true);
    layout->addWidget(what);
    // Verbatim, as plain text: line breaks and all, nothing interpreted as markup.
    QString text;
    for (const auto& [field, value] : profile.commands())
        text += field + QStringLiteral(":\n") + value + QStringLiteral("\n\n");
    m_commands = new QPlainTextEdit(text.trimmed(), this);
    m_commands->setObjectName(QStringLiteral("commands"));
    m_commands->setReadOnly(true);
    m_commands->setLineWrapMode(QPlainTextEdit::NoWrap);
    what->setBuddy(m_commands);
    layout->addWidget(m_commands);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_trust = buttons->addButton(tr("&Trust and connect"), QDialogButtonBox::AcceptRole);
    m_trust->setObjectName(QStringLiteral("trustButton"));
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

bool CommandTrustDialog::askIfNeeded(QWidget* parent, const QString& name, std::function<void()> then) {
    std::optional<core::ConnectionProfile> profile;
    try {
        core::ProfileStore store;
        profile = store.find(name);
    } catch (const std::exception&) {
        return false; // the connection attempt reports an unreadable store
    }
    return profile && askIfUntrusted(parent, *profile, name, std::move(then));
}

bool CommandTrustDialog::askIfUntrusted(QWidget* parent, const core::ConnectionProfile& profile,
                                        const QString& savedName, std::function<void()> then) {
    if (!profile.untrustedCommands || profile.commands().isEmpty())
        return false;
    auto* dialog = new CommandTrustDialog(profile, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    QObject::connect(dialog, &QDialog::accepted, dialog,
                     [dialog, savedName, commands = profile.commands(), then = std::move(then)] {
                         try {
                             core::ProfileStore store;
                             std::optional<core::ConnectionProfile> p =
                                 savedName.isEmpty() ? std::nullopt : store.find(savedName);
                             // Only what the user saw is trusted.
                             if (p && p->commands() == commands) {
                                 p->untrustedCommands = false;
                                 store.upsert(*p);
                                 store.save();
                             }
                         } catch (const std::exception& e) {
                             QMessageBox::warning(dialog->parentWidget(), dialog->windowTitle(),
                                                  QString::fromUtf8(e.what()));
                             return;
                         }
                         if (then)
                             then();
                     });
    dialog->open();
    return true;
}

} // namespace pgdesk::ui
