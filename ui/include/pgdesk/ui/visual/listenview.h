// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/profiles/connectionprofile.h>
#include <pgdesk/core/session/listener.h>

#include <QAbstractTableModel>
#include <QWidget>

#include <deque>
#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableView;

namespace pgdesk::core {
class Pool;
} // namespace pgdesk::core

namespace pgdesk::ui {

class JobSlot;

// The notifications heard, newest last; bounded (the oldest go first past kMaxRows).
class NotificationModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TimeColumn, ChannelColumn, PayloadColumn, PidColumn, ColumnCount };
    static constexpr int kMaxRows = 10000;

    explicit NotificationModel(QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void append(const QList<core::Notification>& notifications);
    void clear();
    const core::Notification& at(int row) const { return m_rows.at(size_t(row)); }

private:
    std::deque<core::Notification> m_rows;
};

// LISTEN/NOTIFY (Tools ▸ Notifications…, a dock beside the tabs): listens on the channels chosen on a
// connection of its own (core::Listener; through a transaction pooler it says why it cannot), lists what
// arrives with time, channel, payload and the sending server process, and sends NOTIFY on the session's pool
// (on a production profile only after the database's name is typed). The wait runs in slices of a second on
// a JobSlot, so no pool thread is held and no libpq call happens on the GUI thread.
class ListenView final : public QWidget {
    Q_OBJECT
public:
    ListenView(std::shared_ptr<core::Pool> pool, QWidget* parent = nullptr);
    ~ListenView() override;

    void listen(const QString& channel);
    void unlisten(const QString& channel);
    QStringList channels() const;
    // NOTIFY channel, payload (the production guard asks first on a production profile).
    void send(const QString& channel, const QString& payload);

    NotificationModel* model() const { return m_model; }
    const std::shared_ptr<core::Pool>& pool() const { return m_pool; }
    QString statusText() const;
    bool isListening() const;
    // Its controls and about eight notifications: what a dock first gives it.
    QSize sizeHint() const override;

signals:
    void statusChanged(const QString& text);

private:
    struct Listening;
    void cycle();
    void sendUnlocked(const QString& channel, const QString& payload, const core::WriteAccess& write);
    void setStatus(const QString& text, bool error = false);

    std::shared_ptr<core::Pool> m_pool;
    std::shared_ptr<Listening> m_listening;
    JobSlot* m_waitJob = nullptr;
    JobSlot* m_sendJob = nullptr;
    NotificationModel* m_model = nullptr;
    QLineEdit* m_channel = nullptr;
    QListWidget* m_channels = nullptr;
    QTableView* m_view = nullptr;
    QLineEdit* m_sendChannel = nullptr;
    QLineEdit* m_payload = nullptr;
    QPushButton* m_send = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace pgdesk::ui
