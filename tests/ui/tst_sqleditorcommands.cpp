// SPDX-License-Identifier: GPL-3.0-or-later
// The SQL editor's line and selection commands, by their keys in a query tool: Expand selection out from a
// name to the whole script and Shrink back, lines moved and copied up and down with the selection kept on
// them, each one undo step, the first and last lines left where they cannot go.
#include "querytoolfixture.h"
#include "testcluster.h"
#include "uitestmain.h"

#include "../../ui/src/query/sqleditor.h"

#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/query/querytool.h>

#include <QTest>

using namespace pgdesk;
using namespace pgdesk::ui;

class TestSqlEditorCommands final : public QObject, test::QueryToolFixture {
    Q_OBJECT
    std::unique_ptr<QueryTool> m_tool;

    SqlEditor* editor() { return m_tool->sqlEditor(); }
    void put(const QString& text, int anchor, int position) {
        m_tool->setSql(text);
        QTextCursor c = editor()->textCursor();
        c.setPosition(anchor);
        c.setPosition(position, QTextCursor::KeepAnchor);
        editor()->setTextCursor(c);
    }
    QString selected() {
        return editor()->textCursor().selectedText().replace(QChar::ParagraphSeparator, u'\n');
    }
    void keys(Qt::Key key, Qt::KeyboardModifiers modifiers) { QTest::keyClick(editor(), key, modifiers); }

private slots:
    void initTestCase() {
        QVERIFY(m_toolDir.isValid());
        m_toolPool = core::Pool::create(test::profile());
        m_tool = tool();
        m_tool->resize(800, 500);
        m_tool->show();
        QVERIFY(QTest::qWaitForWindowActive(m_tool.get()));
        editor()->setFocus();
    }
    void cleanupTestCase() {
        m_tool.reset();
        m_toolPool.reset();
    }

    void expandAndShrink() {
        const QString sql = QStringLiteral("select coalesce(o.total, 0) from orders o;\nselect 2");
        put(sql, 20, 20); // in "total"
        const Qt::KeyboardModifiers shiftAlt = Qt::ShiftModifier | Qt::AltModifier;
        QStringList seen;
        for (int i = 0; i < 7; ++i) {
            keys(Qt::Key_Right, shiftAlt);
            seen << selected();
        }
        QCOMPARE(seen, (QStringList{"total", "o.total", "o.total, 0", "(o.total, 0)",
                                    "select coalesce(o.total, 0) from orders o", sql, sql}));
        keys(Qt::Key_Left, shiftAlt);
        QCOMPARE(selected(), QStringLiteral("select coalesce(o.total, 0) from orders o"));
        keys(Qt::Key_Left, shiftAlt);
        keys(Qt::Key_Left, shiftAlt);
        QCOMPARE(selected(), QStringLiteral("o.total, 0"));
        // A selection made by hand in between starts a new series: Shrink has nothing to go back to.
        put(sql, 7, 15);
        keys(Qt::Key_Left, shiftAlt);
        QCOMPARE(selected(), QStringLiteral("coalesce"));
    }

    void linesMovedAndCopied() {
        put(QStringLiteral("one\ntwo\nthree\nfour"), 5, 9); // "wo\nt": lines two and three
        keys(Qt::Key_Up, Qt::AltModifier);
        QCOMPARE(m_tool->sql(), QStringLiteral("two\nthree\none\nfour"));
        QCOMPARE(selected(), QStringLiteral("wo\nt"));
        keys(Qt::Key_Up, Qt::AltModifier); // the first line already: nothing
        QCOMPARE(m_tool->sql(), QStringLiteral("two\nthree\none\nfour"));
        keys(Qt::Key_Down, Qt::AltModifier);
        keys(Qt::Key_Down, Qt::AltModifier);
        QCOMPARE(m_tool->sql(), QStringLiteral("one\nfour\ntwo\nthree"));
        keys(Qt::Key_Down, Qt::AltModifier); // the last line already
        QCOMPARE(m_tool->sql(), QStringLiteral("one\nfour\ntwo\nthree"));
        editor()->undo();
        QCOMPARE(m_tool->sql(), QStringLiteral("one\ntwo\nthree\nfour")); // one undo step per move: the last
    }

    void copies() {
        put(QStringLiteral("a\nb"), 0, 0);
        keys(Qt::Key_Down, Qt::ControlModifier | Qt::ShiftModifier | Qt::AltModifier);
        QCOMPARE(m_tool->sql(), QStringLiteral("a\na\nb"));
        QCOMPARE(editor()->textCursor().blockNumber(), 1); // on the copy
        keys(Qt::Key_Up, Qt::ControlModifier | Qt::ShiftModifier | Qt::AltModifier);
        QCOMPARE(m_tool->sql(), QStringLiteral("a\na\na\nb"));
        QCOMPARE(editor()->textCursor().blockNumber(), 1);
        editor()->undo();
        QCOMPARE(m_tool->sql(), QStringLiteral("a\na\nb"));
    }
};

PGDESK_UI_TEST_MAIN(TestSqlEditorCommands)
#include "tst_sqleditorcommands.moc"
