// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

#include <memory>

class QComboBox;

namespace pgdesk::core {
class Pool;
}

namespace pgdesk::ui {

class JobSlot;

// Fills each combo with the server's databases, read on `job` through `pool`; each keeps the database it
// shows. A failure leaves them as they are (the session's own database stays the choice).
void loadDatabaseNames(JobSlot* job, const std::shared_ptr<core::Pool>& pool,
                       const QList<QComboBox*>& combos);

} // namespace pgdesk::ui
