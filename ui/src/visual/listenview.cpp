// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/visual/listenview.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/session/writeunlock.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/common/productionconfirmdialog.h>
#include <pgdesk/ui/common/theme.h>

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <mutex>

namespace pgdesk::ui {

// ---- NotificationModel ----

NotificationModel::NotificationModel(QObject* parent)
    : QAbstractTableModel(parent) {
}

int NotificationModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int NotificationModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NotificationModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const core::Notification& n = m_rows[size_t(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TimeColumn:
            return QLocale().toString(n.received.toLocalTime().time(), QStringLiteral("HH:mm:ss.zzz"));
        case ChannelColumn:
            return n.channel;
        case PayloadColumn: // one line in the grid; the tooltip has it whole
            return QString(n.payload).replace(QLatin1Char('\n'), QChar(0x21b5)).left(500);
        case PidColumn:
            return n.senderPid;
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == PayloadColumn && !n.payload.isEmpty())
        return n.payload.left(4000);
    if (role == Qt::ToolTipRole && index.column() == TimeColumn)
        return QLocale().toString(n.received.toLocalTime(), QLocale::LongFormat);
    if (role == Qt::TextAlignmentRole && index.column() == PidColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant NotificationModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ChannelColumn:
        return tr("Channel");
    case PayloadColumn:
        return tr("Payload");
    case PidColumn:
        return tr("Sender PID");
    default:
        return {};
    }
}

void NotificationModel::append(const QList<core::Notification>& notifications) {
    if (notifications.isEmpty())
        return;
    const int excess = int(m_rows.size() + size_t(notifications.size())) - kMaxRows;
    if (excess > 0) {
        const int drop = std::min(excess, int(m_rows.size()));
        if (drop > 0) {
            beginRemoveRows({}, 0, drop - 1);
            m_rows.erase(m_rows.begin(), m_rows.begin() + drop);
            endRemoveRows();
        }
    }
    const qsizetype from = std::max<qsizetype>(0, notifications.size() - kMaxRows);
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(notifications.size() - from) - 1);
    for (qsizetype i = from; i < notifications.size(); ++i)
        m_rows.push_back(notifications[i]);
    endInsertRows();
}

void NotificationModel::clear() {
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

// ---- ListenView ----

// The listening connection, used by one wait job at a time (a new one starts only from the last one's
// reply); the channels wanted are written by the GUI thread and read by the jobs.
struct ListenView::Listening {
    core::ConnectionProfile profile;
    std::optional<QString> password;
    std::unique_ptr<core::Listener> listener;
    std::mutex wantedMutex;
    QStringList wanted;
    std::atomic<bool> stop{false};

    QStringList wantedNow() {
        std::lock_guard lock(wantedMutex);
        return wanted;
    }
};

ListenView::ListenView(std::shared_ptr<core::Pool> pool, QWidget* parent)
    : QWidget(parent)
    , m_pool(std::move(pool))
    , m_listening(std::make_shared<Listening>())
    , m_waitJob(new JobSlot(this))
    , m_sendJob(new JobSlot(this))
    , m_model(new NotificationModel(this))
    , m_channel(new QLineEdit(this))
    , m_channels(new QListWidget(this))
    , m_view(new QTableView(this))
    , m_sendChannel(new QLineEdit(this))
    , m_payload(new QLineEdit(this))
    , m_send(new QPushButton(tr("Send"), this))
    , m_status(new QLabel(this)) {
    setObjectName(QStringLiteral("listenView"));
    setFocusProxy(m_channel); // opening the dock lets one type the channel at once
    m_listening->profile = m_pool->profile();
    m_listening->password = m_pool->password();

    m_channel->setPlaceholderText(tr("Channel to listen on"));
    m_channel->setAccessibleName(tr("Channel to listen on"));
    auto* add = new QPushButton(tr("Listen"), this);
    add->setObjectName(QStringLiteral("listenButton"));
    connect(add, &QPushButton::clicked, this, [this] {
        listen(m_channel->text());
        m_channel->clear();
    });
    connect(m_channel, &QLineEdit::returnPressed, add, &QPushButton::click);
    auto* remove = new QPushButton(tr("Stop listening"), this);
    connect(remove, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem* item = m_channels->currentItem())
            unlisten(item->text());
    });
    auto* clear = new QPushButton(tr("Clear"), this);
    connect(clear, &QPushButton::clicked, m_model, &NotificationModel::clear);
    auto* top = new QHBoxLayout;
    top->addWidget(m_channel, 1);
    top->addWidget(add);
    top->addWidget(remove);
    top->addWidget(clear);
    // Beside the notifications, not above them: the dock's height goes to the notifications.
    m_channels->setMaximumWidth(m_channels->fontMetrics().averageCharWidth() * 24);
    m_channels->setAccessibleName(tr("Channels listened on"));

    m_view->setModel(m_model);
    m_view->setObjectName(QStringLiteral("notifications"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(NotificationModel::PayloadColumn, QHeaderView::Stretch);
    m_view->setAccessibleName(tr("Notifications"));
    // Follow the newest unless the user scrolled up to read.
    connect(m_model, &QAbstractItemModel::rowsInserted, m_view, [this] {
        if (m_view->verticalScrollBar()->value() >= m_view->verticalScrollBar()->maximum() - 2)
            QTimer::singleShot(0, m_view, &QTableView::scrollToBottom);
    });

    m_sendChannel->setPlaceholderText(tr("Channel"));
    m_sendChannel->setAccessibleName(tr("Channel to notify"));
    m_payload->setPlaceholderText(tr("Payload (optional)"));
    m_payload->setAccessibleName(tr("Payload"));
    m_send->setObjectName(QStringLiteral("notifyButton"));
    connect(m_send, &QPushButton::clicked, this, [this] { send(m_sendChannel->text(), m_payload->text()); });
    connect(m_payload, &QLineEdit::returnPressed, m_send, &QPushButton::click);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(new QLabel(tr("NOTIFY"), this));
    bottom->addWidget(m_sendChannel, 1);
    bottom->addWidget(m_payload, 2);
    bottom->addWidget(m_send);

    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    auto* middle = new QHBoxLayout;
    middle->addWidget(m_channels);
    middle->addWidget(m_view, 1);
    layout->addLayout(middle, 1);
    layout->addLayout(bottom);
    layout->addWidget(m_status);
    setStatus(m_listening->profile.pooler != core::PoolerMode::None
                  ? tr("This profile goes through a transaction-mode pooler: LISTEN cannot work there.")
                  : tr("Not listening. Name a channel and press Listen."));
}

ListenView::~ListenView() {
    m_listening->stop = true; // a running wait returns within 100 ms
    m_waitJob->abandon();
    // The last owner closes the connection (PQfinish): on a pool thread, never on the GUI thread.
    closeInBackground(std::move(m_listening));
}

QStringList ListenView::channels() const {
    std::lock_guard lock(m_listening->wantedMutex);
    return m_listening->wanted;
}

bool ListenView::isListening() const {
    return m_waitJob->isRunning();
}

QSize ListenView::sizeHint() const {
    const QSize base = QWidget::sizeHint();
    const int rows = m_view->verticalHeader()->defaultSectionSize() * 8;
    return {base.width(),
            base.height() - m_view->sizeHint().height() + rows + m_view->horizontalHeader()->height()};
}

QString ListenView::statusText() const {
    return m_status->text();
}

void ListenView::setStatus(const QString& text, bool error) {
    m_status->setText(text);
    m_status->setStyleSheet(error ? textStyle(errorColor()) : QString());
    emit statusChanged(text);
}

void ListenView::listen(const QString& channel) {
    if (channel.isEmpty())
        return;
    {
        std::lock_guard lock(m_listening->wantedMutex);
        if (m_listening->wanted.contains(channel))
            return;
        m_listening->wanted << channel;
    }
    m_channels->addItem(channel);
    if (!m_waitJob->isRunning())
        cycle();
}

void ListenView::unlisten(const QString& channel) {
    {
        std::lock_guard lock(m_listening->wantedMutex);
        m_listening->wanted.removeAll(channel);
    }
    for (QListWidgetItem* item : m_channels->findItems(channel, Qt::MatchExactly))
        delete item;
}

// One slice: connect when needed, bring LISTEN in line with the channels wanted, wait up to a second.
void ListenView::cycle() {
    m_waitJob->start(
        [listening = m_listening](const std::shared_ptr<core::CancelToken>&) {
            try {
                if (!listening->listener)
                    listening->listener =
                        std::make_unique<core::Listener>(listening->profile, listening->password);
                core::Listener& l = *listening->listener;
                const QStringList wanted = listening->wantedNow();
                for (const QString& c : l.channels()) {
                    if (!wanted.contains(c))
                        l.unlisten(c);
                }
                for (const QString& c : wanted)
                    l.listen(c);
                return l.wait(std::chrono::seconds(1), &listening->stop);
            } catch (const core::Error&) {
                listening->listener.reset(); // here, off the GUI thread; the next cycle connects again
                throw;
            }
        },
        [this](const QList<core::Notification>& got) {
            m_model->append(got);
            const QStringList now = channels();
            setStatus(now.isEmpty()
                          ? tr("Not listening.")
                          : tr("Listening on %1 (%n notification(s) so far).", nullptr, m_model->rowCount())
                                .arg(now.join(QStringLiteral(", "))));
            if (!now.isEmpty() && !m_listening->stop)
                cycle();
        },
        [this](const BackgroundFailure& failure) {
            if (failure.error.kind == core::ErrorKind::Configuration) {
                setStatus(failure.message, true); // the pooler: nothing to retry
                return;
            }
            setStatus(tr("Listening stopped: %1 Trying again in 5 seconds.").arg(failure.message), true);
            QTimer::singleShot(5000, this, [this] {
                if (!channels().isEmpty() && !m_waitJob->isRunning())
                    cycle();
            });
        });
}

void ListenView::send(const QString& channel, const QString& payload) {
    if (channel.isEmpty()) {
        setStatus(tr("Name the channel to notify."), true);
        return;
    }
    if (!m_pool->profile().writeGuarded()) {
        sendUnlocked(channel, payload, nullptr);
        return;
    }
    auto* confirm = new ProductionConfirmDialog(ProductionConfirmDialog::databaseName(m_pool->profile()),
                                                tr("NOTIFY on channel %1").arg(channel), this);
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    connect(confirm, &QDialog::accepted, this,
            [this, channel, payload] { sendUnlocked(channel, payload, core::WriteUnlock::create()); });
    confirm->open();
}

void ListenView::sendUnlocked(const QString& channel, const QString& payload,
                              const core::WriteAccess& write) {
    m_send->setEnabled(false);
    m_sendJob->start(
        [pool = m_pool, channel, payload, write](const std::shared_ptr<core::CancelToken>& token) {
            auto connection = pool->acquire();
            core::CancelToken::Scope scope(token, *connection);
            core::sendNotification(*connection, channel, payload, write);
            return true;
        },
        [this, channel](bool) {
            m_send->setEnabled(true);
            setStatus(tr("Sent a notification on %1.").arg(channel));
        },
        [this](const BackgroundFailure& failure) {
            m_send->setEnabled(true);
            setStatus(tr("Not sent: %1").arg(failure.message), true);
        });
}

} // namespace pgdesk::ui
