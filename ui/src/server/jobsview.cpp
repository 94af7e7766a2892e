// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/server/jobsview.h>

#include <pgdesk/core/session/canceltoken.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/session/writeunlock.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/common/productionconfirmdialog.h>
#include <pgdesk/ui/server/jobdialogs.h>
#include <pgdesk/ui/server/replicationview.h>

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace pgdesk::ui {

namespace {

QPushButton* button(const QString& text, const char* name, QWidget* parent) {
    auto* b = new QPushButton(text, parent);
    b->setObjectName(QLatin1String(name));
    return b;
}

QString timeText(const QDateTime& time) {
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : QString();
}

} // namespace

JobsView::JobsView(std::shared_ptr<core::Pool> pool, QWidget* parent)
    : QWidget(parent)
    , m_pool(std::move(pool))
    , m_load(new JobSlot(this))
    , m_runs(new JobSlot(this))
    , m_write(new JobSlot(this))
    , m_timer(new QTimer(this))
    , m_status(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_jobModel(new ReplicationTableModel(this))
    , m_runModel(new ReplicationTableModel(this))
    , m_partitionModel(new ReplicationTableModel(this))
    , m_failuresOnly(new QCheckBox(tr("Failures only"), this)) {
    setObjectName(QStringLiteral("jobsView"));
    m_status->setObjectName(QStringLiteral("jobsStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_failuresOnly->setObjectName(QStringLiteral("jobFailuresOnly"));
    connect(m_failuresOnly, &QCheckBox::toggled, this, &JobsView::loadRuns);

    // Jobs: the list, the selected job's runs below.
    m_jobPage = new QWidget(m_tabs);
    m_jobView = listTableView(m_jobModel, "cronJobs", tr("Jobs"), m_jobPage);
    m_runView = listTableView(m_runModel, "cronRuns", tr("Runs"), m_jobPage);
    m_newJob = button(tr("New job…"), "newJobButton", m_jobPage);
    m_editJob = button(tr("Edit…"), "editJobButton", m_jobPage);
    m_toggleJob = button(tr("Disable"), "toggleJobButton", m_jobPage);
    m_unschedule = button(tr("Unschedule…"), "unscheduleJobButton", m_jobPage);
    connect(m_newJob, &QPushButton::clicked, this, &JobsView::newJob);
    connect(m_editJob, &QPushButton::clicked, this, &JobsView::editJob);
    connect(m_toggleJob, &QPushButton::clicked, this, &JobsView::toggleJob);
    connect(m_unschedule, &QPushButton::clicked, this, &JobsView::askToUnschedule);
    connect(m_jobView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateButtons();
        loadRuns();
    });
    connect(m_jobView, &QTableView::doubleClicked, this, &JobsView::editJob);
    auto* jobButtons = new QHBoxLayout;
    for (QPushButton* b : {m_newJob, m_editJob, m_toggleJob, m_unschedule})
        jobButtons->addWidget(b);
    jobButtons->addStretch(1);
    auto* runHeader = new QHBoxLayout;
    runHeader->addWidget(new QLabel(tr("Runs of the selected job, newest first:"), m_jobPage), 1);
    runHeader->addWidget(m_failuresOnly);
    auto* runPane = new QWidget(m_jobPage);
    auto* runLayout = new QVBoxLayout(runPane);
    runLayout->setContentsMargins(0, 0, 0, 0);
    runLayout->addLayout(runHeader);
    runLayout->addWidget(m_runView, 1);
    auto* split = new QSplitter(Qt::Vertical, m_jobPage);
    split->addWidget(m_jobView);
    split->addWidget(runPane);
    auto* jobLayout = new QVBoxLayout(m_jobPage);
    jobLayout->addLayout(jobButtons);
    jobLayout->addWidget(split, 1);

    // Partition sets.
    m_partitionPage = new QWidget(m_tabs);
    m_partitionView = listTableView(m_partitionModel, "partitionSets", tr("Partition sets"), m_partitionPage);
    auto* newSet = button(tr("New partition set…"), "newPartitionSetButton", m_partitionPage);
    m_editSet = button(tr("Edit…"), "editPartitionSetButton", m_partitionPage);
    m_maintain = button(tr("Run maintenance"), "maintainPartitionSetButton", m_partitionPage);
    m_maintain->setToolTip(tr("Make the partitions premake asks for and apply retention now"));
    connect(newSet, &QPushButton::clicked, this, &JobsView::newPartitionSet);
    connect(m_editSet, &QPushButton::clicked, this, &JobsView::editPartitionSet);
    connect(m_maintain, &QPushButton::clicked, this, &JobsView::askToMaintain);
    connect(m_partitionView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &JobsView::updateButtons);
    connect(m_partitionView, &QTableView::doubleClicked, this, &JobsView::editPartitionSet);
    auto* setButtons = new QHBoxLayout;
    for (QPushButton* b : {newSet, m_editSet, m_maintain})
        setButtons->addWidget(b);
    setButtons->addStretch(1);
    auto* setLayout = new QVBoxLayout(m_partitionPage);
    setLayout->addLayout(setButtons);
    setLayout->addWidget(m_partitionView, 1);

    auto* refreshButton = new QPushButton(themedIcon(QStringLiteral("view-refresh")), tr("Refresh"), this);
    refreshButton->setShortcut(QKeySequence::Refresh);
    connect(refreshButton, &QPushButton::clicked, this, &JobsView::refresh);
    auto* top = new QHBoxLayout;
    top->addWidget(m_status, 1);
    top->addWidget(refreshButton);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_tabs, 1);
    m_timer->setInterval(10000);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (!m_load->isRunning())
            refresh();
    });
    updateButtons();
    refresh();
}

JobsView::~JobsView() = default; // the slots cancel what still runs

void JobsView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    m_timer->start();
}

void JobsView::hideEvent(QHideEvent* event) {
    QWidget::hideEvent(event);
    m_timer->stop();
}

void JobsView::refresh() {
    m_load->start(
        [pool = m_pool](const std::shared_ptr<core::CancelToken>& cancel) {
            auto connection = pool->acquire();
            const core::CancelToken::Scope scope(cancel, *connection);
            core::JobReader reader(*connection);
            JobsSnapshot s;
            s.cron = reader.cronStatus();
            if (s.cron.problem().isEmpty())
                s.jobs = reader.cronJobs();
            s.partman = reader.partmanStatus();
            if (s.partman.installed)
                s.partitionSets = reader.partitionSets(s.partman);
            return s;
        },
        [this](JobsSnapshot snapshot) {
            display(snapshot);
            emit loaded();
        },
        [this](const BackgroundFailure& failure) {
            m_status->setText(tr("Could not read the jobs: %1").arg(failure.message));
            emit failed(failure.message);
        });
}

void JobsView::display(const JobsSnapshot& snapshot) {
    const std::optional<core::CronJob> selected = selectedJob();
    const QString selectedSet =
        m_partitionView->currentIndex().isValid()
            ? m_snapshot.partitionSets.value(m_partitionView->currentIndex().row()).parent
            : QString();
    m_snapshot = snapshot;
    const bool cron = m_snapshot.cron.problem().isEmpty();
    qint64 failing = 0;
    for (const core::CronJob& j : m_snapshot.jobs)
        failing += j.lastStatus == QLatin1String("failed") ? 1 : 0;
    QStringList status;
    status << (cron ? tr("pg_cron %1 in database %2: %n job(s)", nullptr, int(m_snapshot.jobs.size()))
                              .arg(m_snapshot.cron.version, m_snapshot.cron.database) +
                          (failing ? tr(", %n failing", nullptr, int(failing)) : QString()) + QLatin1Char('.')
                    : m_snapshot.cron.problem() + QLatin1Char('.'));
    if (m_snapshot.partman.installed)
        status << tr("pg_partman %1 in schema %2: %n partition set(s).", nullptr,
                     int(m_snapshot.partitionSets.size()))
                      .arg(m_snapshot.partman.version, m_snapshot.partman.schema);
    m_status->setText(status.join(QLatin1Char(' ')));

    QList<QStringList> rows;
    QList<bool> flagged;
    int selectRow = -1;
    for (const core::CronJob& j : m_snapshot.jobs) {
        if (selected && selected->id == j.id)
            selectRow = int(rows.size());
        rows << QStringList{QString::number(j.id),
                            j.name,
                            j.schedule,
                            j.database,
                            j.user,
                            j.active ? tr("yes") : tr("no"),
                            j.lastStatus,
                            timeText(j.lastStart),
                            tr("%1 of %2").arg(j.failures).arg(j.runs),
                            j.command.simplified()};
        flagged << (j.lastStatus == QLatin1String("failed"));
    }
    m_jobModel->setRows({tr("Id"), tr("Name"), tr("Schedule"), tr("Database"), tr("User"), tr("Active"),
                         tr("Last run"), tr("At"), tr("Failed"), tr("Command")},
                        rows, flagged);
    rows.clear();
    int selectSet = -1;
    for (const core::PartitionSet& s : m_snapshot.partitionSets) {
        if (s.parent == selectedSet)
            selectSet = int(rows.size());
        rows << QStringList{s.parent,
                            s.control,
                            s.interval,
                            QString::number(s.premake),
                            s.retention.isEmpty()  ? tr("keep all")
                            : s.retentionKeepTable ? tr("%1, detached").arg(s.retention)
                                                   : tr("%1, dropped").arg(s.retention),
                            QString::number(s.partitions),
                            s.oldest,
                            s.newest};
    }
    m_partitionModel->setRows({tr("Parent"), tr("Control"), tr("Interval"), tr("Premake"), tr("Retention"),
                               tr("Partitions"), tr("Oldest"), tr("Newest")},
                              rows);
    m_jobView->resizeColumnsToContents(); // a few rows: cheap, and the ids and flags stay narrow
    m_partitionView->resizeColumnsToContents();

    // Each tab only where its extension is; the jobs tab also to say why pg_cron is not usable here.
    const bool showJobs = cron || !m_snapshot.partman.installed;
    if (showJobs && m_tabs->indexOf(m_jobPage) < 0)
        m_tabs->insertTab(0, m_jobPage, tr("Jobs"));
    if (!showJobs && m_tabs->indexOf(m_jobPage) >= 0)
        m_tabs->removeTab(m_tabs->indexOf(m_jobPage));
    m_jobPage->setEnabled(cron);
    if (m_snapshot.partman.installed && m_tabs->indexOf(m_partitionPage) < 0)
        m_tabs->addTab(m_partitionPage, tr("Partition sets"));
    if (!m_snapshot.partman.installed && m_tabs->indexOf(m_partitionPage) >= 0)
        m_tabs->removeTab(m_tabs->indexOf(m_partitionPage));
    if (selectRow >= 0)
        m_jobView->selectRow(selectRow);
    if (selectSet >= 0)
        m_partitionView->selectRow(selectSet);
    updateButtons();
    loadRuns();
}

std::optional<core::CronJob> JobsView::selectedJob() const {
    const QModelIndex index = m_jobView->currentIndex();
    if (!index.isValid() || index.row() >= m_snapshot.jobs.size())
        return std::nullopt;
    return m_snapshot.jobs[index.row()];
}

void JobsView::updateButtons() {
    const std::optional<core::CronJob> job = selectedJob();
    m_editJob->setEnabled(job.has_value());
    m_toggleJob->setEnabled(job.has_value());
    m_toggleJob->setText(job && !job->active ? tr("Enable") : tr("Disable"));
    m_unschedule->setEnabled(job.has_value());
    const bool set = m_partitionView->currentIndex().isValid();
    m_editSet->setEnabled(set);
    m_maintain->setEnabled(set);
}

void JobsView::loadRuns() {
    const std::optional<core::CronJob> job = selectedJob();
    if (!job) {
        m_runsOf = -1;
        m_runModel->setRows({}, {});
        return;
    }
    m_runsOf = job->id;
    m_runs->start(
        [pool = m_pool, id = job->id,
         failures = m_failuresOnly->isChecked()](const std::shared_ptr<core::CancelToken>& cancel) {
            auto connection = pool->acquire();
            const core::CancelToken::Scope scope(cancel, *connection);
            return core::JobReader(*connection).cronRuns(id, failures, 200);
        },
        [this](const QList<core::CronRun>& runs) {
            QList<QStringList> rows;
            QList<bool> flagged;
            for (const core::CronRun& r : runs) {
                rows << QStringList{QString::number(r.runId),
                                    r.status,
                                    timeText(r.start),
                                    r.start.isValid() && r.end.isValid()
                                        ? tr("%1 ms").arg(r.start.msecsTo(r.end))
                                        : QString(),
                                    r.database,
                                    r.message};
                flagged << (r.status == QLatin1String("failed"));
            }
            m_runModel->setRows(
                {tr("Run"), tr("Status"), tr("Started"), tr("Took"), tr("Database"), tr("Message")}, rows,
                flagged);
            m_runView->resizeColumnsToContents();
            emit runsLoaded();
        },
        [this](const BackgroundFailure& failure) { m_status->setText(failure.message); });
}

void JobsView::apply(const core::JobChange& change, bool unlocked) {
    m_write->start(
        [pool = m_pool, change, unlocked](const std::shared_ptr<core::CancelToken>& cancel) {
            auto connection = pool->acquire();
            const core::CancelToken::Scope scope(cancel, *connection);
            core::applyJobChange(*connection, change,
                                 unlocked ? core::WriteUnlock::create() : core::WriteAccess{});
            return change.preview;
        },
        [this](const QString& preview) {
            m_status->setText(tr("Done: %1").arg(preview));
            emit applied(preview);
            refresh();
        },
        [this](const BackgroundFailure& failure) {
            m_status->setText(tr("Nothing was changed: %1").arg(failure.message));
            emit failed(failure.message);
        });
}

void JobsView::confirmAndApply(const core::JobChange& change, const QString& what) {
    if (!m_pool->profile().writeGuarded()) {
        apply(change, false);
        return;
    }
    auto* confirm =
        new ProductionConfirmDialog(ProductionConfirmDialog::databaseName(m_pool->profile()), what, this);
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    connect(confirm, &QDialog::accepted, this, [this, change] { apply(change, true); });
    confirm->open();
}

void JobsView::newJob() {
    auto* dialog = new CronJobDialog(std::nullopt, m_snapshot.cron.currentDatabase, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (const auto change = dialog->change())
            confirmAndApply(*change, tr("scheduling a job"));
    });
    dialog->open();
}

void JobsView::editJob() {
    const std::optional<core::CronJob> job = selectedJob();
    if (!job)
        return;
    auto* dialog = new CronJobDialog(job, m_snapshot.cron.currentDatabase, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, id = job->id] {
        if (const auto change = dialog->change())
            confirmAndApply(*change, tr("changing job %1").arg(id));
    });
    dialog->open();
}

void JobsView::toggleJob() {
    const std::optional<core::CronJob> job = selectedJob();
    if (!job)
        return;
    core::CronJobSpec spec;
    spec.active = !job->active;
    confirmAndApply(core::alterCronJob(*job, spec),
                    job->active ? tr("disabling job %1").arg(job->id) : tr("enabling job %1").arg(job->id));
}

void JobsView::askToUnschedule() {
    const std::optional<core::CronJob> job = selectedJob();
    if (!job)
        return;
    const core::JobChange change = core::unscheduleCronJob(job->id);
    if (m_pool->profile().writeGuarded()) {
        confirmAndApply(change, tr("unscheduling job %1").arg(job->id));
        return;
    }
    auto* box =
        new QMessageBox(QMessageBox::Warning, tr("Unschedule job"),
                        tr("Unschedule job %1%2 (%3: %4)? It will not run again; its run history stays.")
                            .arg(job->id)
                            .arg(job->name.isEmpty() ? QString() : QStringLiteral(" \"%1\"").arg(job->name),
                                 job->schedule, job->command.simplified().left(200)),
                        QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("unscheduleConfirm"));
    box->setDetailedText(change.preview + QLatin1Char(';'));
    QPushButton* unschedule = box->addButton(tr("Unschedule"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, unschedule, change](QAbstractButton* clicked) {
        if (clicked == unschedule)
            apply(change, false);
    });
    box->open();
}

void JobsView::newPartitionSet() {
    auto* dialog = new PartitionSetDialog(m_snapshot.partman.schema, std::nullopt, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (const auto change = dialog->change())
            confirmAndApply(*change, tr("creating a partition set"));
    });
    dialog->open();
}

void JobsView::editPartitionSet() {
    const int row = m_partitionView->currentIndex().row();
    if (row < 0 || row >= m_snapshot.partitionSets.size())
        return;
    const core::PartitionSet set = m_snapshot.partitionSets[row];
    auto* dialog = new PartitionSetDialog(m_snapshot.partman.schema, set, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, parent = set.parent] {
        if (const auto change = dialog->change())
            confirmAndApply(*change, dialog->dropsPartitions()
                                         ? tr("dropping partitions of %1 past retention").arg(parent)
                                         : tr("changing partition set %1").arg(parent));
    });
    dialog->open();
}

void JobsView::askToMaintain() {
    const int row = m_partitionView->currentIndex().row();
    if (row < 0 || row >= m_snapshot.partitionSets.size())
        return;
    const core::PartitionSet set = m_snapshot.partitionSets[row];
    const core::JobChange change = core::runPartitionMaintenance(m_snapshot.partman.schema, set.parent);
    const bool drops = !set.retention.isEmpty() && !set.retentionKeepTable;
    if (!drops || m_pool->profile().writeGuarded()) {
        confirmAndApply(change, drops ? tr("dropping partitions of %1 past retention").arg(set.parent)
                                      : tr("maintaining partition set %1").arg(set.parent));
        return;
    }
    // Maintenance with a dropping retention deletes rows: said, with the set's retention, before it runs.
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Run maintenance"),
                                tr("Maintenance drops the partitions of %1 whose range ended more than %2 "
                                   "ago, with their rows.")
                                    .arg(set.parent, set.retention),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("maintainConfirm"));
    QPushButton* run = box->addButton(tr("Drop and maintain"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, run, change](QAbstractButton* clicked) {
        if (clicked == run)
            apply(change, false);
    });
    box->open();
}

} // namespace pgdesk::ui
