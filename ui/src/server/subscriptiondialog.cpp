// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/subscriptiondialog.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/profiles/passwordcommand.h>
#include <pgdesk/core/profiles/secretstore.h>
#include <pgdesk/core/schema/schemaapply.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/common/theme.h>
#include <pgdesk/ui/common/writeunlockbutton.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace pgdesk::ui {

SubscriptionDialog::SubscriptionDialog(std::shared_ptr<core::Pool> pool,
                                       const QList<core::ConnectionProfile>& profiles, QWidget* parent)
    : QDialog(parent)
    , m_pool(std::move(pool))
    , m_profiles(profiles) {
    setObjectName(QStringLiteral("subscriptionDialog"));
    setWindowTitle(tr("New Subscription"));
    m_applyJob = new JobSlot(this);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("subscriptionName"));
    m_publisher = new QComboBox(this);
    m_publisher->setObjectName(QStringLiteral("subscriptionPublisher"));
    m_publisher->addItem(tr("A connection string"));
    for (const core::ConnectionProfile& p : std::as_const(m_profiles))
        m_publisher->addItem(tr("Profile %1").arg(p.name));
    m_connection = new QLineEdit(this);
    m_connection->setObjectName(QStringLiteral("subscriptionConnection"));
    m_connection->setPlaceholderText(
        QStringLiteral("host=publisher.example port=5432 dbname=app user=replicator"));
    m_connection->setToolTip(tr("The publisher as this server reaches it (not as this computer does)"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("subscriptionPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setToolTip(tr("Sent to the server inside the statement and kept there (pg_subscription, "
                              "readable by superusers only); shown and logged as ********"));
    m_publications = new QLineEdit(this);
    m_publications->setObjectName(QStringLiteral("subscriptionPublications"));
    m_publications->setPlaceholderText(tr("the publisher's publications, separated by commas"));

    m_copyData = new QCheckBox(tr("Copy the tables' existing rows first"), this);
    m_copyData->setObjectName(QStringLiteral("subscriptionCopyData"));
    m_copyData->setChecked(true);
    m_enabled = new QCheckBox(tr("Start applying changes now"), this);
    m_enabled->setObjectName(QStringLiteral("subscriptionEnabled"));
    m_enabled->setChecked(true);
    m_createSlot = new QCheckBox(tr("Create its slot on the publisher"), this);
    m_createSlot->setChecked(true);
    m_slotName = new QLineEdit(this);
    m_slotName->setPlaceholderText(tr("the subscription's name"));
    m_binary = new QCheckBox(tr("Binary transfer (binary)"), this);
    m_streaming = new QCheckBox(tr("Stream large transactions while in progress (streaming)"), this);
    m_twoPhase = new QCheckBox(tr("Two-phase commit (two_phase)"), this);
    m_disableOnError =
        new QCheckBox(tr("Disable on an apply error instead of retrying (disable_on_error)"), this);
    m_synchronousCommit = new QComboBox(this);
    m_synchronousCommit->addItem(tr("server default (off)"), QString());
    for (const char* mode : {"off", "local", "remote_write", "remote_apply", "on"})
        m_synchronousCommit->addItem(QString::fromLatin1(mode), QString::fromLatin1(mode));

    auto* slotRow = new QHBoxLayout;
    slotRow->addWidget(m_createSlot);
    slotRow->addWidget(new QLabel(tr("Slot name:"), this));
    slotRow->addWidget(m_slotName, 1);
    auto* form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Publisher:"), m_publisher);
    form->addRow(tr("Connection:"), m_connection);
    form->addRow(tr("Password:"), m_password);
    form->addRow(tr("Publications:"), m_publications);
    form->addRow(QString(), m_copyData);
    form->addRow(QString(), m_enabled);
    form->addRow(tr("Slot:"), slotRow);
    form->addRow(QString(), m_binary);
    form->addRow(QString(), m_streaming);
    form->addRow(QString(), m_twoPhase);
    form->addRow(QString(), m_disableOnError);
    form->addRow(tr("Synchronous commit:"), m_synchronousCommit);

    m_sql = new QPlainTextEdit(this);
    m_sql->setObjectName(QStringLiteral("subscriptionSql"));
    m_sql->setReadOnly(true);
    m_sql->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("subscriptionState"));
    m_state->setWordWrap(true);
    m_unlock = new WriteUnlockButton(m_pool->profile(), this);
    m_unlock->setVisible(m_unlock->isGuarded());
    connect(m_unlock, &WriteUnlockButton::unlockedChanged, this, &SubscriptionDialog::update);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_apply = buttons->addButton(tr("Apply"), QDialogButtonBox::AcceptRole);
    m_apply->setObjectName(QStringLiteral("subscriptionApply"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SubscriptionDialog::apply);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_state, 1);
    bottom->addWidget(m_unlock);
    bottom->addWidget(buttons);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_sql, 1);
    layout->addLayout(bottom);
    resize(820, 720);

    for (QLineEdit* e : {m_name, m_connection, m_password, m_publications, m_slotName})
        connect(e, &QLineEdit::textChanged, this, &SubscriptionDialog::update);
    for (QCheckBox* b :
         {m_copyData, m_enabled, m_createSlot, m_binary, m_streaming, m_twoPhase, m_disableOnError})
        connect(b, &QCheckBox::toggled, this, &SubscriptionDialog::update);
    connect(m_publisher, &QComboBox::currentIndexChanged, this, &SubscriptionDialog::update);
    connect(m_synchronousCommit, &QComboBox::currentIndexChanged, this, &SubscriptionDialog::update);
    update();
}

SubscriptionDialog::~SubscriptionDialog() = default;

const core::ConnectionProfile* SubscriptionDialog::publisherProfile() const {
    const int i = m_publisher->currentIndex() - 1;
    return i >= 0 && i < m_profiles.size() ? &m_profiles[i] : nullptr;
}

core::NewSubscription SubscriptionDialog::subscription() const {
    core::NewSubscription s;
    s.name = m_name->text().trimmed();
    const core::ConnectionProfile* profile = publisherProfile();
    s.connection = profile ? core::publisherConnection(*profile) : m_connection->text().trimmed();
    if (!m_password->text().isEmpty())
        s.password = m_password->text();
    s.publications = m_publications->text().split(u',', Qt::SkipEmptyParts);
    s.copyData = m_copyData->isChecked();
    s.enabled = m_enabled->isChecked();
    s.createSlot = m_createSlot->isChecked();
    s.slotName = m_slotName->text().trimmed();
    s.binary = m_binary->isChecked();
    s.streaming = m_streaming->isChecked();
    s.twoPhase = m_twoPhase->isChecked();
    s.disableOnError = m_disableOnError->isChecked();
    s.synchronousCommit = m_synchronousCommit->currentData().toString();
    return s;
}

QString SubscriptionDialog::stateText() const {
    return m_state->text();
}

void SubscriptionDialog::setState(const QString& text, bool error) {
    m_state->setText(text);
    QPalette p = m_state->palette();
    p.setColor(QPalette::WindowText, error ? errorColor() : palette().color(QPalette::WindowText));
    m_state->setPalette(p);
}

void SubscriptionDialog::update() {
    const core::ConnectionProfile* profile = publisherProfile();
    m_connection->setReadOnly(profile != nullptr);
    if (profile) {
        const QSignalBlocker block(m_connection);
        m_connection->setText(core::publisherConnection(*profile));
    }
    m_password->setPlaceholderText(profile ? tr("the profile's saved password or password command")
                                           : tr("none: the server's own ~/.pgpass, or trust"));
    QList<core::DesignStatement> s;
    try {
        s = core::createSubscriptionStatements(subscription());
        setState(m_createSlot->isChecked()
                     ? tr("Runs outside a transaction: it creates the slot on the publisher.")
                     : tr("Runs in one transaction through the existing slot."),
                 false);
    } catch (const core::Error& e) {
        setState(QString::fromUtf8(e.what()), true);
    }
    m_sql->setPlainText(core::designScript(s)); // the password masked
    m_apply->setEnabled(!s.isEmpty() && !m_applyJob->isRunning() &&
                        (!m_unlock->isGuarded() || m_unlock->isUnlocked()));
}

void SubscriptionDialog::apply() {
    core::NewSubscription s;
    try {
        s = subscription();
        core::createSubscriptionStatements(s); // refused here, before the worker
    } catch (const core::Error& e) {
        setState(QString::fromUtf8(e.what()), true);
        return;
    }
    if (m_applyJob->isRunning() || (m_unlock->isGuarded() && !m_unlock->isUnlocked()))
        return;
    std::optional<core::ConnectionProfile> profile;
    if (const core::ConnectionProfile* p = publisherProfile())
        profile = *p;
    core::SchemaApplyOptions options;
    options.access = m_unlock->access();
    m_apply->setEnabled(false);
    setState(tr("Creating the subscription…"), false);
    m_applyJob->start(
        [pool = m_pool, s, profile, options](const std::shared_ptr<core::CancelToken>& cancel) mutable {
            // The keychain and a password command may take a while: here, not on the GUI thread.
            if (profile && !s.password)
                s.password =
                    core::connectionPassword(*profile, core::SecretStore::instance().password(profile->name));
            auto connection = pool->acquire();
            const core::CancelToken::Scope scope(cancel, *connection);
            return core::SchemaApplier(*connection).apply(core::createSubscriptionStatements(s), options);
        },
        [this, name = s.name](const core::SchemaApplyResult& result) {
            if (!result.failure.isEmpty()) {
                setState(tr("The subscription was not created: %1").arg(result.failure), true);
                m_apply->setEnabled(true);
                return;
            }
            emit applied(name);
            accept();
        },
        [this](const BackgroundFailure& f) {
            setState(tr("The subscription was not created: %1").arg(f.message), true);
            m_apply->setEnabled(true);
        });
}

} // namespace pgdesk::ui
