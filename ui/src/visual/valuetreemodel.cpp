// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/visual/valuetreemodel.h>

#include <pgdesk/core/base/errors.h>

#include <QColor>
#include <QFont>
#include <QPalette>

namespace pgdesk::ui {

using Kind = core::ValueTree::Kind;

namespace {
constexpr int kShownChars = 500; // of a value in the tree; the tooltip and Copy have more
} // namespace

ValueTreeModel::ValueTreeModel(QObject* parent)
    : QAbstractItemModel(parent) {
}

void ValueTreeModel::setTree(core::ValueTree tree, bool editable) {
    beginResetModel();
    m_tree = std::move(tree);
    m_loaded = true;
    m_editable = editable;
    endResetModel();
}

void ValueTreeModel::clear() {
    beginResetModel();
    m_tree = core::ValueTree();
    m_loaded = false;
    m_editable = false;
    endResetModel();
}

int ValueTreeModel::nodeOf(const QModelIndex& index) const {
    return index.isValid() ? int(index.internalId()) : -1;
}

QModelIndex ValueTreeModel::indexOf(int node, int column) const {
    if (!m_loaded || node < 0)
        return {};
    if (node == core::ValueTree::kRoot)
        return createIndex(0, column, quintptr(node));
    return createIndex(m_tree.row(node), column, quintptr(node));
}

QString ValueTreeModel::kindName(Kind kind) {
    switch (kind) {
    case Kind::Object:
        return tr("object");
    case Kind::Array:
        return tr("array");
    case Kind::String:
        return tr("string");
    case Kind::Number:
        return tr("number");
    case Kind::Boolean:
        return tr("boolean");
    case Kind::Null:
        return tr("null");
    case Kind::Text:
        return tr("text");
    }
    return {};
}

QModelIndex ValueTreeModel::index(int row, int column, const QModelIndex& parent) const {
    if (!m_loaded || row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row == 0 ? createIndex(0, column, quintptr(core::ValueTree::kRoot)) : QModelIndex();
    const int node = nodeOf(parent);
    if (row >= m_tree.childCount(node))
        return {};
    return createIndex(row, column, quintptr(m_tree.child(node, row)));
}

QModelIndex ValueTreeModel::parent(const QModelIndex& index) const {
    const int node = nodeOf(index);
    if (node <= core::ValueTree::kRoot)
        return {};
    return indexOf(m_tree.parent(node));
}

int ValueTreeModel::rowCount(const QModelIndex& parent) const {
    if (!m_loaded)
        return 0;
    if (!parent.isValid())
        return 1;
    if (parent.column() != 0)
        return 0;
    return m_tree.childCount(nodeOf(parent));
}

int ValueTreeModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

bool ValueTreeModel::hasChildren(const QModelIndex& parent) const {
    if (!parent.isValid())
        return m_loaded;
    return parent.column() == 0 && m_tree.hasChildren(nodeOf(parent));
}

QVariant ValueTreeModel::data(const QModelIndex& index, int role) const {
    const int node = nodeOf(index);
    if (node < 0)
        return {};
    const Kind kind = m_tree.kind(node);
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (index.column()) {
        case KeyColumn:
            return node == core::ValueTree::kRoot ? QStringLiteral("$") : m_tree.key(node);
        case ValueColumn: {
            if (kind == Kind::Object)
                return tr("{%n key(s)}", nullptr, m_tree.size(node));
            if (kind == Kind::Array)
                return tr("[%n item(s)]", nullptr, m_tree.size(node));
            const QString text = m_tree.displayText(node);
            if (role == Qt::EditRole)
                return text;
            return text.size() > kShownChars ? text.left(kShownChars) + QChar(0x2026) : text;
        }
        case TypeColumn:
            return kindName(kind);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == ValueColumn && kind != Kind::Object &&
        kind != Kind::Array)
        return m_tree.displayText(node).left(4000);
    if (role == Qt::FontRole && index.column() == ValueColumn &&
        (kind == Kind::Null || kind == Kind::Object || kind == Kind::Array)) {
        QFont f;
        f.setItalic(true);
        return f;
    }
    if (role == Qt::ForegroundRole && index.column() == ValueColumn && kind == Kind::Null)
        return QPalette().color(QPalette::Disabled, QPalette::Text);
    if (role == Qt::TextAlignmentRole && index.column() == ValueColumn && kind == Kind::Number)
        return int(Qt::AlignTrailing | Qt::AlignVCenter);
    return {};
}

QVariant ValueTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case ValueColumn:
        return tr("Value");
    case TypeColumn:
        return tr("Type");
    default:
        return {};
    }
}

Qt::ItemFlags ValueTreeModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags f = QAbstractItemModel::flags(index);
    const int node = nodeOf(index);
    if (node >= 0 && isEditable() && index.column() == ValueColumn) {
        const Kind kind = m_tree.kind(node);
        if (kind != Kind::Object && kind != Kind::Array)
            f |= Qt::ItemIsEditable;
    }
    return f;
}

bool ValueTreeModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    const int node = nodeOf(index);
    if (role != Qt::EditRole || node < 0 || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const QString text = value.toString();
    try {
        QByteArray json;
        switch (m_tree.kind(node)) {
        case Kind::String:
            json = m_tree.setString(node, text);
            break;
        case Kind::Boolean: {
            const QString t = text.trimmed().toLower();
            if (t != QLatin1String("true") && t != QLatin1String("false")) {
                emit editRefused(
                    tr("A boolean is true or false; change its type to make it something else."));
                return false;
            }
            json = m_tree.replaceValue(node, t.toUtf8());
            break;
        }
        default: // numbers keep the digits typed; a null takes any JSON value, else the text as a string
            if (m_tree.kind(node) == Kind::Null && text.trimmed() != QLatin1String("null")) {
                try {
                    json = m_tree.replaceValue(node, text.trimmed().toUtf8());
                } catch (const core::Error&) {
                    json = m_tree.setString(node, text);
                }
            } else {
                json = m_tree.replaceValue(node, text.trimmed().toUtf8());
            }
        }
        if (json == m_tree.json())
            return false;
        emit documentEdited(json);
        return true;
    } catch (const core::Error& e) {
        emit editRefused(e.info().message);
        return false;
    }
}

} // namespace pgdesk::ui
