// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/admin/activityview.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/canceltoken.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/common/productionconfirmdialog.h>
#include <pgdesk/ui/common/theme.h>

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPalette>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <QHash>
#include <QSignalBlocker>

#include <algorithm>
#include <functional>
#include <mutex>

namespace pgdesk::ui {

namespace {

// A hue mixed into the view's base colour, opaque, so the palette's text keeps its contrast in both themes.
QColor mixed(const QColor& hue, double amount) {
    const QColor base = QApplication::palette().color(QPalette::Base);
    auto mix = [amount](int a, int b) { return static_cast<int>(a * (1.0 - amount) + b * amount); };
    return QColor(mix(base.red(), hue.red()), mix(base.green(), hue.green()), mix(base.blue(), hue.blue()));
}

QString pidList(const QList<int>& pids) {
    QStringList parts;
    for (int pid : pids)
        parts << QString::number(pid);
    return parts.join(QStringLiteral(", "));
}

QString oneLine(const QString& text, int max) {
    QString line = text.simplified();
    if (line.size() > max)
        line = line.left(max) + QChar(0x2026);
    return line;
}

} // namespace

// ---- ActivityModel ----

ActivityModel::ActivityModel(QObject* parent)
    : QAbstractTableModel(parent) {
}

int ActivityModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_sessions.size());
}

int ActivityModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString ActivityModel::ageText(qint64 seconds) {
    if (seconds < 0)
        return {};
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    if (seconds < 86400)
        return tr("%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
    return tr("%1 d %2 h").arg(seconds / 86400).arg(seconds % 86400 / 3600);
}

QVariant ActivityModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_sessions.size() || index.column() >= ColumnCount)
        return {};
    const core::BackendActivity& s = m_sessions.at(index.row());
    const bool idleInTransaction = s.isIdleInTransaction();
    switch (role) {
    case PidRole:
        return s.pid;
    case HighlightRole:
        return s.isBlocked() ? QStringLiteral("blocked")
                             : (idleInTransaction ? QStringLiteral("idle_in_transaction") : QString());
    case Qt::DisplayRole:
        switch (index.column()) {
        case Pid:
            return s.pid;
        case User:
            return s.user;
        case Database:
            return s.database;
        case Application:
            return s.application;
        case Client:
            if (!s.clientAddress.isEmpty())
                return s.clientAddress;
            return s.backendType == QLatin1String("client backend") ? tr("local socket") : QString();
        case State:
            return s.state.isEmpty() ? s.backendType : s.state;
        case Wait:
            return s.waitEventType.isEmpty() ? QString() : s.waitEventType + QLatin1Char(':') + s.waitEvent;
        case TransactionAge:
            return ageText(s.transactionSeconds);
        case BlockedBy:
            return pidList(s.blockedBy);
        case LockMode:
            return s.waitingLockMode;
        case Query:
            return oneLine(s.query, 200);
        default:
            return {};
        }
    case Qt::ToolTipRole: {
        if (index.column() == Query)
            return s.query.isEmpty() ? QVariant() : s.query;
        if (index.column() == BlockedBy && s.isBlocked())
            return tr("Waits for %1 (%2) held by PID %3")
                .arg(s.waitingLockMode, s.waitingLockType, pidList(s.blockedBy));
        if (index.column() == TransactionAge && !s.transactionStart.isEmpty())
            return tr("Transaction started %1").arg(s.transactionStart);
        // Any other cell: its whole text, for when the column is narrower than it.
        const QString text = data(index, Qt::DisplayRole).toString();
        return text.isEmpty() ? QVariant() : text;
    }
    case Qt::BackgroundRole:
        // A blocked row stands out whole; an idle transaction only by its age, the thing to act on.
        if (s.isBlocked())
            return mixed(errorColor(), 0.18);
        if (idleInTransaction && index.column() == TransactionAge)
            return mixed(warningColor(), 0.30);
        if (s.blocksOthers && index.column() == Pid)
            return mixed(warningColor(), 0.30);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Pid || index.column() == TransactionAge)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant ActivityModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Pid:
        return tr("PID");
    case User:
        return tr("User");
    case Database:
        return tr("Database");
    case Application:
        return tr("Application");
    case Client:
        return tr("Client");
    case State:
        return tr("State");
    case Wait:
        return tr("Wait event");
    case TransactionAge:
        return tr("Transaction age");
    case BlockedBy:
        return tr("Blocked by");
    case LockMode:
        return tr("Lock mode");
    case Query:
        return tr("Query");
    default:
        return {};
    }
}

void ActivityModel::setSessions(QList<core::BackendActivity> sessions) {
    beginResetModel();
    m_sessions = std::move(sessions);
    endResetModel();
}

int ActivityModel::rowOfPid(int pid) const {
    for (qsizetype row = 0; row < m_sessions.size(); ++row)
        if (m_sessions.at(row).pid == pid)
            return static_cast<int>(row);
    return -1;
}

// ---- ActivityView ----

// The view's own connection: opened by the first job, reopened after it was lost. Jobs of the two slots may
// overlap (a superseded read still finishing), so each holds the mutex while it uses the connection.
struct ActivityView::Reading {
    core::ConnectionProfile profile;
    std::optional<QString> password;
    std::mutex mutex;
    std::unique_ptr<core::Connection> connection;

    template <class Fn> auto with(const std::shared_ptr<core::CancelToken>& token, Fn fn) {
        std::lock_guard lock(mutex);
        token->throwIfCancelled();
        if (!connection)
            connection = std::make_unique<core::Connection>(core::Connection::open(profile, password));
        try {
            core::CancelToken::Scope scope(token, *connection);
            core::ActivityReader reader(*connection);
            return fn(reader);
        } catch (const core::ConnectionError&) {
            connection.reset(); // the next job connects again
            throw;
        }
    }
};

ActivityView::ActivityView(core::ConnectionProfile profile, std::optional<QString> password, QWidget* parent)
    : QWidget(parent)
    , m_reading(std::make_shared<Reading>())
    , m_model(new ActivityModel(this))
    , m_view(new QTableView(this))
    , m_tree(new QTreeWidget(this))
    , m_message(new QLabel(this))
    , m_poolerBanner(new QLabel(this))
    , m_refreshButton(new QPushButton(tr("&Refresh"), this))
    , m_cancelButton(new QPushButton(tr("&Cancel Query…"), this))
    , m_terminateButton(new QPushButton(tr("&Terminate Session…"), this))
    , m_timer(new QTimer(this))
    , m_load(new JobSlot(this))
    , m_signal(new JobSlot(this)) {
    m_reading->profile = std::move(profile);
    m_reading->password = std::move(password);

    m_poolerBanner->setWordWrap(true);
    m_poolerBanner->setText(
        tr("Connected through a transaction pooler: these are the server's backends (the pooler's server "
           "connections), not the pooler's client sessions."));
    m_poolerBanner->setStyleSheet(textStyle(infoColor()));
    m_poolerBanner->setVisible(m_reading->profile.pooler != core::PoolerMode::None);
    m_message->setWordWrap(true);
    m_message->hide();

    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(false); // the highlights are the only backgrounds
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(ActivityModel::Query, QHeaderView::Stretch);
    m_view->setWordWrap(false);
    connect(m_view->horizontalHeader(), &QHeaderView::sectionResized, this, [this](int column) {
        if (!m_fitting && column != ActivityModel::Query)
            m_sizedByUser.insert(column);
    });

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_refreshButton);
    buttons->addStretch();
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_terminateButton);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_poolerBanner);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    m_tree->setHeaderLabels({tr("Who blocks whom")});
    m_tree->setRootIsDecorated(true);
    m_tree->hide();
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(m_tree);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (item)
            selectPid(item->data(0, ActivityModel::PidRole).toInt());
    });

    connect(m_refreshButton, &QPushButton::clicked, this, &ActivityView::refresh);
    connect(m_cancelButton, &QPushButton::clicked, this, &ActivityView::cancelSelected);
    connect(m_terminateButton, &QPushButton::clicked, this, &ActivityView::terminateSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ActivityView::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ActivityView::updateButtons);
    m_timer->setInterval(kRefreshMs);
    // A tick while a read still runs is skipped: superseding it would cancel it on a slow server forever.
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (!m_load->isRunning())
            refresh();
    });
    // A production profile asks as Apply does there: the database's name typed (the guard's key).
    m_guarded = m_reading->profile.writeGuarded();
    m_confirm = [this, guarded = m_guarded,
                 database = ProductionConfirmDialog::databaseName(m_reading->profile)](const QString& title,
                                                                                       const QString& text) {
        if (guarded) {
            ProductionConfirmDialog dialog(database, text, this);
            dialog.setWindowTitle(title);
            return dialog.exec() == QDialog::Accepted;
        }
        return QMessageBox::question(this, title, text, QMessageBox::Yes | QMessageBox::No,
                                     QMessageBox::No) == QMessageBox::Yes;
    };
    updateButtons();
}

ActivityView::~ActivityView() {
    m_load->abandon();
    m_signal->abandon();
    // The last owner closes the connection (PQfinish): on a pool thread, never on the GUI thread.
    jobPool().start([reading = std::move(m_reading)]() mutable { reading.reset(); });
}

bool ActivityView::isLoading() const {
    return m_load->isRunning();
}

void ActivityView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    refresh();
    m_timer->start();
}

void ActivityView::hideEvent(QHideEvent* event) {
    QWidget::hideEvent(event);
    m_timer->stop(); // nothing is read while nobody looks
}

void ActivityView::refresh() {
    m_load->start(
        [reading = m_reading](const std::shared_ptr<core::CancelToken>& token) {
            return reading->with(token, [](core::ActivityReader& reader) { return reader.sessions(); });
        },
        [this](QList<core::BackendActivity> sessions) {
            const int pid = selectedPid();
            m_model->setSessions(std::move(sessions));
            fitColumns();
            fillBlockingTree();
            if (pid != 0)
                selectPid(pid); // a refresh keeps the selected session selected
            m_message->hide();
            emit refreshed();
        },
        [this](const BackgroundFailure& failure) {
            showMessage(failure.message, true);
            emit refreshFailed(failure.message);
        });
}

void ActivityView::selectPid(int pid) {
    const int row = m_model->rowOfPid(pid);
    if (row < 0) {
        m_view->clearSelection();
        return;
    }
    m_view->selectionModel()->select(m_model->index(row, 0),
                                     QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->setCurrentIndex(m_model->index(row, 0));
}

int ActivityView::selectedPid() const {
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(ActivityModel::PidRole).toInt();
}

void ActivityView::cancelSelected() {
    signalSelected(false);
}

void ActivityView::terminateSelected() {
    signalSelected(true);
}

void ActivityView::signalSelected(bool terminate) {
    const int row = m_model->rowOfPid(selectedPid());
    if (row < 0)
        return;
    const core::BackendActivity session = m_model->sessions().at(row);
    const QString who = session.user.isEmpty() ? session.backendType : session.user;
    const QString query = oneLine(session.query, 500);
    const QString title = terminate ? tr("Terminate Session") : tr("Cancel Query");
    const QString question =
        terminate ? tr("Terminate the session of PID %1 (%2)? Its open transaction is rolled back.")
                        .arg(session.pid)
                        .arg(who)
                  : tr("Cancel the statement PID %1 (%2) runs?").arg(session.pid).arg(who);
    const QString text = query.isEmpty() ? question : question + QStringLiteral("\n\n") + query;
    if (!m_confirm(title, text))
        return;
    const int pid = session.pid;
    // Confirmed: on a production profile the confirmation was the guard's question, so the key goes along.
    const core::WriteAccess write = m_guarded ? core::WriteUnlock::create() : nullptr;
    m_signal->start(
        [reading = m_reading, pid, terminate, write](const std::shared_ptr<core::CancelToken>& token) {
            return reading->with(token, [pid, terminate, write](core::ActivityReader& reader) {
                return terminate ? reader.terminateBackend(pid, write) : reader.cancelBackend(pid, write);
            });
        },
        [this, pid, terminate](bool sent) {
            if (!sent)
                showMessage(tr("PID %1 is no longer a server process.").arg(pid), false);
            emit signalled(pid, terminate, sent);
            refresh();
        },
        [this, pid](const BackgroundFailure& failure) {
            showMessage(failure.message, true);
            emit signalFailed(pid, failure.message);
        });
}

void ActivityView::fillBlockingTree() {
    QHash<int, core::BackendActivity> byPid;
    for (const core::BackendActivity& s : m_model->sessions())
        byPid.insert(s.pid, s);
    const QList<core::BlockingNode> roots = core::blockingTree(m_model->sessions());
    std::function<void(const core::BlockingNode&, QTreeWidgetItem*)> add = [&](const core::BlockingNode& node,
                                                                               QTreeWidgetItem* item) {
        const core::BackendActivity& s = byPid.value(node.pid);
        QString text = tr("PID %1").arg(node.pid);
        QStringList who;
        if (!s.user.isEmpty())
            who << s.user;
        if (!s.state.isEmpty())
            who << (s.transactionSeconds >= 0
                        ? tr("%1 for %2").arg(s.state, ActivityModel::ageText(s.transactionSeconds))
                        : s.state);
        if (!who.isEmpty())
            text += QStringLiteral(" (%1)").arg(who.join(QStringLiteral(", ")));
        if (!node.lockMode.isEmpty())
            text = tr("%1 waits for %2").arg(text, node.lockMode);
        const QString query = oneLine(s.query, 120);
        if (!query.isEmpty())
            text += QStringLiteral(": ") + query;
        item->setText(0, text);
        item->setToolTip(0, s.query);
        item->setData(0, ActivityModel::PidRole, node.pid);
        for (const core::BlockingNode& waiter : node.waiters)
            add(waiter, new QTreeWidgetItem(item));
    };
    const QSignalBlocker blocker(m_tree); // refilling is no selection by the user
    m_tree->clear();
    for (const core::BlockingNode& root : roots)
        add(root, new QTreeWidgetItem(m_tree));
    m_tree->expandAll();
    m_tree->setVisible(!roots.isEmpty());
}

void ActivityView::updateButtons() {
    const bool selected = selectedPid() != 0;
    m_cancelButton->setEnabled(selected);
    m_terminateButton->setEnabled(selected);
}

void ActivityView::fitColumns() {
    m_fitting = true;
    const QAbstractItemView* view = m_view; // QTableView hides sizeHintForColumn
    QHeaderView* header = m_view->horizontalHeader();
    QList<int> fit(ActivityModel::Query, 0);
    int fixed = 0; // the columns the user sized
    for (int c = 0; c < ActivityModel::Query; ++c) {
        if (m_sizedByUser.contains(c))
            fixed += header->sectionSize(c);
        else
            fit[c] =
                std::min(std::max(view->sizeHintForColumn(c), header->sectionSizeHint(c)), kMaxColumnWidth);
    }
    // The query keeps at least a quarter of the width: when the fitted columns would push it out of sight,
    // the widest of them are cut to one common width (their text elided, whole in the tooltip).
    // The vertical scroll bar counted as if shown: rows just read may bring it after this, narrowing the
    // view.
    const QScrollBar* bar = m_view->verticalScrollBar();
    const int width = m_view->viewport()->width() - (bar->isVisible() ? 0 : bar->sizeHint().width());
    const int room = width - fixed - std::max(200, width / 4);
    const auto total = [&](int cap) {
        int sum = 0;
        for (int w : fit)
            sum += std::min(w, cap);
        return sum;
    };
    int cap = kMaxColumnWidth;
    if (total(cap) > room) {
        int low = kMinFittedWidth, high = kMaxColumnWidth;
        while (low < high) { // the widest cap that fits
            const int mid = (low + high + 1) / 2;
            if (total(mid) <= room)
                low = mid;
            else
                high = mid - 1;
        }
        cap = low;
    }
    for (int c = 0; c < ActivityModel::Query; ++c)
        if (!m_sizedByUser.contains(c))
            header->resizeSection(c, std::min(fit[c], cap));
    m_fitting = false;
}

void ActivityView::showMessage(const QString& text, bool error) {
    m_message->setStyleSheet(textStyle(error ? errorColor() : infoColor()));
    m_message->setText(text);
    m_message->show();
}

} // namespace pgdesk::ui
