// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/admin/dashboard.h>
#include <pgdesk/core/profiles/connectionprofile.h>

#include <QList>
#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QTableWidget;
class QTimer;

namespace pgdesk::ui {

class JobSlot;
class DashboardChart;

// Connection ▸ Dashboard: the server's counters as time series over the last minutes, on a connection of its
// own named "PgDesk dashboard" (its sessions left out of what it shows). One statement a second
// (core::readDashboardSample) while the tab is visible; hidden, nothing is sent. Rates are computed between
// samples over the server's own elapsed time. The samples stay for the session (an hour); a click on a chart
// shows the sessions that were busy at that moment.
class DashboardView final : public QWidget {
    Q_OBJECT
public:
    static constexpr int kIntervalMs = 1000;
    static constexpr qint64 kWindowMs = 5 * 60 * 1000; // what the charts show

    DashboardView(core::ConnectionProfile profile, std::optional<QString> password,
                  QWidget* parent = nullptr);
    ~DashboardView() override;

    const core::DashboardHistory& history() const { return m_history; }
    bool isSampling() const;
    int chartCount() const { return int(m_charts.size()); }
    QWidget* chartWidget(int i) const;
    // Each chart's title and its latest value as shown ("3.5 /s").
    QString chartTitle(int i) const;
    QString currentText(int i) const;
    // The sessions busy at sample `index`, listed below the charts.
    void showMoment(int index);
    int momentShown() const { return m_moment; }
    QString statusText() const;
    // The replication slots flagged at the last slot check (every kSlotCheckTicks samples): an inactive one
    // retaining more than the preference's limit, lost or unreserved WAL, VACUUM held back.
    QStringList slotAlerts() const { return m_slotAlerts; }
    static constexpr int kSlotCheckTicks = 10;

signals:
    void sampled();

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    struct Reading;
    void tick();
    void redraw();

    std::shared_ptr<Reading> m_reading;
    core::DashboardHistory m_history;
    JobSlot* m_job = nullptr;
    QTimer* m_timer = nullptr;
    QList<DashboardChart*> m_charts;
    QLabel* m_status = nullptr;
    QLabel* m_momentTitle = nullptr;
    QTableWidget* m_momentSessions = nullptr;
    int m_moment = -1;
    QLabel* m_slotAlertLabel = nullptr;
    QStringList m_slotAlerts;
    int m_ticks = 0;
};

} // namespace pgdesk::ui
