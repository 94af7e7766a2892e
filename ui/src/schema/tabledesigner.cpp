// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/schema/tabledesigner.h>

#include "schema/stepconfirm.h"

#include "schema/designcolumnsmodel.h"
#include "schema/designpolicies.h"
#include "schema/keydialog.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/schema/lockanalysis.h>
#include <pgdesk/core/server/rowsecurity.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/common/theme.h>
#include <pgdesk/ui/common/writeunlockbutton.h>
#include <pgdesk/ui/schema/lockanalysisview.h>

#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <utility>

namespace pgdesk::ui {

using Step = core::DesignChange::Step;

namespace {

constexpr int kKeyRole = Qt::UserRole + 1; // "constraint" or "index": how an existing one is dropped
constexpr int kStepRole =
    Qt::UserRole + 2; // a staged one: its change's index, or -1 - its index in a new table

// The tables a foreign key may reference, "schema.table".
QStringList tableNames(core::Connection& connection) {
    QStringList out;
    for (const core::TableSummary& t : core::CatalogReader(connection).tables())
        if (t.kind == core::RelationKind::Table || t.kind == core::RelationKind::PartitionedTable)
            out << t.schema + QLatin1Char('.') + t.name;
    return out;
}

} // namespace

TableDesigner::TableDesigner(std::shared_ptr<core::Pool> pool, QString schema, QString table, QWidget* parent)
    : QWidget(parent)
    , m_pool(std::move(pool))
    , m_schema(std::move(schema))
    , m_table(std::move(table)) {
    setObjectName(QStringLiteral("tableDesigner"));
    m_loadJob = new JobSlot(this);
    m_previewJob = new JobSlot(this);
    m_applyJob = new JobSlot(this);
    m_columns = new DesignColumnsModel(this);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("designTableName"));
    m_comment = new QLineEdit(this);
    m_owner = new QLineEdit(this);
    m_owner->setPlaceholderText(tr("unchanged (a new table: the current role)"));
    m_partition = new QLineEdit(this);
    m_partition->setPlaceholderText(tr("range (created_at), list (region), hash (id)"));
    auto* form = new QFormLayout;
    form->addRow(tr("Table:"), m_name);
    form->addRow(tr("Comment:"), m_comment);
    form->addRow(tr("Owner:"), m_owner);
    form->addRow(tr("Partition by:"), m_partition);
    for (QLineEdit* edit : {m_name, m_comment, m_owner, m_partition})
        connect(edit, &QLineEdit::editingFinished, this, &TableDesigner::tableFieldEdited);

    // Columns.
    m_columnsView = new QTableView(this);
    m_columnsView->setObjectName(QStringLiteral("designColumns"));
    m_columnsView->setModel(m_columns);
    m_columnsView->horizontalHeader()->setStretchLastSection(true);
    m_columnsView->verticalHeader()->hide();
    m_columnsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    auto* addColumn = new QPushButton(themedIcon(QStringLiteral("list-add")), tr("Add Column"), this);
    addColumn->setObjectName(QStringLiteral("designAddColumn"));
    connect(addColumn, &QPushButton::clicked, this, [this] {
        m_columns->addColumn();
        m_columnsView->setCurrentIndex(m_columns->index(m_columns->rowCount() - 1, DesignColumnsModel::Name));
        m_columnsView->edit(m_columnsView->currentIndex());
    });
    auto* dropColumn = new QPushButton(themedIcon(QStringLiteral("list-remove")), tr("Drop Column"), this);
    dropColumn->setObjectName(QStringLiteral("designDropColumn"));
    connect(dropColumn, &QPushButton::clicked, this,
            [this] { m_columns->dropColumn(m_columnsView->currentIndex().row()); });
    auto* columnsPage = new QWidget(this);
    auto* columnButtons = new QHBoxLayout;
    columnButtons->addWidget(addColumn);
    columnButtons->addWidget(dropColumn);
    columnButtons->addStretch();
    auto* columnsLayout = new QVBoxLayout(columnsPage);
    columnsLayout->addLayout(columnButtons);
    columnsLayout->addWidget(m_columnsView);

    // Keys, checks and indexes.
    m_keys = new QTreeWidget(this);
    m_keys->setObjectName(QStringLiteral("designKeys"));
    m_keys->setHeaderLabels({tr("Name"), tr("Kind"), tr("Definition"), tr("Staged")});
    m_keys->setRootIsDecorated(false);
    auto* keyButtons = new QHBoxLayout;
    const QList<std::pair<int, QString>> kinds{
        {KeyDialog::Index, tr("Add Index…")},   {KeyDialog::PrimaryKey, tr("Add Primary Key…")},
        {KeyDialog::Unique, tr("Add Unique…")}, {KeyDialog::ForeignKey, tr("Add Foreign Key…")},
        {KeyDialog::Check, tr("Add Check…")},   {KeyDialog::Exclusion, tr("Add Exclusion…")}};
    for (const auto& [kind, text] : kinds) {
        auto* button = new QPushButton(text, this);
        button->setObjectName(QStringLiteral("designAddKey%1").arg(kind));
        connect(button, &QPushButton::clicked, this, [this, kind = kind] { openKeyDialog(kind); });
        keyButtons->addWidget(button);
    }
    auto* dropKey = new QPushButton(tr("Drop"), this);
    dropKey->setObjectName(QStringLiteral("designDropKey"));
    connect(dropKey, &QPushButton::clicked, this, &TableDesigner::dropSelectedKey);
    keyButtons->addWidget(dropKey);
    keyButtons->addStretch();
    auto* keysPage = new QWidget(this);
    auto* keysLayout = new QVBoxLayout(keysPage);
    keysLayout->addLayout(keyButtons);
    keysLayout->addWidget(m_keys);

    m_policies = new DesignPoliciesPage(m_columns, this);

    // The DDL and its locks.
    m_sql = new QPlainTextEdit(this);
    m_sql->setObjectName(QStringLiteral("designSql"));
    m_sql->setReadOnly(true);
    m_sql->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_locks = new LockAnalysisView(this);
    m_locks->setTraceAvailable(!m_pool->profile().sessionReadOnly(),
                               tr("Not on a production or read-only connection: Trace runs the statements."));
    connect(m_locks, &LockAnalysisView::traceRequested, this, [this] { preview(true); });
    auto* sqlPage = new QSplitter(Qt::Vertical, this);
    sqlPage->addWidget(m_sql);
    sqlPage->addWidget(m_locks);

    m_pages = new QTabWidget(this);
    m_pages->addTab(columnsPage, tr("Columns"));
    m_pages->addTab(keysPage, tr("Keys and Indexes"));
    m_pages->addTab(m_policies, tr("Row Security"));
    m_pages->addTab(sqlPage, tr("SQL and Locks"));

    // Apply.
    m_undo = new QPushButton(themedIcon(QStringLiteral("edit-undo")), tr("Undo"), this);
    m_undo->setObjectName(QStringLiteral("designUndo"));
    connect(m_undo, &QPushButton::clicked, this, &TableDesigner::undo);
    auto* discard = new QPushButton(tr("Discard"), this);
    discard->setObjectName(QStringLiteral("designDiscard"));
    connect(discard, &QPushButton::clicked, this, &TableDesigner::discard);
    m_lockTimeout = new QSpinBox(this);
    m_lockTimeout->setObjectName(QStringLiteral("designLockTimeout"));
    m_lockTimeout->setRange(100, 600000);
    m_lockTimeout->setSingleStep(500);
    m_lockTimeout->setValue(5000);
    m_lockTimeout->setSuffix(tr(" ms"));
    m_lockTimeout->setToolTip(
        tr("A statement that waits longer for its lock gives up: the table is busy, and "
           "nothing is changed"));
    m_unlock = new WriteUnlockButton(m_pool->profile(), this);
    m_unlock->setVisible(m_unlock->isGuarded());
    m_apply = new QPushButton(themedIcon(QStringLiteral("dialog-ok-apply")), tr("Apply"), this);
    m_apply->setObjectName(QStringLiteral("designApply"));
    connect(m_apply, &QPushButton::clicked, this, &TableDesigner::apply);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("designState"));
    m_state->setWordWrap(true);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_undo);
    bottom->addWidget(discard);
    bottom->addWidget(m_state, 1);
    bottom->addWidget(new QLabel(tr("Lock timeout:"), this));
    bottom->addWidget(m_lockTimeout);
    bottom->addWidget(m_unlock);
    bottom->addWidget(m_apply);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_pages, 1);
    layout->addLayout(bottom);

    connect(m_columns, &DesignColumnsModel::designChanged, this, &TableDesigner::designChanged);
    auto* previewTimer = new QTimer(this);
    previewTimer->setSingleShot(true);
    previewTimer->setInterval(250);
    previewTimer->setObjectName(QStringLiteral("designPreviewTimer"));
    connect(previewTimer, &QTimer::timeout, this, [this] { preview(false); });
    load();
}

TableDesigner::~TableDesigner() = default;

const core::TableDesign& TableDesigner::design() const {
    return m_columns->design();
}

QString TableDesigner::settingsKey() const {
    return QStringLiteral("tableDesigns/%1/%2")
        .arg(m_pool->profile().name.isEmpty() ? QStringLiteral("-") : m_pool->profile().name,
             QString::fromLatin1(
                 QJsonDocument(QJsonObject{{QStringLiteral("s"), m_schema}, {QStringLiteral("t"), m_table}})
                     .toJson(QJsonDocument::Compact)
                     .toBase64(QByteArray::Base64UrlEncoding)));
}

bool TableDesigner::isBusy() const {
    return m_loadJob->isRunning() || m_applyJob->isRunning();
}

QString TableDesigner::stateText() const {
    return m_state->text();
}

void TableDesigner::setState(const QString& text, bool error) {
    m_state->setText(text);
    QPalette p = m_state->palette();
    p.setColor(QPalette::WindowText, error ? errorColor() : palette().color(QPalette::WindowText));
    m_state->setPalette(p);
}

void TableDesigner::load() {
    m_partition->setEnabled(m_table.isEmpty());
    if (m_table.isEmpty()) {
        core::TableDesign d;
        d.schema = m_schema;
        d.table = tr("new_table");
        d.creating = true;
        m_loadJob->start(
            [pool = m_pool](const std::shared_ptr<core::CancelToken>& cancel) {
                auto connection = pool->acquire();
                const core::CancelToken::Scope scope(cancel, *connection);
                return std::pair{connection->serverVersion(), tableNames(*connection)};
            },
            [this, d](const std::pair<int, QStringList>& read) {
                m_serverVersion = read.first;
                m_tableNames = read.second;
                m_restoring = true;
                QSettings settings;
                const QByteArray saved = settings.value(settingsKey()).toByteArray();
                core::TableDesign design = d;
                if (!saved.isEmpty())
                    try {
                        design = core::designFromJson(QJsonDocument::fromJson(saved).object());
                    } catch (const core::Error&) {
                    }
                m_columns->setTable({}, design);
                m_name->setText(design.table);
                m_comment->setText(design.comment);
                m_owner->setText(design.owner);
                m_partition->setText(design.partitionBy);
                if (design.columns.isEmpty())
                    m_columns->addColumn(); // a new table starts with one column to name
                m_restoring = false;
                designChanged();
                emit loaded();
            },
            [this](const BackgroundFailure& f) { setState(f.message, true); });
        return;
    }
    struct Loaded {
        core::TableInfo info;
        core::TableRowSecurity rowSecurity;
        int version = 0;
        QStringList tables;
    };
    setState(tr("Reading %1.%2…").arg(m_schema, m_table));
    m_loadJob->start(
        [pool = m_pool, schema = m_schema,
         table = m_table](const std::shared_ptr<core::CancelToken>& cancel) {
            auto connection = pool->acquire();
            const core::CancelToken::Scope scope(cancel, *connection);
            return Loaded{core::CatalogReader(*connection).table(schema, table),
                          core::tableRowSecurity(*connection, schema, table), connection->serverVersion(),
                          tableNames(*connection)};
        },
        [this](const Loaded& l) {
            m_tableNames = l.tables;
            m_policies->setCatalog(l.rowSecurity);
            showTable(l.info, l.version);
            emit loaded();
        },
        [this](const BackgroundFailure& f) { setState(f.message, true); });
}

void TableDesigner::showTable(const core::TableInfo& table, int serverVersion) {
    m_info = std::make_unique<core::TableInfo>(table);
    m_serverVersion = serverVersion;
    core::TableDesign design;
    design.schema = table.schema;
    design.table = table.name;
    // A design staged before (this run or an earlier one) comes back.
    const QByteArray saved = QSettings().value(settingsKey()).toByteArray();
    bool restored = false;
    if (!saved.isEmpty()) {
        try {
            design = core::designFromJson(QJsonDocument::fromJson(saved).object());
            restored = !design.changes.isEmpty();
        } catch (const core::Error&) {
        }
    }
    m_restoring = true;
    m_name->setText(table.name);
    m_comment->setText(table.comment);
    m_owner->clear(); // the catalog reader does not say; a name typed here stages OWNER TO
    m_columns->setTable(table.columns, design);
    m_restoring = false;
    designChanged();
    if (restored)
        setState(tr("The changes staged before were kept: %n step(s).", nullptr, int(design.changes.size())));
    if (!m_note.isEmpty())
        setState(std::exchange(m_note, QString()), m_noteIsError);
}

void TableDesigner::tableFieldEdited() {
    if (m_restoring)
        return;
    const core::TableDesign& d = design();
    if (d.creating) {
        if (m_name->text() == d.table && m_comment->text() == d.comment && m_owner->text() == d.owner &&
            m_partition->text() == d.partitionBy)
            return;
        m_columns->modify([this](core::TableDesign& d) {
            d.table = m_name->text().trimmed();
            d.comment = m_comment->text();
            d.owner = m_owner->text().trimmed();
            d.partitionBy = m_partition->text().trimmed();
        });
        return;
    }
    if (!m_info)
        return;
    // The last staged value of each, else the catalog's.
    QString name = m_info->name;
    QString comment = m_info->comment;
    QString owner;
    for (const core::DesignChange& c : d.changes) {
        if (c.step == Step::RenameTable)
            name = c.text;
        else if (c.step == Step::SetTableComment)
            comment = c.text;
        else if (c.step == Step::SetOwner)
            owner = c.text;
    }
    QList<core::DesignChange> add;
    const auto stage = [&add](Step step, const QString& text) {
        core::DesignChange c;
        c.step = step;
        c.text = text;
        add << c;
    };
    if (!m_name->text().trimmed().isEmpty() && m_name->text().trimmed() != name)
        stage(Step::RenameTable, m_name->text().trimmed());
    if (m_comment->text() != comment)
        stage(Step::SetTableComment, m_comment->text());
    if (!m_owner->text().trimmed().isEmpty() && m_owner->text().trimmed() != owner)
        stage(Step::SetOwner, m_owner->text().trimmed());
    if (!add.isEmpty())
        m_columns->modify([&add](core::TableDesign& d) { d.changes << add; });
}

QList<core::DesignStatement> TableDesigner::statements() const {
    try {
        return core::designStatements(design(), m_serverVersion);
    } catch (const core::Error&) {
        return {};
    }
}

void TableDesigner::designChanged() {
    if (m_restoring)
        return;
    const core::TableDesign& d = design();
    m_undo->setEnabled(m_columns->canUndo());
    QSettings settings;
    if (d.changes.isEmpty() && !d.creating)
        settings.remove(settingsKey());
    else
        settings.setValue(settingsKey(), QJsonDocument(core::designToJson(d)).toJson(QJsonDocument::Compact));
    fillKeys();
    m_policies->refresh();
    try {
        const QList<core::DesignStatement> s = core::designStatements(d, m_serverVersion);
        m_sql->setPlainText(core::designScript(s));
        m_apply->setEnabled(!s.isEmpty());
        setState(s.isEmpty() ? tr("No change staged.")
                             : tr("%n statement(s) staged: see SQL and Locks.", nullptr, int(s.size())));
        if (auto* timer = findChild<QTimer*>(QStringLiteral("designPreviewTimer")))
            timer->start();
    } catch (const core::Error& e) {
        m_sql->setPlainText(QString());
        m_apply->setEnabled(false);
        setState(QString::fromUtf8(e.what()), true);
    }
}

void TableDesigner::preview(bool trace) {
    const QString sql = core::designScript(statements());
    if (sql.isEmpty()) {
        m_locks->setStatements({}, false);
        return;
    }
    m_previewJob->start(
        [pool = m_pool, sql, trace](const std::shared_ptr<core::CancelToken>& cancel) {
            auto connection = pool->acquire();
            const core::CancelToken::Scope scope(cancel, *connection);
            core::LockAnalyzer analyzer(*connection);
            return trace ? analyzer.trace(sql) : analyzer.analyze(sql);
        },
        [this, trace](const QList<core::StatementLocks>& locks) {
            m_locks->setStatements(locks, trace);
            emit previewed();
        },
        [this](const BackgroundFailure& f) { setState(f.message, true); });
}

void TableDesigner::fillKeys() {
    m_keys->clear();
    const auto row = [this](const QString& name, const QString& kind, const QString& definition,
                            const QString& staged) {
        auto* item = new QTreeWidgetItem(m_keys, {name, kind, definition, staged});
        return item;
    };
    const core::TableDesign& d = design();
    QStringList dropped;
    for (const core::DesignChange& c : d.changes)
        if (c.step == Step::DropConstraint || c.step == Step::DropIndex)
            dropped << c.text;
    if (m_info && !d.creating) {
        for (const core::UniqueConstraint& u : m_info->uniques)
            row(u.name,
                u.isPrimaryKey  ? tr("primary key")
                : u.isIndexOnly ? tr("unique index")
                                : tr("unique"),
                u.columns.join(QStringLiteral(", ")), dropped.contains(u.name) ? tr("dropped") : QString())
                ->setData(0, kKeyRole,
                          u.isIndexOnly ? QStringLiteral("index") : QStringLiteral("constraint"));
        for (const core::ForeignKey& f : m_info->foreignKeys)
            row(f.name, tr("foreign key"),
                QStringLiteral("(%1) → %2.%3")
                    .arg(f.columns.join(QStringLiteral(", ")), f.refSchema, f.refTable),
                dropped.contains(f.name) ? tr("dropped") : QString())
                ->setData(0, kKeyRole, QStringLiteral("constraint"));
        for (const core::CheckConstraint& c : m_info->checks)
            row(c.name, tr("check"), c.definition, dropped.contains(c.name) ? tr("dropped") : QString())
                ->setData(0, kKeyRole, QStringLiteral("constraint"));
    }
    const auto describe = [](const core::ConstraintSpec& k) {
        static const char* const kinds[] = {QT_TR_NOOP("primary key"), QT_TR_NOOP("unique"),
                                            QT_TR_NOOP("check"), QT_TR_NOOP("exclusion"),
                                            QT_TR_NOOP("foreign key")};
        const QString definition =
            k.kind == core::ConstraintSpec::Kind::Check ? k.expression
            : k.kind == core::ConstraintSpec::Kind::ForeignKey
                ? QStringLiteral("(%1) → %2").arg(k.columns.join(QStringLiteral(", ")), k.refTable)
                : k.columns.join(QStringLiteral(", "));
        return std::pair{tr(kinds[int(k.kind)]), definition};
    };
    for (int i = 0; i < d.constraints.size(); ++i) {
        const auto [kind, definition] = describe(d.constraints[i]);
        row(d.constraints[i].name, kind, definition, tr("new"))->setData(0, kStepRole, -1 - i);
    }
    for (int i = 0; i < d.indexes.size(); ++i)
        row(d.indexes[i].name, tr("index"), d.indexes[i].columns.join(QStringLiteral(", ")), tr("new"))
            ->setData(0, kStepRole, -1 - int(d.constraints.size()) - i);
    for (int i = 0; i < d.changes.size(); ++i) {
        const core::DesignChange& c = d.changes[i];
        if (c.step == Step::AddConstraint) {
            const auto [kind, definition] = describe(c.constraint);
            row(c.constraint.name, kind, definition, tr("new"))->setData(0, kStepRole, i);
        } else if (c.step == Step::AddIndex) {
            row(c.index.name, c.index.unique ? tr("unique index") : tr("index"),
                c.index.columns.join(QStringLiteral(", ")),
                c.index.concurrently ? tr("new, built concurrently") : tr("new"))
                ->setData(0, kStepRole, i);
        }
    }
    for (int c = 0; c < m_keys->columnCount(); ++c)
        m_keys->resizeColumnToContents(c);
}

void TableDesigner::openKeyDialog(int kind) {
    auto* dialog = new KeyDialog(KeyDialog::Kind(kind), m_columns->columnNames(), !design().creating,
                                 m_tableNames, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (dialog->kind() == KeyDialog::Index)
            addIndex(dialog->index());
        else
            addConstraint(dialog->constraint());
    });
    dialog->open();
}

void TableDesigner::addIndex(const core::IndexSpec& index) {
    m_columns->modify([&index](core::TableDesign& d) {
        if (d.creating) {
            core::IndexSpec i = index;
            i.concurrently = false; // nobody sees a new table yet
            d.indexes << i;
            return;
        }
        core::DesignChange c;
        c.step = Step::AddIndex;
        c.index = index;
        d.changes << c;
    });
}

void TableDesigner::addConstraint(const core::ConstraintSpec& constraint) {
    m_columns->modify([&constraint](core::TableDesign& d) {
        if (d.creating) {
            d.constraints << constraint;
            return;
        }
        core::DesignChange c;
        c.step = Step::AddConstraint;
        c.constraint = constraint;
        d.changes << c;
    });
}

void TableDesigner::dropSelectedKey() {
    QTreeWidgetItem* item = m_keys->currentItem();
    if (!item)
        return;
    const QVariant step = item->data(0, kStepRole);
    if (step.isValid()) { // staged here: unstaged
        const int i = step.toInt();
        m_columns->modify([i](core::TableDesign& d) {
            if (i >= 0)
                d.changes.removeAt(i);
            else if (-1 - i < d.constraints.size())
                d.constraints.removeAt(-1 - i);
            else
                d.indexes.removeAt(-1 - i - int(d.constraints.size()));
        });
        return;
    }
    const QString name = item->text(0);
    const bool index = item->data(0, kKeyRole).toString() == QLatin1String("index");
    m_columns->modify([&](core::TableDesign& d) {
        core::DesignChange c;
        c.step = index ? Step::DropIndex : Step::DropConstraint;
        c.text = name;
        d.changes << c;
    });
}

void TableDesigner::undo() {
    m_columns->undo();
}

void TableDesigner::discard() {
    m_columns->discard();
    if (m_info) {
        m_restoring = true;
        m_name->setText(m_info->name);
        m_comment->setText(m_info->comment);
        m_owner->clear();
        m_restoring = false;
    }
}

void TableDesigner::apply() {
    if (isBusy())
        return;
    QList<core::DesignStatement> statements;
    try {
        statements = core::designStatements(design(), m_serverVersion);
    } catch (const core::Error& e) {
        setState(QString::fromUtf8(e.what()), true);
        return;
    }
    if (statements.isEmpty())
        return;
    confirmDestructiveSteps(this, statements, [this, statements](const QSet<int>& confirmed) {
        runApply(statements, confirmed);
    });
}

void TableDesigner::runApply(const QList<core::DesignStatement>& statements, const QSet<int>& confirmed) {
    core::SchemaApplyOptions options;
    options.lockTimeoutMs = m_lockTimeout->value();
    options.access = m_unlock->access();
    options.confirmed = confirmed;
    const core::TableDesign d = design();
    options.table = core::quoteIdentifier(d.schema) + QLatin1Char('.') +
                    core::quoteIdentifier(m_info ? m_info->name : d.table);
    m_apply->setEnabled(false);
    setState(tr("Applying…"));
    m_applyJob->start(
        [pool = m_pool, statements, options](const std::shared_ptr<core::CancelToken>& cancel) {
            auto connection = pool->acquire();
            const core::CancelToken::Scope scope(cancel, *connection);
            return core::SchemaApplier(*connection).apply(statements, options);
        },
        [this, d](const core::SchemaApplyResult& result) {
            QSettings().remove(settingsKey());
            // The name it has now, for the reload and the window.
            QString name = d.creating || !m_info ? d.table : m_info->name;
            for (const core::DesignChange& c : d.changes)
                if (c.step == Step::RenameTable)
                    name = c.text;
            m_table = name;
            m_note = result.failure.isEmpty()
                         ? tr("Applied.")
                         : tr("Committed, but a later step failed: %1").arg(result.failure);
            m_noteIsError = !result.failure.isEmpty();
            load();
            emit applied(d.schema, name);
            emit applyFinished(true);
        },
        [this](const BackgroundFailure& f) {
            m_apply->setEnabled(true);
            setState(tr("Nothing was changed: %1").arg(f.message), true);
            emit applyFinished(false);
        });
}

} // namespace pgdesk::ui
