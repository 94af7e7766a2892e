// SPDX-License-Identifier: GPL-3.0-or-later
// Snippets in the query tool: inserted with their first stop selected, Tab and Shift+Tab from stop to stop
// with what is typed kept, a number's other places following it, Esc and the end stop leaving the snippet,
// one Undo taking the insertion back; offered by completion after the names and keywords (`sel` + Tab is
// still SELECT), listed by Ctrl+J; saved from the tool into the user's folder and offered from there.
#include "querytoolfixture.h"
#include "testcluster.h"
#include "uitestmain.h"

#include "../../ui/src/query/completionlistmodel.h"
#include "../../ui/src/query/completionsource.h"
#include "../../ui/src/query/snippetlibrary.h"
#include "../../ui/src/query/snippetsavedialog.h"
#include "../../ui/src/query/sqlcompleter.h"
#include "../../ui/src/query/sqleditor.h"

#include <pgdesk/core/completion/snippets.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/query/querytool.h>

#include <QAction>
#include <QFile>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace pgdesk;
using namespace pgdesk::ui;

class TestSqlSnippets final : public QObject, test::QueryToolFixture {
    Q_OBJECT
    QTemporaryDir m_snippets;

    std::unique_ptr<QueryTool> readyTool() {
        auto t = tool();
        t->resize(900, 600);
        t->show();
        if (!QTest::qWaitForWindowActive(t.get()))
            return nullptr;
        t->sqlEditor()->setFocus();
        t->completer()->source()->ensureLoaded();
        QSignalSpy loaded(t->completer()->source(), &CompletionSource::catalogChanged);
        if (!t->completer()->source()->catalog() && !loaded.wait(20000))
            return nullptr;
        return t;
    }
    static QString selected(const SqlEditor& e) { return e.textCursor().selectedText(); }

private slots:
    void initTestCase() {
        QVERIFY(m_toolDir.isValid() && m_snippets.isValid());
        SnippetLibrary::instance().setFolder(m_snippets.path());
        m_toolPool = core::Pool::create(test::profile());
    }
    void cleanupTestCase() { m_toolPool.reset(); }

    void tabFromStopToStop() {
        SqlEditor editor;
        editor.setPlainText(QStringLiteral("-- before\n"));
        editor.moveCursor(QTextCursor::End);
        editor.insertSnippet(
            core::expandSnippet(QStringLiteral("SELECT ${2:*} FROM ${1:t} WHERE ${3:true};$0")));
        QVERIFY(editor.isInSnippet());
        QCOMPARE(editor.snippetStop(), 1);
        QCOMPARE(selected(editor), QStringLiteral("t"));
        QTest::keyClicks(&editor, QStringLiteral("orders"));
        QTest::keyClick(&editor, Qt::Key_Tab);
        QCOMPARE(selected(editor), QStringLiteral("*"));
        QTest::keyClicks(&editor, QStringLiteral("id, total"));
        QTest::keyClick(&editor, Qt::Key_Tab);
        QCOMPARE(selected(editor), QStringLiteral("true"));
        QTest::keyClick(&editor, Qt::Key_Backtab); // back: what was typed there is the stop now
        QCOMPARE(selected(editor), QStringLiteral("id, total"));
        QTest::keyClick(&editor, Qt::Key_Tab);
        QTest::keyClicks(&editor, QStringLiteral("total > 0"));
        QTest::keyClick(&editor, Qt::Key_Tab); // the end stop: the snippet is done
        QVERIFY(!editor.isInSnippet());
        QCOMPARE(editor.toPlainText(),
                 QStringLiteral("-- before\nSELECT id, total FROM orders WHERE total > 0;"));
        QCOMPARE(editor.textCursor().position(), editor.toPlainText().size());
        QTest::keyClick(&editor, Qt::Key_Tab); // outside a snippet Tab is a tab again
        QVERIFY(editor.toPlainText().endsWith(u'\t'));
    }

    void laterLinesTakeTheLinesIndentation() {
        SqlEditor editor;
        editor.setPlainText(QStringLiteral("BEGIN;\n    "));
        editor.moveCursor(QTextCursor::End);
        editor.insertSnippet(
            core::expandSnippet(QStringLiteral("UPDATE ${1:t}\nSET ${2:c} = 1\nWHERE ${3:true};")));
        QCOMPARE(editor.toPlainText(),
                 QStringLiteral("BEGIN;\n    UPDATE t\n    SET c = 1\n    WHERE true;"));
        QCOMPARE(selected(editor), QStringLiteral("t"));
        QTest::keyClick(&editor, Qt::Key_Tab);
        QCOMPARE(selected(editor), QStringLiteral("c"));
        QTest::keyClick(&editor, Qt::Key_Tab);
        QCOMPARE(selected(editor), QStringLiteral("true"));
    }

    void aNumbersPlacesFollowIt() {
        SqlEditor editor;
        editor.insertSnippet(
            core::expandSnippet(QStringLiteral("WITH ${1:n} AS (${2:SELECT 1}) SELECT * FROM $1;")));
        QTest::keyClicks(&editor, QStringLiteral("recent"));
        QTest::keyClick(&editor, Qt::Key_Tab);
        QCOMPARE(editor.toPlainText(), QStringLiteral("WITH recent AS (SELECT 1) SELECT * FROM recent;"));
        QCOMPARE(selected(editor), QStringLiteral("SELECT 1"));
        QTest::keyClick(&editor, Qt::Key_Escape);
        QVERIFY(!editor.isInSnippet());
        // One undo step for the insertion (the typing has its own).
        editor.selectAll();
        editor.insertPlainText(QString());
        editor.insertSnippet(core::expandSnippet(QStringLiteral("SELECT ${1:x};")));
        QCOMPARE(editor.toPlainText(), QStringLiteral("SELECT x;"));
        editor.undo();
        QCOMPARE(editor.toPlainText(), QString());
    }

    void offeredByCompletion() {
        auto t = readyTool();
        QVERIFY(t);
        t->setSql(QStringLiteral("blocki"));
        t->sqlEditor()->moveCursor(QTextCursor::End);
        QTest::keyClick(t->sqlEditor(), Qt::Key_Space, Qt::ControlModifier);
        QTRY_VERIFY(t->completer()->isPopupVisible());
        QCOMPARE(t->completer()->labels(), QStringList{QStringLiteral("blocking")});
        QTest::keyClick(t->sqlEditor(), Qt::Key_Return);
        QVERIFY(t->sql().startsWith(QStringLiteral("SELECT blocked.pid AS blocked_pid")));
        QVERIFY(!t->sql().contains(QStringLiteral("$0")));

        // `sel` + Tab stays SELECT; the snippet is there, after it.
        t->setSql(QStringLiteral("sel"));
        t->sqlEditor()->moveCursor(QTextCursor::End);
        QTest::keyClick(t->sqlEditor(), Qt::Key_Space, Qt::ControlModifier);
        QTRY_VERIFY(t->completer()->isPopupVisible());
        QCOMPARE(t->completer()->labels().constFirst(), QStringLiteral("SELECT"));
        QVERIFY(t->completer()->labels().contains(QStringLiteral("sel")));
        QTest::keyClick(t->sqlEditor(), Qt::Key_Tab);
        QCOMPARE(t->sql(), QStringLiteral("select"));

        // Not inside a string or a comment.
        t->setSql(QStringLiteral("select 'blocki"));
        t->sqlEditor()->moveCursor(QTextCursor::End);
        QTest::keyClick(t->sqlEditor(), Qt::Key_Space, Qt::ControlModifier);
        QTest::qWait(50);
        QVERIFY(!t->completer()->labels().contains(QStringLiteral("blocking")));

        // Ctrl+J lists the library.
        t->setSql(QString());
        QTest::keyClick(t->sqlEditor(), Qt::Key_J, Qt::ControlModifier);
        QTRY_VERIFY(t->completer()->isPopupVisible());
        QCOMPARE(t->completer()->labels().size(), core::shippedSnippets().size());
        QTest::keyClick(t->sqlEditor(), Qt::Key_Escape);
    }

    void savedFromTheToolAndOfferedFromTheFolder() {
        auto t = readyTool();
        QVERIFY(t);
        t->setSql(QStringLiteral("SELECT count(*) FROM orders WHERE day = current_date"));
        t->sqlEditor()->selectAll();
        t->findChild<QAction*>(QStringLiteral("saveSnippetAction"))->trigger();
        auto* dialog = t->findChild<SnippetSaveDialog*>();
        QVERIFY(dialog);
        QVERIFY(!dialog->saveButton()->isEnabled()); // no name yet
        dialog->nameEdit()->setText(QStringLiteral("Orders today"));
        QCOMPARE(dialog->prefixEdit()->text(), QStringLiteral("orders_today"));
        dialog->descriptionEdit()->setText(QStringLiteral("how many orders came in today"));
        QVERIFY(dialog->saveButton()->isEnabled());
        QSignalSpy saved(dialog, &SnippetSaveDialog::saved);
        QVERIFY(dialog->save());
        QCOMPARE(saved.size(), 1);
        QFile file(saved.first().first().toString());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()),
                 QStringLiteral(
                     "-- name: Orders today\n-- prefix: orders_today\n-- description: how many orders came "
                     "in today\nSELECT count(*) FROM orders WHERE day = current_date\n"));
        t->setSql(QStringLiteral("orders_t"));
        t->sqlEditor()->moveCursor(QTextCursor::End);
        QTest::keyClick(t->sqlEditor(), Qt::Key_Space, Qt::ControlModifier);
        QTRY_VERIFY(t->completer()->isPopupVisible());
        QVERIFY(t->completer()->labels().contains(QStringLiteral("orders_today")));
    }
};

PGDESK_UI_TEST_MAIN(TestSqlSnippets)
#include "tst_sqlsnippets.moc"
