// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QWidget;

namespace pgdesk::ui {

// Every file dialog of the window starts where the user last chose a file, else in their documents folder
// (never the process's working directory: a Save would have written wherever PgDesk was started), and
// remembers the folder of what is chosen. `name` is the file suggested for a Save. Empty when cancelled.
QString chooseFileToOpen(QWidget* parent, const QString& title, const QString& filter = {});
QString chooseFileToSave(QWidget* parent, const QString& title, const QString& name = {},
                         const QString& filter = {});

// The folder they start in (QSettings files/lastFolder when it still exists, else the documents folder,
// else home); with `name`, that file in it.
QString fileDialogStart(const QString& name = {});
// Remembers the folder of a chosen file (an empty path changes nothing).
void rememberFileDialogChoice(const QString& path);

} // namespace pgdesk::ui
