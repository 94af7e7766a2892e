// SPDX-License-Identifier: GPL-3.0-or-later
#include "connect/profileitemdelegate.h"

#include <pgdesk/ui/connect/profilelistmodel.h>

#include <QApplication>
#include <QPainter>
#include <QStyle>

#include <algorithm>

namespace pgdesk::ui {

namespace {
constexpr int kMargin = 6;

QFont summaryFont(const QFont& base) {
    QFont f = base;
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * 0.9);
    return f;
}
} // namespace

void ProfileItemDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString name = opt.text;
    const QRect r = textRect(option, index);
    opt.text.clear(); // the style draws background, selection and focus; the text is ours
    const QWidget* widget = opt.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group =
        opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    const QColor text = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor dim = text;
    dim.setAlphaF(selected ? 0.8 : 0.6);

    const QFontMetrics nameMetrics(opt.font);
    const QFont small = summaryFont(opt.font);
    const QFontMetrics smallMetrics(small);

    painter->save();
    QFont bold = opt.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(text);
    const QRect nameRect(r.left(), r.top(), r.width(), nameMetrics.height());
    const Qt::Alignment align = QStyle::visualAlignment(opt.direction, Qt::AlignLeft) | Qt::AlignVCenter;
    painter->drawText(nameRect, align, QFontMetrics(bold).elidedText(name, Qt::ElideRight, r.width()));
    painter->setFont(small);
    painter->setPen(dim);
    const QRect summaryRect(r.left(), nameRect.bottom() + 2, r.width(), smallMetrics.height());
    painter->drawText(summaryRect, align,
                      smallMetrics.elidedText(index.data(ProfileListModel::SummaryRole).toString(),
                                              Qt::ElideMiddle, r.width()));
    painter->restore();
}

QRect ProfileItemDelegate::textRect(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    QRect r = opt.rect.adjusted(kMargin + 2, kMargin / 2, -kMargin, -kMargin / 2);
    if (opt.icon.isNull() || !(opt.features & QStyleOptionViewItem::HasDecoration))
        return r;
    // The swatch is where the style puts the decoration (mirrored right to left); the text takes the rest.
    const QWidget* widget = opt.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    const QRect swatch = style->subElementRect(QStyle::SE_ItemViewItemDecoration, &opt, widget);
    if (opt.direction == Qt::RightToLeft)
        r.setRight(std::min(r.right(), swatch.left() - kMargin));
    else
        r.setLeft(std::max(r.left(), swatch.right() + kMargin));
    return r;
}

QSize ProfileItemDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    const int height = QFontMetrics(option.font).height() + QFontMetrics(summaryFont(option.font)).height() +
                       2 + kMargin + 2;
    return {base.width(), std::max(base.height(), height)};
}

} // namespace pgdesk::ui
