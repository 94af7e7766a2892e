// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace pgdesk::ui {

// Installs PgDesk's translation for `language` ("de", "fa"; "en" has only its plural forms, always loaded)
// and Qt's own for it (qtbase_<language>.qm from Qt's translations folder, when installed: standard
// buttons and dialogs), replacing the ones installed before. When the system's locale speaks another
// language, the language's own locale becomes the default (numbers and dates follow it). Persian turns the
// layout right to left (its translation of QT_LAYOUT_DIRECTION). False when PgDesk has no such translation.
bool installTranslations(const QString& language);

} // namespace pgdesk::ui
