// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/ui/common/feature.h>

#include <QString>

class QWidget;

namespace pgdesk::ui {

class ErdView;
class Workbench;

// The diagram folder's part of the window: Connection ▸ ER diagram… (of the table in front, else of the
// schema) and the tree's ER diagram of a table or a schema; a diagram's table opens, shows its structure or
// its designer.
class DiagramFeature final : public Feature {
    Q_OBJECT
public:
    using Feature::Feature;
    static DiagramFeature* of(const QWidget& window);
    void initialize(Workbench& workbench) override;

    // An ER diagram tab: of `table`'s neighbourhood, or of the whole `schema` when table is empty.
    ErdView* openErd(const QString& schema, const QString& table = {}, const QString& database = {});

private:
    Workbench* m_workbench = nullptr;
};

} // namespace pgdesk::ui
