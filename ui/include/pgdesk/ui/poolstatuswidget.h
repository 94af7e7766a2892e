#pragma once

#include <QLabel>

#include <memory>

class QTimer;

namespace pgdesk::core {
class Pool;
}

namespace pgdesk::ui {

// Status-bar view of the session's pool, refreshed every second: connections in use / allowed, idle,
// and the waits and timeouts so far (details in the tooltip). Reads Pool::stats(), which takes only the
// pool's mutex: no libpq call, so it is fine on the GUI thread.
class PoolStatusWidget final : public QLabel {
    Q_OBJECT
public:
    explicit PoolStatusWidget(QWidget* parent = nullptr);

    void setPool(std::shared_ptr<core::Pool> pool);
    void refresh();

private:
    std::weak_ptr<core::Pool> m_pool;
    QTimer* m_timer = nullptr;
};

} // namespace pgdesk::ui
