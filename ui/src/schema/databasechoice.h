// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QStringList>

#include <functional>

#include <memory>

class QComboBox;

namespace pgdesk::core {
class Pool;
}

namespace pgdesk::ui {

class JobSlot;

// Fills each combo with the server's databases, read on `job` through `pool`; each keeps the database it
// shows; then `loaded` has the names. A failure leaves them as they are (the session's own database stays
// the choice).
void loadDatabaseNames(JobSlot* job, const std::shared_ptr<core::Pool>& pool, const QList<QComboBox*>& combos,
                       const std::function<void(const QStringList&)>& loaded = {});

// Of `candidates`, the one most like `name` (the longest common prefix: app_dev → app_staging), never `name`
// itself nor one of `left`; empty when none is left. Ties go to the first in order.
QString mostAlike(const QString& name, const QStringList& candidates, const QStringList& left = {});

} // namespace pgdesk::ui
