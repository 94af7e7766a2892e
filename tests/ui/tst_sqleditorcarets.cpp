// SPDX-License-Identifier: GPL-3.0-or-later
// Several carets in the SQL editor of a shown query tool, by their keys and the mouse: carets added above and
// below, by Ctrl+click and by Select next occurrence; a column selection by Shift+Alt+arrows and by
// Alt+drag, short lines included; typing, Backspace, Delete, moving, copy and paste (a line per caret when
// the clipboard has as many) at every caret, each key one undo step; Esc back to one caret; a 10,000-line
// column typed into at once.
#include "querytoolfixture.h"
#include "testcluster.h"
#include "uitestmain.h"

#include "../../ui/src/common/sqlhighlighter.h"
#include "../../ui/src/query/sqleditor.h"

#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/query/querytool.h>

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QScrollBar>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

using namespace pgdesk;
using namespace pgdesk::ui;

class TestSqlEditorCarets final : public QObject, test::QueryToolFixture {
    Q_OBJECT
    std::unique_ptr<QueryTool> m_tool;

    SqlEditor* editor() { return m_tool->sqlEditor(); }
    void put(const QString& text, int position) {
        editor()->clearCarets();
        m_tool->setSql(text);
        QTextCursor c = editor()->textCursor();
        c.setPosition(position);
        editor()->setTextCursor(c);
    }
    void key(Qt::Key k, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
        QTest::keyClick(editor(), k, modifiers);
    }
    QString text() { return editor()->toPlainText(); }
    // "select 0;" … one line each.
    static QString numberedSelects(int lines) {
        QStringList out;
        for (int i = 0; i < lines; ++i)
            out << QStringLiteral("select %1;").arg(i);
        return out.join(u'\n');
    }
    // The lines out of view had their turn with the highlighter.
    bool settled() {
        return QTest::qWaitFor([&] { return !editor()->highlighter()->hasDeferred(); });
    }
    // The line scrolled into view and painted: the editor colours lines as they are painted, and those
    // never in view have no colours.
    void show(int line) {
        editor()->verticalScrollBar()->setValue(line);
        editor()->viewport()->repaint();
    }
    // Where the line's first colour starts (-1: it has none).
    int colouredFrom(int line) {
        const auto formats = editor()->document()->findBlockByNumber(line).layout()->formats();
        return formats.isEmpty() ? -1 : formats.first().start;
    }
    // The line coloured as a comment from its start to its end.
    bool fullyComment(int line) {
        const QTextBlock block = editor()->document()->findBlockByNumber(line);
        const auto formats = block.layout()->formats();
        return formats.size() == 1 && formats.first().start == 0 &&
               formats.first().length == block.length() - 1;
    }
    // Where each caret is ("line:column"), top down.
    QStringList places() {
        QStringList out;
        for (const QTextCursor& c : editor()->carets())
            out << QStringLiteral("%1:%2").arg(c.blockNumber()).arg(c.positionInBlock());
        return out;
    }
    QPoint pointAt(int line, int column) {
        QTextCursor c(editor()->document());
        c.setPosition(editor()->document()->findBlockByNumber(line).position() + column);
        return editor()->cursorRect(c).center();
    }
    void undo() { key(Qt::Key_Z, Qt::ControlModifier); }

private slots:
    void initTestCase() {
        QVERIFY(m_toolDir.isValid());
        UiSettings::setVimMode(false);
        m_toolPool = core::Pool::create(test::profile());
        m_tool = tool();
        m_tool->resize(900, 600);
        m_tool->show();
        QVERIFY(QTest::qWaitForWindowActive(m_tool.get()));
        editor()->setFocus();
    }
    void cleanupTestCase() {
        m_tool.reset();
        m_toolPool.reset();
    }

    void aboveAndBelow() {
        const QString sql = QStringLiteral("select a\nselect bb\nselect c");
        put(sql, 6); // after the first "select"
        key(Qt::Key_Down, Qt::ControlModifier | Qt::AltModifier);
        key(Qt::Key_Down, Qt::ControlModifier | Qt::AltModifier);
        QCOMPARE(places(), (QStringList{"0:6", "1:6", "2:6"}));
        QTest::keyClicks(editor(), QStringLiteral("_x"));
        QCOMPARE(text(), QStringLiteral("select_x a\nselect_x bb\nselect_x c"));
        key(Qt::Key_End);
        key(Qt::Key_Backspace);
        QCOMPARE(text(), QStringLiteral("select_x \nselect_x b\nselect_x "));
        key(Qt::Key_Home);
        key(Qt::Key_Delete);
        QCOMPARE(text(), QStringLiteral("elect_x \nelect_x b\nelect_x "));
        // Each key one undo step: the Delete, the Backspace, then the two typed characters one by one.
        undo();
        QCOMPARE(text(), QStringLiteral("select_x \nselect_x b\nselect_x "));
        QCOMPARE(editor()->caretCount(), 1); // Ctrl+Z works on the main caret alone
        undo();
        undo();
        undo();
        QCOMPARE(text(), sql);
        put(sql, 15); // line 1: Ctrl+Alt+Up adds above the top one
        key(Qt::Key_Up, Qt::ControlModifier | Qt::AltModifier);
        key(Qt::Key_Up, Qt::ControlModifier | Qt::AltModifier); // none above the first line
        QCOMPARE(places(), (QStringList{"0:6", "1:6"}));
        key(Qt::Key_Escape);
        QCOMPARE(editor()->caretCount(), 1);
        QVERIFY(m_tool->isVisible()); // Esc ended the carets, nothing else
        // New text put in (a history entry, a file) ends them too: their places would mean nothing there.
        key(Qt::Key_Down, Qt::ControlModifier | Qt::AltModifier);
        QCOMPARE(editor()->caretCount(), 2);
        m_tool->setSql(QStringLiteral("x"));
        QCOMPARE(editor()->caretCount(), 1);
    }

    void ctrlClick() {
        put(QStringLiteral("a1 a2 a3"), 0);
        QTest::mouseClick(editor()->viewport(), Qt::LeftButton, Qt::ControlModifier, pointAt(0, 3));
        QTest::mouseClick(editor()->viewport(), Qt::LeftButton, Qt::ControlModifier, pointAt(0, 6));
        QCOMPARE(editor()->caretCount(), 3);
        QTest::keyClicks(editor(), QStringLiteral("#"));
        QCOMPARE(text(), QStringLiteral("#a1 #a2 #a3"));
        // A Ctrl+click on a caret takes it away; a plain click leaves one.
        QTest::mouseClick(editor()->viewport(), Qt::LeftButton, Qt::ControlModifier, pointAt(0, 5));
        QCOMPARE(editor()->caretCount(), 2);
        QTest::mouseClick(editor()->viewport(), Qt::LeftButton, Qt::NoModifier, pointAt(0, 0));
        QCOMPARE(editor()->caretCount(), 1);
    }

    void nextOccurrence() {
        put(QStringLiteral("select id, name, id, \"id\" from t where id > 0"), 8);
        const QList<QAction*> editorKeys = editor()->actions(); // the editor's own: a grid keeps its Ctrl+D
        const auto next = std::find_if(editorKeys.begin(), editorKeys.end(), [](QAction* a) {
            return a->objectName() == u"selectNextOccurrenceAction";
        });
        QVERIFY(next != editorKeys.end());
        QCOMPARE((*next)->shortcutContext(), Qt::WidgetShortcut);
        QCOMPARE((*next)->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_D));
        key(Qt::Key_D, Qt::ControlModifier);
        QCOMPARE(editor()->textCursor().selectedText(), QStringLiteral("id"));
        for (int i = 0; i < 5; ++i) // four "id" in all, then nothing more
            key(Qt::Key_D, Qt::ControlModifier);
        QCOMPARE(editor()->caretCount(), 4);
        QTest::keyClicks(editor(), QStringLiteral("key"));
        QCOMPARE(text(), QStringLiteral("select key, name, key, \"key\" from t where key > 0"));
        undo(); // a key, at all four carets, at a time
        QCOMPARE(text(), QStringLiteral("select ke, name, ke, \"ke\" from t where ke > 0"));
        undo();
        undo();
        QCOMPARE(text(), QStringLiteral("select id, name, id, \"id\" from t where id > 0"));
    }

    void columnByKeys() {
        put(QStringLiteral("abcdef\nab\nabcdef"), 1);
        const Qt::KeyboardModifiers block = Qt::ShiftModifier | Qt::AltModifier;
        key(Qt::Key_Down, block);
        key(Qt::Key_Down, block);
        for (int i = 0; i < 3; ++i)
            key(Qt::Key_Right, block);
        QStringList selected;
        for (const QTextCursor& c : editor()->carets())
            selected << c.selectedText();
        QCOMPARE(selected, (QStringList{"bcd", "b", "bcd"})); // the short line: to its end
        // Shift+Alt+Left in a column narrows it (without one it is Shrink selection), and Right widens it
        // back.
        key(Qt::Key_Left, block);
        QCOMPARE(editor()->textCursor().selectedText(), QStringLiteral("bc"));
        key(Qt::Key_Right, block);
        QCOMPARE(editor()->textCursor().selectedText(), QStringLiteral("bcd"));
        key(Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("bcd\nb\nbcd"));
        QTest::keyClicks(editor(), QStringLiteral("X"));
        QCOMPARE(text(), QStringLiteral("aXef\naX\naXef"));
        undo();
        QCOMPARE(text(), QStringLiteral("abcdef\nab\nabcdef"));
    }

    void columnByMouseAndPaste() {
        put(QStringLiteral("one = 1\ntwo = 2\nsix = 6"), 0);
        QTest::mousePress(editor()->viewport(), Qt::LeftButton, Qt::AltModifier,
                          pointAt(0, 0) - QPoint(2, 0));
        QMouseEvent move(QEvent::MouseMove, pointAt(2, 3) - QPoint(2, 0),
                         editor()->viewport()->mapToGlobal(pointAt(2, 3)), Qt::NoButton, Qt::LeftButton,
                         Qt::AltModifier);
        QCoreApplication::sendEvent(editor()->viewport(), &move);
        QTest::mouseRelease(editor()->viewport(), Qt::LeftButton, Qt::AltModifier, pointAt(2, 3));
        QCOMPARE(editor()->caretCount(), 3);
        QCOMPARE(editor()->textCursor().selectedText(), QStringLiteral("six"));
        key(Qt::Key_X, Qt::ControlModifier); // cut
        QCOMPARE(text(), QStringLiteral(" = 1\n = 2\n = 6"));
        // As many lines as carets: one each.
        QGuiApplication::clipboard()->setText(QStringLiteral("a\nbb\nccc\n"));
        key(Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(text(), QStringLiteral("a = 1\nbb = 2\nccc = 6"));
        // Otherwise the whole text at each.
        QGuiApplication::clipboard()->setText(QStringLiteral("x"));
        key(Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(text(), QStringLiteral("ax = 1\nbbx = 2\ncccx = 6"));
        key(Qt::Key_Left, Qt::ShiftModifier);
        key(Qt::Key_Delete);
        QCOMPARE(text(), QStringLiteral("a = 1\nbb = 2\nccc = 6"));
        key(Qt::Key_Escape);
        QCOMPARE(editor()->caretCount(), 1);
    }

    // A comment opened in a column carries its state down every line, and below the column too, once the
    // lines out of view have had their turn; undoing it takes that back.
    void columnOpensAComment() {
        const QString sql = numberedSelects(3000);
        put(sql, 0);
        editor()->selectColumns(QPoint(0, 0), QPoint(0, 1999)); // the column ends 1,000 lines above the end
        QTest::keyClick(editor(), Qt::Key_Slash);
        QTest::keyClick(editor(), Qt::Key_Asterisk);
        QCOMPARE(text().split(u'\n').value(1999), QStringLiteral("/*select 1999;"));
        QVERIFY(settled());
        show(1500);
        QVERIFY(fullyComment(1500));
        show(2999);
        QVERIFY(fullyComment(2999)); // below the column: still inside the comment
        key(Qt::Key_Escape);
        undo();
        QCOMPARE(text().split(u'\n').value(2999), QStringLiteral("select 2999;"));
        QVERIFY(settled());
        show(2999);
        QVERIFY(!fullyComment(2999));
        show(1500);
        QVERIFY(!fullyComment(1500));
        undo();
        QCOMPARE(text(), sql);
    }

    void tenThousandLines() {
        const QString sql = numberedSelects(10000);
        put(sql, 0);
        show(0);
        QCOMPARE(colouredFrom(10), 0); // painted
        editor()->selectColumns(QPoint(0, 0), QPoint(0, 9999));
        QCOMPARE(editor()->caretCount(), 10000);
        const int top = editor()->cursorForPosition(QPoint(2, 2)).blockNumber();
        QVERIFY(top > 200);               // the view at the column's end
        QCOMPARE(colouredFrom(9000), -1); // never in view: no colours
        QTest::keyClick(editor(), Qt::Key_Minus);
        // The lines in view are coloured with the key; those out of view keep their colours until their turn
        // comes, from the event loop, which leaves them their lexer states alone ("-select": from 1).
        editor()->viewport()->repaint();
        QCOMPARE(colouredFrom(top), 1);
        QCOMPARE(colouredFrom(10), 0);
        QTRY_COMPARE(colouredFrom(10), -1);
        QVERIFY(settled());
        // Nor laid out: a line is shaped when painted, not when the highlighter visits it out of view.
        QCOMPARE(editor()->document()->findBlockByNumber(5000).layout()->lineCount(), 0);
        QCOMPARE(colouredFrom(9000), -1);
        show(9000);
        QCOMPARE(colouredFrom(9000), 1);
        show(top);
        QTest::keyClick(editor(), Qt::Key_Minus);
        const QStringList after = text().split(u'\n');
        QCOMPARE(after.size(), 10000);
        QVERIFY(std::all_of(after.begin(), after.end(),
                            [](const QString& l) { return l.startsWith(u"--select "); }));
        // Comments now, every line in the end; and the selection of a widened column is drawn only in view
        // (the document would drag 10,000 cursors through every later edit).
        editor()->viewport()->repaint();
        QVERIFY(fullyComment(9999)); // in view
        QVERIFY(settled());
        show(5000);
        QVERIFY(fullyComment(5000));
        show(0);
        QVERIFY(fullyComment(0));
        editor()->selectColumns(QPoint(0, 0), QPoint(2, 9999));
        QCOMPARE(editor()->caretCount(), 10000);
        const auto shownLines = [&] {
            QList<int> lines;
            for (const QTextEdit::ExtraSelection& s : editor()->extraSelections())
                lines << s.cursor.blockNumber();
            return lines;
        };
        const int bottom = editor()->cursorForPosition(QPoint(2, 2)).blockNumber();
        QVERIFY(shownLines().contains(bottom));
        QVERIFY(shownLines().size() < 200);
        editor()->verticalScrollBar()->setValue(0); // scrolled: the pieces then in view are drawn
        QTRY_VERIFY(shownLines().contains(0));
        QVERIFY(shownLines().size() < 200);
        QCOMPARE(editor()->carets().first().selectedText(), QStringLiteral("--"));
        key(Qt::Key_Escape);
        // Undo changes every line too: those out of view keep their colours until their turn.
        show(5000);
        editor()->verticalScrollBar()->setValue(0);
        undo();
        QCOMPARE(text().split(u'\n').value(5000), QStringLiteral("-select 5000;"));
        QCOMPARE(colouredFrom(5000), 0); // still the comment's
        QTRY_COMPARE(colouredFrom(5000), -1);
        show(5000);
        QCOMPARE(colouredFrom(5000), 1);
        undo();
        QCOMPARE(text(), sql);
        QVERIFY(settled());
        show(5000);
        QCOMPARE(colouredFrom(5000), 0);                         // "select" again
        key(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier); // redo
        QCOMPARE(text().split(u'\n').value(5000), QStringLiteral("-select 5000;"));
        QVERIFY(settled());
        show(5000);
        QCOMPARE(colouredFrom(5000), 1);
    }
};

PGDESK_UI_TEST_MAIN(TestSqlEditorCarets)
#include "tst_sqleditorcarets.moc"
