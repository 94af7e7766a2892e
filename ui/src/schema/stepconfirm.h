// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/schema/tabledesign.h>

#include <QSet>

#include <functional>

class QWidget;

namespace pgdesk::ui {

// Before schema statements run: each destructive one (a dropped column, a type change …) gets a box of its
// own in a window-modal dialog, and `confirmed` runs with their indexes only once every box is ticked and
// Apply pressed. Without destructive statements `confirmed` runs at once with none.
void confirmDestructiveSteps(QWidget* parent, const QList<core::DesignStatement>& statements,
                             const std::function<void(const QSet<int>& confirmed)>& confirmed);

} // namespace pgdesk::ui
