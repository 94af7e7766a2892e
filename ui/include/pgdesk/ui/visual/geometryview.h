// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/browse/queryspec.h>
#include <pgdesk/core/catalog/catalog.h>
#include <pgdesk/core/visual/geometry.h>

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QTimer;

namespace pgdesk::core {
class Pool;
} // namespace pgdesk::core

namespace pgdesk::ui {

class JobSlot;
class GeometryCanvas;

// A table's geometry on a plain canvas (View ▸ Geometry…): PostGIS geometry/geography columns and the
// built-in point, lseg, box, path, polygon, circle and line, drawn with axes in the column's own units
// (SRID shown) — no tile server, no network. Pan with the mouse, zoom with the wheel, Fit shows the
// extent. The server sends the features of the visible extent only, simplified to about a pixel
// (core::buildGeometryQuery, the tab's filters applied), at most kMaxFeatures of them (the count is on
// screen); each pan or zoom reads again once the view rests. Hover shows the row's other columns; a
// click selects the feature and announces its row key (the window selects the row in the grid), and
// selectRow() marks the feature of a row chosen in the grid.
class GeometryView final : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMaxFeatures = 5000;

    GeometryView(std::shared_ptr<core::Pool> pool, core::TableInfo table, core::QuerySpec view,
                 QString column = {}, QWidget* parent = nullptr);
    ~GeometryView() override;

    // The drawable columns of a table (empty: nothing to draw).
    static QStringList drawableColumns(const core::TableInfo& table);

    void setColumn(const QString& column);
    QString column() const;
    void fit();                                 // reads the extent, then the features in it
    void setExtent(const core::GeoBounds& box); // shows this box and reads what is in it
    core::GeoBounds extent() const;
    int featureCount() const;
    bool hasMore() const;
    int srid() const;
    bool isLoading() const;
    QString statusText() const;
    QWidget* canvas() const;
    const QList<core::GeometryFeature>& features() const;
    // The feature drawn at a canvas position (-1 for none) and its row key values.
    int featureAt(QPointF position) const;
    QStringList rowKeyOf(int feature) const;
    void selectRow(const QStringList& keyValues);
    int selectedFeature() const;

signals:
    void featuresLoaded();
    void rowSelected(const QStringList& keyValues);

private:
    friend class GeometryCanvas;
    void readExtent();
    void readFeatures();
    void select(int feature);

    std::shared_ptr<core::Pool> m_pool;
    core::TableInfo m_table;
    core::QuerySpec m_view;
    core::GeometryColumnKind m_kind;
    QStringList m_hover; // the row key first, then the other readable columns (not the geometry)
    QList<core::GeometryFeature> m_loaded; // what the canvas draws
    JobSlot* m_extentJob = nullptr;
    JobSlot* m_featureJob = nullptr;
    QComboBox* m_column = nullptr;
    QLabel* m_status = nullptr;
    GeometryCanvas* m_canvas = nullptr;
    QTimer* m_settle = nullptr;
    int m_srid = 0;
    bool m_more = false;
};

} // namespace pgdesk::ui
