// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/connect/sshpromptdialog.h>

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QThread>
#include <QVBoxLayout>

#include <atomic>
#include <condition_variable>
#include <mutex>

namespace pgdesk::ui {

SshPromptDialog::SshPromptDialog(const core::SshPrompt& prompt, QWidget* parent)
    : QDialog(parent)
    , m_prompt(prompt) {
    setObjectName(QStringLiteral("sshPromptDialog"));
    const bool hostKey = prompt.kind == core::SshPrompt::Kind::HostKey;
    const QString who = prompt.profileName.isEmpty()
                            ? prompt.destination
                            : tr("%1 (%2)").arg(prompt.profileName, prompt.destination);
    setWindowTitle(hostKey ? tr("Unknown SSH host key") : tr("SSH login"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(hostKey ? tr("The SSH server of %1 is not in your known hosts yet. Compare its "
                                          "fingerprint with the one your administrator gave you before you "
                                          "accept it.")
                                           .arg(who)
                                     : tr("ssh asks, to open the tunnel of %1:").arg(who),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    // ssh's own words: for a host key they carry the fingerprint, which must be readable exactly.
    auto* said = new QLabel(prompt.text.trimmed(), this);
    said->setObjectName(QStringLiteral("sshPromptText"));
    said->setTextFormat(Qt::PlainText);
    said->setWordWrap(true);
    said->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (hostKey)
        said->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(said);

    auto* buttons = new QDialogButtonBox(this);
    if (hostKey) {
        auto* once = buttons->addButton(tr("Accept &once"), QDialogButtonBox::AcceptRole);
        once->setObjectName(QStringLiteral("acceptOnce"));
        once->setToolTip(tr("Trust this key for this tunnel only; you are asked again next time."));
        auto* always = buttons->addButton(tr("Accept and &remember"), QDialogButtonBox::AcceptRole);
        always->setObjectName(QStringLiteral("acceptAlways"));
        always->setToolTip(tr("Add the key to ~/.ssh/known_hosts once the tunnel is up."));
        auto* refuse = buttons->addButton(tr("Re&fuse"), QDialogButtonBox::RejectRole);
        refuse->setObjectName(QStringLiteral("refuse"));
        refuse->setDefault(true); // Enter must not trust a key by accident
        connect(once, &QPushButton::clicked, this, [this] {
            m_answer.hostKey = core::SshAnswer::HostKey::AcceptOnce;
            accept();
        });
        connect(always, &QPushButton::clicked, this, [this] {
            m_answer.hostKey = core::SshAnswer::HostKey::AcceptAlways;
            accept();
        });
        connect(refuse, &QPushButton::clicked, this, &QDialog::reject);
    } else {
        m_secret = new QLineEdit(this);
        m_secret->setObjectName(QStringLiteral("sshSecret"));
        m_secret->setEchoMode(QLineEdit::Password);
        m_secret->setAccessibleName(prompt.text.trimmed());
        layout->addWidget(m_secret);
        m_remember = new QCheckBox(tr("&Remember in the system keychain"), this);
        m_remember->setObjectName(QStringLiteral("sshRemember"));
        m_remember->setToolTip(tr("Kept once the tunnel is up, so a wrong one is never saved."));
        layout->addWidget(m_remember);
        buttons->setStandardButtons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
        connect(buttons, &QDialogButtonBox::accepted, this, [this] {
            m_answer.secret = m_secret->text();
            m_answer.remember = m_remember->isChecked();
            accept();
        });
        connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        m_secret->setFocus();
    }
    layout->addWidget(buttons);
    // Rejected (Esc, the close button): nullopt secret and a refused key, as m_answer starts.
}

namespace {

std::atomic_bool quitting{false};

// Asks on the GUI thread; the caller's thread waits.
core::SshAnswer askInWindow(const core::SshPrompt& prompt) {
    auto* app = QCoreApplication::instance();
    if (!app || quitting)
        return {};
    const auto ask = [prompt] {
        SshPromptDialog dialog(prompt, QApplication::activeWindow());
        dialog.exec();
        return dialog.answer();
    };
    if (QThread::currentThread() == app->thread())
        return ask();
    struct Reply {
        std::mutex mutex;
        std::condition_variable done;
        std::optional<core::SshAnswer> answer;
    };
    auto reply = std::make_shared<Reply>();
    QMetaObject::invokeMethod(app, [reply, ask] {
        core::SshAnswer answer = quitting ? core::SshAnswer{} : ask();
        std::lock_guard lock(reply->mutex);
        reply->answer = answer;
        reply->done.notify_all();
    });
    std::unique_lock lock(reply->mutex);
    // Not a blocking queued call: the GUI thread may itself be waiting for this worker while it quits.
    while (!reply->done.wait_for(lock, std::chrono::milliseconds(200),
                                 [&] { return reply->answer.has_value(); }))
        if (quitting)
            return {};
    return *reply->answer;
}

} // namespace

void SshPromptDialog::installAsPrompter() {
    quitting = false;
    if (auto* app = QCoreApplication::instance()) {
        QObject::connect(app, &QCoreApplication::aboutToQuit, [] { quitting = true; });
        QObject::connect(app, &QObject::destroyed, [] { quitting = true; });
    }
    core::SshTunnel::setPrompter(askInWindow);
}

} // namespace pgdesk::ui
