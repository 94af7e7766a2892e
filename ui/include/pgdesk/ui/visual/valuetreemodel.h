// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/visual/valuetree.h>

#include <QAbstractItemModel>

namespace pgdesk::ui {

// core::ValueTree as a tree model: Key, Value, Type. The root is the one top-level row ("$"), so a scalar
// document shows too. Children are indexed only when the view asks for them (hasChildren() never indexes),
// so a 10 MB document opens as fast as its validation. JSON values are editable (when the cell is): an edit
// makes a new document text, announced by documentEdited(), and the owner stages it as the cell's value;
// the tree itself changes only when it is given the new text back.
class ValueTreeModel final : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { KeyColumn, ValueColumn, TypeColumn, ColumnCount };

    explicit ValueTreeModel(QObject* parent = nullptr);

    void setTree(core::ValueTree tree, bool editable);
    void clear();
    const core::ValueTree& tree() const { return m_tree; }
    bool hasTree() const { return m_loaded; }
    bool isEditable() const { return m_editable && m_tree.source() == core::ValueTree::Source::Json; }

    int nodeOf(const QModelIndex& index) const; // -1 for an invalid index
    QModelIndex indexOf(int node, int column = KeyColumn) const;
    // "object", "array" … as the panel says them (translated).
    static QString kindName(core::ValueTree::Kind kind);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& index) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    // ValueColumn, EditRole: a string node takes the text as it is; a number must be a JSON number; a
    // boolean true/false; null stays null unless the text is another JSON value. documentEdited() on success.
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

signals:
    // A JSON edit's whole new document, every other byte as it was.
    void documentEdited(const QByteArray& json);
    void editRefused(const QString& why);

private:
    core::ValueTree m_tree;
    bool m_loaded = false;
    bool m_editable = false;
};

} // namespace pgdesk::ui
