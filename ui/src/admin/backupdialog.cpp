// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin/dumprunpanel.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/admin/backupdialog.h>
#include <pgdesk/ui/common/jobslot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>

namespace pgdesk::ui {

namespace {

QString extensionOf(core::DumpFormat format) {
    switch (format) {
    case core::DumpFormat::Custom:
        return QStringLiteral(".dump");
    case core::DumpFormat::Plain:
        return QStringLiteral(".sql");
    case core::DumpFormat::Directory:
        return QString();
    }
    return {};
}

} // namespace

BackupDialog::BackupDialog(std::shared_ptr<core::Pool> pool, QWidget* parent)
    : QDialog(parent)
    , m_pool(std::move(pool))
    , m_program(programNamed(QStringLiteral("pg_dump")))
    , m_lookup(new JobSlot(this)) {
    setWindowTitle(tr("Backup"));
    setObjectName(QStringLiteral("backupDialog"));
    auto* form = new QFormLayout;
    m_scope = new QLabel(this);
    m_scope->setObjectName(QStringLiteral("backupScope"));
    form->addRow(tr("What:"), m_scope);

    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("backupPath"));
    QPushButton* browseButton = addPathRow(form, tr("&File:"), m_path, tr("Browse…"));

    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("backupFormat"));
    m_format->addItem(tr("Custom (pg_restore, compressed)"), int(core::DumpFormat::Custom));
    m_format->addItem(tr("Plain SQL (psql)"), int(core::DumpFormat::Plain));
    m_format->addItem(tr("Directory (parallel)"), int(core::DumpFormat::Directory));
    form->addRow(tr("F&ormat:"), m_format);

    m_content = new QComboBox(this);
    m_content->setObjectName(QStringLiteral("backupContent"));
    m_content->addItem(tr("Structure and data"), int(core::DumpContent::All));
    m_content->addItem(tr("Structure only"), int(core::DumpContent::SchemaOnly));
    m_content->addItem(tr("Data only"), int(core::DumpContent::DataOnly));
    form->addRow(tr("&Content:"), m_content);

    m_jobs = new QSpinBox(this);
    m_jobs->setObjectName(QStringLiteral("backupJobs"));
    m_jobs->setRange(1, 32);
    form->addRow(tr("Parallel &jobs:"), m_jobs);
    m_compression = new QSpinBox(this);
    m_compression->setObjectName(QStringLiteral("backupCompression"));
    m_compression->setRange(-1, 9);
    m_compression->setSpecialValueText(tr("pg_dump's default"));
    m_compression->setValue(
        -1); // a spin box starts at 0, "no compression", which the custom format contradicts
    form->addRow(tr("Co&mpression:"), m_compression);
    m_noOwner = new QCheckBox(tr("Leave out owners (--no-owner)"), this);
    m_noOwner->setObjectName(QStringLiteral("backupNoOwner"));
    m_noPrivileges = new QCheckBox(tr("Leave out privileges (--no-privileges)"), this);
    m_noPrivileges->setObjectName(QStringLiteral("backupNoPrivileges"));
    form->addRow(QString(), m_noOwner);
    form->addRow(QString(), m_noPrivileges);

    m_panel = new DumpRunPanel(QStringLiteral("backup"), tr("&Back up"), this, form);
    m_panel->startButton()->setEnabled(false);
    m_panel->setStatus(tr("Looking for pg_dump…"));

    nameFileAfter(m_pool->profile().database);
    m_scope->setText(tr("the whole database %1").arg(m_pool->profile().database));

    connect(browseButton, &QPushButton::clicked, this, &BackupDialog::browse);
    connect(m_panel, &DumpRunPanel::startClicked, this, &BackupDialog::start);
    connect(m_panel, &DumpRunPanel::finished, this, &BackupDialog::finished);
    connect(m_path, &QLineEdit::textChanged, this, &BackupDialog::updateCommand);
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        const auto format = core::DumpFormat(m_format->currentData().toInt());
        // Keep the file name, change its extension to the format's.
        QString path = m_path->text();
        for (const QString& ext : {QStringLiteral(".dump"), QStringLiteral(".sql")})
            if (path.endsWith(ext))
                path.chop(ext.size());
        const bool wasDefault = m_path->text() == m_defaultPath;
        m_path->setText(path + extensionOf(format));
        if (wasDefault)
            m_defaultPath = m_path->text();
        updateCommand();
    });
    for (QComboBox* box : {m_content})
        connect(box, &QComboBox::currentIndexChanged, this, &BackupDialog::updateCommand);
    for (QSpinBox* box : {m_jobs, m_compression})
        connect(box, &QSpinBox::valueChanged, this, &BackupDialog::updateCommand);
    for (QCheckBox* box : {m_noOwner, m_noPrivileges})
        connect(box, &QCheckBox::toggled, this, &BackupDialog::updateCommand);
    updateCommand();

    // Finding pg_dump runs programs and asking the server's version needs a connection: a worker's job.
    m_lookup->start(
        [pool = m_pool](const std::shared_ptr<core::CancelToken>&) {
            auto connection = pool->acquire();
            return core::findDumpProgram(QStringLiteral("pg_dump"), connection->serverVersion());
        },
        [this](const core::DumpProgram& program) {
            m_program = program;
            m_ready = true;
            m_panel->startButton()->setEnabled(true);
            m_panel->setStatus(tr("pg_dump %1 (%2)").arg(program.versionText, program.path));
            updateCommand();
            emit ready();
        },
        [this](const BackgroundFailure& failure) { m_panel->fail(failure.message); });
}

BackupDialog::~BackupDialog() =
    default; // the runner (a child) kills a running pg_dump and removes its output

void BackupDialog::setSchema(const QString& schema) {
    m_schemas = {schema};
    m_tables.clear();
    m_scope->setText(tr("the schema %1").arg(schema));
    nameFileAfter(schema);
    updateCommand();
}

void BackupDialog::setTable(const QString& schema, const QString& name) {
    m_schemas.clear();
    m_tables = {{schema, name}};
    m_scope->setText(tr("the table %1.%2").arg(schema, name));
    nameFileAfter(name);
    updateCommand();
}

void BackupDialog::nameFileAfter(const QString& object) {
    if (!m_defaultPath.isEmpty() && m_path->text() != m_defaultPath)
        return; // the user's own choice stays
    QString base = object;
    // A name may hold characters a file name cannot; the folder separators and NUL above all.
    base.replace(QRegularExpression(QStringLiteral(R"([/\\:*?"<>|\x00-\x1f])")), QStringLiteral("_"));
    if (base.isEmpty() || base.startsWith(QLatin1Char('.')))
        base.prepend(QStringLiteral("backup"));
    const auto format = core::DumpFormat(m_format->currentData().toInt());
    m_defaultPath = QDir::home().filePath(base + extensionOf(format));
    m_path->setText(m_defaultPath);
}

void BackupDialog::setPath(const QString& path) {
    m_path->setText(path);
}

QString BackupDialog::path() const {
    return m_path->text();
}

void BackupDialog::setFormat(core::DumpFormat format) {
    m_format->setCurrentIndex(m_format->findData(int(format)));
}

void BackupDialog::setContent(core::DumpContent content) {
    m_content->setCurrentIndex(m_content->findData(int(content)));
}

void BackupDialog::setNoOwner(bool on) {
    m_noOwner->setChecked(on);
}

core::BackupOptions BackupDialog::options() const {
    core::BackupOptions o;
    o.format = core::DumpFormat(m_format->currentData().toInt());
    o.content = core::DumpContent(m_content->currentData().toInt());
    o.schemas = m_schemas;
    o.tables = m_tables;
    o.jobs = o.format == core::DumpFormat::Directory ? m_jobs->value() : 1;
    o.compression = o.format == core::DumpFormat::Plain ? -1 : m_compression->value();
    o.noOwner = m_noOwner->isChecked();
    o.noPrivileges = m_noPrivileges->isChecked();
    return o;
}

QString BackupDialog::commandText() const {
    return commandPreview(
        [this] { return core::backupCommand(m_program, m_pool->profile(), options(), path()); });
}

void BackupDialog::updateCommand() {
    const auto format = core::DumpFormat(m_format->currentData().toInt());
    m_jobs->setEnabled(format == core::DumpFormat::Directory);
    m_compression->setEnabled(format != core::DumpFormat::Plain);
    m_panel->setCommand(commandText());
}

void BackupDialog::browse() {
    const auto format = core::DumpFormat(m_format->currentData().toInt());
    const QString chosen = format == core::DumpFormat::Directory
                               ? QFileDialog::getSaveFileName(this, tr("Back up into the new folder"), path())
                               : QFileDialog::getSaveFileName(this, tr("Back up to"), path());
    if (!chosen.isEmpty())
        setPath(chosen);
}

bool BackupDialog::isRunning() const {
    return m_panel->isRunning();
}

QString BackupDialog::statusText() const {
    return m_panel->status();
}

void BackupDialog::start() {
    if (!m_ready || isRunning())
        return;
    core::DumpCommand command;
    try {
        command = core::backupCommand(m_program, m_pool->profile(), options(), m_path->text());
    } catch (const core::Error& e) {
        m_panel->fail(e.message());
        return;
    }
    // The catalog count (the progress bar's total) is a query: on a worker.
    m_panel->prepare(
        tr("Counting tables…"),
        [pool = m_pool, options = options(), command] {
            auto connection = pool->acquire();
            const int total = core::dumpTableCount(*connection, options);
            return readyToRun(command, total, pool->profile(), pool->password());
        },
        {tr("Backing up…"), tr("Cancel backup"),
         [](int done, int all, const QString& table) {
             return all > 0 ? tr("Dumped %1 of %n table(s): %2", "", all).arg(done).arg(table)
                            : tr("Dumped %n table(s): %1", "", done).arg(table);
         },
         [this](core::DumpRunner::State state, const core::DumpRunner& runner) {
             switch (state) {
             case core::DumpRunner::State::Succeeded:
                 return tr("Backup written to %1 (%n table(s)).", "", runner.tablesDone()).arg(path());
             case core::DumpRunner::State::Canceled:
                 return tr("Cancelled: no file was written.");
             default:
                 return tr("The backup failed; no file was written.\n%1").arg(runner.errorText());
             }
         }});
}

void BackupDialog::cancel() {
    m_panel->cancel();
}

void BackupDialog::reject() {
    if (m_panel->cancelIfRunning())
        return; // the dialog stays until pg_dump has stopped and its output is gone
    QDialog::reject();
}

} // namespace pgdesk::ui
