// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/server/replicationview.h>

#include "server/publicationdialog.h"

#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/schema/schemaapply.h>
#include <pgdesk/core/server/publishing.h>
#include <pgdesk/core/session/canceltoken.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/session/writeunlock.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/common/productionconfirmdialog.h>
#include <pgdesk/ui/common/theme.h>
#include <pgdesk/ui/common/uisettings.h>

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace pgdesk::ui {

ReplicationTableModel::ReplicationTableModel(QObject* parent)
    : QAbstractTableModel(parent) {
}

void ReplicationTableModel::setRows(const QStringList& headers, const QList<QStringList>& rows,
                                    const QList<bool>& flagged) {
    beginResetModel();
    m_headers = headers;
    m_rows = rows;
    m_flagged = flagged;
    endResetModel();
}

int ReplicationTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReplicationTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_headers.size());
}

QVariant ReplicationTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return m_rows[index.row()].value(index.column());
    if (role == Qt::ForegroundRole && m_flagged.value(index.row()))
        return warningColor();
    return {};
}

QVariant ReplicationTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return m_headers.value(section);
    return {};
}

namespace {

QString bytes(qint64 n) {
    return n < 0 ? QString() : core::sizeText(n);
}

QString seconds(double s) {
    return s < 0 ? QString() : ReplicationView::tr("%1 s").arg(s, 0, 'f', s < 10 ? 3 : 0);
}

} // namespace

ReplicationView::ReplicationView(std::shared_ptr<core::Pool> pool, QWidget* parent)
    : QWidget(parent)
    , m_pool(std::move(pool))
    , m_load(new JobSlot(this))
    , m_drop(new JobSlot(this))
    , m_publicationJob(new JobSlot(this))
    , m_timer(new QTimer(this))
    , m_summary(new QLabel(this))
    , m_alertLabel(new QLabel(this))
    , m_dropButton(new QPushButton(tr("Drop slot…"), this))
    , m_alertLimit(new QSpinBox(this))
    , m_slotModel(new ReplicationTableModel(this))
    , m_standbyModel(new ReplicationTableModel(this))
    , m_publicationModel(new ReplicationTableModel(this))
    , m_subscriptionModel(new ReplicationTableModel(this)) {
    setObjectName(QStringLiteral("replicationView"));
    m_summary->setObjectName(QStringLiteral("replicationSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_alertLabel->setObjectName(QStringLiteral("replicationAlerts"));
    m_alertLabel->setWordWrap(true);
    m_alertLabel->setStyleSheet(textStyle(warningColor()));
    m_alertLabel->hide();
    m_dropButton->setObjectName(QStringLiteral("dropSlotButton"));
    m_dropButton->setEnabled(false);
    m_dropButton->setToolTip(
        tr("Drop the selected inactive slot: what streamed from it must be set up again"));
    connect(m_dropButton, &QPushButton::clicked, this, &ReplicationView::askToDropSelected);
    m_alertBytes = UiSettings::slotAlertBytes();
    m_alertLimit->setObjectName(QStringLiteral("slotAlertLimit"));
    m_alertLimit->setRange(0, 10 * 1024 * 1024);
    m_alertLimit->setSuffix(tr(" MB"));
    m_alertLimit->setPrefix(tr("Warn above "));
    m_alertLimit->setValue(int(m_alertBytes / (1024 * 1024)));
    m_alertLimit->setToolTip(
        tr("An inactive slot retaining more WAL than this is flagged here and on the dashboard"));
    connect(m_alertLimit, &QSpinBox::editingFinished, this,
            [this] { setAlertBytes(qint64(m_alertLimit->value()) * 1024 * 1024); });

    auto* tabs = new QTabWidget(this);
    m_slotView = addTable(tabs, m_slotModel, tr("Slots"), "replicationSlots");
    addTable(tabs, m_standbyModel, tr("Standbys"), "replicationStandbys");
    {
        auto* page = new QWidget(tabs);
        m_publicationView =
            listTableView(m_publicationModel, "replicationPublications", tr("Publications"), page);
        auto* create = new QPushButton(themedIcon(QStringLiteral("list-add")), tr("New Publication…"), page);
        create->setObjectName(QStringLiteral("newPublicationButton"));
        connect(create, &QPushButton::clicked, this, [this] { openPublication(); });
        auto* edit = new QPushButton(tr("Edit…"), page);
        edit->setObjectName(QStringLiteral("editPublicationButton"));
        connect(edit, &QPushButton::clicked, this, [this] {
            if (!selectedPublication().isEmpty())
                openPublication(selectedPublication());
        });
        auto* drop = new QPushButton(themedIcon(QStringLiteral("list-remove")), tr("Drop…"), page);
        drop->setObjectName(QStringLiteral("dropPublicationButton"));
        connect(drop, &QPushButton::clicked, this, &ReplicationView::askToDropPublication);
        connect(m_publicationView, &QTableView::doubleClicked, this, [this] {
            if (!selectedPublication().isEmpty())
                openPublication(selectedPublication());
        });
        auto* buttons = new QHBoxLayout;
        buttons->addWidget(create);
        buttons->addWidget(edit);
        buttons->addWidget(drop);
        buttons->addStretch();
        auto* pageLayout = new QVBoxLayout(page);
        pageLayout->setContentsMargins(0, 0, 0, 0);
        pageLayout->addLayout(buttons);
        pageLayout->addWidget(m_publicationView);
        tabs->addTab(page, tr("Publications"));
    }
    tabs->addTab(subscriptionPage(tabs), tr("Subscriptions"));
    connect(m_slotView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& i) {
                const int row = i.row();
                m_dropButton->setEnabled(row >= 0 && row < m_snapshot.replicationSlots.size() &&
                                         !m_snapshot.replicationSlots[row].active);
            });

    auto* refreshAction = new QAction(themedIcon(QStringLiteral("view-refresh")), tr("Refresh"), this);
    refreshAction->setShortcut(QKeySequence::Refresh);
    refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(refreshAction, &QAction::triggered, this, &ReplicationView::refresh);
    addAction(refreshAction);
    auto* refreshButton = new QPushButton(refreshAction->icon(), refreshAction->text(), this);
    connect(refreshButton, &QPushButton::clicked, this, &ReplicationView::refresh);

    auto* top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_alertLimit);
    top->addWidget(m_dropButton);
    top->addWidget(refreshButton);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_alertLabel);
    layout->addWidget(tabs, 1);
    m_timer->setInterval(5000);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (!m_load->isRunning())
            refresh();
    });
    refresh();
}

ReplicationView::~ReplicationView() = default; // the slots cancel a read still running

QTableView* listTableView(QAbstractItemModel* model, const char* name, const QString& title,
                          QWidget* parent) {
    auto* view = new QTableView(parent);
    view->setObjectName(QLatin1String(name));
    view->setModel(model);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setAccessibleName(title);
    return view;
}

QTableView* ReplicationView::addTable(QTabWidget* tabs, ReplicationTableModel* model, const QString& title,
                                      const char* name) {
    QTableView* view = listTableView(model, name, title, tabs);
    tabs->addTab(view, title);
    return view;
}

void ReplicationView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    m_timer->start();
}

void ReplicationView::hideEvent(QHideEvent* event) {
    QWidget::hideEvent(event);
    m_timer->stop();
}

void ReplicationView::setAlertBytes(qint64 bytes) {
    m_alertBytes = bytes;
    UiSettings::setSlotAlertBytes(bytes);
    if (m_alertLimit->value() != int(bytes / (1024 * 1024)))
        m_alertLimit->setValue(int(bytes / (1024 * 1024)));
    display(m_snapshot);
}

void ReplicationView::refresh() {
    m_load->start(
        [pool = m_pool](const std::shared_ptr<core::CancelToken>& cancel) {
            auto connection = pool->acquire();
            const core::CancelToken::Scope scope(cancel, *connection);
            core::ReplicationReader reader(*connection);
            ReplicationSnapshot s;
            s.recovery = reader.recovery();
            s.standbys = reader.standbys();
            s.replicationSlots = reader.replicationSlots();
            s.publications = reader.publications();
            s.subscriptions = reader.subscriptions();
            return s;
        },
        [this](ReplicationSnapshot snapshot) {
            display(std::move(snapshot));
            emit loaded();
        },
        [this](const BackgroundFailure& failure) {
            m_summary->setText(tr("Could not read the replication state: %1").arg(failure.message));
            emit loadFailed(failure.message);
        });
}

void ReplicationView::display(ReplicationSnapshot s) {
    const QString selected = m_slotView->currentIndex().isValid()
                                 ? m_snapshot.replicationSlots.value(m_slotView->currentIndex().row()).name
                                 : QString();
    m_snapshot = std::move(s);
    const core::RecoveryState& r = m_snapshot.recovery;
    m_summary->setText(
        r.inRecovery
            ? tr("Standby of %1 (%2): received %3, replayed %4, %5 to replay.")
                  .arg(r.upstreamHost +
                           (r.upstreamPort > 0 ? QStringLiteral(":%1").arg(r.upstreamPort) : QString()),
                       r.receiverStatus.isEmpty() ? tr("no WAL receiver") : r.receiverStatus, r.receivedLsn,
                       r.replayedLsn, bytes(std::max<qint64>(r.replayLagBytes, 0)))
            : tr("Primary at %1; %n standby(s) or walsender(s), ", nullptr, int(m_snapshot.standbys.size()))
                      .arg(r.currentLsn) +
                  tr("%n slot(s).", nullptr, int(m_snapshot.replicationSlots.size())));

    m_alerts.clear();
    for (const core::SlotAlert& a : core::slotAlerts(m_snapshot.replicationSlots, m_alertBytes))
        m_alerts << a.message;
    m_alertLabel->setText(m_alerts.join(QLatin1Char('\n')));
    m_alertLabel->setVisible(!m_alerts.isEmpty());

    QList<QStringList> rows;
    QList<bool> flagged;
    const auto alerted = core::slotAlerts(m_snapshot.replicationSlots, m_alertBytes);
    for (const core::ReplicationSlot& slot : std::as_const(m_snapshot.replicationSlots)) {
        rows << QStringList{slot.name,
                            slot.type + (slot.temporary ? tr(" (temporary)") : QString()),
                            slot.plugin,
                            slot.database,
                            slot.active ? tr("PID %1 %2").arg(slot.activePid).arg(slot.usedByApplication)
                                        : tr("inactive"),
                            bytes(slot.retainedBytes),
                            slot.walStatus,
                            slot.xminAge < 0 ? QString() : QString::number(slot.xminAge),
                            slot.catalogXminAge < 0 ? QString() : QString::number(slot.catalogXminAge)};
        flagged << std::any_of(alerted.begin(), alerted.end(),
                               [&](const core::SlotAlert& a) { return a.slot == slot.name; });
    }
    m_slotModel->setRows({tr("Slot"), tr("Type"), tr("Plugin"), tr("Database"), tr("Used by"),
                          tr("WAL retained"), tr("WAL status"), tr("xmin age"), tr("catalog xmin age")},
                         rows, flagged);
    for (int row = 0; row < m_snapshot.replicationSlots.size(); ++row)
        if (m_snapshot.replicationSlots[row].name == selected)
            m_slotView->setCurrentIndex(m_slotModel->index(row, 0));
    m_dropButton->setEnabled(m_slotView->currentIndex().isValid() &&
                             !m_snapshot.replicationSlots.value(m_slotView->currentIndex().row()).active);

    rows.clear();
    for (const core::StandbyInfo& s : std::as_const(m_snapshot.standbys))
        rows << QStringList{QString::number(s.pid),
                            s.application,
                            s.clientAddress.isEmpty() ? tr("local") : s.clientAddress,
                            s.logical ? tr("logical") : tr("physical"),
                            s.state,
                            s.syncState,
                            s.slotName,
                            bytes(s.replayLagBytes),
                            seconds(s.replayLagSeconds)};
    m_standbyModel->setRows({tr("PID"), tr("Application"), tr("Client"), tr("Kind"), tr("State"), tr("Sync"),
                             tr("Slot"), tr("Replay lag"), tr("Replay lag time")},
                            rows);

    rows.clear();
    for (const core::Publication& p : std::as_const(m_snapshot.publications)) {
        const QString what =
            p.allTables ? tr("all tables")
                        : (p.schemas.isEmpty() ? QString() : tr("schemas %1").arg(p.schemas.join(", ")));
        if (p.tables.isEmpty())
            rows << QStringList{p.name, p.publishText(), what, QString(), QString(), QString()};
        for (const core::PublishedTable& t : p.tables)
            rows << QStringList{p.name,
                                p.publishText(),
                                what,
                                t.schema + QLatin1Char('.') + t.name,
                                t.columns.join(QStringLiteral(", ")),
                                t.rowFilter};
    }
    m_publicationModel->setRows(
        {tr("Publication"), tr("Publishes"), tr("For"), tr("Table"), tr("Columns"), tr("Row filter")}, rows);

    rows.clear();
    flagged.clear();
    for (const core::Subscription& s : std::as_const(m_snapshot.subscriptions)) {
        const QString worker = !s.enabled        ? tr("disabled")
                               : s.workerRunning ? tr("PID %1").arg(s.workerPid)
                                                 : tr("not running");
        const QString errors = tr("%1 apply, %2 sync").arg(s.applyErrors).arg(s.syncErrors);
        const bool failing = s.applyErrors + s.syncErrors > 0;
        if (s.tables.isEmpty()) {
            rows << QStringList{s.name, s.publications.join(", "), worker, errors, QString(), QString()};
            flagged << failing;
        }
        for (const core::SubscribedTable& t : s.tables) {
            rows << QStringList{
                s.name,       s.publications.join(", "), worker, errors, t.schema + QLatin1Char('.') + t.name,
                t.stateName()};
            flagged << (failing || t.state != QLatin1Char('r'));
        }
    }
    m_subscriptionModel->setRows(
        {tr("Subscription"), tr("Publications"), tr("Worker"), tr("Errors"), tr("Table"), tr("State")}, rows,
        flagged);
}

void ReplicationView::askToDropSelected() {
    const int row = m_slotView->currentIndex().row();
    if (row < 0 || row >= m_snapshot.replicationSlots.size())
        return;
    const core::ReplicationSlot slot = m_snapshot.replicationSlots[row];
    const QString what =
        tr("Drop %1 slot \"%2\"%3? It retains %4 of WAL. Whatever streamed from it (a standby, a "
           "subscription, a "
           "CDC tool) cannot resume and must be set up again.")
            .arg(slot.type, slot.name,
                 slot.plugin.isEmpty() ? QString()
                                       : tr(" (%1 on database %2)").arg(slot.plugin, slot.database),
                 bytes(std::max<qint64>(slot.retainedBytes, 0)));
    if (m_pool->profile().writeGuarded()) {
        auto* confirm =
            new ProductionConfirmDialog(ProductionConfirmDialog::databaseName(m_pool->profile()),
                                        tr("dropping replication slot \"%1\"").arg(slot.name), this);
        confirm->setAttribute(Qt::WA_DeleteOnClose);
        connect(confirm, &QDialog::accepted, this, [this, name = slot.name] { dropSlot(name, true); });
        confirm->open();
        return;
    }
    auto* box =
        new QMessageBox(QMessageBox::Warning, tr("Drop replication slot"), what, QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("dropSlotConfirm"));
    QPushButton* drop = box->addButton(tr("Drop slot"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, drop, name = slot.name](QAbstractButton* clicked) {
        if (clicked == drop)
            dropSlot(name, false);
    });
    box->open();
}

void ReplicationView::dropSlot(const QString& name, bool unlocked) {
    m_drop->start(
        [pool = m_pool, name, unlocked](const std::shared_ptr<core::CancelToken>& cancel) {
            auto connection = pool->acquire();
            const core::CancelToken::Scope scope(cancel, *connection);
            core::ReplicationReader(*connection)
                .dropSlot(name, unlocked ? core::WriteUnlock::create() : core::WriteAccess{});
            return name;
        },
        [this](const QString& dropped) {
            m_summary->setText(tr("Dropped replication slot %1.").arg(dropped));
            emit slotDropped(dropped);
            refresh();
        },
        [this](const BackgroundFailure& failure) {
            m_summary->setText(tr("The slot was not dropped: %1").arg(failure.message));
        });
}

QString ReplicationView::selectedPublication() const {
    const QModelIndex current = m_publicationView->currentIndex();
    return current.isValid() ? m_publicationModel->index(current.row(), 0).data().toString() : QString();
}

void ReplicationView::openPublication(const QString& name) {
    std::optional<core::Publication> before;
    if (!name.isEmpty()) {
        for (const core::Publication& p : std::as_const(m_snapshot.publications))
            if (p.name == name)
                before = p;
        if (!before)
            return;
    }
    // The picker lists the database's tables: read when the dialog opens, not every refresh.
    m_publicationJob->start(
        [pool = m_pool](const std::shared_ptr<core::CancelToken>& cancel) {
            auto connection = pool->acquire();
            const core::CancelToken::Scope scope(cancel, *connection);
            QStringList out;
            for (const core::TableSummary& t : core::CatalogReader(*connection).tables())
                if (t.kind == core::RelationKind::Table || t.kind == core::RelationKind::PartitionedTable)
                    out << t.schema + QLatin1Char('.') + t.name;
            return out;
        },
        [this, before](const QStringList& tables) {
            auto* dialog = new PublicationDialog(m_pool, before, tables, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &PublicationDialog::applied, this, [this](const QString& changed) {
                m_summary->setText(tr("Publication %1 applied.").arg(changed));
                emit publicationChanged(changed);
                refresh();
            });
            dialog->open();
            emit publicationDialogOpened(dialog);
        },
        [this](const BackgroundFailure& f) { m_summary->setText(f.message); });
}

void ReplicationView::askToDropPublication() {
    const QString name = selectedPublication();
    if (name.isEmpty())
        return;
    if (m_pool->profile().writeGuarded()) {
        auto* confirm = new ProductionConfirmDialog(ProductionConfirmDialog::databaseName(m_pool->profile()),
                                                    tr("dropping publication \"%1\"").arg(name), this);
        confirm->setAttribute(Qt::WA_DeleteOnClose);
        connect(confirm, &QDialog::accepted, this, [this, name] { dropPublication(name, true); });
        confirm->open();
        return;
    }
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Drop publication"),
                                tr("Drop publication \"%1\"? Its subscribers stop receiving changes; a "
                                   "subscription naming it fails until it is changed.")
                                    .arg(name),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("dropPublicationConfirm"));
    QPushButton* drop = box->addButton(tr("Drop publication"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, drop, name](QAbstractButton* clicked) {
        if (clicked == drop)
            dropPublication(name, false);
    });
    box->open();
}

void ReplicationView::dropPublication(const QString& name, bool unlocked) {
    m_drop->start(
        [pool = m_pool, name, unlocked](const std::shared_ptr<core::CancelToken>& cancel) {
            auto connection = pool->acquire();
            const core::CancelToken::Scope scope(cancel, *connection);
            core::SchemaApplyOptions options;
            options.confirmed = {0}; // the dialog's question was this step's confirmation
            options.access = unlocked ? core::WriteUnlock::create() : core::WriteAccess{};
            core::SchemaApplier(*connection).apply(core::dropPublicationStatements(name), options);
            return name;
        },
        [this](const QString& dropped) {
            m_summary->setText(tr("Dropped publication %1.").arg(dropped));
            emit publicationChanged(dropped);
            refresh();
        },
        [this](const BackgroundFailure& failure) {
            m_summary->setText(tr("The publication was not dropped: %1").arg(failure.message));
        });
}

} // namespace pgdesk::ui
