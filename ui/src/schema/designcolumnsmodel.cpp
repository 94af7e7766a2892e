// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema/designcolumnsmodel.h"

#include <pgdesk/ui/common/theme.h>

#include <QFont>

namespace pgdesk::ui {

using Step = core::DesignChange::Step;

namespace {

core::DesignChange change(Step step, const QString& column, const QString& text = {}) {
    core::DesignChange c;
    c.step = step;
    c.column = column;
    c.text = text;
    return c;
}

} // namespace

DesignColumnsModel::DesignColumnsModel(QObject* parent)
    : QAbstractTableModel(parent) {
}

void DesignColumnsModel::setTable(QList<core::ColumnInfo> columns, core::TableDesign design) {
    m_base = std::move(columns);
    m_design = std::move(design);
    m_undo.clear();
    replay();
}

void DesignColumnsModel::modify(const std::function<void(core::TableDesign&)>& edit) {
    m_undo << m_design;
    edit(m_design);
    replay();
}

void DesignColumnsModel::undo() {
    if (m_undo.isEmpty())
        return;
    m_design = m_undo.takeLast();
    replay();
}

void DesignColumnsModel::discard() {
    modify([](core::TableDesign& d) {
        d.changes.clear();
        if (d.creating) {
            d.columns.clear();
            d.constraints.clear();
            d.indexes.clear();
        }
    });
}

void DesignColumnsModel::replay() {
    beginResetModel();
    m_rows.clear();
    if (m_design.creating) {
        for (int i = 0; i < m_design.columns.size(); ++i)
            m_rows << Row{m_design.columns[i], RowState::Added, i};
    } else {
        for (const core::ColumnInfo& c : m_base) {
            core::ColumnSpec spec;
            spec.name = c.name;
            spec.type = c.typeName;
            spec.notNull = c.notNull;
            spec.defaultExpr = c.isGenerated ? QString() : c.defaultExpression;
            spec.generated = c.isGenerated ? c.defaultExpression : QString();
            spec.identity = c.isIdentity
                                ? (c.identityAlways ? QStringLiteral("always") : QStringLiteral("by default"))
                                : QString();
            spec.comment = c.comment;
            m_rows << Row{spec, RowState::Existing, -1};
        }
        const auto find = [this](const QString& name) -> Row* {
            for (Row& r : m_rows)
                if (r.spec.name == name && r.state != RowState::Dropped)
                    return &r;
            return nullptr;
        };
        for (int i = 0; i < m_design.changes.size(); ++i) {
            const core::DesignChange& c = m_design.changes[i];
            if (c.step == Step::AddColumn) {
                m_rows << Row{c.columnSpec, RowState::Added, i};
                continue;
            }
            Row* row = find(c.column);
            if (!row)
                continue;
            const auto changed = [row] {
                if (row->state == RowState::Existing)
                    row->state = RowState::Changed;
            };
            switch (c.step) {
            case Step::DropColumn:
                row->state = RowState::Dropped;
                break;
            case Step::RenameColumn:
                row->spec.name = c.text;
                changed();
                break;
            case Step::SetType:
                row->spec.type = c.text;
                changed();
                break;
            case Step::SetNotNull:
            case Step::DropNotNull:
                row->spec.notNull = c.step == Step::SetNotNull;
                changed();
                break;
            case Step::SetDefault:
            case Step::DropDefault:
                row->spec.defaultExpr = c.step == Step::SetDefault ? c.text : QString();
                changed();
                break;
            case Step::SetColumnComment:
                row->spec.comment = c.text;
                changed();
                break;
            default:
                break;
            }
        }
    }
    endResetModel();
    emit designChanged();
}

void DesignColumnsModel::addColumn() {
    QStringList names = columnNames();
    int n = int(names.size()) + 1;
    while (names.contains(QStringLiteral("column%1").arg(n)))
        ++n;
    core::ColumnSpec spec;
    spec.name = QStringLiteral("column%1").arg(n);
    spec.type = QStringLiteral("text");
    modify([&](core::TableDesign& d) {
        if (d.creating) {
            d.columns << spec;
        } else {
            core::DesignChange c;
            c.step = Step::AddColumn;
            c.columnSpec = spec;
            d.changes << c;
        }
    });
}

void DesignColumnsModel::dropColumn(int row) {
    if (row < 0 || row >= m_rows.size() || m_rows[row].state == RowState::Dropped)
        return;
    const Row r = m_rows[row];
    modify([&](core::TableDesign& d) {
        if (d.creating)
            d.columns.removeAt(r.addIndex);
        else if (r.state == RowState::Added)
            d.changes.removeAt(r.addIndex); // never added: nothing to drop
        else
            d.changes << change(Step::DropColumn, r.spec.name);
    });
}

DesignColumnsModel::RowState DesignColumnsModel::rowState(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows[row].state : RowState::Existing;
}

QString DesignColumnsModel::columnName(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows[row].spec.name : QString();
}

QStringList DesignColumnsModel::columnNames() const {
    QStringList out;
    for (const Row& r : m_rows)
        if (r.state != RowState::Dropped)
            out << r.spec.name;
    return out;
}

void DesignColumnsModel::edit(int row, int column, const QVariant& value) {
    const Row r = m_rows[row];
    const QString text = value.toString();
    modify([&](core::TableDesign& d) {
        // A new table's column, or one this design adds: the definition itself changes.
        core::ColumnSpec* spec = d.creating                   ? &d.columns[r.addIndex]
                                 : r.state == RowState::Added ? &d.changes[r.addIndex].columnSpec
                                                              : nullptr;
        if (spec) {
            switch (Column(column)) {
            case Name:
                spec->name = text;
                break;
            case Type:
                spec->type = text;
                break;
            case NotNull:
                spec->notNull = value.toInt() == Qt::Checked || value.toBool();
                break;
            case Default:
                spec->defaultExpr = text;
                break;
            case Identity:
                spec->identity = text.trimmed().toLower();
                break;
            case Generated:
                spec->generated = text;
                break;
            case Collation:
                spec->collation = text.trimmed();
                break;
            case Comment:
                spec->comment = text;
                break;
            default:
                break;
            }
            return;
        }
        switch (Column(column)) {
        case Name:
            d.changes << change(Step::RenameColumn, r.spec.name, text);
            break;
        case Type:
            d.changes << change(Step::SetType, r.spec.name, text);
            break;
        case NotNull:
            d.changes << change(value.toInt() == Qt::Checked ? Step::SetNotNull : Step::DropNotNull,
                                r.spec.name);
            break;
        case Default:
            d.changes << change(text.trimmed().isEmpty() ? Step::DropDefault : Step::SetDefault, r.spec.name,
                                text);
            break;
        case Comment:
            d.changes << change(Step::SetColumnComment, r.spec.name, text);
            break;
        default:
            break;
        }
    });
}

int DesignColumnsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DesignColumnsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DesignColumnsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row& r = m_rows[index.row()];
    if (role == Qt::CheckStateRole && index.column() == NotNull)
        return r.spec.notNull ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::FontRole && r.state == RowState::Dropped) {
        QFont f;
        f.setStrikeOut(true);
        return f;
    }
    if (role == Qt::ForegroundRole && index.column() == State)
        return r.state == RowState::Dropped    ? errorColor()
               : r.state == RowState::Existing ? QVariant()
                                               : infoColor();
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (Column(index.column())) {
    case Name:
        return r.spec.name;
    case Type:
        return r.spec.type;
    case NotNull:
        return {};
    case Default:
        return r.spec.defaultExpr;
    case Identity:
        return r.spec.identity;
    case Generated:
        return r.spec.generated;
    case Collation:
        return r.spec.collation;
    case Comment:
        return r.spec.comment;
    case State:
        switch (r.state) {
        case RowState::Existing:
            return QString();
        case RowState::Added:
            return tr("new");
        case RowState::Changed:
            return tr("changed");
        case RowState::Dropped:
            return tr("dropped");
        }
        break;
    case ColumnCount:
        break;
    }
    return {};
}

bool DesignColumnsModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || !(flags(index) & (Qt::ItemIsEditable | Qt::ItemIsUserCheckable)))
        return false;
    if (index.column() == NotNull ? role != Qt::CheckStateRole : role != Qt::EditRole)
        return false;
    const bool same = index.column() == NotNull ? data(index, Qt::CheckStateRole).toInt() == value.toInt()
                                                : data(index, Qt::EditRole).toString() == value.toString();
    if (same)
        return false; // nothing changes: no step staged
    if (index.column() == Name && value.toString().isEmpty())
        return false;
    edit(index.row(), index.column(), value);
    return true;
}

Qt::ItemFlags DesignColumnsModel::flags(const QModelIndex& index) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const RowState state = m_rows[index.row()].state;
    if (state == RowState::Dropped || index.column() == State)
        return f;
    const bool definition =
        index.column() == Identity || index.column() == Generated || index.column() == Collation;
    if (definition && state != RowState::Added)
        return f; // an existing column's: shown only
    if (index.column() == NotNull)
        return f | Qt::ItemIsUserCheckable;
    return f | Qt::ItemIsEditable;
}

QVariant DesignColumnsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Name:
        return tr("Name");
    case Type:
        return tr("Type");
    case NotNull:
        return tr("Not null");
    case Default:
        return tr("Default");
    case Identity:
        return tr("Identity");
    case Generated:
        return tr("Generated as");
    case Collation:
        return tr("Collation");
    case Comment:
        return tr("Comment");
    case State:
        return tr("Staged");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace pgdesk::ui
