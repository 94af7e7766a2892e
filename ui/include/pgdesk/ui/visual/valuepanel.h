// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/browse/queryspec.h>

#include <QPersistentModelIndex>
#include <QSet>
#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStackedWidget;
class QTreeView;

namespace pgdesk::ui {

class ValueTreeModel;

// View ▸ Value panel: a dock that follows the current cell of the grid in front. json/jsonb, arrays, hstore
// and composite values show as a tree (core::ValueTree: lazy, so a 10 MB document opens at once) with the
// type of each node, search inside, Copy value and Copy path (->'a'->0, #>'{a,0}', $."a"[0]); other values
// as their exact text. A JSON cell the grid lets edit is edited in the tree (a value, its type, keys and
// elements added, renamed or removed): each edit is the cell's new text, staged like any cell edit (preview,
// undo, Apply with conflict detection). "Filter rows where this path = this value" asks the tab's filter bar
// for a json_path_equal condition.
class ValuePanel final : public QWidget {
    Q_OBJECT
public:
    enum class PathStyle { Arrow, TextArray, JsonPath };

    explicit ValuePanel(QWidget* parent = nullptr);

    // A grid cell (PageModel roles: EditRole's exact text, TypeRole, IsNullRole, IsCutRole); an invalid index
    // empties the panel. The panel follows the cell's later changes (a staged edit, a reload).
    void showCell(const QModelIndex& cell);
    // A value from elsewhere, read-only.
    void showValue(const QString& column, const QString& type, const std::optional<QString>& value);

    QTreeView* view() const { return m_view; }
    ValueTreeModel* model() const { return m_model; }
    QString infoText() const;
    QString plainText() const; // what the text page shows (values that are no tree)
    bool showsTree() const;

    // Selects (expanding its ancestors) the next node whose key or text contains `needle` after the
    // selected one; the node, or -1 when there is none (then it starts again from the top next time).
    int findNext(const QString& needle);
    void selectNode(int node);
    int currentNode() const;
    // The node's path in a style, also put on the clipboard.
    QString copyPath(int node, PathStyle style);
    // The node's value as text (a string decoded, a container as its JSON), also put on the clipboard.
    QString copyValue(int node);
    // The json_path_equal condition for a leaf of a JSON cell (nullopt for containers, null and non-JSON).
    std::optional<core::Condition> filterFor(int node) const;

    // Structure edits of a JSON cell, each staged as the cell's new text; false when refused.
    bool changeType(int node, const QString& kind); // "string" "number" "boolean" "null" "object" "array"
    bool addMember(int objectNode, const QString& key);
    bool addElement(int arrayNode);
    bool removeNode(int node);
    bool renameKey(int node, const QString& key);

signals:
    void filterRequested(const core::Condition& condition);

private:
    void reload();
    void stage(const QByteArray& json);
    void showMenu(const QPoint& at);
    void rememberExpanded();
    void restoreExpanded();
    void setInfo(const QString& text, bool error = false);

    QPersistentModelIndex m_cell;
    QString m_column;
    QString m_type;
    std::optional<QString> m_value;
    bool m_json = false;
    QSet<QString> m_expanded; // text-array paths of the expanded nodes, kept across reloads
    QLabel* m_info = nullptr;
    QLineEdit* m_find = nullptr;
    QStackedWidget* m_pages = nullptr;
    QTreeView* m_view = nullptr;
    QPlainTextEdit* m_text = nullptr;
    ValueTreeModel* m_model = nullptr;
};

} // namespace pgdesk::ui
