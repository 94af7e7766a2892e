// SPDX-License-Identifier: GPL-3.0-or-later
// Editor typing benchmark (make bench, no server): the GUI work of one key in the real SqlEditor
// (offscreen), from the key event to the repainted viewport, in a 50,000-line script. Prints one JSON line.
//
//   one_caret_*        a key typed with one caret: today's editor, the figure the others stand beside
//   ten_carets_*       with 10 carets, 5,000 lines apart (the main one in view)
//   column_extend_*    Shift+Alt+Down growing a column selection line by line to 10,000 lines (every
//                      100th key timed)
//   column_10000_*     typing into that column selection of 10,000 lines (10,000 carets): the key to its
//                      repainted view; column_10000_after_*: what it leaves to the event loop (colouring the
//                      lines out of view), which keys typed meanwhile do not wait for
//   column_10000_undo_* Ctrl+Z of those keys, one by one (each changes the 10,000 lines back)
//   vim_insert_*       vim mode, insert mode: each key through core's VimEngine
//   vim_normal_*       vim mode, normal mode: "j", "x", "u" in turn (a motion, a change, an undo)
// Each: median, 95th percentile and worst over --keys keys, in ms. Goal: 16 ms (one frame) per key.
#include "../../ui/src/query/sqleditor.h"

#include <pgdesk/core/textedit/vim.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTextBlock>

#include <algorithm>
#include <cstdio>

namespace {

double percentile(QList<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[std::min<qsizetype>(v.size() - 1, qsizetype(p * double(v.size())))];
}

QString script(int lines) {
    QStringList out;
    out.reserve(lines);
    for (int i = 0; i < lines; ++i)
        out << QStringLiteral(
                   "select o.id, o.total, c.name from orders o join customers c on c.id = o.customer_id "
                   "where o.id = %1;")
                   .arg(i);
    return out.join(u'\n');
}

// One key's whole GUI work: the event, what it queues, and painting the viewport.
double timedKey(pgdesk::ui::SqlEditor& editor, Qt::Key key, char text = 0) {
    QElapsedTimer t;
    t.start();
    if (text)
        QTest::keyClick(&editor, text);
    else
        QTest::keyClick(&editor, key);
    QCoreApplication::processEvents();
    editor.viewport()->repaint();
    return double(t.nsecsElapsed()) / 1e6;
}

void place(pgdesk::ui::SqlEditor& editor, int line, int column) {
    QTextCursor c(editor.document());
    c.setPosition(editor.document()->findBlockByNumber(line).position() + column);
    editor.setTextCursor(c);
}

void report(QJsonObject& out, const QString& name, const QList<double>& ms) {
    out[name + QStringLiteral("_median_ms")] = percentile(ms, 0.5);
    out[name + QStringLiteral("_p95_ms")] = percentile(ms, 0.95);
    out[name + QStringLiteral("_max_ms")] = *std::max_element(ms.begin(), ms.end());
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("lines"), QStringLiteral("Lines of the script."), QStringLiteral("n"),
                      QStringLiteral("50000")});
    parser.addOption({QStringLiteral("keys"), QStringLiteral("Keys typed per case."), QStringLiteral("n"),
                      QStringLiteral("200")});
    parser.process(app);
    const int lines = parser.value(QStringLiteral("lines")).toInt();
    const int keys = parser.value(QStringLiteral("keys")).toInt();
    const QString text = script(lines);
    QJsonObject out{{QStringLiteral("lines"), lines}, {QStringLiteral("keys"), keys}};
    const QString typed = QStringLiteral("coalesce(o.discount, 0) + ");

    pgdesk::ui::SqlEditor editor;
    editor.setVimMode(false);
    editor.resize(1200, 800);
    editor.show();
    editor.setPlainText(text);
    QCoreApplication::processEvents();

    auto typeKeys = [&](int n) {
        QList<double> ms;
        for (int i = 0; i < n; ++i)
            ms << timedKey(editor, Qt::Key_unknown, typed[i % typed.size()].toLatin1());
        return ms;
    };

    place(editor, lines / 2, 7);
    editor.ensureCursorVisible();
    report(out, QStringLiteral("one_caret"), typeKeys(keys));

    editor.setPlainText(text);
    place(editor, 0, 7);
    for (int i = 1; i < 10; ++i) { // 10 carets, 5,000 lines apart
        QTextCursor c(editor.document());
        c.setPosition(editor.document()->findBlockByNumber(std::min(lines - 1, i * lines / 10)).position() +
                      7);
        editor.toggleCaretAt(c.position());
    }
    place(editor, 0, 7); // the main caret back in view; the others stay
    if (editor.caretCount() != 10) {
        std::fprintf(stderr, "bench-editor: %d carets, not 10\n", int(editor.caretCount()));
        return 1;
    }
    report(out, QStringLiteral("ten_carets"), typeKeys(keys));
    editor.clearCarets();

    editor.setPlainText(text);
    // The column made by its key: Shift+Alt+Down from the first line to the 10,000th, each key timed.
    place(editor, 0, 7);
    QList<double> extend;
    const int columnLines = std::min(lines, 10000);
    for (int i = 1; i < columnLines; ++i) {
        QElapsedTimer t;
        t.start();
        QTest::keyClick(&editor, Qt::Key_Down, Qt::ShiftModifier | Qt::AltModifier);
        QCoreApplication::processEvents();
        editor.viewport()->repaint();
        if (i % 100 == 0 || i == columnLines - 1) // every 100th: the whole run would take minutes
            extend << double(t.nsecsElapsed()) / 1e6;
        else
            continue;
    }
    report(out, QStringLiteral("column_extend"), extend);
    QTest::keyClick(&editor, Qt::Key_Right, Qt::ShiftModifier | Qt::AltModifier);
    if (editor.caretCount() != columnLines) {
        std::fprintf(stderr, "bench-editor: %d carets in the column, not %d\n", int(editor.caretCount()),
                     columnLines);
        return 1;
    }
    // The key to its repainted view; then, apart, what the key leaves for the event loop (the lines out of
    // view coloured a few hundred at a time), before the next key.
    QList<double> column, columnAfter;
    QCoreApplication::processEvents();
    for (int i = 0; i < std::max(10, keys / 10); ++i) { // 10,000 insertions a key: fewer keys
        QElapsedTimer t;
        t.start();
        QTest::keyClick(&editor, typed[i % typed.size()].toLatin1());
        editor.viewport()->repaint();
        column << double(t.nsecsElapsed()) / 1e6;
        t.restart();
        QCoreApplication::processEvents();
        columnAfter << double(t.nsecsElapsed()) / 1e6;
    }
    report(out, QStringLiteral("column_10000"), column);
    report(out, QStringLiteral("column_10000_after"), columnAfter);
    // Ctrl+Z of those keys, each changing the 10,000 lines back: to its repainted view, as a key (the
    // colouring it leaves to the event loop apart, as above).
    QList<double> undo;
    for (int i = 0; i < std::max(10, keys / 10); ++i) {
        QElapsedTimer t;
        t.start();
        QTest::keyClick(&editor, Qt::Key_Z, Qt::ControlModifier);
        editor.viewport()->repaint();
        undo << double(t.nsecsElapsed()) / 1e6;
        QCoreApplication::processEvents();
    }
    report(out, QStringLiteral("column_10000_undo"), undo);
    editor.clearCarets();

    editor.setPlainText(text);
    editor.setVimMode(true);
    place(editor, lines / 2, 7);
    editor.ensureCursorVisible();
    timedKey(editor, Qt::Key_unknown, 'i');
    report(out, QStringLiteral("vim_insert"), typeKeys(keys));
    timedKey(editor, Qt::Key_Escape);
    QList<double> normal;
    const char normalKeys[] = {'j', 'x', 'u'};
    for (int i = 0; i < keys; ++i)
        normal << timedKey(editor, Qt::Key_unknown, normalKeys[i % 3]);
    report(out, QStringLiteral("vim_normal"), normal);
    if (editor.vim()->mode() != pgdesk::core::VimEngine::Mode::Normal) {
        std::fprintf(stderr, "bench-editor: vim not back in normal mode\n");
        return 1;
    }

    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
