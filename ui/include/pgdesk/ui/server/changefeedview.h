// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace pgdesk::core {
class Pool;
}

namespace pgdesk::ui {

class ChangeFeedFilter;
class ChangeFeedModel;
class JobSlot;

// A live feed of the committed changes to some tables (core::ChangeFeed: a temporary logical slot on a
// connection of its own). Start reads from then on; each poll runs on a worker and the next starts from its
// reply. Pause keeps reading (so the slot never holds WAL) but stops following the newest row; Stop, closing
// the tab or PgDesk ending drops the slot (the server drops it too when the connection is lost or PgDesk is
// killed). The grid filters by table, operation and value.
class ChangeFeedView final : public QWidget {
    Q_OBJECT
public:
    ChangeFeedView(std::shared_ptr<core::Pool> pool, QWidget* parent = nullptr);
    ~ChangeFeedView() override;

    // "schema.table, …" to read; start() uses them.
    void setTables(const QStringList& qualifiedNames);
    QStringList tables() const;
    void start();
    void stop();
    void setPaused(bool paused);
    bool isRunning() const { return m_running; }
    QString statusText() const;

    ChangeFeedModel* model() const { return m_model; }
    ChangeFeedFilter* filter() const { return m_filter; }
    QTableView* view() const { return m_view; }

signals:
    void statusChanged(const QString& text);
    void changesArrived(int count);

private:
    struct Feed;
    void startUnlocked(bool unlocked);
    void cycle();
    void setStatus(const QString& text, bool error = false);
    void updateTableChoices(int first, int last);

    std::shared_ptr<core::Pool> m_pool;
    std::shared_ptr<Feed> m_feed;
    JobSlot* m_job = nullptr;
    ChangeFeedModel* m_model = nullptr;
    ChangeFeedFilter* m_filter = nullptr;
    QLineEdit* m_tables = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_pause = nullptr;
    QComboBox* m_tableFilter = nullptr;
    QComboBox* m_operationFilter = nullptr;
    QLineEdit* m_textFilter = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_status = nullptr;
    bool m_running = false;
    bool m_paused = false;
};

} // namespace pgdesk::ui
