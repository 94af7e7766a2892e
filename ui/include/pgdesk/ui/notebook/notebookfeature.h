// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/ui/common/feature.h>

#include <QString>

class QWidget;

namespace pgdesk::ui {

class NotebookView;
class Workbench;

// The notebook folder's part of the window: Query ▸ New notebook and Open notebook… (`.pgnb.md`), each a tab
// on the current session's database; a tab with unsaved cells asks before it closes, and comes back with its
// file when the window opens again.
class NotebookFeature final : public Feature {
    Q_OBJECT
public:
    using Feature::Feature;
    static NotebookFeature* of(const QWidget& window);
    void initialize(Workbench& workbench) override;

    // A new notebook (one empty SQL cell), or the file at `path`, in a tab; nullptr without a session or when
    // the file cannot be read (said in the status bar).
    NotebookView* openNotebook(const QString& path = {}, const QString& database = {});

private:
    Workbench* m_workbench = nullptr;
    int m_untitled = 0;
};

} // namespace pgdesk::ui
