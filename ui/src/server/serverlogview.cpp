// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/server/serverlogview.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/plan/plan.h>
#include <pgdesk/core/session/canceltoken.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/common/theme.h>
#include <pgdesk/ui/server/deadlockpicture.h>
#include <pgdesk/ui/server/replicationview.h>
#include <pgdesk/ui/server/serverlogmodel.h>

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace pgdesk::ui {

// The tail, used by one read at a time (the next starts after the last one's reply); the first read makes it.
struct ServerLogView::Tail {
    QString file;
    std::optional<core::LogTail> tail;
};

ServerLogView::ServerLogView(std::shared_ptr<core::Pool> pool, const QString& file, QWidget* parent)
    : QWidget(parent)
    , m_pool(std::move(pool))
    , m_tail(std::make_shared<Tail>())
    , m_job(new JobSlot(this))
    , m_timer(new QTimer(this))
    , m_model(new ServerLogModel(this))
    , m_filter(new ServerLogFilter(this))
    , m_groupModel(new ReplicationTableModel(this))
    , m_severity(new QComboBox(this))
    , m_text(new QLineEdit(this))
    , m_sqlstate(new QLineEdit(this))
    , m_database(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_follow(new QCheckBox(tr("Follow"), this))
    , m_view(new QTableView(this))
    , m_detail(new QPlainTextEdit(this))
    , m_deadlock(new DeadlockPicture(this))
    , m_openPlan(new QPushButton(tr("Open plan"), this))
    , m_status(new QLabel(this))
    , m_source(new QLabel(this)) {
    setObjectName(QStringLiteral("serverLogView"));
    m_tail->file = file;

    m_severity->setObjectName(QStringLiteral("serverLogSeverity"));
    m_severity->setAccessibleName(tr("Lowest severity shown"));
    m_severity->addItem(tr("All severities"), QString());
    m_severity->addItem(tr("Errors (ERROR, FATAL, PANIC)"), QStringLiteral("errors"));
    for (const char* level : {"NOTICE", "WARNING", "ERROR", "LOG", "FATAL", "PANIC"})
        m_severity->addItem(tr("%1 and above").arg(QLatin1String(level)), QLatin1String(level));
    m_severity->setToolTip(tr("Ranked as log_min_messages ranks them: LOG is above ERROR"));
    const auto line = [this](QLineEdit* edit, const char* name, const QString& placeholder) {
        edit->setObjectName(QLatin1String(name));
        edit->setPlaceholderText(placeholder);
        edit->setAccessibleName(placeholder);
        edit->setClearButtonEnabled(true);
        connect(edit, &QLineEdit::textChanged, this, &ServerLogView::applyControls);
    };
    line(m_text, "serverLogText", tr("Text in message, detail or statement…"));
    line(m_sqlstate, "serverLogState", tr("SQLSTATE or class"));
    line(m_database, "serverLogDatabase", tr("Database"));
    line(m_user, "serverLogUser", tr("User"));
    m_sqlstate->setMaximumWidth(140);
    connect(m_severity, &QComboBox::currentIndexChanged, this, &ServerLogView::applyControls);
    m_follow->setObjectName(QStringLiteral("serverLogFollow"));
    m_follow->setToolTip(tr("Read what the server adds every second and show the newest"));
    connect(m_follow, &QCheckBox::toggled, this, &ServerLogView::setFollowing);
    auto* refreshButton = new QPushButton(tr("Refresh"), this);
    connect(refreshButton, &QPushButton::clicked, this, &ServerLogView::refresh);

    m_filter->setSourceModel(m_model);
    m_view->setObjectName(QStringLiteral("serverLogGrid"));
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(ServerLogModel::MessageColumn, QHeaderView::Stretch);
    m_view->setColumnWidth(
        ServerLogModel::TimeColumn,
        m_view->fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00 00:00:00.000")) + 16);
    m_view->setAccessibleName(tr("Log entries"));
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ServerLogView::showCurrent);
    connect(m_filter, &QAbstractItemModel::rowsInserted, m_view, [this] {
        if (m_follow->isChecked() &&
            m_view->verticalScrollBar()->value() >= m_view->verticalScrollBar()->maximum() - 2)
            QTimer::singleShot(0, m_view, &QTableView::scrollToBottom);
    });

    m_detail->setObjectName(QStringLiteral("serverLogDetail"));
    m_detail->setReadOnly(true);
    m_detail->setAccessibleName(tr("The selected entry"));
    m_deadlock->hide();
    m_openPlan->setObjectName(QStringLiteral("serverLogOpenPlan"));
    m_openPlan->setToolTip(tr("Show this auto_explain plan in the plan view, with its hotspots"));
    m_openPlan->hide();
    connect(m_openPlan, &QPushButton::clicked, this, &ServerLogView::openPlan);
    // Below the grid: the entry in full, beside it the deadlock's picture when it is one.
    auto* below = new QWidget(this);
    auto* detailColumn = new QVBoxLayout;
    detailColumn->addWidget(m_detail, 1);
    detailColumn->addWidget(m_openPlan, 0, Qt::AlignLeft);
    auto* belowLayout = new QHBoxLayout(below);
    belowLayout->setContentsMargins(0, 0, 0, 0);
    belowLayout->addLayout(detailColumn, 2);
    belowLayout->addWidget(m_deadlock, 3);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(below);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);

    auto* groups = new QTableView(this);
    groups->setObjectName(QStringLiteral("serverLogGroups"));
    groups->setModel(m_groupModel);
    groups->setEditTriggers(QAbstractItemView::NoEditTriggers);
    groups->verticalHeader()->hide();
    groups->horizontalHeader()->setStretchLastSection(true);
    groups->setAccessibleName(tr("Errors grouped"));
    auto* tabs = new QTabWidget(this);
    tabs->addTab(split, tr("Entries"));
    tabs->addTab(groups, tr("Errors grouped"));
    connect(tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == 1)
            updateGroups();
    });

    m_source->setObjectName(QStringLiteral("serverLogSource"));
    m_source->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setObjectName(QStringLiteral("serverLogStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* top = new QHBoxLayout;
    top->addWidget(m_source, 1);
    top->addWidget(m_follow);
    top->addWidget(refreshButton);
    auto* filters = new QHBoxLayout;
    filters->addWidget(m_severity);
    filters->addWidget(m_sqlstate);
    filters->addWidget(m_database);
    filters->addWidget(m_user);
    filters->addWidget(m_text, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(filters);
    layout->addWidget(tabs, 1);
    layout->addWidget(m_status);

    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (!m_job->isRunning())
            refresh();
    });
    m_follow->setChecked(true);
    m_source->setText(file.isEmpty() ? tr("The server's log") : file);
    setStatus(tr("Reading the log…"));
    refresh();
}

ServerLogView::~ServerLogView() = default; // the slot cancels a read still running

QString ServerLogView::statusText() const {
    return m_status->text();
}

bool ServerLogView::readsFile() const {
    return !m_tail->file.isEmpty();
}

QString ServerLogView::source() const {
    return m_source->text();
}

void ServerLogView::setStatus(const QString& text, bool error) {
    m_status->setText(text);
    m_status->setStyleSheet(error ? textStyle(errorColor()) : QString());
}

void ServerLogView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_follow->isChecked())
        m_timer->start();
}

void ServerLogView::hideEvent(QHideEvent* event) {
    QWidget::hideEvent(event);
    m_timer->stop();
}

void ServerLogView::setFollowing(bool follow) {
    if (m_follow->isChecked() != follow)
        m_follow->setChecked(follow);
    if (follow && isVisible())
        m_timer->start();
    else if (!follow)
        m_timer->stop();
}

void ServerLogView::refresh() {
    if (m_job->isRunning())
        return; // the tail is read by one job at a time
    m_job->start(
        [pool = m_pool, state = m_tail](const std::shared_ptr<core::CancelToken>& cancel) {
            QList<core::LogEntry> got;
            const auto readAll = [&](core::LogTail& tail) {
                // The backlog or what was added, in chunks, up to the end of the file.
                for (int i = 0; i < 64 && !cancel->isCancelled(); ++i) {
                    got << tail.poll(1 << 20);
                    if (tail.atEnd())
                        break;
                }
            };
            if (!state->file.isEmpty()) {
                if (!state->tail)
                    state->tail.emplace(core::LogTail::ofFile(state->file));
                readAll(*state->tail);
            } else {
                auto connection = pool->acquire();
                const core::CancelToken::Scope scope(cancel, *connection);
                if (!state->tail)
                    state->tail.emplace(core::LogTail::ofServer(*connection));
                state->tail->setConnection(*connection);
                readAll(*state->tail);
            }
            return std::make_pair(got, state->tail->path());
        },
        [this](const std::pair<QList<core::LogEntry>, QString>& got) {
            m_model->append(got.first);
            m_source->setText(m_tail->file.isEmpty() ? tr("The server's log: %1").arg(got.second)
                                                     : got.second);
            setStatus(
                tr("%n entry(s) shown of %1 read.", nullptr, m_filter->rowCount()).arg(m_model->rowCount()));
            emit loaded(int(got.first.size()));
        },
        [this](const BackgroundFailure& failure) {
            setFollowing(false);
            setStatus(failure.message +
                          (failure.error.hint.isEmpty() ? QString() : QLatin1Char(' ') + failure.error.hint),
                      true);
            emit loadFailed(failure.message);
        });
}

void ServerLogView::applyControls() {
    core::LogFilter f = m_filter->filter();
    const QString severity = m_severity->currentData().toString();
    f.errorsOnly = severity == QLatin1String("errors");
    f.minSeverity = f.errorsOnly ? QString() : severity;
    f.text = m_text->text();
    f.sqlstate = m_sqlstate->text().trimmed().toUpper();
    f.database = m_database->text().trimmed();
    f.user = m_user->text().trimmed();
    m_filter->setFilter(f);
    setStatus(tr("%n entry(s) shown of %1 read.", nullptr, m_filter->rowCount()).arg(m_model->rowCount()));
}

void ServerLogView::setFilter(const core::LogFilter& filter) {
    const QSignalBlocker blockSeverity(m_severity), blockText(m_text), blockState(m_sqlstate),
        blockDatabase(m_database), blockUser(m_user);
    m_severity->setCurrentIndex(
        std::max(0, m_severity->findData(filter.errorsOnly ? QStringLiteral("errors") : filter.minSeverity)));
    m_text->setText(filter.text);
    m_sqlstate->setText(filter.sqlstate);
    m_database->setText(filter.database);
    m_user->setText(filter.user);
    m_filter->setFilter(filter);
    setStatus(tr("%n entry(s) shown of %1 read.", nullptr, m_filter->rowCount()).arg(m_model->rowCount()));
}

void ServerLogView::selectRow(int filteredRow) {
    m_view->setCurrentIndex(m_filter->index(filteredRow, 0));
}

void ServerLogView::showCurrent() {
    const QModelIndex current = m_filter->mapToSource(m_view->currentIndex());
    if (!current.isValid()) {
        m_detail->clear();
        m_deadlock->setReport(std::nullopt);
        m_deadlock->hide();
        m_openPlan->hide();
        return;
    }
    const core::LogEntry& e = m_model->entry(current.row());
    m_detail->setPlainText(core::logEntryText(e));
    const auto report = core::deadlockOf(e);
    m_deadlock->setReport(report);
    m_deadlock->setVisible(report.has_value());
    m_openPlan->setVisible(core::isAutoExplain(e));
}

void ServerLogView::openPlan() {
    const QModelIndex current = m_filter->mapToSource(m_view->currentIndex());
    if (!current.isValid())
        return;
    const core::LogEntry& e = m_model->entry(current.row());
    try {
        auto plan = std::make_shared<const core::Plan>(core::parsePlan(e.message.toUtf8()));
        emit planRequested(plan, tr("Plan at %1").arg(e.timeText));
    } catch (const core::Error& error) {
        setStatus(tr("The plan could not be read: %1").arg(error.message()), true);
    }
}

void ServerLogView::updateGroups() {
    QList<QStringList> rows;
    for (const core::LogErrorGroup& g : core::groupErrors(m_model->entries()))
        rows << QStringList{QString::number(g.count), g.severity, g.sqlstate,
                            g.last.isValid()
                                ? g.last.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                                : QString(),
                            g.pattern};
    m_groupModel->setRows({tr("Count"), tr("Severity"), tr("SQLSTATE"), tr("Last"), tr("Message")}, rows);
}

} // namespace pgdesk::ui
