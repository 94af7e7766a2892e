// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/diagram/erdgraph.h>
#include <pgdesk/core/diagram/erdlayout.h>

#include <QByteArray>
#include <QColor>
#include <QFont>
#include <QImage>
#include <QList>
#include <QRectF>
#include <QSet>
#include <QSizeF>
#include <QString>

#include <memory>

class QPainter;

namespace pgdesk::paint {

struct ErdStyle {
    QColor background = Qt::white;
    QColor box = Qt::white;
    QColor header = QColor(0xdd, 0xe5, 0xf0);
    QColor border = QColor(0x8a, 0x99, 0xad);
    QColor text = QColor(0x22, 0x22, 0x22);
    QColor mutedText = QColor(0x6a, 0x6a, 0x6a); // types
    QColor key = QColor(0xb0, 0x7d, 0x10);       // PK and FK marks
    QColor line = QColor(0x5b, 0x6b, 0x80);
    QColor highlight = QColor(0xe1, 0x57, 0x59); // the found table and its keys
    QFont font;

    static ErdStyle light();
    static ErdStyle dark();
};

// Draws an ER diagram (core::ErdGraph laid out by core::layoutErd) with QPainter only: the window on its
// canvas, the CLI into SVG or PNG, through the same code. Never uses QtWidgets.
class ErdPainter final {
public:
    // How much of each table is drawn: everything; names only (zoomed out); plain boxes (far out).
    enum class Detail { Full, Names, Boxes };

    explicit ErdPainter(ErdStyle style);

    const ErdStyle& style() const { return m_style; }
    // The size of each table's box (its name and, unless collapsed, a row per column) and the layout options
    // that put a key's line at its column's row.
    QList<QSizeF> boxSizes(const core::ErdGraph& graph, bool collapsed) const;
    core::ErdLayoutOptions layoutOptions(bool collapsed) const;
    // The detail that stays legible at this scale (1 = the layout's pixels).
    static Detail detailFor(qreal scale);

    // Draws what meets `visible` (layout coordinates; the painter already maps them): boxes, their text as
    // `detail` allows, lines with crow's-foot ends. `highlighted` tables and their keys in the highlight
    // colour.
    void paint(QPainter& painter, const core::ErdGraph& graph, const core::ErdLayout& layout,
               const QRectF& visible, Detail detail, bool collapsed, const QSet<int>& highlighted = {}) const;

    // Makes the texts of tables [from, from + count) ready for painting (elided and shaped once per diagram,
    // otherwise on first sight); returns the next table to prepare. The canvas does this while idle.
    int prepareTexts(const core::ErdGraph& graph, const core::ErdLayout& layout, int from, int count) const;

    // The whole diagram as SVG, or as PNG (scaled down to at most 16,384 pixels a side and 64 megapixels).
    QByteArray renderSvg(const core::ErdGraph& graph, const core::ErdLayout& layout, bool collapsed) const;
    QImage renderImage(const core::ErdGraph& graph, const core::ErdLayout& layout, bool collapsed) const;
    // PNG, or SVG when the path ends in .svg (any case). False with `error` set when it cannot be written.
    bool save(const QString& path, const core::ErdGraph& graph, const core::ErdLayout& layout, bool collapsed,
              QString* error = nullptr) const;

private:
    struct TableTexts;
    struct TextCache;
    const TableTexts& textsOf(const core::ErdGraph& graph, const core::ErdLayout& layout, int table,
                              bool rows) const;
    ErdStyle m_style;
    mutable std::shared_ptr<TextCache> m_texts; // the texts of the last diagram painted
};

} // namespace pgdesk::paint
