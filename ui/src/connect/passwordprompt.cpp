// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/connect/passwordprompt.h>

#include <pgdesk/core/profiles/secretstore.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/jobslot.h>

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace pgdesk::ui {

PasswordPrompt::PasswordPrompt(QString profileName, const QString& reason, QWidget* parent)
    : QDialog(parent)
    , m_profileName(std::move(profileName)) {
    m_store = new JobSlot(this);
    setObjectName(QStringLiteral("passwordPrompt"));
    setWindowTitle(tr("Password for %1").arg(m_profileName));
    auto* text =
        new QLabel(tr("The server asks for a password to connect to “%1”.").arg(m_profileName), this);
    text->setWordWrap(true);
    auto* why = new QLabel(reason, this);
    why->setWordWrap(true);
    why->setTextFormat(Qt::PlainText);
    why->setForegroundRole(QPalette::PlaceholderText);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Password"));
    m_password->setPlaceholderText(tr("Password"));
    m_save = new QCheckBox(tr("Save password in the system &keychain"), this);
    m_save->setObjectName(QStringLiteral("savePassword"));
    m_save->setToolTip(tr("Unticked, the password is kept only until PgDesk quits."));
    m_status = new QLabel(this);
    m_status->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Connect"));
    connect(buttons, &QDialogButtonBox::accepted, this, &PasswordPrompt::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PasswordPrompt::reject);

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(text);
    layout->addWidget(why);
    layout->addWidget(m_password);
    layout->addWidget(m_save);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

bool PasswordPrompt::isPasswordRequest(const QString& errorText) {
    return errorText.contains(QLatin1String("28P01")) ||
           errorText.contains(QLatin1String("no password supplied"), Qt::CaseInsensitive);
}

void PasswordPrompt::accept() {
    if (m_store->isRunning())
        return;
    m_password->setEnabled(false);
    m_save->setEnabled(false);
    m_status->setText(tr("Storing the password…"));
    m_status->show();
    // The keychain answers over D-Bus and may take seconds: never on the GUI thread.
    m_store->start(
        [name = m_profileName, password = m_password->text(),
         save = m_save->isChecked()](const std::shared_ptr<core::CancelToken>&) {
            core::SecretStore::instance().setPassword(name, password, save);
            return true;
        },
        [this](bool) {
            const QString name = m_profileName;
            QDialog::accept();
            emit passwordStored(name);
        },
        [this](const BackgroundFailure& failure) {
            m_password->setEnabled(true);
            m_save->setEnabled(true);
            m_status->setText(failure.message);
        });
}

} // namespace pgdesk::ui
