// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QTableView;

namespace pgdesk::ui {

class PageModel;

// The grid preferences (NULL text, date/time display, font) applied to a view and its model, now and
// whenever the preferences change (until the view is gone).
void followGridPreferences(QTableView* view, PageModel* model);

} // namespace pgdesk::ui
