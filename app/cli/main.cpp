// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliapp.h"
#include "interrupt.h"

#include <QCoreApplication>

int main(int argc, char* argv[]) {
    pgdesk::cli::installInterruptHandler(); // before any thread exists, so all inherit the signal mask
    QCoreApplication app(argc, argv);
    return pgdesk::cli::run(QCoreApplication::arguments().mid(1));
}
