// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/completion/completion.h>

#include <QAbstractListModel>

namespace pgdesk::ui {

// The proposals the completion popup lists, best first: the name, and as its detail what it is
// ("column · integer", "function · (text) → integer").
class CompletionListModel final : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { DetailRole = Qt::UserRole + 1, InsertTextRole };

    explicit CompletionListModel(QObject* parent = nullptr);

    void setItems(QList<core::CompletionItem> items);
    const QList<core::CompletionItem>& items() const { return m_items; }
    const core::CompletionItem* item(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    // "column", "table", "function" …, translated.
    static QString kindName(core::CompletionItem::Kind kind);

private:
    QList<core::CompletionItem> m_items;
};

} // namespace pgdesk::ui
