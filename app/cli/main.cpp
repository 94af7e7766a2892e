// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliapp.h"
#include "interrupt.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <algorithm>
#include <cstring>
#include <memory>

int main(int argc, char* argv[]) {
    pgdesk::cli::installInterruptHandler(); // before any thread exists, so all inherit the signal mask
    // `chart` and `erd` draw text into PNG and SVG: that takes QtGui's fonts, so a QGuiApplication on the
    // offscreen platform (no display needed); every other command stays on QtCore.
    const bool draws = std::any_of(argv + 1, argv + argc, [](const char* a) {
        return std::strcmp(a, "chart") == 0 || std::strcmp(a, "erd") == 0;
    });
    if (draws && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> app = draws ? std::make_unique<QGuiApplication>(argc, argv)
                                                  : std::make_unique<QCoreApplication>(argc, argv);
    return pgdesk::cli::run(QCoreApplication::arguments().mid(1));
}
