// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema/databasechoice.h"

#include <pgdesk/core/session/databaselist.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/jobslot.h>

#include <QComboBox>
#include <QPointer>

namespace pgdesk::ui {

void loadDatabaseNames(JobSlot* job, const std::shared_ptr<core::Pool>& pool, const QList<QComboBox*>& combos,
                       const std::function<void(const QStringList&)>& loaded) {
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
        [targets, loaded](const QStringList& names) {
            for (const QPointer<QComboBox>& c : targets) {
                if (!c)
                    continue;
                const QString current = c->currentText();
                const QSignalBlocker block(c.data());
                c->clear();
                c->addItems(names);
                c->setCurrentText(current);
            }
            if (loaded)
                loaded(names);
        },
        [](const BackgroundFailure&) {});
}

QString mostAlike(const QString& name, const QStringList& candidates, const QStringList& left) {
    QString best;
    qsizetype bestLength = -1;
    for (const QString& c : candidates) {
        if (c == name || left.contains(c))
            continue;
        qsizetype common = 0;
        while (common < c.size() && common < name.size() && c[common] == name[common])
            ++common;
        if (common > bestLength) {
            best = c;
            bestLength = common;
        }
    }
    return best;
}

} // namespace pgdesk::ui
