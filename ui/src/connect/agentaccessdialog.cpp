// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/connect/agentaccessdialog.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/editing/proposalstore.h>

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

namespace pgdesk::ui {

namespace {

constexpr int kIdRole = Qt::UserRole;
constexpr int kBodyRole = Qt::UserRole + 1;
constexpr int kKindRole = Qt::UserRole + 2;
constexpr int kTableRole = Qt::UserRole + 3;

QString shellQuoted(const QString& word) {
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_.,:/@%+=-]+$"));
    if (plain.match(word).hasMatch())
        return word;
    return QLatin1Char('\'') + QString(word).replace(QLatin1Char('\''), QStringLiteral("'\\''")) +
           QLatin1Char('\'');
}

QString json(const QJsonObject& object) {
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

AgentAccessDialog::AgentAccessDialog(const QString& profile, const QString& key, QWidget* parent)
    : QDialog(parent)
    , m_key(key)
    , m_configuration(new QPlainTextEdit(this))
    , m_proposals(new QTableWidget(0, 4, this))
    , m_read(new JobSlot(this)) {
    setObjectName(QStringLiteral("agentAccessDialog"));
    setWindowTitle(tr("Agent access"));
    setWindowModality(Qt::WindowModal);
    auto* intro = new QLabel(this);
    intro->setWordWrap(true);
    if (profile.isEmpty())
        intro->setText(tr("An agent reaches a saved profile: save this connection as a profile first "
                          "(Connection ▸ Manage connections…)."));
    else
        intro->setText(
            tr("An AI agent with an MCP client reaches the profile %1 through pgdesk-cli mcp: it may "
               "list tables, describe them, query (read-only, at most 1,000 rows a query), explain and "
               "analyse locks; it never sees the password, and what it proposes to change waits "
               "below for you.")
                .arg(profile));
    m_configuration->setObjectName(QStringLiteral("agentConfiguration"));
    m_configuration->setReadOnly(true);
    m_configuration->setVisible(!profile.isEmpty());
    if (!profile.isEmpty()) {
        const QJsonArray args{QStringLiteral("mcp"), QStringLiteral("--profile"), profile};
        const QJsonObject server{{QStringLiteral("command"), QStringLiteral("pgdesk-cli")},
                                 {QStringLiteral("args"), args}};
        QJsonObject vscode = server;
        vscode.insert(QStringLiteral("type"), QStringLiteral("stdio"));
        m_configuration->setPlainText(
            tr("Claude Code:") + QStringLiteral("\n  claude mcp add pgdesk -- ") + commandLine(profile) +
            QStringLiteral("\n\n") + tr("Cursor (~/.cursor/mcp.json) and other clients' mcpServers:") +
            QStringLiteral("\n  ") +
            json({{QStringLiteral("mcpServers"), QJsonObject{{QStringLiteral("pgdesk"), server}}}}) +
            QStringLiteral("\n\n") + tr("VS Code (.vscode/mcp.json):") + QStringLiteral("\n  ") +
            json({{QStringLiteral("servers"), QJsonObject{{QStringLiteral("pgdesk"), vscode}}}}) +
            QStringLiteral("\n\n") +
            tr("Writing queries: add --allow-write (never on a production profile); every call logged: --log "
               "FILE."));
    }
    auto* copy = new QPushButton(tr("Copy"), this);
    copy->setObjectName(QStringLiteral("agentCopyButton"));
    copy->setEnabled(!profile.isEmpty());
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_configuration->toPlainText()); });

    m_proposals->setObjectName(QStringLiteral("agentProposals"));
    m_proposals->setHorizontalHeaderLabels({tr("Proposed"), tr("By"), tr("Kind"), tr("What")});
    m_proposals->horizontalHeader()->setStretchLastSection(true);
    m_proposals->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_proposals->setSelectionMode(QAbstractItemView::SingleSelection);
    m_proposals->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_proposals->verticalHeader()->setVisible(false);
    auto* open = new QPushButton(tr("Open"), this);
    open->setObjectName(QStringLiteral("proposalOpenButton"));
    open->setToolTip(
        tr("Changes: the table's tab, where they are staged and applied; a migration: a query tool"));
    auto* discard = new QPushButton(tr("Discard"), this);
    discard->setObjectName(QStringLiteral("proposalDiscardButton"));
    connect(open, &QPushButton::clicked, this, &AgentAccessDialog::openSelected);
    connect(discard, &QPushButton::clicked, this, &AgentAccessDialog::discardSelected);
    connect(m_proposals, &QTableWidget::cellDoubleClicked, this, &AgentAccessDialog::openSelected);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Proposals waiting for you:"), this), 1);
    row->addWidget(open);
    row->addWidget(discard);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_configuration);
    layout->addWidget(copy, 0, Qt::AlignRight);
    layout->addLayout(row);
    layout->addWidget(m_proposals, 1);
    layout->addWidget(buttons);
    resize(760, 560);
    refresh();
}

QString AgentAccessDialog::commandLine(const QString& profile) {
    return QStringLiteral("pgdesk-cli mcp --profile ") + shellQuoted(profile);
}

QString AgentAccessDialog::configurationText() const {
    return m_configuration->toPlainText();
}

void AgentAccessDialog::refresh() {
    m_read->start(
        [key = m_key](const std::shared_ptr<core::CancelToken>&) {
            return core::ProposalStore().pending(key);
        },
        [this](const QList<core::Proposal>& pending) {
            m_proposals->setRowCount(0);
            for (const core::Proposal& p : pending) {
                const int r = m_proposals->rowCount();
                m_proposals->insertRow(r);
                auto* when = new QTableWidgetItem(
                    QLocale().toString(p.proposedAt.toLocalTime(), QLocale::ShortFormat));
                when->setData(kIdRole, p.id);
                when->setData(kBodyRole, p.body);
                when->setData(kKindRole, int(p.kind));
                when->setData(kTableRole, p.table);
                m_proposals->setItem(r, 0, when);
                m_proposals->setItem(r, 1, new QTableWidgetItem(p.proposedBy));
                m_proposals->setItem(r, 2,
                                     new QTableWidgetItem(p.kind == core::Proposal::Kind::Migration
                                                              ? tr("migration")
                                                              : tr("changes")));
                m_proposals->setItem(r, 3, new QTableWidgetItem(p.summary));
            }
            m_proposals->resizeColumnsToContents();
            emit refreshed();
        },
        [this](const BackgroundFailure&) { emit refreshed(); });
}

void AgentAccessDialog::openSelected() {
    const int row = m_proposals->currentRow();
    const QTableWidgetItem* item = row >= 0 ? m_proposals->item(row, 0) : nullptr;
    if (!item)
        return;
    if (item->data(kKindRole).toInt() == int(core::Proposal::Kind::Migration))
        emit openMigrationRequested(item->data(kBodyRole).toString());
    else
        emit openTableRequested(item->data(kTableRole).toString());
}

void AgentAccessDialog::discardSelected() {
    const int row = m_proposals->currentRow();
    const QTableWidgetItem* item = row >= 0 ? m_proposals->item(row, 0) : nullptr;
    if (!item)
        return;
    try {
        core::ProposalStore().settle(item->data(kIdRole).toLongLong(), core::Proposal::Status::Discarded);
    } catch (const core::Error&) {
    }
    refresh();
}

} // namespace pgdesk::ui
