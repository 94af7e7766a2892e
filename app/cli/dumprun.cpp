// SPDX-License-Identifier: GPL-3.0-or-later
#include "dumprun.h"
#include "exitcodes.h"
#include "interrupt.h"

#include <QEventLoop>
#include <QMetaObject>
#include <QTextStream>

#include <unistd.h>

namespace pgdesk::cli {

core::DumpRunner::State run(Invocation& inv, core::DumpRunner& runner, const core::DumpCommand& command,
                            const std::optional<QString>& password, int total) {
    const bool showProgress = isatty(STDERR_FILENO) != 0;
    QObject::connect(&runner, &core::DumpRunner::progress, &runner,
                     [&inv, showProgress](int done, int all, const QString& table) {
                         if (!showProgress)
                             return;
                         inv.err << "\r" << done;
                         if (all > 0)
                             inv.err << "/" << all;
                         inv.err << " tables " << table << "\x1b[K";
                         inv.err.flush();
                     });
    QEventLoop loop;
    QObject::connect(&runner, &core::DumpRunner::finished, &loop, &QEventLoop::quit);
    // The signal thread only posts the cancel: QProcess belongs to this thread.
    const InterruptAction onInterrupt([&runner] {
        QMetaObject::invokeMethod(
            &runner, [&runner] { runner.cancel(); }, Qt::QueuedConnection);
    });
    runner.start(command, password, total);
    if (runner.state() == core::DumpRunner::State::Running)
        loop.exec();
    if (showProgress)
        inv.err << "\r\x1b[K";
    return runner.state();
}

int outcome(Invocation& inv, const core::DumpRunner& runner, const QString& success) {
    switch (runner.state()) {
    case core::DumpRunner::State::Succeeded:
        inv.err << "pgdesk-cli: " << success << '\n';
        return ExitOk;
    case core::DumpRunner::State::Canceled:
        inv.err << "pgdesk-cli: cancelled; nothing was written\n";
        return ExitCancelled;
    default:
        inv.err << "pgdesk-cli: " << runner.errorText() << '\n';
        return ExitTool;
    }
}

} // namespace pgdesk::cli
