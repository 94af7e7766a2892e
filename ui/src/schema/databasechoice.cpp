// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema/databasechoice.h"

#include <pgdesk/core/session/databaselist.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/background.h>
#include <pgdesk/ui/jobslot.h>

#include <QComboBox>
#include <QPointer>

namespace pgdesk::ui {

void loadDatabaseNames(JobSlot* job, const std::shared_ptr<core::Pool>& pool,
                       const QList<QComboBox*>& combos) {
    if (!pool)
        return;
    QList<QPointer<QComboBox>> targets(combos.cbegin(), combos.cend());
    job->start(
        [pool](const std::shared_ptr<core::CancelToken>& cancel) {
            auto connection = pool->acquire();
            const core::CancelToken::Scope scope(cancel, *connection);
            QStringList names;
            for (const core::DatabaseInfo& d : core::listDatabases(*connection))
                names << d.name;
            return names;
        },
        [targets](const QStringList& names) {
            for (const QPointer<QComboBox>& c : targets) {
                if (!c)
                    continue;
                const QString current = c->currentText();
                const QSignalBlocker block(c.data());
                c->clear();
                c->addItems(names);
                c->setCurrentText(current);
            }
        },
        [](const BackgroundFailure&) {});
}

} // namespace pgdesk::ui
