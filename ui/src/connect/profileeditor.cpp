// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/common/theme.h>
#include <pgdesk/ui/connect/profileeditor.h>

#include "connect/environmentfields.h"
#include "connect/sshfields.h"

#include <pgdesk/core/base/errors.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace pgdesk::ui {

namespace {

QFormLayout* formLayout(QWidget* page) {
    auto* form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->setContentsMargins(16, 16, 16, 16);
    form->setHorizontalSpacing(12);
    form->setVerticalSpacing(8);
    return form;
}

QLineEdit* lineEdit(QWidget* parent, const char* objectName, const QString& placeholder) {
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(QString::fromLatin1(objectName));
    edit->setPlaceholderText(placeholder);
    return edit;
}

// Numbers need little room; a spin box stretched across the form looks unfinished.
template <class Spin> Spin* numberField(QWidget* parent, const char* objectName) {
    auto* spin = new Spin(parent);
    spin->setObjectName(QString::fromLatin1(objectName));
    spin->setMinimumWidth(140);
    spin->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    return spin;
}

QLabel* note(QWidget* parent, const QString& text) {
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

ProfileEditor::ProfileEditor(QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("profileEditor"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("profileTabs"));
    m_tabs->setAccessibleName(tr("Profile settings"));
    m_tabs->addTab(createConnectionTab(), tr("Connection"));
    m_tabs->addTab(createSecurityTab(), tr("Authentication && SSL"));
    m_ssh = new SshFields(this);
    connect(m_ssh, &SshFields::edited, this, &ProfileEditor::onEdited);
    m_tabs->addTab(m_ssh, tr("SSH"));
    m_tabs->addTab(createPoolTab(), tr("Pool"));
    m_tabs->addTab(createSessionTab(), tr("Session"));
    m_environment = new EnvironmentFields(this);
    connect(m_environment, &EnvironmentFields::edited, this, &ProfileEditor::onEdited);
    m_tabs->addTab(m_environment, tr("Environment"));

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("validationError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    QPalette warning = m_error->palette();
    warning.setColor(QPalette::WindowText, errorColor());
    m_error->setPalette(warning);
    m_error->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    layout->addWidget(m_error);

    setProfile({});
}

QWidget* ProfileEditor::createConnectionTab() {
    auto* page = new QWidget(this);
    QFormLayout* form = formLayout(page);
    m_name = lineEdit(page, "name", tr("A name for this connection"));
    m_host = lineEdit(page, "host", tr("localhost, db.example.com or a socket folder"));
    m_host->setToolTip(tr("Host name, IP address, or the folder of the server's unix socket. Empty: the "
                          "default unix socket."));
    m_port = lineEdit(page, "port", tr("5432"));
    m_port->setMaxLength(5);
    m_port->setMaximumWidth(fontMetrics().horizontalAdvance(QStringLiteral("0")) * 10 + 40);
    m_port->setToolTip(tr("TCP port of the server, 1–65535. Empty: 5432."));
    m_database = lineEdit(page, "database", tr("same as the user name"));
    m_user = lineEdit(page, "user", tr("your operating-system user name"));
    m_service = lineEdit(page, "service", tr("optional pg_service.conf entry"));
    m_service->setToolTip(tr("A section of pg_service.conf whose settings libpq uses for the fields left "
                             "empty here."));
    m_applicationName = lineEdit(page, "applicationName", tr("pgdesk"));
    m_applicationName->setToolTip(tr("Shown by the server in pg_stat_activity and its logs."));
    m_connectTimeout = numberField<QSpinBox>(page, "connectTimeout");
    m_connectTimeout->setRange(0, 3600);
    m_connectTimeout->setSuffix(tr(" s"));
    m_connectTimeout->setSpecialValueText(tr("wait forever"));
    m_connectTimeout->setToolTip(tr("How long to wait for the server to answer when connecting."));
    m_extraOptions = new QLabel(page);
    m_extraOptions->setObjectName(QStringLiteral("extraOptions"));
    m_extraOptions->setWordWrap(true);
    m_extraOptions->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_extraOptions->setToolTip(tr("Further libpq settings of this profile, passed on as they are."));

    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Host:"), m_host);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("Ser&vice:"), m_service);
    form->addRow(tr("&Application name:"), m_applicationName);
    form->addRow(tr("Connect &timeout:"), m_connectTimeout);
    form->addRow(tr("Other options:"), m_extraOptions);
    m_extraOptionsLabel = qobject_cast<QLabel*>(form->labelForField(m_extraOptions));
    for (QObject* field :
         {static_cast<QObject*>(m_name), static_cast<QObject*>(m_host), static_cast<QObject*>(m_port),
          static_cast<QObject*>(m_database), static_cast<QObject*>(m_user), static_cast<QObject*>(m_service),
          static_cast<QObject*>(m_applicationName), static_cast<QObject*>(m_connectTimeout)})
        watch(field);
    return page;
}

QWidget* ProfileEditor::fileField(QLineEdit* edit, const QString& title) {
    auto* box = new QWidget(edit->parentWidget());
    auto* row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(4);
    row->addWidget(edit, 1);
    edit->setAccessibleName(title); // the form's label names the row, not the line edit in it
    auto* browse = new QToolButton(box);
    browse->setText(tr("Browse…"));
    browse->setToolTip(tr("Choose the file"));
    browse->setAccessibleName(title);
    row->addWidget(browse);
    connect(browse, &QToolButton::clicked, this, [this, edit, title] {
        const QString start = edit->text().isEmpty() ? QString() : QFileInfo(edit->text()).absolutePath();
        const QString file = QFileDialog::getOpenFileName(
            this, title, start, tr("Certificates and keys (*.crt *.pem *.key *.der *.crl);;All files (*)"));
        if (!file.isEmpty()) {
            edit->setText(file);
            onEdited();
        }
    });
    return box;
}

QWidget* ProfileEditor::createSecurityTab() {
    auto* page = new QWidget(this);
    QFormLayout* form = formLayout(page);
    m_password = lineEdit(page, "password", {});
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setToolTip(tr("Left empty, libpq may still find a password in ~/.pgpass or the service "
                              "file, and PgDesk asks when the server wants one."));
    m_savePassword = new QCheckBox(tr("Save password in the system &keychain"), page);
    m_savePassword->setObjectName(QStringLiteral("savePassword"));
    m_savePassword->setToolTip(tr("Unticked, a typed password is used for this session only and any saved "
                                  "copy is removed from the keychain."));
    m_authentication = new QComboBox(page);
    m_authentication->setObjectName(QStringLiteral("authentication"));
    m_authentication->addItem(tr("Password"), static_cast<int>(core::Authentication::Password));
    m_authentication->addItem(tr("Kerberos (GSSAPI)"), static_cast<int>(core::Authentication::Kerberos));
    m_authentication->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_authentication->setToolTip(tr("Kerberos logs in with your ticket (kinit): PgDesk never asks for a "
                                    "password."));
    m_passwordCommand = lineEdit(page, "passwordCommand", tr("none"));
    m_passwordCommand->setToolTip(
        tr("A shell command whose output is the password, run for every new connection: for short-lived "
           "tokens, e.g. aws rds generate-db-auth-token … It runs with /bin/sh as you; its output is never "
           "saved or logged, and it replaces any saved password."));
    m_passwordCommandTimeout = numberField<QSpinBox>(page, "passwordCommandTimeout");
    m_passwordCommandTimeout->setRange(1, 600);
    m_passwordCommandTimeout->setSuffix(tr(" s"));
    m_passwordCommandTimeout->setToolTip(
        tr("The command is stopped and the connection fails after this long."));
    m_gssEncMode = new QComboBox(page);
    m_gssEncMode->setObjectName(QStringLiteral("gssEncMode"));
    m_gssEncMode->addItem(tr("default (prefer)"), QString());
    for (const char* mode : {"disable", "prefer", "require"})
        m_gssEncMode->addItem(QString::fromLatin1(mode), QString::fromLatin1(mode));
    m_gssEncMode->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_gssEncMode->setToolTip(tr("Whether the connection is encrypted with GSSAPI (gssencmode)."));
    m_krbSrvName = lineEdit(page, "krbSrvName", tr("postgres"));
    m_krbSrvName->setToolTip(tr("The server's Kerberos service name (krbsrvname)."));
    connect(m_authentication, &QComboBox::currentIndexChanged, this, &ProfileEditor::updateAuthentication);
    m_sslMode = new QComboBox(page);
    m_sslMode->setObjectName(QStringLiteral("sslMode"));
    const QList<std::pair<QString, QString>> modes = {
        {QString(), tr("libpq's default (prefer): encrypt when the server offers it")},
        {QStringLiteral("disable"), tr("Never encrypt")},
        {QStringLiteral("allow"), tr("Encrypt only when the server insists")},
        {QStringLiteral("prefer"), tr("Encrypt when the server offers it")},
        {QStringLiteral("require"), tr("Always encrypt; do not check the server's certificate")},
        {QStringLiteral("verify-ca"),
         tr("Always encrypt; the certificate must be signed by the root certificate")},
        {QStringLiteral("verify-full"), tr("Like verify-ca, and the certificate must name the host")},
    };
    for (const auto& [mode, description] : modes) {
        m_sslMode->addItem(mode.isEmpty() ? tr("default") : mode, mode);
        m_sslMode->setItemData(m_sslMode->count() - 1, description, Qt::ToolTipRole);
    }
    m_sslMode->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_sslMode->setToolTip(tr("Whether and how the connection is encrypted (sslmode)."));
    m_sslRootCert = lineEdit(page, "sslRootCert", tr("~/.postgresql/root.crt"));
    m_sslCert = lineEdit(page, "sslCert", tr("~/.postgresql/postgresql.crt"));
    m_sslKey = lineEdit(page, "sslKey", tr("~/.postgresql/postgresql.key"));
    m_sslCrl = lineEdit(page, "sslCrl", tr("none"));

    form->addRow(tr("Authe&ntication:"), m_authentication);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_savePassword);
    form->addRow(QString(), note(page, tr("Passwords go only into the system keychain, never into the "
                                          "profile file.")));
    form->addRow(tr("Password co&mmand:"), m_passwordCommand);
    form->addRow(tr("Command t&imeout:"), m_passwordCommandTimeout);
    form->addRow(tr("&GSS encryption:"), m_gssEncMode);
    form->addRow(tr("Ker&beros service:"), m_krbSrvName);
    form->addRow(tr("SSL &mode:"), m_sslMode);
    form->addRow(tr("&Root certificate:"), fileField(m_sslRootCert, tr("Root certificate")));
    form->addRow(tr("Client &certificate:"), fileField(m_sslCert, tr("Client certificate")));
    form->addRow(tr("Client &key:"), fileField(m_sslKey, tr("Client key")));
    form->addRow(tr("Revocation &list:"), fileField(m_sslCrl, tr("Certificate revocation list")));
    for (QObject* field :
         {static_cast<QObject*>(m_password), static_cast<QObject*>(m_savePassword),
          static_cast<QObject*>(m_sslMode), static_cast<QObject*>(m_sslRootCert),
          static_cast<QObject*>(m_sslCert), static_cast<QObject*>(m_sslKey), static_cast<QObject*>(m_sslCrl),
          static_cast<QObject*>(m_authentication), static_cast<QObject*>(m_passwordCommand),
          static_cast<QObject*>(m_passwordCommandTimeout), static_cast<QObject*>(m_gssEncMode),
          static_cast<QObject*>(m_krbSrvName)})
        watch(field);
    return page;
}

QWidget* ProfileEditor::createPoolTab() {
    auto* page = new QWidget(this);
    page->setObjectName(QStringLiteral("poolPage"));
    QFormLayout* form = formLayout(page);
    // Plain words: what each setting does and its unit, not the names of the library the pool imitates.
    m_poolSize = numberField<QSpinBox>(page, "poolSize");
    m_poolSize->setRange(1, 1000);
    m_poolSize->setToolTip(tr("How many connections stay open while they are idle, shared by every tab of "
                              "this connection (a number of connections)."));
    m_maxOverflow = numberField<QSpinBox>(page, "maxOverflow");
    m_maxOverflow->setRange(-1, 10000);
    m_maxOverflow->setSpecialValueText(tr("unlimited"));
    m_maxOverflow->setToolTip(
        tr("How many more connections may be opened while all those kept open are busy; "
           "they are closed again when handed back (a number of connections). Kept "
           "open plus extra is the most connections PgDesk opens at once."));
    m_poolTimeout = numberField<QDoubleSpinBox>(page, "poolTimeout");
    m_poolTimeout->setRange(0, 86400);
    m_poolTimeout->setDecimals(1);
    m_poolTimeout->setSuffix(tr(" s"));
    m_poolTimeout->setToolTip(tr("How long a request waits for a connection to become free when all of them "
                                 "are in use, before it fails (in seconds)."));
    m_recycle = numberField<QSpinBox>(page, "recycle");
    m_recycle->setRange(-1, 7 * 24 * 3600);
    m_recycle->setSuffix(tr(" s"));
    m_recycle->setSpecialValueText(tr("never"));
    m_recycle->setToolTip(tr("A connection open longer than this is closed and replaced the next time it is "
                             "needed, e.g. to stay under a firewall's idle limit (in seconds)."));
    m_prePing = new QCheckBox(tr("Check a connection &before use"), page);
    m_prePing->setObjectName(QStringLiteral("prePing"));
    m_prePing->setToolTip(tr("Ask the server with a quick round trip whether an idle connection still works "
                             "before it is used, and replace it if the server has dropped it (one round "
                             "trip each time a connection is taken)."));
    m_lifo = new QCheckBox(tr("Reuse the &most recent connection first"), page);
    m_lifo->setObjectName(QStringLiteral("lifo"));
    m_lifo->setToolTip(tr("Hand out the idle connection that was handed back last, so spare ones stay idle "
                          "long enough for the server's idle timeouts to close them. Unticked: the "
                          "connection idle the longest goes first."));
    form->addRow(tr("Connections kept &open:"), m_poolSize);
    form->addRow(tr("&Extra connections when busy:"), m_maxOverflow);
    form->addRow(tr("&Wait for a free connection:"), m_poolTimeout);
    form->addRow(tr("&Replace connections older than:"), m_recycle);
    form->addRow(QString(), m_prePing);
    form->addRow(QString(), m_lifo);
    form->addRow(QString(), note(page, tr("Every tab of this connection shares these connections; hover over "
                                          "a field for what it does.")));
    for (QObject* field : {static_cast<QObject*>(m_poolSize), static_cast<QObject*>(m_maxOverflow),
                           static_cast<QObject*>(m_poolTimeout), static_cast<QObject*>(m_recycle),
                           static_cast<QObject*>(m_prePing), static_cast<QObject*>(m_lifo)})
        watch(field);
    return page;
}

QWidget* ProfileEditor::createSessionTab() {
    auto* page = new QWidget(this);
    QFormLayout* form = formLayout(page);
    m_statementTimeout = numberField<QSpinBox>(page, "statementTimeout");
    m_statementTimeout->setRange(0, std::numeric_limits<int>::max());
    m_statementTimeout->setSingleStep(1000);
    m_statementTimeout->setSuffix(tr(" ms"));
    m_statementTimeout->setSpecialValueText(tr("server default"));
    m_statementTimeout->setToolTip(tr("The server cancels any statement that runs longer than this "
                                      "(statement_timeout)."));
    m_lockTimeout = numberField<QSpinBox>(page, "lockTimeout");
    m_lockTimeout->setRange(0, std::numeric_limits<int>::max());
    m_lockTimeout->setSingleStep(1000);
    m_lockTimeout->setSuffix(tr(" ms"));
    m_lockTimeout->setSpecialValueText(tr("server default"));
    m_lockTimeout->setToolTip(tr("A statement that waits longer than this for a lock another session holds "
                                 "fails instead of waiting on (lock_timeout)."));
    m_isolation = new QComboBox(page);
    m_isolation->setObjectName(QStringLiteral("isolation"));
    m_isolation->addItem(tr("Read committed"), static_cast<int>(core::IsolationLevel::ReadCommitted));
    m_isolation->addItem(tr("Repeatable read"), static_cast<int>(core::IsolationLevel::RepeatableRead));
    m_isolation->addItem(tr("Serializable"), static_cast<int>(core::IsolationLevel::Serializable));
    m_isolation->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_isolation->setToolTip(tr("Isolation level of the transactions PgDesk opens to read pages and apply "
                               "changes."));
    m_readOnly = new QCheckBox(tr("&Read-only: the server refuses every change"), page);
    m_readOnly->setObjectName(QStringLiteral("readOnly"));
    m_readOnly->setToolTip(tr("Sets default_transaction_read_only for the whole session."));
    m_echo = new QCheckBox(tr("&Echo SQL: log every statement PgDesk sends"), page);
    m_echo->setObjectName(QStringLiteral("echo"));
    m_echo->setToolTip(
        tr("Statements go to the SQL log and to standard error (logging category pgdesk.sql)."));
    m_hideParameters = new QCheckBox(tr("&Hide parameter values in logs and errors"), page);
    m_hideParameters->setObjectName(QStringLiteral("hideParameters"));
    m_hideParameters->setToolTip(tr("Values are shown as <hidden>, for data that must not reach a log."));
    m_pooler = new QCheckBox(tr("Through a transaction &pooler (pgbouncer)"), page);
    m_pooler->setObjectName(QStringLiteral("pooler"));
    m_pooler->setToolTip(tr("The statement and lock timeouts and read-only are set in every transaction (SET "
                            "LOCAL) instead of for the session, so they never reach another client's "
                            "transaction."));
    form->addRow(tr("Statement &timeout:"), m_statementTimeout);
    form->addRow(tr("&Lock timeout:"), m_lockTimeout);
    form->addRow(tr("&Isolation level:"), m_isolation);
    form->addRow(QString(), m_readOnly);
    form->addRow(QString(), m_echo);
    form->addRow(QString(), m_hideParameters);
    form->addRow(QString(), m_pooler);
    for (QObject* field : {static_cast<QObject*>(m_statementTimeout), static_cast<QObject*>(m_lockTimeout),
                           static_cast<QObject*>(m_isolation), static_cast<QObject*>(m_readOnly),
                           static_cast<QObject*>(m_echo), static_cast<QObject*>(m_hideParameters),
                           static_cast<QObject*>(m_pooler)})
        watch(field);
    return page;
}

void ProfileEditor::updateAuthentication() {
    // Kerberos needs neither a password nor a command; the GSS settings matter for it above all.
    const bool kerberos =
        m_authentication->currentData().toInt() == static_cast<int>(core::Authentication::Kerberos);
    m_password->setEnabled(!kerberos);
    m_savePassword->setEnabled(!kerberos);
    m_passwordCommand->setEnabled(!kerberos);
    m_passwordCommandTimeout->setEnabled(!kerberos);
}

void ProfileEditor::watch(QObject* field) {
    if (auto* edit = qobject_cast<QLineEdit*>(field))
        connect(edit, &QLineEdit::textEdited, this, &ProfileEditor::onEdited);
    else if (auto* box = qobject_cast<QCheckBox*>(field))
        connect(box, &QCheckBox::toggled, this, &ProfileEditor::onEdited);
    else if (auto* combo = qobject_cast<QComboBox*>(field))
        connect(combo, &QComboBox::currentIndexChanged, this, &ProfileEditor::onEdited);
    else if (auto* spin = qobject_cast<QSpinBox*>(field))
        connect(spin, &QSpinBox::valueChanged, this, &ProfileEditor::onEdited);
    else if (auto* dspin = qobject_cast<QDoubleSpinBox*>(field))
        connect(dspin, &QDoubleSpinBox::valueChanged, this, &ProfileEditor::onEdited);
}

void ProfileEditor::onEdited() {
    if (m_loading)
        return;
    updateValidation();
    emit edited();
}

void ProfileEditor::setProfile(const core::ConnectionProfile& p) {
    m_loading = true;
    m_base = p;
    m_name->setText(p.name);
    m_host->setText(p.host);
    m_port->setText(p.port > 0 ? QString::number(p.port) : QString());
    m_database->setText(p.database);
    m_user->setText(p.user);
    m_service->setText(p.service);
    m_applicationName->setText(p.applicationName);
    m_connectTimeout->setValue(p.connectTimeoutSeconds);
    QStringList extra;
    for (const auto& [key, value] : p.extraOptions)
        extra << key + QLatin1Char('=') + value;
    m_extraOptions->setText(extra.join(QLatin1Char(' ')));
    m_extraOptions->setVisible(!extra.isEmpty());
    if (m_extraOptionsLabel)
        m_extraOptionsLabel->setVisible(!extra.isEmpty());

    m_password->clear();
    m_sslMode->setCurrentIndex(std::max(0, m_sslMode->findData(p.sslMode)));
    m_sslRootCert->setText(p.sslRootCert);
    m_sslCert->setText(p.sslCert);
    m_sslKey->setText(p.sslKey);
    m_sslCrl->setText(p.sslCrl);
    m_authentication->setCurrentIndex(
        std::max(0, m_authentication->findData(static_cast<int>(p.authentication))));
    m_passwordCommand->setText(p.passwordCommand);
    m_passwordCommandTimeout->setValue(p.passwordCommandTimeoutSeconds);
    m_gssEncMode->setCurrentIndex(std::max(0, m_gssEncMode->findData(p.gssEncMode)));
    m_krbSrvName->setText(p.krbSrvName);
    updateAuthentication();

    m_poolSize->setValue(p.pool.size);
    m_maxOverflow->setValue(p.pool.maxOverflow);
    m_poolTimeout->setValue(p.pool.timeoutSeconds);
    m_recycle->setValue(p.pool.recycleSeconds);
    m_prePing->setChecked(p.pool.prePing);
    m_lifo->setChecked(p.pool.useLifo);

    m_statementTimeout->setValue(p.statementTimeoutMs);
    m_lockTimeout->setValue(p.lockTimeoutMs);
    m_isolation->setCurrentIndex(std::max(0, m_isolation->findData(static_cast<int>(p.isolation))));
    m_readOnly->setChecked(p.readOnly);
    m_echo->setChecked(p.echo);
    m_hideParameters->setChecked(p.hideParameters);
    m_pooler->setChecked(p.pooler == core::PoolerMode::Transaction);
    m_savePassword->setChecked(false);
    m_environment->setProfile(p);
    m_ssh->setProfile(p);
    m_loading = false;
    setPasswordState(PasswordState::Unknown);
    updateValidation();
}

core::ConnectionProfile ProfileEditor::profile() const {
    core::ConnectionProfile p = m_base;
    p.name = m_name->text().trimmed();
    p.host = m_host->text().trimmed();
    bool ok = false;
    const int port = m_port->text().trimmed().toInt(&ok);
    p.port = ok ? port : 0;
    p.database = m_database->text().trimmed();
    p.user = m_user->text().trimmed();
    p.service = m_service->text().trimmed();
    p.applicationName = m_applicationName->text().trimmed();
    p.connectTimeoutSeconds = m_connectTimeout->value();
    p.sslMode = m_sslMode->currentData().toString();
    p.sslRootCert = m_sslRootCert->text().trimmed();
    p.sslCert = m_sslCert->text().trimmed();
    p.sslKey = m_sslKey->text().trimmed();
    p.sslCrl = m_sslCrl->text().trimmed();
    p.authentication = static_cast<core::Authentication>(m_authentication->currentData().toInt());
    // Kerberos logs in with the ticket: a command left in the disabled field must not make it invalid.
    p.passwordCommand =
        p.authentication == core::Authentication::Kerberos ? QString() : m_passwordCommand->text().trimmed();
    p.passwordCommandTimeoutSeconds = m_passwordCommandTimeout->value();
    p.gssEncMode = m_gssEncMode->currentData().toString();
    p.krbSrvName = m_krbSrvName->text().trimmed();
    p.pool.size = m_poolSize->value();
    p.pool.maxOverflow = m_maxOverflow->value();
    p.pool.timeoutSeconds = m_poolTimeout->value();
    p.pool.recycleSeconds = m_recycle->value();
    p.pool.prePing = m_prePing->isChecked();
    p.pool.useLifo = m_lifo->isChecked();
    p.statementTimeoutMs = m_statementTimeout->value();
    p.lockTimeoutMs = m_lockTimeout->value();
    p.isolation = static_cast<core::IsolationLevel>(m_isolation->currentData().toInt());
    p.readOnly = m_readOnly->isChecked();
    p.echo = m_echo->isChecked();
    p.hideParameters = m_hideParameters->isChecked();
    p.pooler = m_pooler->isChecked() ? core::PoolerMode::Transaction : core::PoolerMode::None;
    m_environment->applyTo(p);
    m_ssh->applyTo(p);
    return p;
}

std::optional<QString> ProfileEditor::typedPassword() const {
    if (m_password->text().isEmpty())
        return std::nullopt;
    return m_password->text();
}

void ProfileEditor::setTypedPassword(const QString& password) {
    m_password->setText(password);
}

bool ProfileEditor::savePassword() const {
    return m_savePassword->isChecked();
}

void ProfileEditor::setSavePassword(bool save) {
    const bool loading = std::exchange(m_loading, true);
    m_savePassword->setChecked(save);
    m_loading = loading;
}

void ProfileEditor::setPasswordState(PasswordState state, bool setBox) {
    m_passwordState = state;
    if (setBox && state != PasswordState::Unknown)
        setSavePassword(state == PasswordState::Keychain);
    switch (state) {
    case PasswordState::Unknown:
        m_password->setPlaceholderText(tr("looking in the keychain…"));
        break;
    case PasswordState::None:
        m_password->setPlaceholderText(tr("not saved — asked for when the server wants one"));
        break;
    case PasswordState::Session:
        m_password->setPlaceholderText(tr("kept for this session — type a new one to replace it"));
        break;
    case PasswordState::Keychain:
        m_password->setPlaceholderText(tr("saved in the keychain — type a new one to replace it"));
        break;
    }
}

void ProfileEditor::setTakenNames(const QStringList& names) {
    m_takenNames = names;
    updateValidation();
}

QString ProfileEditor::validationError() const {
    const QString name = m_name->text().trimmed();
    if (name.isEmpty())
        return tr("Give the connection a name.");
    if (m_takenNames.contains(name))
        return tr("Another connection is already called “%1”.").arg(name);
    const QString portText = m_port->text().trimmed();
    bool ok = true;
    const int port = portText.isEmpty() ? 5432 : portText.toInt(&ok);
    if (!ok || port < 1 || port > 65535)
        return tr("The port must be a whole number from 1 to 65535, or empty for 5432.");
    if (m_ssh->wantsTunnelWithoutHost())
        return tr("Enter the SSH host, or untick the SSH tunnel.");
    try {
        profile().validate();
    } catch (const core::Error& e) {
        return tr("Check this setting: %1").arg(e.message());
    }
    return {};
}

void ProfileEditor::updateValidation() {
    const QString error = validationError();
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
}

void ProfileEditor::focusName() {
    m_tabs->setCurrentIndex(0);
    m_name->setFocus();
    m_name->selectAll();
}

} // namespace pgdesk::ui
