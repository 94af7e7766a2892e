// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/browse/structureview.h>

#include "common/lockwaitwatcher.h"

#include <pgdesk/core/session/canceltoken.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/browse/createscriptview.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/common/theme.h>
#include <pgdesk/ui/grid/celltext.h>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace pgdesk::ui {

// One cell: the exact text (copied) and, when it differs, what is shown (a size in units, a translated
// word). Data cells (names, types, SQL) are shown in a bidi isolate in a right-to-left layout.
struct StructureCell {
    StructureCell(QString exactText, QString displayText = {}, bool isData = true)
        : exact(std::move(exactText))
        , display(std::move(displayText))
        , data(isData) {}
    QString exact;
    QString display;
    bool data = true;
};

namespace {

using Cell = StructureCell;

Cell word(const QString& translated) {
    return {translated, {}, false};
}

Cell number(qint64 value) {
    return {QString::number(value), QLocale().toString(value), false};
}

Cell bytes(qint64 value) {
    return {QString::number(value), QLocale().formattedDataSize(value), false};
}

QString qualified(const QString& schema, const QString& name) {
    return schema + QLatin1Char('.') + name;
}

QString joined(const QStringList& parts) {
    return parts.join(QStringLiteral(", "));
}

// A TSV field as spreadsheets read it (celltext's rule): quoted when it holds a tab, newline or quote.
QString tsvField(const QString& text) {
    if (!text.contains(QLatin1Char('\t')) && !text.contains(QLatin1Char('\n')) &&
        !text.contains(QLatin1Char('\r')) && !text.contains(QLatin1Char('"')))
        return text;
    return QLatin1Char('"') + QString(text).replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
           QLatin1Char('"');
}

} // namespace

StructureView::StructureView(std::shared_ptr<core::Pool> pool, QString schema, QString table, QWidget* parent)
    : QWidget(parent)
    , m_pool(std::move(pool))
    , m_schema(std::move(schema))
    , m_table(std::move(table))
    , m_load(new JobSlot(this))
    , m_title(new QLabel(this))
    , m_message(new QLabel(this))
    , m_retry(new QPushButton(tr("Retry"), this))
    , m_refresh(new QPushButton(tr("Refresh"), this))
    , m_sections(new QTabWidget(this)) {
    setObjectName(QStringLiteral("structureView"));
    m_title->setObjectName(QStringLiteral("structureTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setObjectName(QStringLiteral("structureMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry->setObjectName(QStringLiteral("structureRetry"));
    m_retry->setVisible(false);
    connect(m_retry, &QPushButton::clicked, this, &StructureView::refresh);
    m_refresh->setObjectName(QStringLiteral("structureRefresh"));
    m_refresh->setToolTip(tr("Read the structure again (%1)")
                              .arg(QKeySequence(QKeySequence::Refresh).toString(QKeySequence::NativeText)));
    connect(m_refresh, &QPushButton::clicked, this, &StructureView::refresh);
    m_refreshAction = new QAction(tr("Refresh structure"), this);
    m_refreshAction->setObjectName(QStringLiteral("structureRefreshAction"));
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_refreshAction, &QAction::triggered, this, &StructureView::refresh);
    addAction(m_refreshAction);
    m_sections->setObjectName(QStringLiteral("structureSections"));
    m_sections->setDocumentMode(true);
    m_sections->setAccessibleName(tr("Structure sections"));

    addSection(Columns, tr("Columns"),
               {tr("#"), tr("Name"), tr("Type"), tr("Nullable"), tr("Default"), tr("Identity"),
                tr("Generated"), tr("Collation"), tr("Storage"), tr("Comment")});
    addSection(Constraints, tr("Constraints"),
               {tr("Name"), tr("Kind"), tr("Columns"), tr("Definition"), tr("Index"), tr("Deferrable"),
                tr("Validated"), tr("Comment")});
    addSection(Indexes, tr("Indexes"),
               {tr("Name"), tr("Method"), tr("Keys"), tr("Include"), tr("Predicate"), tr("Unique"),
                tr("Primary"), tr("Valid"), tr("Ready"), tr("Size"), tr("Scans"), tr("Constraint"),
                tr("Definition"), tr("Comment")});
    addSection(ForeignKeys, tr("Foreign keys"),
               {tr("Name"), tr("Columns"), tr("References"), tr("Referenced columns"), tr("On update"),
                tr("On delete"), tr("Match"), tr("Deferrable"), tr("Validated"), tr("Definition")});
    addSection(ReferencedBy, tr("Referenced by"),
               {tr("Name"), tr("Table"), tr("Columns"), tr("Referenced columns"), tr("On update"),
                tr("On delete"), tr("Definition")});
    addSection(Triggers, tr("Triggers"),
               {tr("Name"), tr("Timing"), tr("Events"), tr("Level"), tr("Enabled"), tr("Function"),
                tr("Definition")});
    addSection(Policies, tr("Policies"),
               {tr("Name"), tr("Type"), tr("Command"), tr("Roles"), tr("Using"), tr("With check")});
    addSection(Partitions, tr("Partitions"), {tr("Name"), tr("Kind"), tr("Bound"), tr("Size")});
    addSection(Options, tr("Options & statistics"), {tr("Property"), tr("Value")});
    m_definition = new QPlainTextEdit(this);
    m_definition->setObjectName(QStringLiteral("structureDefinition"));
    m_definition->setReadOnly(true);
    m_definition->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_definition->setAccessibleName(tr("Definition"));
    m_definition->setLayoutDirection(Qt::LeftToRight); // SQL reads left to right in every language
    m_sectionTitles[Definition] = tr("Definition");
    m_sections->addTab(m_definition, m_sectionTitles[Definition]);
    m_sections->setTabVisible(Definition, false);
    m_script = new CreateScriptView(m_pool, m_schema, m_table, this);
    m_sectionTitles[Script] = tr("CREATE script");
    m_sections->addTab(m_script, m_sectionTitles[Script]);

    auto* top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    auto* design = new QPushButton(tr("Design…"), this);
    design->setObjectName(QStringLiteral("structureDesign"));
    connect(design, &QPushButton::clicked, this, [this] { emit designRequested(m_schema, m_table); });
    top->addWidget(design);
    top->addWidget(m_refresh);
    auto* banner = new QHBoxLayout;
    banner->addWidget(m_message, 1);
    banner->addWidget(m_retry);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addLayout(banner);
    layout->addWidget(m_sections, 1);
    m_title->setText(qualified(m_schema, m_table));
}

StructureView::~StructureView() = default; // the load slot cancels a read still waiting on a lock

QTableView* StructureView::addSection(Section section, const QString& title, const QStringList& headers) {
    auto* model = new QStandardItemModel(0, int(headers.size()), this);
    model->setHorizontalHeaderLabels(headers);
    auto* view = new QTableView(this);
    static const char* const kNames[] = {"structureColumns",     "structureConstraints",  "structureIndexes",
                                         "structureForeignKeys", "structureReferencedBy", "structureTriggers",
                                         "structurePolicies",    "structurePartitions",   "structureOptions"};
    view->setObjectName(QLatin1String(kNames[section]));
    view->setModel(model);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionBehavior(QAbstractItemView::SelectItems);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->setVisible(false);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setAccessibleName(title);
    auto* copy = new QAction(tr("Copy"), view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &StructureView::copySelection);
    view->addAction(copy);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_views[section] = view;
    m_models[section] = model;
    m_sectionTitles[section] = title;
    m_sections->addTab(view, QString(title).replace(QLatin1Char('&'), QStringLiteral("&&")));
    return view;
}

QTableView* StructureView::sectionView(Section section) const {
    return section < SectionCount ? m_views[section] : nullptr;
}

QStandardItemModel* StructureView::sectionModel(Section section) const {
    return section < SectionCount ? m_models[section] : nullptr;
}

void StructureView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    ensureLoaded();
}

void StructureView::ensureLoaded() {
    if (!m_requested)
        refresh();
}

bool StructureView::isLoading() const {
    return m_load->isRunning();
}

void StructureView::refresh() {
    m_requested = true;
    if (m_script->isRequested())
        m_script->refresh();
    m_retry->setVisible(false);
    m_message->setStyleSheet({});
    m_message->setText(tr("Loading the structure…"));
    m_message->setVisible(true);
    m_load->start(
        [pool = m_pool, schema = m_schema,
         table = m_table](const std::shared_ptr<core::CancelToken>& cancel) {
            auto connection = pool->acquire();
            const core::CancelToken::Scope scope(cancel, *connection);
            core::StructureReader reader(*connection);
            try {
                return reader.read(schema, table);
            } catch (const core::QueryError& e) {
                LockWaitWatcher::rethrowNamingHolders(e, reader.lockHolders());
            }
        },
        [this](core::TableStructure structure) {
            m_message->setVisible(false);
            present(structure);
            m_structure = std::move(structure);
            emit loaded();
        },
        [this](const BackgroundFailure& failure) { showFailure(failure.message); });
}

void StructureView::showFailure(const QString& message) {
    m_message->setStyleSheet(textStyle(errorColor()));
    m_message->setText(tr("Could not read the structure: %1").arg(message));
    m_message->setVisible(true);
    m_retry->setVisible(true);
    emit loadFailed(message);
}

void StructureView::fill(Section section, const QList<QList<StructureCell>>& rows) {
    QStandardItemModel* model = m_models[section];
    model->removeRows(0, model->rowCount());
    // Names are data: in a right-to-left layout a left-to-right isolate keeps `we"ird; drop table x;--` or
    // `price >= 0::numeric` in their own order (display only: copying takes the exact text).
    const bool rtl = layoutDirection() == Qt::RightToLeft;
    for (const QList<Cell>& row : rows) {
        QList<QStandardItem*> items;
        for (const Cell& cell : row) {
            QString display = cell.display.isEmpty() ? cell.exact : cell.display;
            if (rtl && cell.data && !display.isEmpty())
                display = QChar(0x2066) + display + QChar(0x2069);
            auto* item = new QStandardItem(display);
            item->setData(cell.exact, ExactTextRole);
            if (!cell.display.isEmpty() && cell.display != cell.exact)
                item->setToolTip(cell.exact);
            else if (cell.exact.size() > 60 || cell.exact.contains(QLatin1Char('\n')))
                item->setToolTip(cell.exact); // definitions and long expressions in full
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            items << item;
        }
        model->appendRow(items);
    }
    QTableView* view = m_views[section];
    view->resizeColumnsToContents();
    auto* header = view->horizontalHeader();
    for (int c = 0; c < header->count(); ++c)
        header->resizeSection(c, std::min(header->sectionSize(c), 400));
}

void StructureView::present(const core::TableStructure& s) {
    QString kind;
    switch (s.kind) {
    case core::RelationKind::Table:
        kind = s.partitionBound.isEmpty() ? tr("Table") : tr("Partition");
        break;
    case core::RelationKind::PartitionedTable:
        kind = tr("Partitioned table");
        break;
    case core::RelationKind::View:
        kind = tr("View");
        break;
    case core::RelationKind::MaterializedView:
        kind = tr("Materialized view");
        break;
    case core::RelationKind::ForeignTable:
        kind = tr("Foreign table");
        break;
    case core::RelationKind::Query:
        break;
    }
    const QString name = qualified(s.schema, s.name);
    m_title->setText(
        tr("%1 %2, owner %3, %4")
            .arg(kind, layoutDirection() == Qt::RightToLeft ? QChar(0x2066) + name + QChar(0x2069) : name,
                 s.owner, QLocale().formattedDataSize(s.totalBytes)));
    fillColumns(s);
    fillConstraints(s);
    fillIndexes(s);
    fillForeignKeys(s);
    fillTriggersAndPolicies(s);
    fillPartitions(s);
    fillOptions(s);
    m_definition->setPlainText(s.viewDefinition);
    updateTabs(s);
}

void StructureView::fillColumns(const core::TableStructure& s) {
    QList<QList<Cell>> rows;
    for (const core::StructureColumn& c : s.columns) {
        QString identity;
        if (c.identity == core::IdentityKind::Always)
            identity = QStringLiteral("ALWAYS");
        else if (c.identity == core::IdentityKind::ByDefault)
            identity = QStringLiteral("BY DEFAULT");
        rows << QList<Cell>{number(c.number),
                            {c.name},
                            {c.type},
                            {c.notNull ? QStringLiteral("NOT NULL") : QStringLiteral("NULL"), {}, false},
                            {c.defaultExpression},
                            {identity, {}, false},
                            {c.generatedExpression},
                            {c.collation},
                            {c.storage, {}, false},
                            {c.comment}};
    }
    fill(Columns, rows);
}

void StructureView::fillConstraints(const core::TableStructure& s) {
    QList<QList<Cell>> rows;
    for (const core::StructureConstraint& c : s.constraints()) {
        QString kind;
        switch (c.kind) {
        case core::ConstraintKind::PrimaryKey:
            kind = tr("Primary key");
            break;
        case core::ConstraintKind::Unique:
            kind = tr("Unique");
            break;
        case core::ConstraintKind::Check:
            kind = tr("Check");
            break;
        case core::ConstraintKind::Exclusion:
            kind = tr("Exclusion");
            break;
        }
        const QString deferrable = !c.deferrable         ? tr("no")
                                   : c.initiallyDeferred ? tr("initially deferred")
                                                         : tr("initially immediate");
        rows << QList<Cell>{{c.name},
                            word(kind),
                            {joined(c.columns)},
                            {c.definition},
                            {c.index},
                            word(deferrable),
                            word(c.validated ? tr("yes") : tr("no (NOT VALID)")),
                            {c.comment}};
    }
    fill(Constraints, rows);
}

void StructureView::fillIndexes(const core::TableStructure& s) {
    const auto yesNo = [](bool value) { return word(value ? tr("yes") : tr("no")); };
    QList<QList<Cell>> rows;
    for (const core::StructureIndex& i : s.indexes)
        rows << QList<Cell>{{i.name},
                            {i.method},
                            {joined(i.keys)},
                            {joined(i.included)},
                            {i.predicate},
                            yesNo(i.unique),
                            yesNo(i.primary),
                            yesNo(i.valid),
                            yesNo(i.ready),
                            bytes(i.sizeBytes),
                            i.scans ? number(*i.scans) : word(QString()),
                            {i.constraint},
                            {i.definition},
                            {i.comment}};
    fill(Indexes, rows);
}

void StructureView::fillForeignKeys(const core::TableStructure& s) {
    const auto deferrable = [](const core::StructureForeignKey& k) {
        return word(!k.deferrable         ? tr("no")
                    : k.initiallyDeferred ? tr("initially deferred")
                                          : tr("initially immediate"));
    };
    QList<QList<Cell>> outgoing;
    for (const core::StructureForeignKey& k : s.foreignKeys)
        outgoing << QList<Cell>{{k.name},
                                {joined(k.columns)},
                                {qualified(k.refSchema, k.refTable)},
                                {joined(k.refColumns)},
                                {k.onUpdate, {}, false},
                                {k.onDelete, {}, false},
                                {k.matchType, {}, false},
                                deferrable(k),
                                word(k.validated ? tr("yes") : tr("no (NOT VALID)")),
                                {k.definition}};
    fill(ForeignKeys, outgoing);
    QList<QList<Cell>> incoming;
    for (const core::StructureForeignKey& k : s.referencedBy)
        incoming << QList<Cell>{{k.name},
                                {qualified(k.schema, k.table)},
                                {joined(k.columns)},
                                {joined(k.refColumns)},
                                {k.onUpdate, {}, false},
                                {k.onDelete, {}, false},
                                {k.definition}};
    fill(ReferencedBy, incoming);
}

void StructureView::fillTriggersAndPolicies(const core::TableStructure& s) {
    QList<QList<Cell>> triggers;
    for (const core::StructureTrigger& t : s.triggers) {
        QString enabled;
        switch (t.enabled) {
        case core::TriggerEnabled::Origin:
            enabled = tr("yes");
            break;
        case core::TriggerEnabled::Disabled:
            enabled = tr("disabled");
            break;
        case core::TriggerEnabled::Replica:
            enabled = tr("replica only");
            break;
        case core::TriggerEnabled::Always:
            enabled = tr("always");
            break;
        }
        triggers << QList<Cell>{
            {t.name},
            {t.timing, {}, false},
            {t.events.join(QStringLiteral(" OR ")), {}, false},
            {t.forEachRow ? QStringLiteral("ROW") : QStringLiteral("STATEMENT"), {}, false},
            word(enabled),
            {t.function},
            {t.definition}};
    }
    fill(Triggers, triggers);
    QList<QList<Cell>> policies;
    for (const core::StructurePolicy& p : s.policies)
        policies << QList<Cell>{
            {p.name},
            {p.permissive ? QStringLiteral("PERMISSIVE") : QStringLiteral("RESTRICTIVE"), {}, false},
            {p.command, {}, false},
            {joined(p.roles)},
            {p.usingExpression},
            {p.withCheckExpression}};
    fill(Policies, policies);
}

void StructureView::fillPartitions(const core::TableStructure& s) {
    QList<QList<Cell>> rows;
    for (const core::StructureChild& c : s.children) {
        const QString kind = !c.isPartition                                   ? tr("Inherits")
                             : c.kind == core::RelationKind::PartitionedTable ? tr("Partitioned partition")
                                                                              : tr("Partition");
        rows << QList<Cell>{{qualified(c.schema, c.name)}, word(kind), {c.bound}, bytes(c.totalBytes)};
    }
    fill(Partitions, rows);
}

void StructureView::fillOptions(const core::TableStructure& s) {
    QList<QList<Cell>> rows;
    const auto add = [&rows](const QString& property, Cell value) {
        if (!value.exact.isEmpty())
            rows << QList<Cell>{word(property), std::move(value)};
    };
    const auto yesNo = [](bool value) { return word(value ? tr("yes") : tr("no")); };
    add(tr("Owner"), {s.owner});
    add(tr("Comment"), {s.comment});
    add(tr("Tablespace"), {s.tablespace});
    if (s.unlogged)
        add(tr("Unlogged"), yesNo(true));
    add(tr("Partition key"), {s.partitionKey});
    add(tr("Partition bound"), {s.partitionBound});
    for (const core::StructureParent& p : s.parents)
        add(s.partitionBound.isEmpty() ? tr("Inherits from") : tr("Partition of"),
            {qualified(p.schema, p.name)});
    if (s.kind != core::RelationKind::View && s.kind != core::RelationKind::MaterializedView) {
        add(tr("Row-level security"), yesNo(s.rowSecurity));
        add(tr("Row-level security for the owner too (FORCE)"), yesNo(s.forceRowSecurity));
    }
    for (const QString& option : s.options) {
        const qsizetype eq = option.indexOf(QLatin1Char('='));
        add(tr("Option %1").arg(option.left(eq)), {option.mid(eq + 1)});
    }
    add(tr("Foreign server"), {s.foreignServer});
    for (const QString& option : s.foreignOptions)
        add(tr("Foreign option"), {option});
    // Privileges per grantee, "*" after a privilege it may grant on (as psql's \dp marks it).
    QMap<QString, QStringList> granted;
    QStringList grantees;
    for (const core::StructurePrivilege& p : s.privileges) {
        if (!granted.contains(p.grantee))
            grantees << p.grantee;
        granted[p.grantee] << p.privilege + (p.grantable ? QStringLiteral("*") : QString());
    }
    for (const QString& grantee : grantees)
        add(s.aclDefault ? tr("Privileges of %1 (the owner's defaults)").arg(grantee)
                         : tr("Privileges of %1").arg(grantee),
            {joined(granted.value(grantee))});
    if (!s.aclDefault)
        add(tr("Access privileges (ACL)"), {s.acl.join(QLatin1Char('\n'))});
    // Column grants are part of what a role may read: shown with the table's own.
    for (const core::StructureColumn& c : s.columns)
        if (!c.acl.isEmpty())
            add(tr("Privileges on column %1").arg(c.name), {c.acl.join(QLatin1Char('\n'))});
    if (s.kind != core::RelationKind::View && s.kind != core::RelationKind::ForeignTable) {
        add(tr("Size of the table"), bytes(s.tableBytes));
        add(tr("Size of the TOAST table"), bytes(s.toastBytes));
        add(tr("Size of the indexes"), bytes(s.indexesBytes));
        add(tr("Total size"), bytes(s.totalBytes));
    }
    if (const auto& st = s.statistics) {
        add(tr("Live rows"), number(st->liveTuples));
        add(tr("Dead rows"), number(st->deadTuples));
        add(tr("Rows changed since the last analyze"), number(st->modifiedSinceAnalyze));
        add(tr("Sequential scans"), number(st->sequentialScans));
        if (st->indexScans)
            add(tr("Index scans"), number(*st->indexScans));
        const auto when = [](const QString& at, qint64 count) {
            return at.isEmpty() ? word(tr("never"))
                                : Cell{at, tr("%1 (%n time(s))", nullptr, pluralCount(count)).arg(at), true};
        };
        add(tr("Last vacuum"), when(st->lastVacuum, st->vacuumCount));
        add(tr("Last autovacuum"), when(st->lastAutovacuum, st->autovacuumCount));
        add(tr("Last analyze"), when(st->lastAnalyze, st->analyzeCount));
        add(tr("Last autoanalyze"), when(st->lastAutoanalyze, st->autoanalyzeCount));
    }
    fill(Options, rows);
}

// Sections that cannot have rows for this kind of relation are left out; the others say how many they have.
void StructureView::updateTabs(const core::TableStructure& s) {
    using Kind = core::RelationKind;
    const bool table = s.kind == Kind::Table || s.kind == Kind::PartitionedTable;
    const bool view = s.kind == Kind::View || s.kind == Kind::MaterializedView;
    const bool applies[SectionCount] = {
        true,
        table || s.kind == Kind::ForeignTable,
        table || s.kind == Kind::MaterializedView,
        table,
        table,
        s.kind != Kind::MaterializedView,
        table,
        s.kind == Kind::PartitionedTable,
        true,
        view,
        true,
    };
    for (int section = 0; section < SectionCount; ++section) {
        const bool text = section == Definition || section == Script;
        const int rows = text ? 0 : m_models[section]->rowCount();
        m_sections->setTabVisible(section, applies[section] || rows > 0);
        // A tab's '&' marks its mnemonic: "Options & statistics" needs it doubled to show.
        const QString title = text || section == Options
                                  ? m_sectionTitles[section]
                                  : tr("%1 (%2)").arg(m_sectionTitles[section]).arg(rows);
        m_sections->setTabText(section, QString(title).replace(QLatin1Char('&'), QStringLiteral("&&")));
    }
}

void StructureView::copySelection() {
    auto* view = qobject_cast<QTableView*>(m_sections->currentWidget());
    if (!view)
        return;
    QModelIndexList cells = view->selectionModel()->selectedIndexes();
    if (cells.isEmpty() && view->currentIndex().isValid())
        cells << view->currentIndex();
    if (cells.isEmpty())
        return;
    // Rows and columns in view order, gaps left empty, the exact texts.
    QMap<int, QMap<int, QString>> grid;
    int first = cells.first().column();
    int last = first;
    for (const QModelIndex& cell : std::as_const(cells)) {
        grid[cell.row()][cell.column()] = cell.data(ExactTextRole).toString();
        first = std::min(first, cell.column());
        last = std::max(last, cell.column());
    }
    QStringList lines;
    for (auto row = grid.cbegin(); row != grid.cend(); ++row) {
        QStringList fields;
        for (int c = first; c <= last; ++c)
            fields << tsvField(row.value().value(c));
        lines << fields.join(QLatin1Char('\t'));
    }
    QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}

} // namespace pgdesk::ui
