// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/admin/maintenancedialog.h>
#include <pgdesk/ui/common/productionconfirmdialog.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/canceltoken.h>
#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/common/theme.h>

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTimer>
#include <QVBoxLayout>

#include <mutex>

namespace pgdesk::ui {

// Written by the runner's progress callback on the worker, read by the dialog's timer.
struct MaintenanceDialog::Progress {
    std::mutex mutex;
    std::optional<core::MaintenanceProgress> latest;
};

MaintenanceDialog::MaintenanceDialog(core::ConnectionProfile profile, std::optional<QString> password,
                                     QString schema, QString name, QWidget* parent)
    : QDialog(parent)
    , m_profile(std::move(profile))
    , m_password(std::move(password))
    , m_schema(std::move(schema))
    , m_name(std::move(name))
    , m_progressState(std::make_shared<Progress>())
    , m_object(new QLabel(this))
    , m_vacuum(new QRadioButton(tr("&VACUUM: reclaim dead rows"), this))
    , m_analyzeOnly(new QRadioButton(tr("&ANALYZE: update the planner's statistics"), this))
    , m_reindex(new QRadioButton(tr("&REINDEX: rebuild the indexes"), this))
    , m_refresh(new QRadioButton(tr("R&EFRESH the materialized view"), this))
    , m_full(new QCheckBox(tr("&FULL: rewrite the table (locks it exclusively while it runs)"), this))
    , m_freeze(new QCheckBox(tr("F&REEZE: freeze every row"), this))
    , m_analyze(new QCheckBox(tr("A&NALYZE too"), this))
    , m_concurrently(new QCheckBox(tr("&CONCURRENTLY: without blocking writes (slower)"), this))
    , m_statement(new QPlainTextEdit(this))
    , m_note(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_phase(new QLabel(this))
    , m_status(new QLabel(this))
    , m_copy(new QPushButton(tr("Co&py statement"), this))
    , m_run(new QPushButton(tr("R&un"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_close(new QPushButton(tr("Close"), this))
    , m_poll(new QTimer(this))
    , m_read(new JobSlot(this))
    , m_job(new JobSlot(this)) {
    setWindowTitle(tr("Maintenance of %1.%2").arg(m_schema, m_name));
    m_object->setText(tr("Reading %1.%2…").arg(m_schema, m_name));
    m_object->setObjectName(QStringLiteral("maintenanceObject"));
    m_statement->setObjectName(QStringLiteral("maintenanceStatement"));
    m_statement->setReadOnly(true);
    m_statement->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_statement->setMaximumHeight(m_statement->fontMetrics().lineSpacing() * 4);
    m_statement->setAccessibleName(tr("Statement to run"));
    m_note->setWordWrap(true);
    m_note->setObjectName(QStringLiteral("maintenanceNote"));
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("maintenanceStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setVisible(false);
    m_phase->setVisible(false);
    m_run->setDefault(true);

    auto* operations = new QGroupBox(tr("Operation"), this);
    auto* operationLayout = new QVBoxLayout(operations);
    for (QRadioButton* b : {m_vacuum, m_analyzeOnly, m_reindex, m_refresh})
        operationLayout->addWidget(b);
    auto* optionBox = new QGroupBox(tr("Options"), this);
    auto* optionLayout = new QVBoxLayout(optionBox);
    for (QCheckBox* b : {m_full, m_freeze, m_analyze, m_concurrently})
        optionLayout->addWidget(b);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_copy);
    buttons->addStretch();
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_object);
    layout->addWidget(operations);
    layout->addWidget(optionBox);
    layout->addWidget(new QLabel(tr("Statement:"), this));
    layout->addWidget(m_statement);
    layout->addWidget(m_note);
    layout->addWidget(m_phase);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addLayout(buttons);

    for (QRadioButton* b : {m_vacuum, m_analyzeOnly, m_reindex, m_refresh})
        connect(b, &QRadioButton::toggled, this, &MaintenanceDialog::updateControls);
    for (QCheckBox* b : {m_full, m_freeze, m_analyze, m_concurrently})
        connect(b, &QCheckBox::toggled, this, &MaintenanceDialog::updateControls);
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(statementText()); });
    connect(m_run, &QPushButton::clicked, this, &MaintenanceDialog::run);
    connect(m_cancel, &QPushButton::clicked, this, &MaintenanceDialog::cancel);
    connect(m_close, &QPushButton::clicked, this, &MaintenanceDialog::reject);
    connect(m_job, &JobSlot::runningChanged, this, &MaintenanceDialog::updateControls);
    m_poll->setInterval(200);
    connect(m_poll, &QTimer::timeout, this, &MaintenanceDialog::showProgress);
    updateControls();
    readTarget();
}

MaintenanceDialog::~MaintenanceDialog() {
    m_read->abandon();
    m_job->abandon(); // cancels a statement still running (PQcancel from a pool thread)
}

void MaintenanceDialog::readTarget() {
    m_read->start(
        [profile = m_profile, password = m_password, schema = m_schema,
         name = m_name](const std::shared_ptr<core::CancelToken>&) {
            return core::MaintenanceRunner(profile, password).describe(schema, name);
        },
        [this](const core::MaintenanceTarget& target) {
            m_target = target;
            m_object->setText(tr("%1.%2 (%3)").arg(target.schema, target.name, target.kindName()));
            const auto offered = core::maintenanceOperationsFor(target);
            const QList<std::pair<QRadioButton*, core::MaintenanceOperation>> buttons{
                {m_vacuum, core::MaintenanceOperation::Vacuum},
                {m_analyzeOnly, core::MaintenanceOperation::Analyze},
                {m_reindex, core::MaintenanceOperation::Reindex},
                {m_refresh, core::MaintenanceOperation::Refresh}};
            for (const auto& [button, operation] : buttons)
                button->setVisible(offered.contains(operation));
            // A matview is mostly refreshed; everything else mostly vacuumed.
            if (offered.contains(core::MaintenanceOperation::Refresh))
                m_refresh->setChecked(true);
            else if (!offered.isEmpty())
                setOperation(offered.first());
            else
                setStatus(tr("No maintenance applies to a %1.").arg(target.kindName()), true);
            updateControls();
            emit targetRead();
        },
        [this](const BackgroundFailure& failure) {
            m_object->setText(tr("%1.%2").arg(m_schema, m_name));
            setStatus(failure.message, true);
            updateControls();
            emit targetRead();
        });
}

void MaintenanceDialog::setOperation(core::MaintenanceOperation operation) {
    switch (operation) {
    case core::MaintenanceOperation::Vacuum:
        m_vacuum->setChecked(true);
        break;
    case core::MaintenanceOperation::Analyze:
        m_analyzeOnly->setChecked(true);
        break;
    case core::MaintenanceOperation::Reindex:
        m_reindex->setChecked(true);
        break;
    case core::MaintenanceOperation::Refresh:
        m_refresh->setChecked(true);
        break;
    }
}

void MaintenanceDialog::setFull(bool on) {
    m_full->setChecked(on);
}
void MaintenanceDialog::setFreeze(bool on) {
    m_freeze->setChecked(on);
}
void MaintenanceDialog::setAnalyze(bool on) {
    m_analyze->setChecked(on);
}
void MaintenanceDialog::setConcurrently(bool on) {
    m_concurrently->setChecked(on);
}

core::MaintenanceOptions MaintenanceDialog::options() const {
    core::MaintenanceOptions o;
    o.operation = m_analyzeOnly->isChecked() ? core::MaintenanceOperation::Analyze
                  : m_reindex->isChecked()   ? core::MaintenanceOperation::Reindex
                  : m_refresh->isChecked()   ? core::MaintenanceOperation::Refresh
                                             : core::MaintenanceOperation::Vacuum;
    // Options that do not belong to the operation stay ticked for when the user comes back, unsent.
    const bool vacuum = o.operation == core::MaintenanceOperation::Vacuum;
    o.full = vacuum && m_full->isChecked();
    o.freeze = vacuum && m_freeze->isChecked();
    o.analyze = vacuum && m_analyze->isChecked();
    o.concurrently =
        !vacuum && o.operation != core::MaintenanceOperation::Analyze && m_concurrently->isChecked();
    return o;
}

QString MaintenanceDialog::statementText() const {
    if (!m_target || !core::maintenanceRefusal(*m_target, options()).isEmpty())
        return {};
    return core::maintenanceStatement(*m_target, options()) + QLatin1Char(';');
}

QString MaintenanceDialog::statusText() const {
    return m_status->text();
}

bool MaintenanceDialog::isRunning() const {
    return m_job->isRunning();
}

void MaintenanceDialog::setStatus(const QString& text, bool error) {
    m_status->setText(text);
    m_status->setStyleSheet(text.isEmpty() ? QString() : textStyle(error ? errorColor() : successColor()));
}

void MaintenanceDialog::updateControls() {
    const bool running = m_job->isRunning();
    const core::MaintenanceOptions o = options();
    const bool vacuum = o.operation == core::MaintenanceOperation::Vacuum;
    const bool concurrentKind = o.operation == core::MaintenanceOperation::Reindex ||
                                o.operation == core::MaintenanceOperation::Refresh;
    for (QWidget* w : {static_cast<QWidget*>(m_vacuum), static_cast<QWidget*>(m_analyzeOnly),
                       static_cast<QWidget*>(m_reindex), static_cast<QWidget*>(m_refresh)})
        w->setEnabled(m_target && !running);
    m_full->setEnabled(m_target && !running && vacuum);
    m_freeze->setEnabled(m_target && !running && vacuum);
    m_analyze->setEnabled(m_target && !running && vacuum);
    QString notes;
    if (m_target && concurrentKind) {
        const QString why = core::concurrentlyRefusal(*m_target, o.operation);
        m_concurrently->setEnabled(!running && why.isEmpty());
        m_concurrently->setToolTip(why);
        if (!why.isEmpty()) {
            if (m_concurrently->isChecked())
                m_concurrently->setChecked(false); // re-enters updateControls with the box cleared
            notes = tr("Not concurrently: %1.").arg(why);
        }
    } else {
        m_concurrently->setEnabled(false);
        m_concurrently->setToolTip({});
    }
    if (vacuum && o.full)
        notes = tr("VACUUM FULL rewrites the table and locks it against reads and writes until it ends.");
    else if (concurrentKind && !o.concurrently && notes.isEmpty() && m_target)
        notes = o.operation == core::MaintenanceOperation::Reindex
                    ? tr("Without CONCURRENTLY, writes to the table wait until the reindex ends.")
                    : tr("Without CONCURRENTLY, reads of the materialized view wait until the refresh ends.");
    QString refusal;
    if (m_target) {
        refusal = core::maintenanceRefusal(*m_target, o);
        if (!refusal.isEmpty() && core::maintenanceOperationsFor(*m_target).contains(o.operation))
            notes = refusal;
    }
    m_note->setText(notes);
    m_note->setVisible(!notes.isEmpty());
    const QString statement = statementText();
    if (m_statement->toPlainText() != statement)
        m_statement->setPlainText(statement);
    m_copy->setEnabled(!statement.isEmpty());
    m_run->setEnabled(!running && !statement.isEmpty());
    m_cancel->setEnabled(running);
    m_close->setEnabled(!running);
}

void MaintenanceDialog::run() {
    if (!m_target || m_job->isRunning())
        return;
    const QString statement = statementText();
    if (statement.isEmpty())
        return;
    if (!m_profile.writeGuarded())
        return start({});
    // PostgreSQL runs maintenance in read-only sessions too: a production profile asks as Apply does there.
    auto* confirm =
        new ProductionConfirmDialog(ProductionConfirmDialog::databaseName(m_profile), statement + u';', this);
    confirm->setObjectName(QStringLiteral("maintenanceProductionConfirm"));
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    connect(confirm, &QDialog::accepted, this, [this] { start(core::WriteUnlock::create()); });
    confirm->open();
}

void MaintenanceDialog::start(const core::WriteAccess& write) {
    if (!m_target || m_job->isRunning())
        return;
    {
        std::lock_guard lock(m_progressState->mutex);
        m_progressState->latest.reset();
    }
    m_progress->setRange(0, 0); // busy until the server reports numbers
    m_progress->setVisible(true);
    m_phase->setText(tr("Running…"));
    m_phase->setVisible(true);
    setStatus({}, false);
    m_poll->start();
    m_job->start(
        [profile = m_profile, password = m_password, target = *m_target, options = options(),
         progress = m_progressState, write](const std::shared_ptr<core::CancelToken>& token) {
            core::MaintenanceRunner runner(profile, password);
            runner.setProgressCallback([progress](const core::MaintenanceProgress& p) {
                std::lock_guard lock(progress->mutex);
                progress->latest = p;
            });
            return runner.run(target, options, token, write);
        },
        [this](const core::MaintenanceResult& result) {
            m_poll->stop();
            m_progress->setVisible(false);
            m_phase->setVisible(false);
            QString text = tr("Done: %1 finished in %2 ms.")
                               .arg(result.commandTag, QLocale().toString(result.durationMs));
            if (!result.notices.isEmpty())
                text += QLatin1Char('\n') + result.notices.join(QLatin1Char('\n'));
            setStatus(text, false);
            emit succeeded(result.statement, result.durationMs);
        },
        [this](const BackgroundFailure& failure) {
            m_poll->stop();
            m_progress->setVisible(false);
            m_phase->setVisible(false);
            const bool cancelled = failure.error.kind == core::ErrorKind::QueryCanceled;
            setStatus(cancelled ? tr("Cancelled: the server stopped the statement and left %1.%2 as it was.")
                                      .arg(m_schema, m_name)
                                : tr("Failed: %1").arg(failure.message),
                      true);
            emit failed(failure.message, failure.error.sqlState);
        });
    updateControls();
}

void MaintenanceDialog::cancel() {
    if (m_job->isRunning()) {
        m_phase->setText(tr("Cancelling…"));
        m_job->cancel();
    }
}

void MaintenanceDialog::reject() {
    if (m_job->isRunning()) {
        cancel(); // the outcome arrives, then Close works
        return;
    }
    QDialog::reject();
}

void MaintenanceDialog::showProgress() {
    std::optional<core::MaintenanceProgress> p;
    {
        std::lock_guard lock(m_progressState->mutex);
        p = m_progressState->latest;
    }
    if (!p)
        return;
    if (p->percent() >= 0) {
        m_progress->setRange(0, 100);
        m_progress->setValue(p->percent());
    } else {
        m_progress->setRange(0, 0);
    }
    m_phase->setText(p->phase);
}

} // namespace pgdesk::ui
