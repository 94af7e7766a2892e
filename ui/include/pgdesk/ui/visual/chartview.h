// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/browse/queryspec.h>
#include <pgdesk/core/catalog/catalog.h>
#include <pgdesk/core/visual/chartdata.h>
#include <pgdesk/core/visual/chartquery.h>

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QListWidget;

namespace pgdesk::core {
class Pool;
} // namespace pgdesk::core

namespace pgdesk::paint {
class ChartPainter;
} // namespace pgdesk::paint

namespace pgdesk::ui {

class JobSlot;
class ChartCanvas;

// A chart tab (View ▸ Chart…): bar, line, area, scatter or pie over chosen X and Y columns (several Y series,
// a group-by series), time axes for dates and timestamps. Over a table's view the aggregation runs on the
// server (core::buildChartQuery: GROUP BY, date_trunc or width buckets, the view's filters), on a JobSlot,
// so a chart of ten million rows reads a few hundred; over a query result it draws the rows the grid
// fetched and says so on the chart. Drawn by paint::ChartPainter (the CLI's painter too): hover shows a
// point's exact values; Save as PNG or SVG, Copy puts the image on the clipboard.
class ChartView final : public QWidget {
    Q_OBJECT
public:
    // A table's view, aggregated on the server.
    ChartView(std::shared_ptr<core::Pool> pool, core::TableInfo table, core::QuerySpec view,
              QWidget* parent = nullptr);
    // Rows already fetched (a query result's), drawn as they are; `note` goes on the chart ("first 1,000
    // rows").
    ChartView(QList<core::ChartColumn> columns, QList<QStringList> rows, QString note,
              QWidget* parent = nullptr);
    ~ChartView() override;

    void setType(core::ChartType type);
    void setX(const QString& column);
    void setYs(const QStringList& columns);
    void setGroup(const QString& column); // "" for none
    void setBucket(core::TimeBucket bucket);
    void setAggregate(core::ChartAggregate aggregate);
    // Reads again (server mode) or rebuilds the series (rows mode); chartUpdated() when drawn.
    void refresh();

    const core::ChartData& data() const { return m_data; }
    core::ChartType type() const;
    bool isServerSide() const { return m_pool != nullptr; }
    bool isLoading() const;
    bool isEstimate() const { return m_estimate; }
    QString statusText() const;
    QString lastSql() const { return m_lastSql; }
    QWidget* canvas() const;
    bool saveImage(const QString& path, QString* error = nullptr);
    void copyImage();

signals:
    void chartUpdated();

private:
    void build();
    void fillColumns(const QStringList& names, const QStringList& types);
    void chooseDefaults();
    void updateControls();
    void display(core::ChartData data);
    // Reads and draws one statement; an estimate (spec.samplePercent > 0) is followed by the exact one.
    void readChart(const core::ChartQuerySpec& spec, const QString& xLabel);
    void saveAs();

    std::shared_ptr<core::Pool> m_pool;
    core::TableInfo m_table;
    core::QuerySpec m_view;
    QList<core::ChartColumn> m_columns;
    QList<QStringList> m_rows;
    QString m_note;
    core::ChartData m_data;
    QString m_lastSql;
    bool m_estimate = false; // the chart shown is a sampled first draw; the exact one is being read
    JobSlot* m_job = nullptr;
    QComboBox* m_type = nullptr;
    QComboBox* m_x = nullptr;
    QComboBox* m_bucket = nullptr;
    QComboBox* m_aggregate = nullptr;
    QComboBox* m_group = nullptr;
    QListWidget* m_ys = nullptr;
    QLabel* m_status = nullptr;
    ChartCanvas* m_canvas = nullptr;
    bool m_updating = false;
};

} // namespace pgdesk::ui
