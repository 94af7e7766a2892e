// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace pgdesk::ui {

// Two lines per connection profile: the name, and below it the dimmer "user@host:port/db"
// (ProfileListModel::SummaryRole), elided to the width of the list, beside the environment swatch.
class ProfileItemDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    // Where the two lines go: the style's text area (after the swatch, on the reading side), inset.
    QRect textRect(const QStyleOptionViewItem& option, const QModelIndex& index) const;
};

} // namespace pgdesk::ui
