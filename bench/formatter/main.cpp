// SPDX-License-Identifier: GPL-3.0-or-later
// Formatter benchmark (make bench): how fast core::formatSql lays out a large script, and how long Format
// SQL (Ctrl+Shift+F) holds the query tool's GUI thread, printing one JSON line. No server needed.
//
//   input_bytes, format_ms, format_mb_per_s
//                       core::formatSql on one script of at least --mb MB (UTF-8): the given files, else
//                       every *.sql under /usr/share/postgresql/15/extension, concatenated (in name order)
//                       and repeated until large enough; median of --runs after a warm-up
//   lex_ms, lex_mb_per_s
//                       core::tokenizeSql alone on the same text: the floor the formatter builds on
//   editor_bytes, editor_format_ms, editor_longest_stall_ms
//                       SqlEditor::formatSql (what the menu item and the shortcut call) on --editor-mb MB
//                       of that script in the real editor (offscreen, highlighter on): the time until the
//                       formatted text is shown, and the longest time within it that the window did not
//                       answer (the event loop did not turn); medians of --runs
//   editor_load_ms      putting that text into the editor (setPlainText, as opening the file does): the
//                       floor for the stall, which is Qt laying out and highlighting the new text
#include <pgdesk/core/sqltext/sqlformatter.h>
#include <pgdesk/core/sqltext/statementsplitter.h>

#include "../../ui/src/query/sqleditor.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>

namespace {

[[noreturn]] void fail(const QString& message) {
    std::fprintf(stderr, "bench-formatter: %s\n", qPrintable(message));
    std::exit(1);
}

double median(QList<double> v) {
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}

template <typename Fn> QList<double> timed(int runs, Fn&& fn) {
    QList<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        fn();
        ms << double(t.nsecsElapsed()) / 1e6;
    }
    return ms;
}

// The files' text, concatenated and repeated until it holds `minBytes` bytes of UTF-8.
QString corpus(QStringList files, qint64 minBytes) {
    if (files.isEmpty()) {
        const QDir ext(QStringLiteral("/usr/share/postgresql/15/extension"));
        for (const QString& f : ext.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name))
            files << ext.filePath(f);
    }
    if (files.isEmpty())
        fail(QStringLiteral("no input: give SQL files, or install postgresql-15"));
    QByteArray one;
    for (const QString& path : files) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            fail(path + QStringLiteral(": ") + f.errorString());
        one += f.readAll();
        one += '\n';
    }
    QByteArray all = one;
    while (all.size() < minBytes)
        all += one;
    return QString::fromUtf8(all);
}

// The first `bytes` bytes' worth of `text`, cut at a line end (0: all of it).
QString head(const QString& text, qint64 bytes) {
    if (bytes <= 0)
        return text;
    qsizetype cut = std::min<qsizetype>(text.size(), bytes);
    while (cut < text.size() && text.at(cut - 1) != QLatin1Char('\n'))
        ++cut;
    return text.left(cut);
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("mb"), QStringLiteral("Size of the script to format, in MB."),
                      QStringLiteral("n"), QStringLiteral("10")});
    parser.addOption({QStringLiteral("editor-mb"),
                      QStringLiteral("Size of the text formatted in the editor."), QStringLiteral("n"),
                      QStringLiteral("1")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Timed runs (after one warm-up)."),
                      QStringLiteral("n"), QStringLiteral("3")});
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QStringLiteral("SQL files (default: PostgreSQL's)."));
    parser.process(app);
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    const double mb = 1e6;

    const QString sql =
        corpus(parser.positionalArguments(), qint64(parser.value(QStringLiteral("mb")).toDouble() * mb));
    const double bytes = double(sql.toUtf8().size());
    QString formatted = pgdesk::core::formatSql(sql); // warm-up
    if (formatted.size() < sql.size() / 2)
        fail(QStringLiteral("the formatter lost text"));
    const QList<double> format = timed(runs, [&] { formatted = pgdesk::core::formatSql(sql); });
    qsizetype tokens = 0;
    const QList<double> lex = timed(runs, [&] {
        pgdesk::core::SqlLexState state;
        tokens = pgdesk::core::tokenizeSql(sql, state).size();
    });

    const QString part = head(sql, qint64(parser.value(QStringLiteral("editor-mb")).toDouble() * mb));
    pgdesk::ui::SqlEditor editor;
    editor.resize(900, 600);
    editor.show();
    if (!QTest::qWaitForWindowExposed(&editor))
        fail(QStringLiteral("the editor was not shown"));
    // The longest time the event loop did not turn between Format SQL and the formatted text shown: a timer
    // that should fire every millisecond records the biggest gap.
    QList<double> inEditor, stalls, loads;
    for (int i = 0; i < runs; ++i) {
        editor.clear();
        QCoreApplication::processEvents();
        loads << timed(1, [&] {
                     editor.setPlainText(part);
                     QCoreApplication::processEvents();
                 }).first();
        QElapsedTimer total, gap;
        double worst = 0;
        QTimer tick;
        tick.setInterval(1);
        QObject::connect(&tick, &QTimer::timeout, [&] {
            worst = std::max(worst, double(gap.nsecsElapsed()) / 1e6);
            gap.restart();
        });
        total.start();
        gap.start();
        tick.start();
        editor.formatSql();
        worst = std::max(worst, double(gap.nsecsElapsed()) / 1e6);
        gap.restart();
        while (editor.isFormatting())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        QCoreApplication::processEvents(); // the repaint after the edit
        worst = std::max(worst, double(gap.nsecsElapsed()) / 1e6);
        tick.stop();
        inEditor << double(total.nsecsElapsed()) / 1e6;
        stalls << worst;
        if (editor.toPlainText().size() < part.size() / 2)
            fail(QStringLiteral("the editor lost text"));
    }

    QJsonObject out{{QStringLiteral("input_bytes"), bytes},
                    {QStringLiteral("tokens"), double(tokens)},
                    {QStringLiteral("format_ms"), median(format)},
                    {QStringLiteral("format_mb_per_s"), bytes / mb / (median(format) / 1000)},
                    {QStringLiteral("lex_ms"), median(lex)},
                    {QStringLiteral("lex_mb_per_s"), bytes / mb / (median(lex) / 1000)},
                    {QStringLiteral("editor_bytes"), double(part.toUtf8().size())},
                    {QStringLiteral("editor_format_ms"), median(inEditor)},
                    {QStringLiteral("editor_longest_stall_ms"), median(stalls)},
                    {QStringLiteral("editor_load_ms"), median(loads)}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
