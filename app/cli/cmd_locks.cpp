// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"
#include "connect.h"
#include "exitcodes.h"
#include "locksjson.h"
#include "output.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/schema/lockanalysis.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace pgdesk::cli {

namespace {

QString sizeText(qint64 bytes) {
    return bytes < 0 ? QStringLiteral("size unknown") : QLocale::c().formattedDataSize(bytes);
}

void printText(QTextStream& out, const core::StatementLocks& s, int index, int line, bool traced) {
    out << index << ". line " << line << ": " << (s.operation.isEmpty() ? QStringLiteral("?") : s.operation)
        << (s.transactional ? QString() : QStringLiteral(" (outside a transaction)")) << '\n';
    out << "   " << s.sql.simplified().left(200) << '\n';
    for (const core::RelationLock& l : s.locks)
        out << "   " << core::lockModeName(l.mode) << " on " << l.relation << " (" << sizeText(l.bytes)
            << "): " << core::lockModeEffect(l.mode) << '\n';
    if (s.locks.isEmpty() && s.recognized)
        out << "   no lock that blocks a table's reads or writes\n";
    for (const QString& r : s.rewrites)
        out << "   rewrites " << r << '\n';
    for (const QString& r : s.scans)
        out << "   reads all of " << r << '\n';
    if (s.seconds >= 0.5)
        out << "   about " << qRound(s.seconds) << " s of rewriting and scanning (at 100 MB/s)\n";
    for (const QString& n : s.notes)
        out << "   " << n << '\n';
    if (!s.safer.isEmpty())
        out << "   " << QString(s.safer).replace(QLatin1Char('\n'), QLatin1String("\n   ")) << '\n';
    if (!traced)
        return;
    if (!s.traced) {
        out << "   trace: " << s.traceNote << '\n';
        return;
    }
    QStringList seen;
    for (const core::RelationLock& l : s.tracedLocks)
        seen << core::lockModeName(l.mode) + QStringLiteral(" on ") + l.relation;
    out << "   trace: "
        << (seen.isEmpty() ? QStringLiteral("no new table lock") : seen.join(QStringLiteral(", ")))
        << (s.tracedRewrites.isEmpty() ? QString()
                                       : QStringLiteral("; rewrote ") + s.tracedRewrites.join(u' '))
        << '\n';
    if (!s.tracedSequences.isEmpty())
        out << "   advanced, and not rolled back (nextval stays done): " << s.tracedSequences.join(u' ')
            << '\n';
    if (!s.traceNote.isEmpty())
        out << "   " << s.traceNote << '\n';
    for (const QString& d : s.disagreements)
        out << "   DISAGREES: " << d << '\n';
}

} // namespace

// locks (--query SQL | --file F) [--trace] [--format text|json]: the lock each statement takes on each
// table, rewrites and scans, without running anything unless --trace.
int cmdLocks(Invocation& inv) {
    QString sql;
    QString file;
    bool query = false;
    bool trace = false;
    for (qsizetype i = 0; i < inv.args.size(); ++i) {
        const QString& a = inv.args[i];
        if (a == QLatin1String("--query")) {
            sql = optionValue(inv.args, i);
            query = true;
        } else if (a == QLatin1String("--file") || a == QLatin1String("-f")) {
            file = optionValue(inv.args, i);
        } else if (a == QLatin1String("--trace")) {
            trace = true;
        } else {
            throw UsageError{QStringLiteral("locks: unexpected argument \"%1\"").arg(a)};
        }
    }
    if (int(query) + int(!file.isEmpty()) != 1)
        throw UsageError{QStringLiteral("locks takes one of --query SQL or --file FILE")};
    const QString format = inv.global.format.isEmpty() ? QStringLiteral("text") : inv.global.format;
    if (format != QLatin1String("text") && format != QLatin1String("json"))
        throw UsageError{QStringLiteral("locks: --format takes text or json, not \"%1\"").arg(format)};
    if (!file.isEmpty()) {
        QFile f;
        if (!openInput(f, file))
            core::throwConfigurationError(QStringLiteral("file"),
                                          QStringLiteral("cannot read %1: %2").arg(file, f.errorString()));
        sql = QString::fromUtf8(f.readAll());
    }
    auto connection = connect(inv);
    core::LockAnalyzer analyzer(connection);
    const QList<core::StatementLocks> result = trace ? analyzer.trace(sql) : analyzer.analyze(sql);
    if (format == QLatin1String("json")) {
        printJson(inv.out, scriptLocksJson(sql, result, trace));
    } else {
        int index = 0;
        for (const core::StatementLocks& s : result) {
            if (index)
                inv.out << '\n';
            printText(inv.out, s, ++index, lineOfOffset(sql, s.offset), trace);
        }
    }
    return ExitOk;
}

} // namespace pgdesk::cli
