#include "commands.h"
#include "connect.h"
#include "exitcodes.h"
#include "output.h"

#include <QElapsedTimer>

namespace pgdesk::cli {

// query SQL: runs one statement (several separated by ';' are allowed; the last result is printed).
int cmdQuery(Invocation& inv) {
    if (inv.args.size() != 1)
        throw UsageError{QStringLiteral("query takes exactly one SQL argument (quote it)")};
    const Format format = parseFormat(inv.global.format);
    auto connection = connect(inv);
    QElapsedTimer timer;
    timer.start();
    const core::Result result = connection.exec(inv.args.first());
    const qint64 elapsed = timer.elapsed();
    const QStringList types = format == Format::Json ? columnTypeNames(connection, result) : QStringList();
    printResult(inv.out, format, result, types, elapsed);
    return ExitOk;
}

} // namespace pgdesk::cli
