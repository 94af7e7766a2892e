// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/common/uisettings.h>
#include <pgdesk/ui/grid/gridpreferences.h>
#include <pgdesk/ui/grid/pagemodel.h>

#include <QHeaderView>
#include <QTableView>

namespace pgdesk::ui {

namespace {
void apply(QTableView* view, PageModel* model) {
    model->setDisplayOptions(UiSettings::nullText(),
                             UiSettings::dateTimeDisplay() == UiSettings::DateTimeDisplay::Locale);
    view->setFont(UiSettings::gridFont()); // QFont(): nothing set, the application's font is inherited
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
}
} // namespace

void followGridPreferences(QTableView* view, PageModel* model) {
    apply(view, model);
    QObject::connect(UiSettings::instance(), &UiSettings::changed, view,
                     [view, model] { apply(view, model); });
}

} // namespace pgdesk::ui
