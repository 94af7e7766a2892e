// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/grid/celltext.h>
#include <pgdesk/ui/grid/pagemodel.h>
#include <pgdesk/ui/grid/rowedits.h>

#include <QLocale>

#include <limits>

namespace pgdesk::ui {

PageModel::PageModel(QObject* parent)
    : QAbstractTableModel(parent)
    , m_rows(std::make_unique<PageRows>()) {
}

bool PageModel::isNumericType(const QString& t) {
    static const QStringList exact = {
        QStringLiteral("smallint"), QStringLiteral("integer"),          QStringLiteral("bigint"),
        QStringLiteral("real"),     QStringLiteral("double precision"), QStringLiteral("money"),
        QStringLiteral("oid")};
    return exact.contains(t) || t.startsWith(QLatin1String("numeric"));
}

void PageModel::setPage(core::Page page) {
    const qint64 firstNumber = m_window ? 1 : m_rows->firstNumber();
    auto rows = std::make_unique<PageRows>(page); // takes the rows
    rows->setFirstNumber(firstNumber);
    m_page = std::move(page);
    setRows(std::move(rows), nullptr);
}

void PageModel::setWindowed(core::Page first, int blockSize, int maxBlocks) {
    auto rows = std::make_unique<WindowRows>(first, blockSize, maxBlocks, m_viewLimit); // takes the rows
    WindowRows* window = rows.get();
    m_page = std::move(first);
    setRows(std::move(rows), window);
}

void PageModel::setRows(std::unique_ptr<RowSource> rows, WindowRows* window) {
    beginResetModel();
    m_rows = std::move(rows);
    m_window = window;
    resolveColumns();
    m_inserts = m_session ? m_session->insertIndexes() : QList<qsizetype>{};
    endResetModel();
}

auto PageModel::takeWantedBlock() -> std::optional<BlockRequest> {
    return m_window ? m_window->takeWanted() : std::nullopt;
}

void PageModel::storeBlock(qint64 block, const core::Page& page) {
    if (!m_window)
        return;
    if (const auto proven = m_window->store(block, page))
        setTotal(proven->first, proven->second);
    // The block's rows that the view window shows.
    const qint64 start = std::max(block * m_window->window().blockSize(), m_window->start());
    const qint64 end = std::min(block * m_window->window().blockSize() + page.rows.size(),
                                m_window->start() + m_window->size());
    if (end > start && columnCount() > 0) {
        const int first = int(start - m_window->start());
        const int last = int(end - m_window->start()) - 1;
        emit dataChanged(index(first, 0), index(last, columnCount() - 1));
        emit headerDataChanged(Qt::Vertical, first, last);
    }
}

void PageModel::setTotal(qint64 total, bool exact) {
    if (!m_window)
        return;
    m_window->setExact(exact);
    resizeWindow(std::max<qint64>(0, total));
}

// A new total: the window keeps its start where it can and stays as full as the result allows.
void PageModel::resizeWindow(qint64 rows) {
    rows = std::min<qint64>(rows, std::numeric_limits<int>::max() - 1 - m_inserts.size());
    const bool changed = rows != m_window->total();
    m_window->setTotal(rows);
    const qint64 start = std::min(m_window->start(), std::max<qint64>(0, rows - m_window->viewLimit()));
    moveView(start, std::min<qint64>(rows - start, m_window->viewLimit()));
    if (changed)
        emit totalChanged(rows);
}

void PageModel::setWindowStart(qint64 row) {
    if (!m_window)
        return;
    const qint64 total = m_window->total();
    const qint64 start = std::clamp<qint64>(row, 0, std::max<qint64>(0, total - m_window->viewLimit()));
    moveView(start, std::min<qint64>(total - start, m_window->viewLimit()));
}

// The view window becomes [start, start + size) by removing and inserting model rows at its two edges, so
// that the rows both windows show keep their persistent indexes (selection, current cell, open editor);
// with no row in common, every row goes and the new ones come.
void PageModel::moveView(qint64 start, qint64 size) {
    const qint64 oldStart = m_window->start();
    const qint64 oldSize = m_window->size();
    if (start == oldStart && size == oldSize)
        return;
    if (oldSize == 0 || start >= oldStart + oldSize || start + size <= oldStart) {
        if (oldSize > 0) {
            beginRemoveRows({}, 0, int(oldSize - 1));
            m_window->setView(start, 0);
            endRemoveRows();
        }
        m_window->setView(start, 0);
        if (size > 0) {
            beginInsertRows({}, 0, int(size - 1));
            m_window->setView(start, size);
            endInsertRows();
        }
        return;
    }
    if (start > oldStart) { // the top edge moves down: rows above it go
        beginRemoveRows({}, 0, int(start - oldStart - 1));
        m_window->setView(start, oldSize - (start - oldStart));
        endRemoveRows();
    } else if (start < oldStart) { // up: rows come above the first
        beginInsertRows({}, 0, int(oldStart - start - 1));
        m_window->setView(start, oldSize + (oldStart - start));
        endInsertRows();
    }
    const qint64 end = oldStart + oldSize;
    const qint64 newEnd = start + size;
    if (newEnd < end) {
        beginRemoveRows({}, int(newEnd - start), int(end - start - 1));
        m_window->setView(start, size);
        endRemoveRows();
    } else if (newEnd > end) {
        beginInsertRows({}, int(end - start), int(newEnd - start - 1));
        m_window->setView(start, size);
        endInsertRows();
    }
}

void PageModel::dropBlocks() {
    if (!m_window)
        return;
    m_window->clear();
    if (const int rows = pageRowCount(); rows > 0 && columnCount() > 0) {
        emit dataChanged(index(0, 0), index(rows - 1, columnCount() - 1));
        emit headerDataChanged(Qt::Vertical, 0, rows - 1);
    }
}

const QList<std::optional<QString>>* PageModel::rowValues(int row) const {
    const SourceRow* r = m_rows->row(row);
    return r ? &r->values : nullptr;
}

// A row not held: the source queues its block, and the owner is told once per turn.
void PageModel::want(int row) const {
    if (!m_rows->want(row) || m_wantPosted)
        return;
    m_wantPosted = true;
    auto* self = const_cast<PageModel*>(this);
    QMetaObject::invokeMethod(
        self,
        [self] {
            self->m_wantPosted = false;
            emit self->rowsWanted();
        },
        Qt::QueuedConnection);
}

void PageModel::setRowEdits(RowEdits* session) {
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session)
        connect(m_session, &RowEdits::changed, this, &PageModel::sessionChanged);
    resolveColumns();
    sessionChanged();
}

void PageModel::setEditingLocked(bool locked) {
    m_locked = locked;
}

void PageModel::sessionChanged() {
    const QList<qsizetype> inserts = m_session ? m_session->insertIndexes() : QList<qsizetype>{};
    if (inserts.size() != m_inserts.size()) {
        // New rows appended (one, or many pasted or duplicated at once): inserted, the selection kept.
        if (inserts.size() > m_inserts.size() && inserts.mid(0, m_inserts.size()) == m_inserts) {
            // New rows follow the result's last row: a window short of the end goes there first, or they
            // would show after a row in the middle, and scrolling toward them would move the window on.
            if (m_window && m_window->start() + m_window->size() < m_window->total())
                setWindowStart(m_window->total());
            const int at = rowCount();
            beginInsertRows({}, at, at + int(inserts.size() - m_inserts.size()) - 1);
            m_inserts = inserts;
            endInsertRows();
            // Only rows were added (add row, paste as new rows, duplicate): the others are as they were, and
            // repainting every cell of 10,000 new rows' grid is what made large pastes stall the window.
            return;
        } else {
            beginResetModel();
            m_inserts = inserts;
            endResetModel();
            return;
        }
    } else {
        m_inserts = inserts; // same rows; indexes may have moved
    }
    if (rowCount() > 0 && columnCount() > 0) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        emit headerDataChanged(Qt::Vertical, 0, rowCount() - 1);
    }
}

qsizetype PageModel::insertIndex(int row) const {
    const int i = row - pageRowCount();
    return i >= 0 && i < m_inserts.size() ? m_inserts[i] : -1;
}

core::Key PageModel::rowKey(int row) const {
    const auto* values = m_keyAt.isEmpty() || isNewRow(row) ? nullptr : rowValues(row);
    if (!values)
        return {};
    core::Key key;
    for (int c : std::as_const(m_keyAt))
        key.append({m_page.columns[c].name, values->value(c)});
    return key;
}

QString PageModel::rowVersion(int row) const {
    const SourceRow* r = isNewRow(row) ? nullptr : m_rows->row(row);
    return r ? r->version : QString();
}

std::optional<QString> PageModel::value(int row, int column) const {
    if (const qsizetype insert = insertIndex(row); insert >= 0)
        return m_session->insertValue(insert, m_page.columns[column].name).value_or(std::nullopt);
    const auto* values = rowValues(row);
    if (!values)
        return std::nullopt;
    if (m_session && !m_keyAt.isEmpty()) {
        if (auto staged = m_session->stagedValue(rowKey(row), m_page.columns[column].name))
            return *staged;
    }
    return values->value(column);
}

bool PageModel::isCut(int row, int column) const {
    if (row < 0 || isNewRow(row))
        return false;
    const SourceRow* r = m_rows->row(row);
    return r && core::findCut(r->cut, column);
}

qint64 PageModel::cutBytes(int row, int column) const {
    const SourceRow* r = isNewRow(row) ? nullptr : m_rows->row(row);
    const core::CutValue* cut = r ? core::findCut(r->cut, column) : nullptr;
    return cut ? cut->wholeBytes : -1;
}

void PageModel::setWholeValue(int row, int column, std::optional<QString> value) {
    if (!isCut(row, column))
        return;
    SourceRow* r = m_rows->row(row);
    r->values[column] = std::move(value);
    r->cut.removeIf([column](const core::CutValue& c) { return c.column == column; });
    emit dataChanged(index(row, column), index(row, column));
}

bool PageModel::isCellEditable(const QModelIndex& index) const {
    if (!m_session || m_locked)
        return false;
    if (isNewRow(index.row()))
        return m_insertable.value(index.column());
    if (!m_updatable.value(index.column()))
        return false;
    if (m_keyAt.isEmpty() || !rowValues(index.row()))
        return false;
    return m_session->rowState(rowKey(index.row())) != RowEdits::RowState::DeletePending;
}

Qt::ItemFlags PageModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (!index.isValid() || !isCellEditable(index))
        return f;
    if (isCut(index.row(), index.column()))
        return f; // an editor would start from the prefix: the value is loaded whole first
    // Booleans toggle with their check box; the text editor would only invite typos.
    return f | (m_boolean.value(index.column()) ? Qt::ItemIsUserCheckable : Qt::ItemIsEditable);
}

bool PageModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || index.row() >= rowCount() || !isCellEditable(index))
        return false;
    std::optional<QString> text;
    if (role == Qt::CheckStateRole) {
        if (!m_boolean.value(index.column()))
            return false;
        text = Qt::CheckState(value.toInt()) == Qt::Checked ? QStringLiteral("t") : QStringLiteral("f");
    } else if (role == Qt::EditRole) {
        // Invalid: NULL ("Set NULL"); any string, the empty one too, is that text.
        if (value.isValid())
            text = value.toString();
    } else {
        return false;
    }
    if (const qsizetype insert = insertIndex(index.row()); insert >= 0) {
        m_session->stageInsertValue(insert, m_page.columns[index.column()].name, text);
        return true;
    }
    m_session->stageValue(rowKey(index.row()), rowVersion(index.row()), m_page.columns[index.column()].name,
                          text, rowValues(index.row())->value(index.column()),
                          !isCut(index.row(), index.column()));
    return true; // the session's changed() repaints
}

bool PageModel::setDefault(const QModelIndex& index) {
    if (!index.isValid() || index.row() >= rowCount() || !isCellEditable(index))
        return false;
    const QString& column = m_page.columns[index.column()].name;
    if (const qsizetype insert = insertIndex(index.row()); insert >= 0)
        m_session->unsetInsertValue(insert, column);
    else
        m_session->stageDefault(rowKey(index.row()), rowVersion(index.row()), column,
                                rowValues(index.row())->value(index.column()));
    return true; // the session's changed() repaints
}

bool PageModel::isDefault(const QModelIndex& index) const {
    if (!m_session || !index.isValid() || index.row() >= rowCount())
        return false;
    const QString& column = m_page.columns[index.column()].name;
    if (const qsizetype insert = insertIndex(index.row()); insert >= 0)
        return !m_session->insertValue(insert, column).has_value();
    return !m_keyAt.isEmpty() && rowValues(index.row()) &&
           m_session->isStagedDefault(rowKey(index.row()), column);
}

void PageModel::resolveColumns() {
    m_numeric.clear();
    m_boolean.clear();
    m_bytea.clear();
    m_updatable.clear();
    m_insertable.clear();
    m_softDeleteColumn = -1;
    m_keyAt.clear();
    for (const QString& name : std::as_const(m_page.keyColumns)) {
        for (qsizetype c = 0; c < m_page.columns.size(); ++c) {
            if (m_page.columns[c].name == name)
                m_keyAt << int(c);
        }
    }
    if (m_keyAt.size() != m_page.keyColumns.size())
        m_keyAt.clear(); // a key column not shown: rows cannot be told apart
    for (qsizetype i = 0; i < m_page.columns.size(); ++i) {
        const bool editable = m_session && !m_page.keyColumns.isEmpty();
        m_updatable << (editable && m_session->isColumnUpdatable(m_page.columns[i].name));
        m_insertable << (editable && m_session->isColumnInsertable(m_page.columns[i].name));
        const QString& type = m_page.columns[i].type;
        m_numeric << isNumericType(type);
        m_boolean << (type == QLatin1String("boolean"));
        m_bytea << (type == QLatin1String("bytea"));
        if (m_softDelete != core::SoftDeleteKind::None && m_page.columns[i].name == m_softDeleteColumnName)
            m_softDeleteColumn = int(i);
    }
}

void PageModel::setDisplayOptions(const QString& nullText, bool localDateTimes) {
    if (nullText == m_nullText && localDateTimes == m_localDateTimes)
        return;
    m_nullText = nullText;
    m_localDateTimes = localDateTimes;
    if (rowCount() > 0 && columnCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {Qt::DisplayRole});
}

void PageModel::setSoftDelete(core::SoftDeleteKind kind, const QString& column) {
    m_softDelete = kind;
    m_softDeleteColumnName = column;
    resolveColumns();
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

void PageModel::setFirstRowNumber(qint64 number) {
    auto* page = m_window ? nullptr : static_cast<PageRows*>(m_rows.get());
    if (!page || number == page->firstNumber())
        return;
    page->setFirstNumber(number);
    if (rowCount() > 0)
        emit headerDataChanged(Qt::Vertical, 0, rowCount() - 1);
}

bool PageModel::isRowDeleted(int row) const {
    if (m_softDeleteColumn < 0 || row < 0 || row >= pageRowCount())
        return false;
    const auto* values = rowValues(row);
    if (!values)
        return false;
    const auto& v = values->at(m_softDeleteColumn);
    switch (m_softDelete) {
    case core::SoftDeleteKind::DeletedAtTimestamp:
        return v.has_value();
    case core::SoftDeleteKind::DeletedFlag:
        return v && *v == QLatin1String("t");
    case core::SoftDeleteKind::ActiveFlag:
        return v && *v == QLatin1String("f");
    case core::SoftDeleteKind::None:
        break;
    }
    return false;
}

void PageModel::clear() {
    setPage({});
}

int PageModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(pageRowCount() + m_inserts.size());
}

int PageModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_page.columns.size());
}

// What the individual roles say, computed once: the key, the session's lookups and the value each once.
int PageModel::cellState(const QModelIndex& index) const {
    const int row = index.row();
    const QString& column = m_page.columns[index.column()].name;
    if (const qsizetype insert = insertIndex(row); insert >= 0) {
        const auto set = m_session->insertValue(insert, column);
        const int state = int(RowEdits::RowState::Inserted);
        return set ? state | EditedCell | (*set ? 0 : NullCell) : state | DefaultCell | NullCell;
    }
    const auto* values = rowValues(row);
    if (!values) {
        want(row);
        return PlaceholderRow;
    }
    int state = isRowDeleted(row) ? DeletedRow : 0;
    if (m_session && !m_keyAt.isEmpty()) {
        const core::Key key = rowKey(row);
        state |= int(m_session->rowState(key));
        if (m_session->conflict(key))
            state |= ConflictRow;
        if (m_session->isStagedDefault(key, column))
            return state | DefaultCell | EditedCell;
        if (const auto staged = m_session->stagedValue(key, column))
            return state | EditedCell | (*staged ? 0 : NullCell);
    }
    return state | (values->value(index.column()) ? 0 : NullCell);
}

QVariant PageModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    // What a cell is: computed once, in cellState(), for the delegate and for these roles alike.
    switch (role) {
    case CellStateRole:
        return cellState(index);
    case RowStateRole:
        return cellState(index) & RowStateMask;
    case IsNullRole:
        return bool(cellState(index) & NullCell);
    case IsDeletedRole:
        return bool(cellState(index) & DeletedRow);
    case IsDefaultRole:
        return bool(cellState(index) & DefaultCell);
    case IsEditedRole:
        return bool(cellState(index) & EditedCell);
    case IsConflictRole:
        return bool(cellState(index) & ConflictRow);
    case IsPlaceholderRole:
        return bool(cellState(index) & PlaceholderRow);
    default:
        break;
    }
    if (isNewRow(index.row())) {
        const QVariant edit = newRowData(index, role);
        if (edit.isValid() || role == Qt::ToolTipRole)
            return edit;
    } else if (!rowValues(index.row())) {
        want(index.row());
        return placeholderData(index, role);
    } else if (m_session && !m_keyAt.isEmpty()) {
        const QVariant edit = editData(index, role);
        if (edit.isValid())
            return edit;
    }
    const std::optional<QString> value = this->value(index.row(), index.column());
    switch (role) {
    case Qt::DisplayRole: {
        if (!value)
            return m_nullText;
        if (m_boolean.value(index.column()))
            return QString(); // the check mark says it
        if (m_bytea.value(index.column()))
            return byteaSummary(*value, 8, cutBytes(index.row(), index.column()));
        if (m_localDateTimes) {
            if (auto local = localDateTimeText(*value, m_page.columns[index.column()].type))
                return *local;
        }
        // Long text stays whole in the model (copy, tooltip); the cell shows one line of it.
        const qsizetype newline = value->indexOf(QLatin1Char('\n'));
        if (newline >= 0 || value->size() > 200)
            return value->left(std::min<qsizetype>(newline >= 0 ? newline : 200, 200)) + QStringLiteral(" …");
        return *value;
    }
    case Qt::EditRole:
        return value ? QVariant(*value) : QVariant();
    case Qt::CheckStateRole:
        if (value && m_boolean.value(index.column()))
            return *value == QLatin1String("t") ? Qt::Checked : Qt::Unchecked;
        if (m_boolean.value(index.column()) && isCellEditable(index))
            return Qt::PartiallyChecked; // NULL, with a box to click
        return {};
    case Qt::ToolTipRole:
        if (isCut(index.row(), index.column()))
            return (m_bytea.value(index.column()) ? tr("Only the first %1 bytes were loaded: double-click or "
                                                       "View value… loads all of it")
                                                  : tr("Only the first %1 characters were loaded: "
                                                       "double-click or View value… loads all "
                                                       "of it"))
                .arg(QLocale().toString(m_page.valueLimit));
        if (value && (value->size() > 60 || value->contains(QLatin1Char('\n'))))
            return value->left(2000);
        if (value && m_localDateTimes && localDateTimeText(*value, m_page.columns[index.column()].type))
            return *value; // the exact text behind the local format
        return {};
    case Qt::TextAlignmentRole:
        return int(m_numeric.value(index.column()) ? Qt::AlignRight | Qt::AlignVCenter
                                                   : Qt::AlignLeft | Qt::AlignVCenter);
    case IsCutRole:
        return isCut(index.row(), index.column());
    case TypeRole:
        return m_page.columns[index.column()].type;
    default:
        return {};
    }
}

// A row of a windowed result whose block is not held yet (asking for it queued the block).
QVariant PageModel::placeholderData(const QModelIndex& index, int role) const {
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == 0 ? QStringLiteral("…") : QString();
    case Qt::ToolTipRole:
        return tr("Loading…");
    case TypeRole:
        return m_page.columns[index.column()].type;
    default:
        return {};
    }
}

// The roles a new row decides (the rest follow its values as for any row).
QVariant PageModel::newRowData(const QModelIndex& index, int role) const {
    const auto set = m_session->insertValue(insertIndex(index.row()), m_page.columns[index.column()].name);
    switch (role) {
    case Qt::DisplayRole:
        if (!set)
            return QStringLiteral("DEFAULT");
        return {};
    case Qt::ToolTipRole: {
        const core::ColumnInfo* column = m_session->table().column(m_page.columns[index.column()].name);
        if (!set && column && !column->defaultExpression.isEmpty())
            return tr("New row; default: %1").arg(column->defaultExpression);
        return tr("New row");
    }
    default:
        return {};
    }
}

// The roles staged edits decide; invalid: as for an unedited cell.
QVariant PageModel::editData(const QModelIndex& index, int role) const {
    const core::Key key = rowKey(index.row());
    const core::ChangeConflict* conflict = m_session->conflict(key);
    const QString& column = m_page.columns[index.column()].name;
    const bool toDefault = m_session->isStagedDefault(key, column);
    const bool edited = toDefault || m_session->stagedValue(key, column).has_value();
    if (toDefault) {
        switch (role) {
        case Qt::DisplayRole:
            return QStringLiteral("DEFAULT");
        case Qt::EditRole:
            return {}; // editing starts from an empty value
        case Qt::CheckStateRole:
            return m_boolean.value(index.column()) ? QVariant(Qt::PartiallyChecked) : QVariant();
        default:
            break;
        }
    }
    switch (role) {
    case Qt::ToolTipRole:
        if (conflict) {
            if (conflict->vanished || !conflict->current)
                return tr("Conflict: this row was deleted by someone else since it was read");
            const qsizetype at = conflict->current->columns.indexOf(m_page.columns[index.column()].name);
            return tr("Conflict: this row was changed by someone else since it was read; it now holds %1")
                .arg(at >= 0 ? conflict->current->values.value(at).value_or(m_nullText) : QString());
        }
        if (toDefault) {
            const core::ColumnInfo* info = m_session->table().column(column);
            return tr("Staged: DEFAULT (%1); was: %2")
                .arg(info && !info->defaultExpression.isEmpty() ? info->defaultExpression
                                                                : tr("no default: NULL"),
                     rowValues(index.row())->value(index.column()).value_or(m_nullText));
        }
        if (edited)
            return tr("Staged; was: %1")
                .arg(rowValues(index.row())->value(index.column()).value_or(m_nullText));
        return {};
    default:
        return {};
    }
}

QVariant PageModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Vertical && section >= 0 && section < rowCount()) {
        if (isNewRow(section))
            return role == Qt::DisplayRole   ? QVariant(QStringLiteral("+")) // a glyph every font has
                   : role == Qt::ToolTipRole ? QVariant(tr("New row, inserted when the changes are applied"))
                                             : QVariant();
        const core::Key key = m_session ? rowKey(section) : core::Key{};
        const auto state = key.isEmpty() ? RowEdits::RowState::None : m_session->rowState(key);
        if (role == Qt::DisplayRole && state != RowEdits::RowState::None) {
            switch (state) {
            case RowEdits::RowState::Updated:
                return QStringLiteral("✎");
            case RowEdits::RowState::SoftDeletePending:
            case RowEdits::RowState::DeletePending:
                return QStringLiteral("✕");
            case RowEdits::RowState::RestorePending:
                return QStringLiteral("↺");
            case RowEdits::RowState::None:
            case RowEdits::RowState::Inserted:
                break;
            }
        }
        if (role == Qt::DisplayRole)
            return isRowDeleted(section)       ? QStringLiteral("✕")
                   : m_rows->firstNumber() > 0 ? QString::number(m_rows->firstNumber() + section)
                                               : QString();
        if (role == Qt::ToolTipRole && isRowDeleted(section))
            return tr("Deleted (soft delete: %1)").arg(m_softDeleteColumnName);
        return {};
    }
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    const core::PageColumn& column = m_page.columns[section];
    if (role == Qt::DisplayRole)
        return column.label.isEmpty() ? column.name : column.label;
    if (role == Qt::ToolTipRole)
        return (column.label.isEmpty() ? column.name
                                       : QStringLiteral("%1 (%2)").arg(column.label, column.name)) +
               QStringLiteral(" : ") + column.type;
    return {};
}

} // namespace pgdesk::ui
