// SPDX-License-Identifier: GPL-3.0-or-later
#include "edit/gridpaste.h"

#include "grid/wholevalueloader.h"

#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/edit/editsession.h>
#include <pgdesk/ui/grid/pagemodel.h>

#include <pgdesk/core/browse/valuecheck.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/transfer/clipboardtable.h>

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHash>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLocale>
#include <QMenu>
#include <QPointer>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <tuple>

namespace pgdesk::ui {

namespace {

// One column's pasted values, checked against its type on the worker before anything is staged.
struct ColumnValues {
    QString column;
    QString type;
    QList<std::optional<QString>> values;
    QList<int> pasteRows; // 1-based lines of the pasted text, for the message
};

// Where the values go: the server's own input functions decide (core::findInvalidValue). A client parser
// for dates, intervals, numerics, enums and domains would refuse forms PostgreSQL accepts, or pass values
// it refuses; one statement per column keeps 100,000 cells a few round trips, off the GUI thread.
// The refused value named is the one on the first row of the text (then the first column shown).
QString checkColumns(core::Pool& pool, const QList<ColumnValues>& columns,
                     const std::shared_ptr<core::CancelToken>& token) {
    std::optional<core::PooledConnection> connection;
    std::optional<core::CancelToken::Scope> scope; // a dropped paste stops its check
    QString refusal;
    int refusedRow = 0;
    for (const ColumnValues& c : columns) {
        if (c.values.isEmpty())
            continue;
        if (!connection) {
            connection.emplace(pool.acquire());
            scope.emplace(token, **connection);
        }
        if (auto bad = core::findInvalidValue(**connection, c.type, c.values)) {
            const int row = c.pasteRows.value(bad->index);
            if (refusal.isEmpty() || row < refusedRow) {
                refusedRow = row;
                refusal = GridPaste::tr("Nothing was pasted: row %1 of the pasted text, column %2: %3")
                              .arg(row)
                              .arg(c.column, bad->message);
            }
        }
    }
    return refusal;
}

std::optional<QString> fieldValue(const QString& field, bool emptyIsNull) {
    if (emptyIsNull && field.isEmpty())
        return std::nullopt;
    return field;
}

// A column a clone must not copy: it identifies the row or is the server's to fill.
bool leftOutOfClone(const core::TableInfo& table, const core::ColumnInfo& column) {
    const core::Conventions& c = table.conventions;
    return c.rowKey.contains(column.name) || column.isIdentity || column.isGenerated ||
           column.defaultExpression.startsWith(QLatin1String("nextval(")) ||
           column.name == c.createdAtColumn || column.name == c.updatedAtColumn ||
           column.name == c.softDeleteColumn;
}

QList<ColumnValues> orderedChecks(const QHash<int, ColumnValues>& checks) {
    QList<int> columns = checks.keys();
    std::sort(columns.begin(), columns.end());
    QList<ColumnValues> ordered;
    for (int c : std::as_const(columns))
        ordered << checks.value(c);
    return ordered;
}

struct NewRows {
    QList<core::Row> rows;
    QString refusal;
    qsizetype cells = 0;
};

struct TargetColumn {
    QString name;
    QString type;
    bool insertable = false;
};

} // namespace

GridPaste::GridPaste(std::shared_ptr<core::Pool> pool, PageModel* model, QTableView* view, QObject* parent)
    : QObject(parent)
    , m_pool(std::move(pool))
    , m_model(model)
    , m_view(view)
    , m_work(new JobSlot(this)) {
}

bool GridPaste::isBusy() const {
    return m_work->isRunning();
}

void GridPaste::addActions(std::function<QList<int>()> selectedRows) {
    const auto add = [this](const QString& text, const char* name, const QKeySequence& key) {
        auto* action = new QAction(text, m_view);
        action->setObjectName(QLatin1String(name));
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetShortcut);
        m_view->addAction(action);
        return action;
    };
    m_pasteAction = add(tr("Paste"), "pasteAction", QKeySequence::Paste);
    connect(m_pasteAction, &QAction::triggered, this,
            [this] { paste(QGuiApplication::clipboard()->text(), emptyIsNull()); });
    m_pasteRowsAction =
        add(tr("Paste as new rows"), "pasteRowsAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    connect(m_pasteRowsAction, &QAction::triggered, this,
            [this] { pasteAsNewRows(QGuiApplication::clipboard()->text(), emptyIsNull()); });
    m_duplicateAction = add(tr("Duplicate rows"), "duplicateRowsAction", QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(m_duplicateAction, &QAction::triggered, this,
            [this, selectedRows = std::move(selectedRows)] { duplicateRows(selectedRows()); });
    m_emptyIsNull = new QAction(tr("Pasted empty fields are NULL"), this);
    m_emptyIsNull->setObjectName(QStringLiteral("pasteEmptyIsNullAction"));
    m_emptyIsNull->setCheckable(true);
    m_emptyIsNull->setToolTip(tr("Off: an empty field is the empty string ''. On: it is NULL."));
}

bool GridPaste::emptyIsNull() const {
    return m_emptyIsNull && m_emptyIsNull->isChecked();
}

void GridPaste::addMenuActions(QMenu* menu, bool locked, const QList<int>& rows) {
    // Entries of their own that run the grid's actions (whose enabled state the menu must not change).
    const auto entry = [this, menu, locked](QAction* action, const QString& text) {
        QAction* shown = menu->addAction(text, action, &QAction::trigger);
        shown->setShortcut(action->shortcut());
        shown->setEnabled(!locked && !isBusy());
        return shown;
    };
    entry(m_pasteAction, m_pasteAction->text());
    entry(m_pasteRowsAction, m_pasteRowsAction->text());
    menu->addAction(m_emptyIsNull);
    entry(m_duplicateAction, tr("Duplicate %n row(s)", nullptr, int(rows.size())));
}

bool GridPaste::canStart() {
    if (m_writingRefused && m_writingRefused())
        return false; // the production guard said why
    auto* session = qobject_cast<EditSession*>(m_model->rowEdits());
    if (!session) {
        refuse(tr("This table cannot be edited here."));
        return false;
    }
    if (isBusy() || session->isApplying() || session->hasOffer()) {
        refuse(tr("Nothing was pasted: wait for the apply or the paste in progress."));
        return false;
    }
    return true;
}

void GridPaste::refuse(const QString& message) {
    emit refused(message);
}

void GridPaste::paste(const QString& text, bool emptyIsNull) {
    if (!canStart())
        return;
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return refuse(tr("Nothing was pasted: no cell is selected."));
    // Reading 100,000 fields takes a while: on the worker, the grid stays live.
    m_work->start(
        [text](const std::shared_ptr<core::CancelToken>&) { return core::parseClipboardTable(text); },
        [this, emptyIsNull, current = QPersistentModelIndex(current)](const core::ClipboardTable& table) {
            auto* session = qobject_cast<EditSession*>(m_model->rowEdits());
            if (!session || table.rows.isEmpty() || !current.isValid())
                return refuse(tr("Nothing was pasted: the clipboard holds no text."));
            // Where each field goes: one value into every selected cell, else a block from the current cell,
            // across the columns in the order shown.
            QList<std::tuple<int, int, QString, int>> targets; // grid row, column, field, pasted row
            const QModelIndexList selected = m_view->selectionModel()->selectedIndexes();
            if (table.rows.size() == 1 && table.rows.first().size() == 1 && selected.size() > 1) {
                for (const QModelIndex& index : selected)
                    targets.append({index.row(), index.column(), table.rows.first().first(), 1});
            } else {
                QList<int> columns;
                const QHeaderView* header = m_view->horizontalHeader();
                for (int v = header->visualIndex(current.column()); v < header->count(); ++v) {
                    if (!header->isSectionHidden(header->logicalIndex(v)))
                        columns << header->logicalIndex(v);
                }
                if (table.columnCount() > columns.size())
                    return refuse(
                        tr("Nothing was pasted: the text has %n column(s), more than the grid shows "
                           "from the current one.",
                           nullptr, int(table.columnCount())));
                if (current.row() + table.rows.size() > m_model->rowCount())
                    return refuse(
                        tr("Nothing was pasted: the text has %n row(s), more than the grid has from "
                           "the current one (Paste as new rows adds rows).",
                           nullptr, int(table.rows.size())));
                targets.reserve(table.cellCount());
                for (int r = 0; r < table.rows.size(); ++r) {
                    const QStringList& fields = table.rows[r];
                    for (int f = 0; f < fields.size(); ++f)
                        targets.append({current.row() + r, columns[f], fields[f], r + 1});
                }
            }
            // Every cell must take a value: nothing is pasted when one cannot.
            QList<EditSession::CellValue> cells;
            QList<std::tuple<qsizetype, QString, std::optional<QString>>> insertCells;
            QHash<int, ColumnValues> checks;
            cells.reserve(targets.size());
            int keyedRow = -1;
            core::Key key;
            QString version;
            for (const auto& [row, column, field, pasteRow] : std::as_const(targets)) {
                const QModelIndex index = m_model->index(row, column);
                const QString& name = m_model->page().columns[column].name;
                if (!m_model->canStage(index))
                    return refuse(
                        tr("Nothing was pasted: row %1 of the pasted text falls on column %2 of a row "
                           "that cannot be changed here (a generated or read-only column, a row not "
                           "loaded yet or pending deletion).")
                            .arg(pasteRow)
                            .arg(name));
                const std::optional<QString> value = fieldValue(field, emptyIsNull);
                ColumnValues& check = checks[column];
                if (check.column.isEmpty()) {
                    const core::ColumnInfo* info = session->table().column(name);
                    check.column = name;
                    check.type = info ? info->typeName : m_model->page().columns[column].type;
                }
                check.values << value;
                check.pasteRows << pasteRow;
                if (const qsizetype insert = m_model->insertIndex(row); insert >= 0) {
                    insertCells.append({insert, name, value});
                    continue;
                }
                if (row != keyedRow) {
                    keyedRow = row;
                    key = m_model->rowKey(row);
                    version = m_model->rowVersion(row);
                }
                cells.append({key, version, name, value, m_model->rowValues(row)->value(column),
                              !m_model->isCut(row, column)});
            }
            const qsizetype count = targets.size();
            m_work->start(
                [pool = m_pool,
                 columns = orderedChecks(checks)](const std::shared_ptr<core::CancelToken>& token) {
                    return checkColumns(*pool, columns, token);
                },
                [this, cells = std::move(cells), insertCells = std::move(insertCells), count,
                 rows = pastedRows(targets),
                 session = QPointer<EditSession>(session)](const QString& refusal) {
                    if (!refusal.isEmpty())
                        return refuse(refusal);
                    if (!session || session->isApplying() || session->hasOffer())
                        return refuse(tr("Nothing was pasted: the table's changes are being applied."));
                    session->beginBatch(); // one undo step
                    session->stageValues(cells);
                    for (const auto& [insert, column, value] : insertCells)
                        session->stageInsertValue(insert, column, value);
                    session->endBatch();
                    if (!rows.isEmpty())
                        showRows(rows.first(), rows.last(), m_view->currentIndex().column(), false);
                    emit staged(count);
                },
                [this](const BackgroundFailure& failure) {
                    refuse(tr("Nothing was pasted: %1").arg(failure.message));
                });
        },
        [this](const BackgroundFailure& failure) { refuse(failure.message); });
}

void GridPaste::pasteAsNewRows(const QString& text, bool emptyIsNull) {
    if (!canStart())
        return;
    auto* session = qobject_cast<EditSession*>(m_model->rowEdits());
    // The columns a field can go to: in the order shown, from the current column for fields without a header.
    QList<TargetColumn> shown;
    QStringList insertable;
    const QHeaderView* header = m_view->horizontalHeader();
    const int from =
        m_view->currentIndex().isValid() ? header->visualIndex(m_view->currentIndex().column()) : 0;
    for (int v = 0; v < header->count(); ++v) {
        const int logical = header->logicalIndex(v);
        if (header->isSectionHidden(logical) || logical >= m_model->page().columns.size())
            continue;
        const QString& name = m_model->page().columns[logical].name;
        const core::ColumnInfo* info = session->table().column(name);
        TargetColumn target{name, info ? info->typeName : m_model->page().columns[logical].type,
                            session->isColumnInsertable(name)};
        if (target.insertable)
            insertable << name;
        if (v >= from)
            shown << target;
    }
    QHash<QString, QString> types;
    for (const core::ColumnInfo& c : session->table().columns)
        types.insert(c.name, c.typeName);
    m_work->start(
        [text, emptyIsNull, shown, insertable, types,
         pool = m_pool](const std::shared_ptr<core::CancelToken>& token) {
            NewRows out;
            const core::ClipboardTable table = core::parseClipboardTable(text);
            if (table.rows.isEmpty()) {
                out.refusal = tr("Nothing was pasted: the clipboard holds no text.");
                return out;
            }
            // A header line maps fields to columns by name (as the CSV import does), else by position.
            QStringList targets;
            qsizetype first = 0;
            if (table.rows.size() > 1 && core::isHeaderLine(table.rows.first(), insertable)) {
                targets = core::matchHeaderToColumns(table.rows.first(), insertable);
                first = 1;
            } else {
                for (qsizetype c = 0; c < table.columnCount(); ++c) {
                    if (c >= shown.size()) {
                        out.refusal = tr("Nothing was pasted: the text has %n column(s), more than the grid "
                                         "shows from the current one.",
                                         nullptr, int(table.columnCount()));
                        return out;
                    }
                    if (!shown[c].insertable) {
                        out.refusal =
                            tr("Nothing was pasted: column %1 cannot be given in a new row (generated, "
                               "identity ALWAYS or no INSERT privilege).")
                                .arg(shown[c].name);
                        return out;
                    }
                    targets << shown[c].name;
                }
            }
            QList<ColumnValues> checks(targets.size());
            for (qsizetype c = 0; c < targets.size(); ++c)
                checks[c] = {targets[c], types.value(targets[c]), {}, {}};
            out.rows.reserve(table.rows.size() - first);
            for (qsizetype r = first; r < table.rows.size(); ++r) {
                const QStringList& fields = table.rows[r];
                core::Row row;
                row.reserve(fields.size());
                for (qsizetype f = 0; f < fields.size() && f < targets.size(); ++f) {
                    if (targets[f].isEmpty())
                        continue; // a header field naming no column (a duplicate): left out
                    const std::optional<QString> value = fieldValue(fields[f], emptyIsNull);
                    row.append({targets[f], value});
                    checks[f].values << value;
                    checks[f].pasteRows << int(r + 1);
                    ++out.cells;
                }
                out.rows << row;
            }
            out.refusal = checkColumns(*pool, checks, token);
            if (!out.refusal.isEmpty())
                out.rows.clear();
            return out;
        },
        [this, session = QPointer<EditSession>(session)](const NewRows& result) {
            if (!result.refusal.isEmpty())
                return refuse(result.refusal);
            if (!session || session->isApplying() || session->hasOffer())
                return refuse(tr("Nothing was pasted: the table's changes are being applied."));
            const int firstNew = m_model->rowCount();
            session->stageInserts(result.rows);
            if (firstNew < m_model->rowCount())
                showRows(firstNew, m_model->rowCount() - 1, std::max(0, m_view->currentIndex().column()),
                         true);
            emit staged(result.cells);
        },
        [this](const BackgroundFailure& failure) {
            refuse(tr("Nothing was pasted: %1").arg(failure.message));
        });
}

QList<int> GridPaste::pastedRows(const QList<std::tuple<int, int, QString, int>>& targets) {
    if (targets.isEmpty())
        return {};
    const auto [low, high] =
        std::minmax_element(targets.begin(), targets.end(),
                            [](const auto& a, const auto& b) { return std::get<0>(a) < std::get<0>(b); });
    return {std::get<0>(*low), std::get<0>(*high)};
}

void GridPaste::showRows(int first, int last, int column, bool select) {
    // The view lays out inserted rows on its next pass: scrolled now, it would scroll to stale geometry.
    QTimer::singleShot(0, m_view, [view = m_view, model = m_model, first, last, column, select] {
        if (last >= model->rowCount() || column < 0)
            return;
        // The end first, then the start: the whole block when it fits, else at least its first row.
        view->scrollTo(model->index(last, column));
        view->scrollTo(model->index(first, column));
        if (!select)
            return;
        view->setCurrentIndex(model->index(first, column));
        view->selectionModel()->select(
            QItemSelection(model->index(first, 0), model->index(last, model->columnCount() - 1)),
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    });
}

void GridPaste::duplicateRows(const QList<int>& rows) {
    if (!canStart())
        return;
    auto* session = qobject_cast<EditSession*>(m_model->rowEdits());
    QModelIndexList cut;
    for (int row : rows) {
        for (int c = 0; c < m_model->columnCount(); ++c) {
            if (m_model->isCut(row, c))
                cut << m_model->index(row, c);
        }
    }
    if (!cut.isEmpty() && m_whole) { // a clone gets every byte
        m_whole->ensureWhole(cut, [this, rows](const QModelIndexList&) { duplicateRows(rows); });
        return;
    }
    const core::TableInfo& table = session->table();
    QList<core::Row> inserts;
    qsizetype cells = 0;
    for (int row : rows) {
        const qsizetype insert = m_model->insertIndex(row);
        const QList<std::optional<QString>>* values = m_model->rowValues(row);
        if (insert < 0 && !values)
            continue; // not loaded
        core::Row clone;
        for (int c = 0; c < m_model->page().columns.size(); ++c) {
            const QString& name = m_model->page().columns[c].name;
            const core::ColumnInfo* info = table.column(name);
            if (!info || !session->isColumnInsertable(name) || leftOutOfClone(table, *info))
                continue;
            if (insert >= 0) {
                if (auto value = session->insertValue(insert, name))
                    clone.append({name, *value});
            } else {
                clone.append({name, values->value(c)});
            }
        }
        cells += clone.size();
        inserts << clone;
    }
    if (inserts.isEmpty())
        return refuse(tr("No row to duplicate is selected."));
    const int firstNew = m_model->rowCount();
    session->stageInserts(inserts);
    if (firstNew < m_model->rowCount()) {
        const QModelIndex at = m_model->index(firstNew, std::max(0, m_view->currentIndex().column()));
        m_view->setCurrentIndex(at);
        m_view->scrollTo(at);
    }
    emit staged(cells);
}

} // namespace pgdesk::ui
