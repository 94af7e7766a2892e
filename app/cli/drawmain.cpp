// SPDX-License-Identifier: GPL-3.0-or-later
// pgdesk-cli-draw: pgdesk-cli with `chart` and `erd`, which draw with QtGui; pgdesk-cli runs it in its
// place for those commands (main.cpp), so that every other command starts without QtGui.
#include "cliapp.h"
#include "commands.h"
#include "interrupt.h"

#include <QGuiApplication>

int main(int argc, char* argv[]) {
    pgdesk::cli::installInterruptHandler(); // before any thread exists, so all inherit the signal mask
    pgdesk::cli::keepQtMessagesOwn();
    // Fonts need a QGuiApplication; the offscreen platform needs no display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    pgdesk::cli::setDrawCommands({&pgdesk::cli::cmdChart, &pgdesk::cli::cmdErd, &pgdesk::cli::cmdNotebook});
    return pgdesk::cli::run(QCoreApplication::arguments().mid(1));
}
