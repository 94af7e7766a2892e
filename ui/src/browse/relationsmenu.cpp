// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/browse/relationsmenu.h>
#include <pgdesk/ui/grid/celltext.h>

#include <pgdesk/core/browse/queryengine.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/catalog/profileconventions.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/jobslot.h>

#include <QAction>
#include <QLocale>
#include <QMenu>
#include <QPointer>

namespace pgdesk::ui {

std::optional<core::FilterGroup> relationFilter(const QList<core::PageColumn>& columns, const RowValues& row,
                                                const QStringList& fromColumns,
                                                const QStringList& toColumns) {
    if (row.size() != columns.size() || fromColumns.size() != toColumns.size() || fromColumns.isEmpty())
        return std::nullopt;
    core::FilterGroup filter;
    for (qsizetype i = 0; i < fromColumns.size(); ++i) {
        qsizetype column = -1;
        for (qsizetype c = 0; c < columns.size(); ++c) {
            if (columns[c].name == fromColumns[i])
                column = c;
        }
        if (column < 0 || !row[column])
            return std::nullopt;
        filter.conditions << core::Condition{toColumns[i], core::FilterOp::Equal, {*row[column]}, {}};
    }
    return filter;
}

void addRelationActions(QMenu* menu, std::shared_ptr<core::Pool> pool, const core::TableInfo& table,
                        const QList<core::PageColumn>& columns, const RowValues& row,
                        const std::function<void(const RelatedRows&)>& open) {
    if (table.foreignKeys.isEmpty() && table.referencedBy.isEmpty())
        return;
    menu->addSeparator();
    for (const core::ForeignKey& fk : table.foreignKeys) {
        const auto filter = relationFilter(columns, row, fk.columns, fk.refColumns);
        QAction* action =
            menu->addAction(QObject::tr("Open referenced %1.%2 (%3)")
                                .arg(fk.refSchema, fk.refTable, fk.columns.join(QStringLiteral(", "))));
        action->setEnabled(filter.has_value());
        if (filter) {
            const RelatedRows target{fk.refSchema, fk.refTable, *filter, core::SoftDeleteScope::All};
            QObject::connect(action, &QAction::triggered, menu, [open, target] { open(target); });
        }
    }
    if (table.referencedBy.isEmpty())
        return;
    QMenu* referencing = menu->addMenu(QObject::tr("Referencing rows"));
    QList<QPointer<QAction>> actions;
    QList<RelatedRows> targets;
    for (const core::ForeignKey& fk : table.referencedBy) {
        const auto filter = relationFilter(columns, row, fk.refColumns, fk.columns);
        QAction* action = referencing->addAction(
            QObject::tr("%1.%2 (%3) …").arg(fk.schema, fk.table, fk.columns.join(QStringLiteral(", "))));
        action->setEnabled(filter.has_value());
        actions << action;
        if (filter) {
            targets << RelatedRows{fk.schema, fk.table, *filter, core::SoftDeleteScope::Active};
            QObject::connect(action, &QAction::triggered, menu,
                             [open, target = targets.last()] { open(target); });
        } else {
            targets << RelatedRows{};
        }
    }
    // Counts per referencing table, as the opened tab would show them (its default scope).
    // On the menu's slot: a closed menu drops (and cancels) its counts.
    jobSlot(referencing, QStringLiteral("countsJob"))
        ->start(
            [pool, targets](const std::shared_ptr<core::CancelToken>& token) {
                auto connection = pool->acquire();
                const core::CancelToken::Scope scope(token, *connection);
                QList<qint64> counts;
                for (const RelatedRows& t : targets) {
                    if (t.table.isEmpty()) {
                        counts << -1;
                        continue;
                    }
                    const core::TableInfo info = core::readTableForProfile(*connection, t.schema, t.table);
                    core::QuerySpec spec;
                    spec.schema = t.schema;
                    spec.table = t.table;
                    spec.filter = t.filter;
                    spec.scope = t.scope;
                    counts << core::QueryEngine(*connection).exactCount(spec, info);
                }
                return counts;
            },
            [actions, targets](const QList<qint64>& counts) {
                for (qsizetype i = 0; i < actions.size() && i < counts.size(); ++i) {
                    if (!actions[i] || counts[i] < 0)
                        continue;
                    QString text = actions[i]->text();
                    text.chop(2); // " …"
                    actions[i]->setText(QObject::tr("%1: %2 row(s)", nullptr, pluralCount(counts[i]))
                                            .arg(text, QLocale().toString(counts[i])));
                    actions[i]->setEnabled(counts[i] > 0);
                }
            },
            [actions](const BackgroundFailure& failure) {
                for (const auto& a : actions) {
                    if (a)
                        a->setToolTip(failure.message);
                }
            });
}

} // namespace pgdesk::ui
