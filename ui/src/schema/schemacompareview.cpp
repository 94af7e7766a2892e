// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/common/filechooser.h>
#include <pgdesk/ui/schema/schemacompareview.h>

#include "common/sqlhighlighter.h"
#include "schema/databasechoice.h"
#include "schema/stepconfirm.h"

#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/common/theme.h>
#include <pgdesk/ui/common/writeunlockbutton.h>
#include <pgdesk/ui/schema/lockanalysisview.h>

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBlock>
#include <QVBoxLayout>

#include <optional>

namespace pgdesk::ui {

SchemaDiffModel::SchemaDiffModel(QObject* parent)
    : QAbstractTableModel(parent) {
}

void SchemaDiffModel::setDifferences(QList<core::ObjectDifference> differences) {
    beginResetModel();
    m_all = std::move(differences);
    refilter();
    endResetModel();
}

void SchemaDiffModel::setFilter(const QString& text, bool showSame) {
    beginResetModel();
    m_text = text;
    m_showSame = showSame;
    refilter();
    endResetModel();
}

void SchemaDiffModel::refilter() {
    m_visible.clear();
    for (int i = 0; i < m_all.size(); ++i) {
        const core::ObjectDifference& d = m_all[i];
        if (d.state == core::DiffState::Same && !m_showSame)
            continue;
        if (!m_text.isEmpty() && !d.name.contains(m_text, Qt::CaseInsensitive) &&
            !d.kind.contains(m_text, Qt::CaseInsensitive))
            continue;
        m_visible << i;
    }
}

const core::ObjectDifference* SchemaDiffModel::difference(int row) const {
    return row >= 0 && row < m_visible.size() ? &m_all[m_visible[row]] : nullptr;
}

int SchemaDiffModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_visible.size());
}

int SchemaDiffModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SchemaDiffModel::data(const QModelIndex& index, int role) const {
    const core::ObjectDifference* d = index.isValid() ? difference(index.row()) : nullptr;
    if (!d)
        return {};
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case State:
            switch (d->state) {
            case core::DiffState::Same:
                return tr("same");
            case core::DiffState::Different:
                return tr("different");
            case core::DiffState::OnlyInSource:
                return tr("only in source");
            case core::DiffState::OnlyInTarget:
                return tr("only in target");
            }
            return {};
        case Kind:
            return d->kind;
        case Name:
            return d->name;
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == State) {
        switch (d->state) {
        case core::DiffState::OnlyInSource:
            return successColor();
        case core::DiffState::OnlyInTarget:
            return errorColor();
        case core::DiffState::Different:
            return warningColor();
        case core::DiffState::Same:
            return {};
        }
    }
    return {};
}

QVariant SchemaDiffModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case State:
        return tr("State");
    case Kind:
        return tr("Kind");
    case Name:
        return tr("Name");
    default:
        return {};
    }
}

SchemaCompareView::SchemaCompareView(PoolProvider pools, const QString& database, const QString& schema,
                                     QWidget* parent)
    : QWidget(parent)
    , m_pools(std::move(pools)) {
    setObjectName(QStringLiteral("schemaCompareView"));
    m_databasesJob = new JobSlot(this);
    m_sourceSchemasJob = new JobSlot(this);
    m_targetSchemasJob = new JobSlot(this);
    m_compareJob = new JobSlot(this);
    m_locksJob = new JobSlot(this);
    m_applyJob = new JobSlot(this);
    const auto combo = [this](const char* name, bool editable) {
        auto* c = new QComboBox(this);
        c->setObjectName(QLatin1String(name));
        c->setEditable(editable);
        c->setMinimumContentsLength(14);
        return c;
    };
    m_sourceDatabase = combo("compareSourceDatabase", false);
    m_sourceSchema = combo("compareSourceSchema", true);
    m_targetDatabase = combo("compareTargetDatabase", false);
    m_targetSchema = combo("compareTargetSchema", true);
    for (QComboBox* c : {m_sourceDatabase, m_targetDatabase}) {
        c->addItem(database);
        c->setCurrentText(database);
    }
    m_compareButton = new QPushButton(themedIcon(QStringLiteral("view-refresh")), tr("Compare"), this);
    m_compareButton->setObjectName(QStringLiteral("compareButton"));
    connect(m_compareButton, &QPushButton::clicked, this, &SchemaCompareView::compare);
    auto* sides = new QHBoxLayout;
    sides->addWidget(new QLabel(tr("Source:"), this));
    sides->addWidget(m_sourceDatabase);
    sides->addWidget(m_sourceSchema);
    sides->addSpacing(12);
    sides->addWidget(new QLabel(tr("Target (changed to match):"), this));
    sides->addWidget(m_targetDatabase);
    sides->addWidget(m_targetSchema);
    sides->addWidget(m_compareButton);
    sides->addStretch(1);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("compareFilter"));
    m_filter->setPlaceholderText(tr("Filter by name or kind"));
    m_filter->setClearButtonEnabled(true);
    m_show = new QComboBox(this);
    m_show->addItems({tr("Differences"), tr("All objects")});
    const auto refilter = [this] { m_model->setFilter(m_filter->text(), m_show->currentIndex() == 1); };
    connect(m_filter, &QLineEdit::textChanged, this, refilter);
    connect(m_show, &QComboBox::currentIndexChanged, this, refilter);
    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_show);

    m_model = new SchemaDiffModel(this);
    m_objects = new QTableView(this);
    m_objects->setObjectName(QStringLiteral("compareObjects"));
    m_objects->setModel(m_model);
    m_objects->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_objects->setSelectionMode(QAbstractItemView::SingleSelection);
    m_objects->verticalHeader()->hide();
    m_objects->horizontalHeader()->setStretchLastSection(true);
    connect(m_objects->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SchemaCompareView::showDifference);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_diff = new QPlainTextEdit(this);
    m_diff->setObjectName(QStringLiteral("compareDiff"));
    m_diff->setReadOnly(true);
    m_diff->setFont(fixed);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setPlaceholderText(
        tr("The lines of the selected object: - in the target only, + in the source only"));

    m_script = new QPlainTextEdit(this);
    m_script->setObjectName(QStringLiteral("compareScript"));
    m_script->setReadOnly(true);
    m_script->setFont(fixed);
    m_script->setLineWrapMode(QPlainTextEdit::NoWrap);
    new SqlHighlighter(m_script->document(), m_script->palette());
    m_locks = new LockAnalysisView(this);
    m_locks->setTraceAvailable(false, tr("The migration runs only with Apply"));
    m_decisions = new QPlainTextEdit(this);
    m_decisions->setObjectName(QStringLiteral("compareDecisions"));
    m_decisions->setReadOnly(true);
    m_details = new QTabWidget(this);
    m_details->addTab(m_script, tr("Migration script"));
    m_details->addTab(m_locks, tr("Locks"));
    m_details->addTab(m_decisions, tr("Decisions"));

    auto* upper = new QSplitter(Qt::Horizontal, this);
    upper->addWidget(m_objects);
    upper->addWidget(m_diff);
    upper->setSizes({440, 520});
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(upper);
    split->addWidget(m_details);

    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("compareState"));
    m_state->setWordWrap(true);
    const auto pool = m_pools(database);
    m_unlock = new WriteUnlockButton(pool ? pool->profile() : core::ConnectionProfile{}, this);
    m_unlock->setVisible(m_unlock->isGuarded());
    m_save = new QPushButton(themedIcon(QStringLiteral("document-save")), tr("Save script…"), this);
    m_save->setEnabled(false);
    connect(m_save, &QPushButton::clicked, this, [this] {
        const QString path =
            chooseFileToSave(this, tr("Save migration script"), QStringLiteral("migration.sql"),
                             tr("SQL files (*.sql);;All files (*)"));
        if (path.isEmpty())
            return;
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(m_script->toPlainText().toUtf8()) < 0 ||
            !file.commit())
            setState(tr("Could not save %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()),
                     true);
        else
            setState(tr("Saved to %1").arg(QDir::toNativeSeparators(path)));
    });
    m_apply = new QPushButton(tr("Apply to target"), this);
    m_apply->setObjectName(QStringLiteral("compareApply"));
    m_apply->setEnabled(false);
    connect(m_apply, &QPushButton::clicked, this, &SchemaCompareView::apply);
    // A type change's USING, as the user would write it where the catalog's cast is not what the data needs.
    m_typeChanges = new QPushButton(tr("Type Changes…"), this);
    m_typeChanges->setObjectName(QStringLiteral("compareTypeChanges"));
    m_typeChanges->setToolTip(tr("The USING expression of each column's type change"));
    m_typeChanges->setEnabled(false);
    connect(m_typeChanges, &QPushButton::clicked, this, &SchemaCompareView::editTypeChanges);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_state, 1);
    bottom->addWidget(m_unlock);
    bottom->addWidget(m_typeChanges);
    bottom->addWidget(m_save);
    bottom->addWidget(m_apply);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(sides);
    layout->addLayout(filterRow);
    layout->addWidget(split, 1);
    layout->addLayout(bottom);

    connect(m_sourceDatabase, &QComboBox::currentTextChanged, this,
            [this] { loadSchemas(m_sourceDatabase, m_sourceSchema, m_sourceSchema->currentText()); });
    connect(m_targetDatabase, &QComboBox::currentTextChanged, this,
            [this] { loadSchemas(m_targetDatabase, m_targetSchema, m_targetSchema->currentText()); });
    m_sourceSchema->setCurrentText(schema);
    m_targetSchema->setCurrentText(schema);
    // Enter in a schema's field compares; the source's field has the focus (the other side is what to pick).
    for (QComboBox* c : {m_sourceSchema, m_targetSchema})
        connect(c->lineEdit(), &QLineEdit::returnPressed, this, &SchemaCompareView::compare);
    setFocusProxy(m_sourceSchema);
    loadSchemas(m_sourceDatabase, m_sourceSchema, schema);
    loadSchemas(m_targetDatabase, m_targetSchema, schema);
    setState(tr("Choose the source and the target, then Compare. The target is what the migration changes."));
    // A side the user picks is theirs: no default replaces it.
    for (QComboBox* c : {m_sourceDatabase, m_sourceSchema, m_targetDatabase, m_targetSchema})
        connect(c, &QComboBox::activated, this, [this] { m_sidesChosen = true; });
    // The server's other databases, for either side; the target starts on the one most like the source's,
    // so the view never opens comparing a schema with itself.
    loadDatabaseNames(
        m_databasesJob, pool, {m_sourceDatabase, m_targetDatabase}, [this](const QStringList& names) {
            if (m_sidesChosen || m_targetDatabase->currentText() != m_sourceDatabase->currentText())
                return;
            const QString other = mostAlike(
                m_sourceDatabase->currentText(), names,
                {QStringLiteral("postgres"), QStringLiteral("template0"), QStringLiteral("template1")});
            if (!other.isEmpty()) {
                m_targetDatabase->setCurrentText(other); // its schemas load; the same schema name is kept
                sayWhichSideChanges();
                return;
            }
            m_pickOtherSchema = true; // one database: another schema of it, once its schemas are read
            loadSchemas(m_targetDatabase, m_targetSchema, m_targetSchema->currentText());
        });
}

QString SchemaCompareView::stateText() const {
    return m_state->text();
}

void SchemaCompareView::setState(const QString& text, bool error) {
    m_state->setStyleSheet(error ? textStyle(errorColor()) : QString());
    m_state->setText(text);
}

void SchemaCompareView::sayWhichSideChanges() {
    setState(tr("Compare %1.%2 (source) with %3.%4 (target): the migration changes the target to match the "
                "source. Choose other sides above if these are not the ones.")
                 .arg(m_sourceDatabase->currentText(), m_sourceSchema->currentText(),
                      m_targetDatabase->currentText(), m_targetSchema->currentText()));
}

void SchemaCompareView::setSource(const QString& database, const QString& schema) {
    m_sidesChosen = true;
    if (m_sourceDatabase->findText(database) < 0)
        m_sourceDatabase->addItem(database);
    m_sourceSchema->setCurrentText(schema);
    m_sourceDatabase->setCurrentText(database);
}

void SchemaCompareView::setTarget(const QString& database, const QString& schema) {
    m_sidesChosen = true;
    if (m_targetDatabase->findText(database) < 0)
        m_targetDatabase->addItem(database);
    m_targetSchema->setCurrentText(schema);
    m_targetDatabase->setCurrentText(database);
}

std::shared_ptr<core::Pool> SchemaCompareView::targetPool() const {
    return m_pools(m_targetDatabase->currentText());
}

void SchemaCompareView::loadSchemas(QComboBox* databases, QComboBox* schemas, const QString& wanted) {
    const auto pool = m_pools(databases->currentText());
    if (!pool)
        return;
    JobSlot* job = schemas == m_sourceSchema ? m_sourceSchemasJob : m_targetSchemasJob;
    job->start(
        [pool](const std::shared_ptr<core::CancelToken>& cancel) {
            auto connection = pool->acquire();
            const core::CancelToken::Scope scope(cancel, *connection);
            QStringList names;
            for (const core::SchemaInfo& s : core::CatalogReader(*connection).schemas())
                names << s.name;
            return names;
        },
        [this, schemas, wanted](const QStringList& names) {
            schemas->clear();
            schemas->addItems(names);
            schemas->setCurrentText(wanted.isEmpty() && names.contains(QStringLiteral("public"))
                                        ? QStringLiteral("public")
                                        : wanted);
            // One database and nothing chosen yet: the target is another schema of it than the source's.
            if (schemas == m_targetSchema && m_pickOtherSchema && !m_sidesChosen &&
                m_targetDatabase->currentText() == m_sourceDatabase->currentText() &&
                m_targetSchema->currentText() == m_sourceSchema->currentText() && names.size() > 1) {
                QStringList system;
                for (const QString& n : names)
                    if (n.startsWith(QLatin1String("pg_")) || n == QLatin1String("information_schema"))
                        system << n;
                const QString other = mostAlike(m_sourceSchema->currentText(), names, system);
                if (!other.isEmpty()) {
                    m_targetSchema->setCurrentText(other);
                    sayWhichSideChanges();
                }
            }
        },
        [](const BackgroundFailure&) {});
}

void SchemaCompareView::compare() {
    const auto source = m_pools(m_sourceDatabase->currentText());
    const auto target = targetPool();
    if (!source || !target)
        return;
    const QString sourceSchema = m_sourceSchema->currentText();
    const QString targetSchema = m_targetSchema->currentText();
    m_apply->setEnabled(false);
    m_compareButton->setEnabled(false);
    m_locksJob->abandon(); // the last compare's locks are of its script
    setState(tr("Reading both schemas…"));
    m_compareJob->start(
        [source, target, sourceSchema, targetSchema](const std::shared_ptr<core::CancelToken>& cancel) {
            // Both sides at once, as the CLI reads them (core::runSchemaCompare); one pool gives one
            // connection, read in turn, so a pool of one never waits on itself.
            auto targetConnection = target->acquire();
            const core::CancelToken::Scope targetScope(cancel, *targetConnection);
            core::PooledConnection sourceConnection;
            std::optional<core::CancelToken::Scope> sourceScope;
            if (source != target) {
                sourceConnection = source->acquire();
                sourceScope.emplace(cancel, *sourceConnection);
            }
            // The locks in a job of their own: the differences and the script are shown without waiting
            // for them (2,000 tables a side: shown after 1.2 s, the locks of 400 statements 0.3 s later).
            return std::make_shared<const core::SchemaCompareRun>(
                core::runSchemaCompare({sourceConnection ? &*sourceConnection : &*targetConnection,
                                        sourceSchema, &*targetConnection, targetSchema},
                                       false));
        },
        [this, target](const std::shared_ptr<const core::SchemaCompareRun>& outcome) {
            m_compareButton->setEnabled(true);
            showOutcome(*outcome);
            m_outcome = outcome;
            emit differencesShown();
            analyseLocks(target, outcome);
        },
        [this](const BackgroundFailure& f) {
            m_compareButton->setEnabled(true);
            setState(f.message, true);
        });
}

void SchemaCompareView::showOutcome(const core::SchemaCompareRun& outcome) {
    m_model->setDifferences(outcome.differences);
    m_objects->resizeColumnsToContents();
    m_usingExpressions.clear();
    showMigration(outcome.migration);
    m_locks->setStatements({}, false);
    int differ = 0;
    for (const core::ObjectDifference& d : outcome.differences)
        differ += d.state == core::DiffState::Same ? 0 : 1;
    const bool onlyValues = outcome.migration.blockers.size() == outcome.migration.valuesNeeded.size();
    // Apply waits for the locks: a change is applied only after its locks were shown.
    m_applyReady = differ > 0 && onlyValues;
    m_apply->setEnabled(false);
    m_save->setEnabled(differ > 0);
    QString text = differ == 0
                       ? tr("Nothing differs: %n objects compared.", nullptr, int(outcome.differences.size()))
                       : tr("%n objects differ.", nullptr, differ);
    if (!onlyValues)
        text += QLatin1Char(' ') + tr("The migration cannot run as it is: %1")
                                       .arg(outcome.migration.blockers.join(QStringLiteral("; ")));
    if (!m_afterApply.isEmpty())
        text = m_afterApply + QLatin1Char(' ') + text;
    m_afterApply.clear();
    m_outcomeText = text;
    setState(differ > 0 ? text + QLatin1Char(' ') + tr("Analysing the locks…") : text, !onlyValues);
    if (m_model->rowCount() > 0)
        m_objects->selectRow(0);
    else
        m_diff->clear();
}

void SchemaCompareView::analyseLocks(const std::shared_ptr<core::Pool>& target,
                                     const std::shared_ptr<const core::SchemaCompareRun>& outcome) {
    m_locksJob->start(
        [target, outcome](const std::shared_ptr<core::CancelToken>& cancel) {
            auto connection = target->acquire();
            const core::CancelToken::Scope scope(cancel, *connection);
            return core::analyzeMigration(*connection, outcome->migration);
        },
        [this](const QList<core::StatementLocks>& locks) {
            m_locks->setStatements(locks, false);
            m_apply->setEnabled(m_applyReady);
            setState(m_outcomeText, !m_outcome || m_outcome->migration.blockers.size() !=
                                                      m_outcome->migration.valuesNeeded.size());
            emit compared();
        },
        [this](const BackgroundFailure& f) {
            setState(tr("The locks could not be analysed: %1").arg(f.message), true);
        });
}

void SchemaCompareView::showMigration(const core::Migration& migration) {
    m_migration = migration;
    m_script->setPlainText(migration.script(tr("Migration of schema %1 to match schema %2")
                                                .arg(core::quoteIdentifier(m_targetSchema->currentText()),
                                                     core::quoteIdentifier(m_sourceSchema->currentText()))));
    m_decisions->setPlainText((migration.decisions + migration.blockers).join(QLatin1Char('\n')));
    m_typeChanges->setEnabled(!migration.typeChanges.isEmpty());
}

// Each type change with its USING, editable; the migration planned again with what the user typed (the
// locks stay: the USING does not change what ALTER … TYPE takes).
void SchemaCompareView::editTypeChanges() {
    if (!m_outcome || m_migration.typeChanges.isEmpty())
        return;
    auto* dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("compareTypeChangesDialog"));
    dialog->setWindowTitle(tr("Type changes"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    auto* form = new QFormLayout(dialog);
    form->addRow(new QLabel(tr("How each column's values become the new type: an SQL expression over the "
                               "column (empty: the cast PgDesk chose)."),
                            dialog));
    QHash<QString, QLineEdit*> edits;
    for (const core::TypeChange& c : std::as_const(m_migration.typeChanges)) {
        const QString key = c.table + QLatin1Char('.') + c.column;
        auto* edit = new QLineEdit(c.given ? c.usingExpression : QString(), dialog);
        edit->setObjectName(QStringLiteral("using:") + key);
        edit->setPlaceholderText(c.given ? QString() : c.usingExpression);
        edits.insert(key, edit);
        form->addRow(tr("%1.%2: %3 → %4")
                         .arg(core::quoteIdentifier(c.table), core::quoteIdentifier(c.column), c.from, c.to),
                     edit);
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(dialog, &QDialog::accepted, this, [this, edits] {
        m_usingExpressions.clear();
        for (auto it = edits.cbegin(); it != edits.cend(); ++it)
            if (!it.value()->text().trimmed().isEmpty())
                m_usingExpressions.insert(it.key(), it.value()->text().trimmed());
        showMigration(m_outcome->planWith({}, m_usingExpressions));
    });
    dialog->open();
}

void SchemaCompareView::showDifference() {
    const core::ObjectDifference* d = m_model->difference(m_objects->currentIndex().row());
    if (!d) {
        m_diff->clear();
        return;
    }
    QStringList lines;
    QList<char> ops;
    for (const core::DiffLine& l : core::lineDiff(d->targetText, d->sourceText)) {
        lines << QString(QLatin1Char(l.op)) + QLatin1Char(' ') + l.text;
        ops << l.op;
    }
    m_diff->setPlainText(lines.join(QLatin1Char('\n')));
    // Lines of the target only on the colour of a deletion, of the source only on that of a new row.
    QList<QTextEdit::ExtraSelection> marks;
    QTextBlock block = m_diff->document()->firstBlock();
    for (int i = 0; block.isValid() && i < ops.size(); ++i, block = block.next()) {
        if (ops[i] == ' ')
            continue;
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(block);
        mark.format.setBackground(cellBackground(ops[i] == '-' ? CellMark::DeletePending : CellMark::NewRow));
        mark.format.setProperty(QTextFormat::FullWidthSelection, true);
        marks << mark;
    }
    m_diff->setExtraSelections(marks);
}

void SchemaCompareView::apply() {
    if (!m_outcome || m_applyJob->isRunning())
        return;
    if (!m_migration.valuesNeeded.isEmpty())
        return askForValues();
    confirmDestructiveSteps(this, m_migration.statements,
                            [this](const QSet<int>& confirmed) { runApply(m_migration, confirmed); });
}

// A NOT NULL column added without a default to a table with rows: the value its rows get.
void SchemaCompareView::askForValues() {
    auto* dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("compareValuesDialog"));
    dialog->setWindowTitle(tr("Values for the new NOT NULL columns"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    auto* form = new QFormLayout(dialog);
    form->addRow(new QLabel(tr("The table has rows: give the value (an SQL expression, e.g. 0 or 'none') "
                               "each gets in the new column."),
                            dialog));
    QHash<QString, QLineEdit*> edits;
    for (const auto& [table, column] : std::as_const(m_migration.valuesNeeded)) {
        auto* edit = new QLineEdit(dialog);
        edits.insert(table + QLatin1Char('.') + column, edit);
        form->addRow(core::quoteIdentifier(table) + QLatin1Char('.') + core::quoteIdentifier(column), edit);
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(dialog, &QDialog::accepted, this, [this, edits] {
        QHash<QString, QString> values;
        for (auto it = edits.cbegin(); it != edits.cend(); ++it)
            values.insert(it.key(), it.value()->text().trimmed());
        const core::Migration filled = m_outcome->planWith(values, m_usingExpressions);
        if (!filled.blockers.isEmpty()) {
            setState(filled.blockers.join(QStringLiteral("; ")), true);
            return;
        }
        m_migration = filled;
        confirmDestructiveSteps(this, m_migration.statements,
                                [this](const QSet<int>& confirmed) { runApply(m_migration, confirmed); });
    });
    dialog->open();
}

void SchemaCompareView::applyWith(const QHash<QString, QString>& fillValues, const QSet<int>& confirmed) {
    if (!m_outcome)
        return;
    m_migration = m_outcome->planWith(fillValues, m_usingExpressions);
    runApply(m_migration, confirmed);
}

void SchemaCompareView::runApply(const core::Migration& migration, const QSet<int>& confirmed) {
    const auto pool = targetPool();
    if (!pool)
        return;
    core::SchemaApplyOptions options;
    options.access = m_unlock->access();
    options.confirmed = confirmed;
    m_apply->setEnabled(false);
    setState(tr("Applying the migration…"));
    m_applyJob->start(
        [pool, migration, options](const std::shared_ptr<core::CancelToken>& cancel) {
            auto connection = pool->acquire();
            const core::CancelToken::Scope scope(cancel, *connection);
            return core::applyMigration(*connection, migration, options);
        },
        [this](const core::SchemaApplyResult& result) {
            m_afterApply = result.failure.isEmpty()
                               ? tr("Applied.")
                               : tr("Committed, but a later step failed: %1").arg(result.failure);
            emit applyFinished(true);
            compare(); // what is left: nothing, when the migration did its work
        },
        [this](const BackgroundFailure& f) {
            m_apply->setEnabled(true);
            setState(tr("Nothing was changed: %1").arg(f.message), true);
            emit applyFinished(false);
        });
}

} // namespace pgdesk::ui
