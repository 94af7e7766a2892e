// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>

#include <memory>

class QTimer;

namespace pgdesk::core {
class Pool;
class SessionPools;
} // namespace pgdesk::core

namespace pgdesk::ui {

// Status-bar view of the session's pools, refreshed every second: connections in use / allowed, idle,
// and the waits and timeouts so far of the session's own database, how many other databases have a
// pool open (each one's figures in the tooltip), and the SSH tunnel's state when there is one. Reads
// Pool::stats(), which takes only the pool's mutex: no libpq call, so it is fine on the GUI thread.
class PoolStatusWidget final : public QLabel {
    Q_OBJECT
public:
    explicit PoolStatusWidget(QWidget* parent = nullptr);

    void setPool(std::shared_ptr<core::Pool> pool);
    void setPools(std::shared_ptr<core::SessionPools> pools);
    void refresh();

private:
    std::weak_ptr<core::SessionPools> m_pools;
    std::shared_ptr<core::SessionPools> m_owned; // setPool()'s, made here
    QTimer* m_timer = nullptr;
};

} // namespace pgdesk::ui
