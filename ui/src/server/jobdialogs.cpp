// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/server/jobdialogs.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/ui/common/theme.h>

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace pgdesk::ui {

namespace {

QPlainTextEdit* previewEdit(QWidget* parent) {
    auto* edit = new QPlainTextEdit(parent);
    edit->setObjectName(QStringLiteral("jobPreview"));
    edit->setReadOnly(true);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setMaximumHeight(110);
    edit->setAccessibleName(QObject::tr("The statement that will run"));
    return edit;
}

// The change, or the reason there is none yet in its place.
void showChange(QPlainTextEdit* preview, QDialogButtonBox* buttons, std::optional<core::JobChange>& change,
                const std::function<core::JobChange()>& make) {
    try {
        change = make();
        preview->setPlainText(change->preview + QLatin1Char(';'));
    } catch (const core::Error& e) {
        change.reset();
        preview->setPlainText(QStringLiteral("-- ") + e.info().message);
    }
    buttons->button(QDialogButtonBox::Ok)->setEnabled(change.has_value());
}

} // namespace

CronJobDialog::CronJobDialog(std::optional<core::CronJob> current, const QString& database, QWidget* parent)
    : QDialog(parent)
    , m_current(std::move(current))
    , m_name(new QLineEdit(this))
    , m_schedule(new QLineEdit(this))
    , m_command(new QPlainTextEdit(this))
    , m_database(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_active(new QCheckBox(tr("Active: runs on its schedule"), this))
    , m_preview(previewEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("cronJobDialog"));
    setWindowTitle(m_current ? tr("Edit job %1").arg(m_current->id) : tr("New scheduled job"));
    m_name->setObjectName(QStringLiteral("jobName"));
    m_schedule->setObjectName(QStringLiteral("jobSchedule"));
    m_schedule->setPlaceholderText(tr("*/5 * * * *  or  @daily"));
    m_schedule->setToolTip(tr("Minute, hour, day of month, month, day of week (0 = Sunday), as cron reads "
                              "them; or @hourly, @daily, @weekly, @monthly, @yearly. Times are the "
                              "server's (cron.timezone, GMT unless set)."));
    m_command->setObjectName(QStringLiteral("jobCommand"));
    m_command->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_command->setMaximumHeight(120);
    m_database->setObjectName(QStringLiteral("jobDatabase"));
    m_database->setPlaceholderText(database);
    m_user->setObjectName(QStringLiteral("jobUser"));
    m_user->setPlaceholderText(tr("the current user"));
    m_active->setObjectName(QStringLiteral("jobActive"));
    m_active->setChecked(true);
    if (m_current) {
        m_name->setText(m_current->name);
        m_name->setReadOnly(true); // pg_cron's alter_job cannot rename
        m_schedule->setText(m_current->schedule);
        m_command->setPlainText(m_current->command);
        m_database->setText(m_current->database);
        m_user->setText(m_current->user);
        m_active->setChecked(m_current->active);
    }

    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Schedule:"), m_schedule);
    form->addRow(tr("&Command:"), m_command);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("Run as &user:"), m_user);
    form->addRow(QString(), m_active);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Statement:"), this));
    layout->addWidget(m_preview);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit* edit : {m_name, m_schedule, m_database, m_user})
        connect(edit, &QLineEdit::textChanged, this, &CronJobDialog::updatePreview);
    connect(m_command, &QPlainTextEdit::textChanged, this, &CronJobDialog::updatePreview);
    connect(m_active, &QCheckBox::toggled, this, &CronJobDialog::updatePreview);
    updatePreview();
}

bool CronJobDialog::isAcceptable() const {
    return m_buttons->button(QDialogButtonBox::Ok)->isEnabled();
}

void CronJobDialog::updatePreview() {
    core::CronJobSpec spec;
    spec.name = m_name->text().trimmed();
    spec.schedule = m_schedule->text().trimmed();
    spec.command = m_command->toPlainText();
    spec.database = m_database->text().trimmed();
    spec.user = m_user->text().trimmed();
    spec.active = m_active->isChecked();
    showChange(m_preview, m_buttons, m_change, [&] {
        return m_current ? core::alterCronJob(*m_current, spec) : core::scheduleCronJob(spec);
    });
}

PartitionSetDialog::PartitionSetDialog(const QString& partmanSchema,
                                       std::optional<core::PartitionSet> current, QWidget* parent)
    : QDialog(parent)
    , m_schema(partmanSchema)
    , m_current(std::move(current))
    , m_parent(new QLineEdit(this))
    , m_control(new QLineEdit(this))
    , m_interval(new QLineEdit(QStringLiteral("daily"), this))
    , m_premake(new QSpinBox(this))
    , m_retention(new QLineEdit(this))
    , m_drop(
          new QCheckBox(tr("Drop partitions past retention (otherwise detached and kept as tables)"), this))
    , m_dropWarning(new QLabel(this))
    , m_preview(previewEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("partitionSetDialog"));
    setWindowTitle(m_current ? tr("Edit partition set %1").arg(m_current->parent) : tr("New partition set"));
    m_parent->setObjectName(QStringLiteral("partitionParent"));
    m_parent->setPlaceholderText(tr("schema.table, declared PARTITION BY RANGE (column)"));
    m_control->setObjectName(QStringLiteral("partitionControl"));
    m_interval->setObjectName(QStringLiteral("partitionInterval"));
    m_interval->setToolTip(tr("daily, weekly, monthly, yearly, hourly …, any interval, or a number for an "
                              "integer column"));
    m_premake->setObjectName(QStringLiteral("partitionPremake"));
    m_premake->setRange(0, 1000);
    m_premake->setValue(4);
    m_premake->setToolTip(tr("How many partitions are kept made ahead of the newest data"));
    m_retention->setObjectName(QStringLiteral("partitionRetention"));
    m_retention->setPlaceholderText(tr("keep every partition"));
    m_drop->setObjectName(QStringLiteral("partitionDrop"));
    m_dropWarning->setObjectName(QStringLiteral("partitionDropWarning"));
    m_dropWarning->setWordWrap(true);
    m_dropWarning->setStyleSheet(textStyle(errorColor()));
    if (m_current) {
        m_parent->setText(m_current->parent);
        m_control->setText(m_current->control);
        m_interval->setText(m_current->interval);
        m_premake->setValue(m_current->premake);
        m_retention->setText(m_current->retention);
        m_drop->setChecked(!m_current->retentionKeepTable);
        // create_parent's choices; only premake and retention change afterwards.
        for (QLineEdit* fixed : {m_parent, m_control, m_interval})
            fixed->setReadOnly(true);
    } else {
        m_retention->setEnabled(false); // set after create_parent, in part_config
        m_drop->setEnabled(false);
    }

    auto* form = new QFormLayout;
    form->addRow(tr("&Parent table:"), m_parent);
    form->addRow(tr("&Control column:"), m_control);
    form->addRow(tr("&Interval:"), m_interval);
    form->addRow(tr("&Premake:"), m_premake);
    form->addRow(tr("&Retention:"), m_retention);
    form->addRow(QString(), m_drop);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_dropWarning);
    layout->addWidget(new QLabel(tr("Statement:"), this));
    layout->addWidget(m_preview);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit* edit : {m_parent, m_control, m_interval, m_retention})
        connect(edit, &QLineEdit::textChanged, this, &PartitionSetDialog::updatePreview);
    connect(m_premake, &QSpinBox::valueChanged, this, &PartitionSetDialog::updatePreview);
    connect(m_drop, &QCheckBox::toggled, this, &PartitionSetDialog::updatePreview);
    updatePreview();
}

bool PartitionSetDialog::isAcceptable() const {
    return m_buttons->button(QDialogButtonBox::Ok)->isEnabled();
}

bool PartitionSetDialog::dropsPartitions() const {
    return m_current && m_drop->isChecked() && !m_retention->text().trimmed().isEmpty();
}

void PartitionSetDialog::updatePreview() {
    m_dropWarning->setText(dropsPartitions()
                               ? tr("Partitions whose range ends before now − %1 will be dropped with their "
                                    "rows at the next maintenance.")
                                     .arg(m_retention->text().trimmed())
                               : QString());
    m_dropWarning->setVisible(dropsPartitions());
    showChange(m_preview, m_buttons, m_change, [&] {
        if (m_current)
            return core::alterPartitionSet(m_schema, m_current->parent, m_premake->value(),
                                           m_retention->text().trimmed(), !m_drop->isChecked());
        core::PartitionSetSpec spec;
        spec.parent = m_parent->text().trimmed();
        spec.control = m_control->text().trimmed();
        spec.interval = m_interval->text().trimmed();
        spec.premake = m_premake->value();
        return core::createPartitionSet(m_schema, spec);
    });
}

} // namespace pgdesk::ui
