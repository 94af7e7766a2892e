// SPDX-License-Identifier: GPL-3.0-or-later
// The query tool's files and editor, offscreen against the real server: open / save (exact bytes, line
// endings kept), the tab title's modified mark, outside changes read again, find / replace with regular
// expressions, comment / indent / go to line / Format SQL as single undo steps, and unsaved text autosaved
// and offered back after the process was killed (a child run of this binary, SIGKILLed).
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/sqltext/sqlformatter.h>
#include <pgdesk/ui/query/queryfeature.h>
#include <pgdesk/ui/query/querytool.h>
#include <pgdesk/ui/shell/mainwindow.h>

#include "../../ui/src/query/findbar.h"
#include "../../ui/src/query/queryfile.h"
#include "../../ui/src/query/sqleditor.h"

#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSaveFile>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>

#include <csignal>

using pgdesk::ui::QueryTool;

namespace {

// Unicode, a tab, a no-break space (kept as it is), a comment: what the recovered text must equal.
const QString kCrashText = QStringLiteral("select 'crash ✓';\n\tselect\u00a02; -- ü\n");

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// The child: a window on the test server, a query tool with typed text, autosaved; then it waits to be
// killed.
int autosaveChild(int argc, char** argv) {
    QApplication app(argc, argv);
    pgdesk::ui::MainWindow w;
    w.show();
    w.openDsn(pgdesk::test::conninfo());
    if (!QTest::qWaitFor([&] { return w.connectionStatus().contains(QStringLiteral("PostgreSQL")); }, 15000))
        return 2;
    QueryTool* tool = pgdesk::ui::QueryFeature::of(w)->openQueryTool();
    if (!tool)
        return 3;
    tool->editor()->insertPlainText(kCrashText); // typed: the text is modified
    QTest::qWait(pgdesk::ui::QueryFile::kAutosaveDelayMs + 1000);
    fputs("autosaved\n", stdout);
    fflush(stdout);
    return app.exec(); // until SIGKILL
}

} // namespace

class TestSqlFiles final : public QObject {
    Q_OBJECT
    std::shared_ptr<pgdesk::core::Pool> m_pool;
    QTemporaryDir m_dir;

    std::unique_ptr<QueryTool> tool() {
        return std::make_unique<QueryTool>(m_pool, QStringLiteral("files"), nullptr,
                                           m_dir.filePath(QStringLiteral("history.sqlite")));
    }
    static pgdesk::ui::FindBar* bar(QueryTool& t, const QString& find, bool regex) {
        pgdesk::ui::FindBar* b = t.findBar();
        b->open(true);
        b->regexBox()->setChecked(regex);
        b->findField()->setText(find);
        return b;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_pool = pgdesk::core::Pool::create(pgdesk::test::profile());
    }
    void cleanupTestCase() { m_pool.reset(); }

    void openEditSaveKeepsBytesAndMarksTheTitle() {
        const QString path = m_dir.filePath(QStringLiteral("crlf.sql"));
        QVERIFY(writeAll(path, QByteArray("select 'ä';\r\nselect 2;\r\n")));
        auto t = tool();
        QSignalSpy titles(t.get(), &QueryTool::titleChanged);
        QVERIFY(t->openFile(path));
        QCOMPARE(t->sql(), QStringLiteral("select 'ä';\nselect 2;\n"));
        QCOMPARE(t->title(), QStringLiteral("crlf.sql"));
        QVERIFY(!t->editor()->document()->isModified());

        QTextCursor end = t->editor()->textCursor();
        end.movePosition(QTextCursor::End);
        t->editor()->setTextCursor(end);
        QTest::keyClicks(t->editor(), QStringLiteral("select 3;"));
        QCOMPARE(t->title(), QStringLiteral("crlf.sql •"));
        QVERIFY(!titles.isEmpty());
        QCOMPARE(titles.last().at(0).toString(), QStringLiteral("crlf.sql •"));

        QVERIFY(t->saveTo(path));
        QCOMPARE(readAll(path), QByteArray("select 'ä';\r\nselect 2;\r\nselect 3;")); // CRLF kept, UTF-8
        QCOMPARE(t->title(), QStringLiteral("crlf.sql"));

        // Save as: a new name in the title, the recent list newest first.
        const QString other = m_dir.filePath(QStringLiteral("other.sql"));
        QVERIFY(t->saveTo(other));
        QCOMPARE(t->title(), QStringLiteral("other.sql"));
        QCOMPARE(readAll(other), readAll(path));
        QCOMPARE(QueryTool::recentFiles().mid(0, 2), (QStringList{other, path}));
    }

    void changesMadeOutsideAreReadAgain() {
        const QString path = m_dir.filePath(QStringLiteral("watched.sql"));
        QVERIFY(writeAll(path, QByteArray("select 1;\n")));
        auto t = tool();
        QVERIFY(t->openFile(path));
        QTest::qWait(100);
        QSaveFile f(path); // as an editor saves: a new file renamed over the old
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("select 2; -- from outside\n");
        QVERIFY(f.commit());
        QTRY_COMPARE_WITH_TIMEOUT(t->sql(), QStringLiteral("select 2; -- from outside\n"), 5000);
        QVERIFY(!t->editor()->document()->isModified());
        // Still watched after the rename: a second change comes in too.
        QVERIFY(writeAll(path, QByteArray("select 3;\n")));
        QTRY_COMPARE_WITH_TIMEOUT(t->sql(), QStringLiteral("select 3;\n"), 5000);
        // Our own save is not taken for an outside change.
        t->editor()->insertPlainText(QStringLiteral("-- mine\n"));
        QVERIFY(t->saveTo(path));
        QTest::qWait(300);
        QCOMPARE(t->sql(), QStringLiteral("-- mine\nselect 3;\n"));
    }

    void findAndReplaceWithRegularExpressions() {
        auto t = tool();
        t->setSql(QStringLiteral("select a1, B22 from t1;\nselect a1;"));
        pgdesk::ui::FindBar* b = bar(*t, QStringLiteral("([a-z])(\\d+)"), true);
        QVERIFY(b->findNext());
        QCOMPARE(t->editor()->textCursor().selectedText(), QStringLiteral("a1"));
        QVERIFY(b->findNext());
        QCOMPARE(t->editor()->textCursor().selectedText(), QStringLiteral("B22")); // case-insensitive
        b->caseBox()->setChecked(true);
        QVERIFY(b->findNext(true)); // backward, wrapping: a1 before
        QCOMPARE(t->editor()->textCursor().selectedText(), QStringLiteral("a1"));

        b->replaceField()->setText(QStringLiteral("\\2\\1"));
        QVERIFY(b->replaceCurrent());
        QCOMPARE(t->sql(), QStringLiteral("select 1a, B22 from t1;\nselect a1;"));
        QCOMPARE(b->replaceAll(), 2); // t1 and the second a1 (B22 is upper case)
        QCOMPARE(t->sql(), QStringLiteral("select 1a, B22 from 1t;\nselect 1a;"));
        t->editor()->undo(); // replace all: one undo step
        QCOMPARE(t->sql(), QStringLiteral("select 1a, B22 from t1;\nselect a1;"));

        // Plain text: the pattern's characters are literal; whole words.
        b = bar(*t, QStringLiteral("a1"), false);
        b->wordBox()->setChecked(true);
        b->replaceField()->setText(QStringLiteral("\\1x"));
        QCOMPARE(b->replaceAll(), 1); // "1a" has no whole word a1; only the last line's
        QCOMPARE(t->sql(), QStringLiteral("select 1a, B22 from t1;\nselect \\1x;"));
        b->findField()->setText(QStringLiteral("("));
        b->regexBox()->setChecked(true);
        QVERIFY(!b->findNext()); // an invalid expression says so instead of matching
        QVERIFY(b->statusLabel()->text().contains(QStringLiteral("Invalid")));

        // The shortcuts: Ctrl+H opens the bar with the replace row, F3 finds on.
        t->show();
        QVERIFY(QTest::qWaitForWindowExposed(t.get()));
        t->findBar()->hide();
        t->editor()->setFocus();
        QTest::keyClick(t->editor(), Qt::Key_H, Qt::ControlModifier);
        QVERIFY(t->findBar()->isVisible());
        QVERIFY(t->findBar()->replaceField()->isVisible());
    }

    void commentIndentGoToLineAndFormat() {
        auto t = tool();
        pgdesk::ui::SqlEditor* e = t->sqlEditor();
        t->setSql(QStringLiteral("select 1;\n  select 2;\n\nselect 3;"));
        QTextCursor c(e->document());
        c.setPosition(3);
        c.setPosition(14, QTextCursor::KeepAnchor); // lines 1 and 2
        e->setTextCursor(c);
        e->toggleComment();
        QCOMPARE(t->sql(), QStringLiteral("-- select 1;\n--   select 2;\n\nselect 3;"));
        e->toggleComment(); // all commented: uncommented
        QCOMPARE(t->sql(), QStringLiteral("select 1;\n  select 2;\n\nselect 3;"));

        e->setTextCursor(c);
        QTest::keyClick(e, Qt::Key_Tab);
        QCOMPARE(t->sql(), QStringLiteral("    select 1;\n      select 2;\n\nselect 3;"));
        QTest::keyClick(e, Qt::Key_Backtab);
        QTest::keyClick(e, Qt::Key_Backtab);
        QCOMPARE(t->sql(), QStringLiteral("select 1;\nselect 2;\n\nselect 3;"));

        e->goToLine(4);
        QCOMPARE(e->textCursor().blockNumber(), 3);
        QCOMPARE(e->textCursor().positionInBlock(), 0);
        e->goToLine(99); // clamped
        QCOMPARE(e->textCursor().blockNumber(), 3);

        t->setSql(QStringLiteral("select a, b from t where x = 1 -- why\n and y = 2;"));
        e->formatSql();
        QCOMPARE(t->sql(),
                 QStringLiteral("select\n    a,\n    b\nfrom t\nwhere x = 1 -- why\n    and y = 2;"));
        e->undo(); // one step
        QCOMPARE(t->sql(), QStringLiteral("select a, b from t where x = 1 -- why\n and y = 2;"));
    }

    // A long script is formatted on the job pool: the call returns at once with the editor read-only, the
    // result comes in as one undo step touching only what changed (not the formatted head), and a result for
    // a text that was replaced meanwhile is dropped.
    void aLongScriptIsFormattedOffTheGuiThread() {
        auto t = tool();
        pgdesk::ui::SqlEditor* e = t->sqlEditor();
        const QString kept =
            pgdesk::core::formatSql(QStringLiteral("select a, b from t where x = 1;")) + QLatin1Char('\n');
        QString script = kept;
        while (script.size() <= pgdesk::ui::SqlEditor::kFormatInPlaceChars)
            script +=
                QStringLiteral("select a, b from t where x = 'ünïcode ‫עברית‬' and y = 2;\n");
        QVERIFY(pgdesk::core::formatSql(script).startsWith(kept));
        t->setSql(script);
        QSignalSpy changes(e->document(), &QTextDocument::contentsChange);
        QSignalSpy formatting(e, &pgdesk::ui::SqlEditor::formattingChanged);
        e->formatSql();
        QVERIFY(e->isFormatting());
        QVERIFY(e->isReadOnly());
        QCOMPARE(t->sql(), script); // not yet
        QVERIFY(QTest::qWaitFor([&] { return !e->isFormatting(); }, 10000));
        QCOMPARE(formatting.size(), 2);
        QVERIFY(!e->isReadOnly());
        QCOMPARE(t->sql(), pgdesk::core::formatSql(script));
        QVERIFY(t->sql() != script);
        QCOMPARE(changes.size(), 1);
        QCOMPARE_GE(changes[0][0].toInt(), kept.size()); // the formatted head was not rewritten
        e->undo();
        QCOMPARE(t->sql(), script);

        // Replaced while it ran: the stale result is dropped.
        e->formatSql();
        QVERIFY(e->isFormatting());
        e->setPlainText(QStringLiteral("select  2"));
        QVERIFY(QTest::qWaitFor([&] { return !e->isFormatting(); }, 10000));
        QCOMPARE(t->sql(), QStringLiteral("select  2"));
    }

    // Unsaved text survives a killed process: the next window on the same server offers it back.
    void autosavedTextIsRecoveredAfterAKill() {
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--autosave-child")});
        QVERIFY(child.waitForStarted());
        QVERIFY2(child.waitForReadyRead(30000), "the child did not autosave");
        QCOMPARE(child.readLine().trimmed(), QByteArray("autosaved"));
        ::kill(pid_t(child.processId()), SIGKILL);
        QVERIFY(child.waitForFinished(5000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        pgdesk::ui::MainWindow w;
        w.show();
        w.openDsn(pgdesk::test::conninfo());
        QueryTool* recovered = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((recovered = w.findChild<QueryTool*>()) != nullptr, 15000);
        QCOMPARE(recovered->file()->text(),
                 kCrashText); // exactly: sql() would make the no-break space a space
        QVERIFY(recovered->editor()->document()->isModified());
        QVERIFY(recovered->messages()->toPlainText().contains(QStringLiteral("recovered")));
        // Offered once: it is this window's own buffer now, not a leftover.
        QCOMPARE(pgdesk::ui::QueryFeature::of(w)->recoverQueryBuffers(), 0);
        // Discarded (saved or closed) it is gone for good.
        recovered->editor()->document()->setModified(false);
        pgdesk::ui::MainWindow again;
        again.openDsn(pgdesk::test::conninfo());
        QTRY_VERIFY_WITH_TIMEOUT(again.connectionStatus().contains(QStringLiteral("PostgreSQL")), 15000);
        QTest::qWait(200);
        QCOMPARE(again.findChildren<QueryTool*>().size(), 0);
    }
};

int main(int argc, char** argv) {
    if (argc > 1 && qstrcmp(argv[1], "--autosave-child") == 0)
        return autosaveChild(argc, argv);
    return pgdesk::test::runUiSuite<TestSqlFiles>(argc, argv);
}

#include "tst_sqlfiles.moc"
