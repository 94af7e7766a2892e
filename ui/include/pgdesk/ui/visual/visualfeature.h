// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/ui/common/feature.h>

#include <QMetaObject>
#include <QPointer>
#include <QString>

class QDockWidget;
class QTableView;
class QWidget;

namespace pgdesk::ui {

class ChartView;
class GeometryView;
class ListenView;
class ValuePanel;
class Workbench;

// The visual folder's part of the window: View ▸ Value panel (a dock following the current cell of
// whichever grid has the focus), Chart… and Geometry… of what is in front, and Connection ▸ Notifications
// (LISTEN/NOTIFY, a dock per session).
class VisualFeature final : public Feature {
    Q_OBJECT
public:
    using Feature::Feature;
    ~VisualFeature() override;
    static VisualFeature* of(const QWidget& window);
    void initialize(Workbench& workbench) override;

    // Connection ▸ Notifications: a dock at the bottom, one per session (nullptr without a session).
    ListenView* openNotifications();
    // View ▸ Chart…: of the table tab in front (aggregated on the server, its filters applied) or of the
    // current query result (the rows the grid fetched).
    ChartView* openChart();
    // View ▸ Geometry…: the table in front's geometry column on a canvas, its selection shared with the grid.
    GeometryView* openGeometry(const QString& column = {});
    ValuePanel* valuePanel() const { return m_valuePanel; }

private:
    void addValuePanel();
    void followGrid(QTableView* grid);

    Workbench* m_workbench = nullptr;
    ValuePanel* m_valuePanel = nullptr;
    QPointer<QTableView> m_followedGrid;
    QMetaObject::Connection m_followedCell;
    QPointer<QDockWidget> m_notifications; // its ListenView belongs to the session it was opened for
};

} // namespace pgdesk::ui
