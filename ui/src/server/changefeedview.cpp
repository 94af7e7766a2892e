// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/server/changefeedview.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/server/changefeed.h>
#include <pgdesk/core/session/canceltoken.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/session/writeunlock.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/common/productionconfirmdialog.h>
#include <pgdesk/ui/common/theme.h>
#include <pgdesk/ui/server/changefeedmodel.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

#include <atomic>

namespace pgdesk::ui {

// The feed's connection and slot, used by one poll job at a time (the next starts from the last one's
// reply). Its last owner drops it on a pool thread: ~ChangeFeed drops the slot and the publication there.
struct ChangeFeedView::Feed {
    core::ConnectionProfile profile;
    std::optional<QString> password;
    QStringList names; // as the user typed them: resolved like the CLI's TABLE (search_path, quotes)
    core::WriteAccess write;
    std::unique_ptr<core::Connection> connection;
    std::unique_ptr<core::ChangeFeed> feed;
    std::atomic<bool> stop{false};

    ~Feed() {
        feed.reset(); // before its connection
    }
};

ChangeFeedView::ChangeFeedView(std::shared_ptr<core::Pool> pool, QWidget* parent)
    : QWidget(parent)
    , m_pool(std::move(pool))
    , m_job(new JobSlot(this))
    , m_model(new ChangeFeedModel(this))
    , m_filter(new ChangeFeedFilter(this))
    , m_tables(new QLineEdit(this))
    , m_start(new QPushButton(tr("Start"), this))
    , m_pause(new QPushButton(tr("Pause"), this))
    , m_tableFilter(new QComboBox(this))
    , m_operationFilter(new QComboBox(this))
    , m_textFilter(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_status(new QLabel(this)) {
    setObjectName(QStringLiteral("changeFeedView"));
    m_tables->setObjectName(QStringLiteral("changeFeedTables"));
    m_tables->setPlaceholderText(tr("Tables to watch: schema.table, …"));
    m_tables->setAccessibleName(tr("Tables to watch"));
    m_start->setObjectName(QStringLiteral("changeFeedStart"));
    m_pause->setObjectName(QStringLiteral("changeFeedPause"));
    m_pause->setCheckable(true);
    m_pause->setEnabled(false);
    m_pause->setToolTip(
        tr("Keep reading (the server keeps no WAL for the feed) but stop following the newest "
           "change"));
    connect(m_start, &QPushButton::clicked, this, [this] { m_running ? stop() : start(); });
    connect(m_tables, &QLineEdit::returnPressed, this, [this] {
        if (!m_running)
            start();
    });
    connect(m_pause, &QPushButton::toggled, this, &ChangeFeedView::setPaused);
    auto* clear = new QPushButton(tr("Clear"), this);
    connect(clear, &QPushButton::clicked, m_model, &ChangeFeedModel::clear);

    m_tableFilter->setObjectName(QStringLiteral("changeFeedTableFilter"));
    m_tableFilter->addItem(tr("All tables"), QString());
    m_tableFilter->setAccessibleName(tr("Show the changes of"));
    connect(m_tableFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setTable(m_tableFilter->currentData().toString()); });
    m_operationFilter->setObjectName(QStringLiteral("changeFeedOperationFilter"));
    m_operationFilter->setAccessibleName(tr("Operation"));
    m_operationFilter->addItem(tr("All operations"), -1);
    m_operationFilter->addItem(tr("INSERT"), int(core::RowChange::Kind::Insert));
    m_operationFilter->addItem(tr("UPDATE"), int(core::RowChange::Kind::Update));
    m_operationFilter->addItem(tr("DELETE"), int(core::RowChange::Kind::Delete));
    m_operationFilter->addItem(tr("TRUNCATE"), int(core::RowChange::Kind::Truncate));
    connect(m_operationFilter, &QComboBox::currentIndexChanged, this, [this] {
        const int kind = m_operationFilter->currentData().toInt();
        m_filter->setOperations(kind < 0 ? QSet<core::RowChange::Kind>{}
                                         : QSet<core::RowChange::Kind>{core::RowChange::Kind(kind)});
    });
    m_textFilter->setObjectName(QStringLiteral("changeFeedTextFilter"));
    m_textFilter->setPlaceholderText(tr("Value contains…"));
    m_textFilter->setAccessibleName(tr("Show changes whose values contain"));
    m_textFilter->setClearButtonEnabled(true);
    connect(m_textFilter, &QLineEdit::textChanged, m_filter, &ChangeFeedFilter::setText);

    m_filter->setSourceModel(m_model);
    m_view->setObjectName(QStringLiteral("changeFeedGrid"));
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(ChangeFeedModel::ValuesColumn, QHeaderView::Stretch);
    m_view->setAccessibleName(tr("Changes"));
    // Follow the newest unless paused or scrolled up to read.
    connect(m_filter, &QAbstractItemModel::rowsInserted, m_view, [this] {
        if (!m_paused && m_view->verticalScrollBar()->value() >= m_view->verticalScrollBar()->maximum() - 2)
            QTimer::singleShot(0, m_view, &QTableView::scrollToBottom);
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex&, int first, int last) { updateTableChoices(first, last); });

    auto* top = new QHBoxLayout;
    top->addWidget(m_tables, 1);
    top->addWidget(m_start);
    top->addWidget(m_pause);
    top->addWidget(clear);
    auto* filters = new QHBoxLayout;
    filters->addWidget(m_tableFilter);
    filters->addWidget(m_operationFilter);
    filters->addWidget(m_textFilter, 1);
    m_status->setObjectName(QStringLiteral("changeFeedStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);
    setStatus(tr("Name the tables and press Start: their changes show as they commit."));
}

ChangeFeedView::~ChangeFeedView() {
    stop();
}

void ChangeFeedView::setTables(const QStringList& qualifiedNames) {
    m_tables->setText(qualifiedNames.join(QStringLiteral(", ")));
}

QStringList ChangeFeedView::tables() const {
    QStringList out;
    for (const QString& part : m_tables->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    return out;
}

QString ChangeFeedView::statusText() const {
    return m_status->text();
}

void ChangeFeedView::setStatus(const QString& text, bool error) {
    m_status->setText(text);
    m_status->setStyleSheet(error ? textStyle(errorColor()) : QString());
    emit statusChanged(text);
}

void ChangeFeedView::start() {
    if (m_running)
        return;
    if (tables().isEmpty()) {
        setStatus(tr("Name at least one table to watch."), true);
        return;
    }
    if (!m_pool->profile().writeGuarded()) {
        startUnlocked(false);
        return;
    }
    // The feed's publication is a catalog write: production asks first, as for any write.
    auto* confirm = new ProductionConfirmDialog(
        ProductionConfirmDialog::databaseName(m_pool->profile()),
        tr("a change feed: a temporary publication of %1, dropped when the feed stops")
            .arg(tables().join(", ")),
        this);
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    connect(confirm, &QDialog::accepted, this, [this] { startUnlocked(true); });
    confirm->open();
}

void ChangeFeedView::startUnlocked(bool unlocked) {
    m_feed = std::make_shared<Feed>();
    m_feed->profile = m_pool->profile();
    m_feed->password = m_pool->password();
    m_feed->names = tables();
    if (unlocked)
        m_feed->write = core::WriteUnlock::create();
    m_running = true;
    m_tables->setEnabled(false);
    m_start->setText(tr("Stop"));
    m_pause->setEnabled(true);
    setStatus(tr("Starting the feed…"));
    cycle();
}

void ChangeFeedView::stop() {
    if (!m_feed)
        return;
    m_feed->stop = true;
    m_job->abandon();
    closeInBackground(std::move(m_feed)); // drops the slot and the publication off the GUI thread
    m_running = false;
    m_tables->setEnabled(true);
    m_start->setText(tr("Start"));
    m_pause->setChecked(false);
    m_pause->setEnabled(false);
    setStatus(tr("Stopped after %n change(s).", nullptr, int(m_model->received())));
}

void ChangeFeedView::setPaused(bool paused) {
    m_paused = paused;
    m_pause->setChecked(paused);
    if (!paused && m_running)
        m_view->scrollToBottom();
}

namespace {

// What one poll brought back to the GUI thread.
struct FeedPoll {
    QList<core::RowChange> changes;
    QStringList insertOnly;
    QString plugin;
};

} // namespace

// One poll: connect and start the feed the first time, then read what committed, waiting up to half a
// second for something.
void ChangeFeedView::cycle() {
    m_job->start(
        [feed = m_feed](const std::shared_ptr<core::CancelToken>& token) {
            if (!feed->connection) {
                feed->connection =
                    std::make_unique<core::Connection>(core::Connection::open(feed->profile, feed->password));
                const core::CancelToken::Scope scope(token, *feed->connection);
                QList<core::FeedTable> tables;
                core::CatalogReader catalog(*feed->connection);
                for (const QString& name : std::as_const(feed->names)) {
                    const core::TableInfo t = catalog.table(name);
                    tables << core::FeedTable{t.schema, t.name};
                }
                feed->feed = std::make_unique<core::ChangeFeed>(*feed->connection, tables);
                feed->feed->start(feed->write);
            }
            const core::CancelToken::Scope scope(token, *feed->connection);
            for (int i = 0; i < 10 && !feed->stop; ++i) {
                QList<core::RowChange> got = feed->feed->poll(5000);
                if (!got.isEmpty())
                    return FeedPoll{got, feed->feed->insertOnlyTables(), feed->feed->plugin()};
                QThread::msleep(50);
            }
            return FeedPoll{{}, feed->feed->insertOnlyTables(), feed->feed->plugin()};
        },
        [this](const FeedPoll& got) {
            m_model->append(got.changes);
            if (!got.changes.isEmpty())
                emit changesArrived(int(got.changes.size()));
            QString text = tr("Watching %1: %n change(s) so far.", nullptr, int(m_model->received()))
                               .arg(m_tables->text());
            if (!got.insertOnly.isEmpty())
                text +=
                    QLatin1Char(' ') + tr("%1 has no primary key or replica identity: its inserts show, its "
                                          "updates and deletes cannot.")
                                           .arg(got.insertOnly.join(QStringLiteral(", ")));
            if (got.plugin == QLatin1String("test_decoding"))
                text += QLatin1Char(' ') +
                        tr("Read through test_decoding: this role may not create a publication.");
            if (m_paused)
                text += QLatin1Char(' ') + tr("Paused: still reading, not following the newest.");
            setStatus(text);
            if (m_running)
                cycle();
        },
        [this](const BackgroundFailure& failure) {
            stop();
            setStatus(tr("The feed stopped: %1").arg(failure.message) +
                          (failure.error.hint.isEmpty() ? QString() : QLatin1Char(' ') + failure.error.hint),
                      true);
        });
}

void ChangeFeedView::updateTableChoices(int first, int last) {
    QString previous;
    for (int row = first; row <= last; ++row) {
        const core::RowChange& c = m_model->change(row);
        const QString name = c.schema + QLatin1Char('.') + c.table;
        if (name != previous && m_tableFilter->findData(name) < 0)
            m_tableFilter->addItem(name, name);
        previous = name;
    }
}

} // namespace pgdesk::ui
