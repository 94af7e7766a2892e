// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin/dumprunpanel.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/profiles/passwordcommand.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/session/writeunlock.h>
#include <pgdesk/ui/background.h>
#include <pgdesk/ui/productionconfirmdialog.h>
#include <pgdesk/ui/restoredialog.h>

#include <QCheckBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace pgdesk::ui {

namespace {

struct Prepared {
    core::DumpCommand command;
    int total = 0;
    std::optional<QString> password; // a password command's fresh token, else the session's password
};

QString programFor(core::DumpFormat format) {
    return format == core::DumpFormat::Plain ? QStringLiteral("psql") : QStringLiteral("pg_restore");
}

} // namespace

RestoreDialog::RestoreDialog(std::shared_ptr<core::Pool> pool, QWidget* parent)
    : QDialog(parent)
    , m_pool(std::move(pool)) {
    setWindowTitle(tr("Restore"));
    setObjectName(QStringLiteral("restoreDialog"));
    m_confirm = [this](const QString& question) {
        return QMessageBox::warning(this, tr("Restore"), question, QMessageBox::Yes | QMessageBox::Cancel,
                                    QMessageBox::Cancel) == QMessageBox::Yes;
    };
    auto* form = new QFormLayout;
    auto* pathRow = new QHBoxLayout;
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("restorePath"));
    auto* browseButton = new QPushButton(tr("Browse…"), this);
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browseButton);
    auto* pathLabel = new QLabel(tr("&Backup:"), this); // a row of widgets: the buddy is set here
    pathLabel->setBuddy(m_path);
    form->addRow(pathLabel, pathRow);
    m_database = new QLineEdit(this);
    m_database->setObjectName(QStringLiteral("restoreDatabase"));
    m_database->setPlaceholderText(tr("an existing database"));
    form->addRow(tr("Into &database:"), m_database);
    m_clean = new QCheckBox(tr("Drop the backup's objects first (--clean --if-exists)"), this);
    m_clean->setObjectName(QStringLiteral("restoreClean"));
    m_noOwner = new QCheckBox(tr("Leave out owners (--no-owner)"), this);
    m_noOwner->setObjectName(QStringLiteral("restoreNoOwner"));
    m_singleTransaction = new QCheckBox(tr("In one transaction: a failure restores nothing"), this);
    m_singleTransaction->setObjectName(QStringLiteral("restoreSingleTransaction"));
    m_singleTransaction->setChecked(true);
    form->addRow(QString(), m_clean);
    form->addRow(QString(), m_noOwner);
    form->addRow(QString(), m_singleTransaction);

    m_panel = new DumpRunPanel(QStringLiteral("restore"), tr("&Restore"), this);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_panel);

    connect(browseButton, &QPushButton::clicked, this, [this] {
        const QString chosen = QFileDialog::getOpenFileName(this, tr("Restore from"), m_path->text());
        if (!chosen.isEmpty())
            setPath(chosen);
    });
    connect(m_panel, &DumpRunPanel::startClicked, this, &RestoreDialog::start);
    connect(m_panel, &DumpRunPanel::rejected, this, &RestoreDialog::reject);
    connect(m_panel, &DumpRunPanel::runFinished, this, &RestoreDialog::runnerFinished);
    connect(m_path, &QLineEdit::textChanged, this, &RestoreDialog::updateCommand);
    connect(m_database, &QLineEdit::textChanged, this, &RestoreDialog::updateCommand);
    for (QCheckBox* box : {m_clean, m_noOwner, m_singleTransaction})
        connect(box, &QCheckBox::toggled, this, &RestoreDialog::updateCommand);
    updateCommand();
}

RestoreDialog::~RestoreDialog() = default;

void RestoreDialog::setPath(const QString& path) {
    m_path->setText(path);
}

void RestoreDialog::setDatabase(const QString& database) {
    m_database->setText(database);
}

void RestoreDialog::setClean(bool on) {
    m_clean->setChecked(on);
}

void RestoreDialog::setConfirmation(std::function<bool(const QString&)> confirm) {
    m_confirm = std::move(confirm);
}

core::RestoreOptions RestoreDialog::options() const {
    core::RestoreOptions o;
    o.database = m_database->text().trimmed();
    o.clean = m_clean->isChecked();
    o.noOwner = m_noOwner->isChecked();
    o.singleTransaction = m_singleTransaction->isChecked();
    return o;
}

core::DumpFormat RestoreDialog::format() const {
    return core::detectDumpFormat(m_path->text());
}

QString RestoreDialog::commandText() const {
    const core::DumpFormat f = format();
    const core::DumpProgram program{programFor(f), programFor(f), 0, QString()};
    try {
        QString text =
            core::restoreCommand(program, m_pool->profile(), options(), f, m_path->text()).displayText();
        // What the run adds to a plain file's psql, so the command shown is the whole story.
        if (f == core::DumpFormat::Plain)
            text += QStringLiteral("\n# ") +
                    tr("The file is read first: psql commands in it are refused. A psql that has \\restrict "
                       "(15.14 and later) starts with it and a one-time key, so none can run.");
        return text;
    } catch (const core::Error& e) {
        return e.message();
    }
}

void RestoreDialog::updateCommand() {
    const bool plain = !m_path->text().isEmpty() && format() == core::DumpFormat::Plain;
    // A plain backup is replayed as written: cleaning and owners were chosen when it was made.
    m_clean->setEnabled(!plain);
    m_noOwner->setEnabled(!plain);
    m_panel->setCommand(commandText());
}

bool RestoreDialog::isRunning() const {
    return m_panel->isRunning();
}

QString RestoreDialog::statusText() const {
    return m_panel->status();
}

void RestoreDialog::start() {
    if (isRunning())
        return;
    const core::RestoreOptions o = options();
    const QString input = m_path->text();
    if (o.database.isEmpty() || !QFileInfo::exists(input)) {
        m_panel->setStatus(o.database.isEmpty() ? tr("Name the database to restore into.")
                                                : tr("There is no backup at %1.").arg(input));
        emit finished(false, m_panel->status());
        return;
    }
    const QString question =
        tr("Restore %1 into the database \"%2\" on %3?\n\nIts objects are created in \"%2\"%4.")
            .arg(QFileInfo(input).fileName(), o.database,
                 m_pool->profile().host.isEmpty() ? tr("the default server") : m_pool->profile().host,
                 o.clean ? tr(", replacing those of the same name") : QString());
    if (!m_confirm(question)) {
        m_panel->setStatus(tr("Not restored."));
        return;
    }
    // The production guard: pg_restore and psql write, so the database's name is typed first, and only then
    // do they get a profile whose sessions start writable.
    core::ConnectionProfile profile = m_pool->profile();
    if (profile.writeGuarded()) {
        ProductionConfirmDialog confirm(o.database, tr("Restore of %1").arg(QFileInfo(input).fileName()),
                                        this);
        if (confirm.exec() != QDialog::Accepted) {
            m_panel->setStatus(tr("Not restored."));
            return;
        }
        profile = core::unlockedProfile(profile, *core::WriteUnlock::create());
    }
    m_panel->preparing(tr("Checking the database and the backup…"));
    const core::DumpFormat f = format();
    // Connecting to the target (it must exist), finding the program and reading the archive's table count
    // run programs and a connection: on a worker.
    runInBackground(
        this,
        [profile, password = m_pool->password(), o, f, input] {
            core::ConnectionProfile into = profile;
            into.database = o.database;
            auto connection = core::Connection::open(into, password);
            Prepared prepared;
            prepared.password = core::connectionPassword(profile, password);
            const auto program = core::findDumpProgram(
                programFor(f), f == core::DumpFormat::Plain ? 0 : connection.serverVersion());
            prepared.command = core::restoreCommand(program, profile, o, f, input);
            core::guardPlainRestore(prepared.command, program.version); // refuses psql meta-commands
            core::routeThroughTunnel(prepared.command, profile);        // the connection's tunnel, up by now
            prepared.total =
                core::archiveTableCount(f == core::DumpFormat::Plain ? QString() : program.path, f, input);
            return prepared;
        },
        [this](const Prepared& prepared) {
            m_panel->run(prepared.command, prepared.password, prepared.total, tr("Restoring…"),
                         tr("Cancel restore"), [](int done, int all, const QString&) {
                             return tr("Restored the data of %1 of %2 tables").arg(done).arg(all);
                         });
        },
        [this](const QString& message) {
            m_panel->prepareFailed(message);
            emit finished(false, message);
        });
}

void RestoreDialog::runnerFinished(core::DumpRunner::State state) {
    QString message;
    const bool ok = state == core::DumpRunner::State::Succeeded;
    const bool oneTransaction = options().singleTransaction;
    if (ok) {
        message =
            tr("Restored into %1 (%2 tables).").arg(options().database).arg(m_panel->runner()->tablesDone());
    } else if (state == core::DumpRunner::State::Canceled) {
        message = oneTransaction ? tr("Cancelled: nothing was restored.") : tr("Cancelled.");
    } else {
        message = (oneTransaction ? tr("The restore failed; nothing was restored.\n%1")
                                  : tr("The restore failed.\n%1"))
                      .arg(m_panel->runner()->errorText());
    }
    m_panel->setStatus(message);
    emit finished(ok, message);
}

void RestoreDialog::cancel() {
    m_panel->cancel();
}

void RestoreDialog::reject() {
    if (m_panel->cancelIfRunning())
        return; // the dialog stays until the program has stopped
    QDialog::reject();
}

} // namespace pgdesk::ui
