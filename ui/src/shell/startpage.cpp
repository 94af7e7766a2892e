// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/shell/startpage.h>

#include <pgdesk/ui/common/icons.h>

#include <QApplication>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QStyle>
#include <QVBoxLayout>

namespace pgdesk::ui {

namespace {

constexpr int kMaxConnections = 8;
constexpr int kMaxTables = 12;
const char* const kConnectionsKey = "recent/connections";
const char* const kTablesKey = "recent/tables";
constexpr int ProfileRole = Qt::UserRole;
constexpr int TableRole = Qt::UserRole + 1;

// An entry moved to the front of a most-recent-first list, which keeps at most `max` entries.
void pushFront(const char* key, const QString& entry, int max) {
    QSettings settings;
    QStringList list = settings.value(QLatin1String(key)).toStringList();
    list.removeAll(entry);
    list.prepend(entry);
    while (list.size() > max)
        list.removeLast();
    settings.setValue(QLatin1String(key), list);
}

// Tables are stored as "profile\tschema.table": a tab is never part of a profile name typed in the form.
QString tableEntry(const QString& profile, const QString& qualifiedName) {
    return profile + QLatin1Char('\t') + qualifiedName;
}

QLabel* heading(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    QFont f = label->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.15);
    label->setFont(f);
    return label;
}

QListWidget* recentList(const QString& objectName, const QString& accessibleName, QWidget* parent) {
    auto* list = new QListWidget(parent);
    list->setObjectName(objectName);
    list->setAccessibleName(accessibleName);
    list->setFrameShape(QFrame::NoFrame);
    list->setIconSize(QSize(16, 16));
    list->setMinimumWidth(300);
    // As tall as its entries: one recent connection is one line, not a white box down the page.
    list->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    list->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);
    return list;
}

} // namespace

StartPage::StartPage(QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("startPage"));
    setAccessibleName(tr("Start page"));

    auto* logo = new QLabel(this);
    logo->setPixmap(QIcon(QStringLiteral(":/pgdesk/icons/pgdesk.svg")).pixmap(48, 48));
    auto* title = new QLabel(tr("PgDesk"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 2);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto* subtitle = new QLabel(tr("Browse and change PostgreSQL data safely: every edit is staged and "
                                   "applied in one transaction."),
                                this);
    subtitle->setWordWrap(true);

    auto* newConnection =
        new QPushButton(themedIcon(QStringLiteral("network-connect")), tr("New connection…"), this);
    newConnection->setObjectName(QStringLiteral("startNewConnection"));
    newConnection->setDefault(true);
    connect(newConnection, &QPushButton::clicked, this, &StartPage::newConnectionRequested);
    auto* newQuery = new QPushButton(themedIcon(QStringLiteral("document-new")), tr("New query tool"), this);
    newQuery->setObjectName(QStringLiteral("startNewQuery"));
    connect(newQuery, &QPushButton::clicked, this, &StartPage::queryToolRequested);

    m_connections = recentList(QStringLiteral("recentConnections"), tr("Recent connections"), this);
    m_noConnections = new QLabel(tr("No connection yet: create one with New connection."), this);
    m_noConnections->setWordWrap(true);
    m_tables = recentList(QStringLiteral("recentTables"), tr("Recent tables"), this);
    m_noTables = new QLabel(tr("Tables you open show up here."), this);
    m_noTables->setWordWrap(true);
    // A click is enough here, as on a web page: these are links, not a selection (Enter works too). Where
    // the style already activates on a single click, clicked would open it twice.
    const bool clickActivates = style()->styleHint(QStyle::SH_ItemView_ActivateItemOnSingleClick);
    const auto openConnection = [this](QListWidgetItem* item) {
        emit profileRequested(item->data(ProfileRole).toString());
    };
    const auto openTable = [this](QListWidgetItem* item) {
        emit tableRequested(item->data(ProfileRole).toString(), item->data(TableRole).toString());
    };
    connect(m_connections, &QListWidget::itemActivated, this, openConnection);
    connect(m_tables, &QListWidget::itemActivated, this, openTable);
    if (!clickActivates) {
        connect(m_connections, &QListWidget::itemClicked, this, openConnection);
        connect(m_tables, &QListWidget::itemClicked, this, openTable);
    }

    // The keys a new user needs first; the menus list the rest beside each command.
    auto* keys = new QGridLayout;
    keys->setHorizontalSpacing(16);
    const QList<std::pair<QKeySequence, QString>> shortcuts{
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), tr("Manage connections")},
        {QKeySequence(Qt::CTRL | Qt::Key_T), tr("New query tool")},
        {QKeySequence(Qt::CTRL | Qt::Key_Return), tr("Run the statement at the cursor")},
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return), tr("Run the whole script")},
        {QKeySequence(QKeySequence::Find), tr("Quick search in a table")},
        {QKeySequence(QKeySequence::Save), tr("Apply staged changes")},
        {QKeySequence(QKeySequence::Undo), tr("Undo the last staged change")},
        {QKeySequence(Qt::Key_F5), tr("Refresh")},
        {QKeySequence(Qt::CTRL | Qt::Key_E), tr("Export the current view")},
    };
    int row = 0;
    for (const auto& [key, what] : shortcuts) {
        auto* k = new QLabel(
            QStringLiteral("<b>%1</b>").arg(key.toString(QKeySequence::NativeText).toHtmlEscaped()), this);
        // Keys read left to right also in a right-to-left layout.
        k->setLayoutDirection(Qt::LeftToRight);
        keys->addWidget(k, row, 0);
        keys->addWidget(new QLabel(what, this), row, 1);
        ++row;
    }
    keys->setColumnStretch(1, 1);

    auto* head = new QHBoxLayout;
    head->addWidget(logo);
    auto* titles = new QVBoxLayout;
    titles->addWidget(title);
    titles->addWidget(subtitle);
    head->addLayout(titles, 1);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(newConnection);
    buttons->addWidget(newQuery);
    buttons->addStretch(1);

    auto* left = new QVBoxLayout;
    left->addWidget(heading(tr("Recent connections"), this));
    left->addWidget(m_noConnections);
    left->addWidget(m_connections);
    left->addWidget(heading(tr("Recent tables"), this));
    left->addWidget(m_noTables);
    left->addWidget(m_tables);
    left->addStretch(1);
    auto* right = new QVBoxLayout;
    right->addWidget(heading(tr("Keyboard shortcuts"), this));
    right->addLayout(keys);
    right->addStretch(1);
    auto* columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addSpacing(32);
    columns->addLayout(right, 1);

    auto* inner = new QWidget(this);
    inner->setMaximumWidth(920);
    auto* innerLayout = new QVBoxLayout(inner);
    innerLayout->addLayout(head);
    innerLayout->addSpacing(12);
    innerLayout->addLayout(buttons);
    innerLayout->addSpacing(12);
    innerLayout->addLayout(columns, 1);
    auto* outer = new QHBoxLayout(this);
    outer->setContentsMargins(24, 24, 24, 24);
    outer->addStretch(1);
    outer->addWidget(inner, 6);
    outer->addStretch(1);
    reload();
}

void StartPage::noteConnection(const QString& profile) {
    if (!profile.isEmpty())
        pushFront(kConnectionsKey, profile, kMaxConnections);
}

void StartPage::noteTable(const QString& profile, const QString& qualifiedName) {
    if (!profile.isEmpty() && !qualifiedName.isEmpty())
        pushFront(kTablesKey, tableEntry(profile, qualifiedName), kMaxTables);
}

void StartPage::renameProfile(const QString& from, const QString& to) {
    QSettings settings;
    QStringList connections = settings.value(QLatin1String(kConnectionsKey)).toStringList();
    for (QString& c : connections)
        if (c == from)
            c = to;
    connections.removeAll(QString());
    settings.setValue(QLatin1String(kConnectionsKey), connections);
    QStringList tables = settings.value(QLatin1String(kTablesKey)).toStringList();
    const QString prefix = from + QLatin1Char('\t');
    for (QString& t : tables)
        if (t.startsWith(prefix))
            t = to.isEmpty() ? QString() : to + QLatin1Char('\t') + t.mid(prefix.size());
    tables.removeAll(QString());
    settings.setValue(QLatin1String(kTablesKey), tables);
}

void StartPage::reload() {
    QSettings settings;
    m_connections->clear();
    for (const QString& profile : settings.value(QLatin1String(kConnectionsKey)).toStringList()) {
        auto* item =
            new QListWidgetItem(themedIcon(QStringLiteral("server-database")), profile, m_connections);
        item->setData(ProfileRole, profile);
        item->setToolTip(tr("Connect to %1").arg(profile));
    }
    m_noConnections->setVisible(m_connections->count() == 0);
    m_connections->setVisible(m_connections->count() > 0);
    m_tables->clear();
    for (const QString& entry : settings.value(QLatin1String(kTablesKey)).toStringList()) {
        const qsizetype tab = entry.indexOf(QLatin1Char('\t'));
        if (tab < 0)
            continue;
        const QString profile = entry.left(tab);
        const QString table = entry.mid(tab + 1);
        // The table name is data: isolated so that a right-to-left layout cannot reorder its characters.
        auto* item = new QListWidgetItem(
            themedIcon(QStringLiteral("table")),
            QStringLiteral("%1%2%3  —  %4").arg(QChar(0x2066), table, QChar(0x2069), profile), m_tables);
        item->setData(ProfileRole, profile);
        item->setData(TableRole, table);
        item->setToolTip(tr("Open %1 on %2").arg(table, profile));
    }
    m_noTables->setVisible(m_tables->count() == 0);
    m_tables->setVisible(m_tables->count() > 0);
}

void StartPage::showEvent(QShowEvent* event) {
    reload();
    QWidget::showEvent(event);
}

} // namespace pgdesk::ui
