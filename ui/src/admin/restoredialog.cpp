// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin/dumprunpanel.h"

#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/session/writeunlock.h>
#include <pgdesk/ui/admin/restoredialog.h>
#include <pgdesk/ui/common/productionconfirmdialog.h>

#include <QCheckBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>

namespace pgdesk::ui {

namespace {

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
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("restorePath"));
    QPushButton* browseButton = addPathRow(form, tr("&Backup:"), m_path, tr("Browse…"));
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

    m_panel = new DumpRunPanel(QStringLiteral("restore"), tr("&Restore"), this, form);

    connect(browseButton, &QPushButton::clicked, this, [this] {
        const QString chosen = QFileDialog::getOpenFileName(this, tr("Restore from"), m_path->text());
        if (!chosen.isEmpty())
            setPath(chosen);
    });
    connect(m_panel, &DumpRunPanel::startClicked, this, &RestoreDialog::start);
    connect(m_panel, &DumpRunPanel::finished, this, &RestoreDialog::finished);
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
    // What the run adds to a plain file's psql, so the command shown is the whole story.
    const QString note =
        f == core::DumpFormat::Plain
            ? tr("The file is read first: psql commands in it are refused. A psql that has \\restrict "
                 "(15.14 and later) starts with it and a one-time key, so none can run.")
            : QString();
    return commandPreview(
        [&] {
            return core::restoreCommand(programNamed(programFor(f)), m_pool->profile(), options(), f,
                                        m_path->text());
        },
        note);
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
        m_panel->fail(o.database.isEmpty() ? tr("Name the database to restore into.")
                                           : tr("There is no backup at %1.").arg(input));
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
    const core::DumpFormat f = format();
    // Connecting to the target (it must exist), finding the program and reading the archive's table count
    // run programs and a connection: on a worker.
    m_panel->prepare(
        tr("Checking the database and the backup…"),
        [profile, password = m_pool->password(), o, f, input] {
            core::ConnectionProfile into = profile;
            into.database = o.database;
            auto connection = core::Connection::open(into, password);
            const auto program = core::findDumpProgram(
                programFor(f), f == core::DumpFormat::Plain ? 0 : connection.serverVersion());
            core::DumpCommand command = core::restoreCommand(program, profile, o, f, input);
            core::guardPlainRestore(command, program.version); // refuses psql meta-commands
            const int total =
                core::archiveTableCount(f == core::DumpFormat::Plain ? QString() : program.path, f, input);
            return readyToRun(std::move(command), total, profile, password);
        },
        {tr("Restoring…"), tr("Cancel restore"),
         [](int done, int all, const QString&) {
             return tr("Restored the data of %1 of %2 tables").arg(done).arg(all);
         },
         // The options as they stand when the program ends.
         [this](core::DumpRunner::State state, const core::DumpRunner& runner) {
             const bool oneTransaction = options().singleTransaction;
             if (state == core::DumpRunner::State::Succeeded)
                 return tr("Restored into %1 (%2 tables).").arg(options().database).arg(runner.tablesDone());
             if (state == core::DumpRunner::State::Canceled)
                 return oneTransaction ? tr("Cancelled: nothing was restored.") : tr("Cancelled.");
             return (oneTransaction ? tr("The restore failed; nothing was restored.\n%1")
                                    : tr("The restore failed.\n%1"))
                 .arg(runner.errorText());
         }});
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
