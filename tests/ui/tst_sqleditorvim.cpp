// SPDX-License-Identifier: GPL-3.0-or-later
// The SQL editor in vim mode, driven by key events in a shown query tool (the window's shortcuts see each key
// first, as they do for a user): the whole vim key table of tests/support/vimcases.h typed into the editor
// gives the same text and cursor as vim; the visual selections as drawn; the status line; ":w" saving the
// tool's file; a mouse click moving vim's cursor; Preferences switching the mode off and on.
#include "querytoolfixture.h"
#include "testcluster.h"
#include "uitestmain.h"
#include "vimcases.h"

#include "../../ui/src/query/sqleditor.h"

#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/textedit/vim.h>
#include <pgdesk/ui/common/uisettings.h>
#include <pgdesk/ui/query/querytool.h>

#include <QFile>
#include <QLabel>
#include <QTest>
#include <QTextBlock>

using namespace pgdesk;
using namespace pgdesk::ui;

namespace {

// Types one key as vim names it.
void type(QWidget* to, const QString& key) {
    static const QHash<QString, Qt::Key> named = {
        {QStringLiteral("<Esc>"), Qt::Key_Escape},   {QStringLiteral("<CR>"), Qt::Key_Return},
        {QStringLiteral("<BS>"), Qt::Key_Backspace}, {QStringLiteral("<Del>"), Qt::Key_Delete},
        {QStringLiteral("<Tab>"), Qt::Key_Tab},      {QStringLiteral("<Left>"), Qt::Key_Left},
        {QStringLiteral("<Right>"), Qt::Key_Right},  {QStringLiteral("<Up>"), Qt::Key_Up},
        {QStringLiteral("<Down>"), Qt::Key_Down},    {QStringLiteral("<Home>"), Qt::Key_Home},
        {QStringLiteral("<End>"), Qt::Key_End}};
    if (named.contains(key)) {
        QTest::keyClick(to, named.value(key));
    } else if (key.startsWith(u"<C-") && key.size() == 5) {
        QTest::keyClick(to, Qt::Key(Qt::Key_A + (key[3].unicode() - u'a')), Qt::ControlModifier);
    } else {
        QVERIFY2(key.size() == 1, qPrintable(key));
        QTest::keyClick(to, key[0].toLatin1());
    }
}

} // namespace

class TestSqlEditorVim final : public QObject, test::QueryToolFixture {
    Q_OBJECT
    std::unique_ptr<QueryTool> m_tool;

    SqlEditor* editor() { return m_tool->sqlEditor(); }
    QLabel* status() { return m_tool->findChild<QLabel*>(QStringLiteral("vimStatus")); }
    void typeKeys(const QString& notation) {
        for (const QString& key : core::parseVimKeys(notation))
            type(editor(), key);
    }
    // The text with "|" at the cursor.
    QString marked() {
        const QTextCursor cursor = editor()->textCursor();
        QString text = editor()->toPlainText();
        text.insert(cursor.position(), u'|');
        return text;
    }
    void put(const QString& marked) {
        QString text = marked;
        const qsizetype at = text.indexOf(u'|');
        text.remove(at, 1);
        m_tool->setSql(text);
        QTextCursor cursor = editor()->textCursor();
        cursor.setPosition(int(at));
        editor()->setTextCursor(cursor);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_toolDir.isValid());
        UiSettings::setVimMode(true);
        m_toolPool = core::Pool::create(test::profile());
        m_tool = tool();
        m_tool->resize(800, 500);
        m_tool->show();
        QVERIFY(QTest::qWaitForWindowActive(m_tool.get()));
        editor()->setFocus();
        QVERIFY(editor()->isVimMode());
        QVERIFY(status()->isVisible());
    }
    void cleanupTestCase() {
        m_tool.reset();
        m_toolPool.reset();
        UiSettings::setVimMode(false);
    }

    void keyTable_data() {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("keys");
        QTest::addColumn<QString>("after");
        int n = 0;
        for (const test::VimCase& c : test::kVimCases)
            QTest::newRow(qPrintable(
                QStringLiteral("%1 %2").arg(++n, 3, 10, QChar(u'0')).arg(QString::fromUtf8(c.keys))))
                << QString::fromUtf8(c.before) << QString::fromUtf8(c.keys) << QString::fromUtf8(c.after);
        QVERIFY(n >= 150);
    }
    // Each case on a fresh engine (registers, marks and "." of one case are not the next one's).
    void keyTable() {
        QFETCH(QString, before);
        QFETCH(QString, keys);
        QFETCH(QString, after);
        editor()->setVimMode(false);
        editor()->setVimMode(true);
        put(before);
        typeKeys(keys);
        QCOMPARE(marked(), after);
        QCOMPARE(editor()->vim()->mode(), core::VimEngine::Mode::Normal);
        QVERIFY(!editor()->textCursor().hasSelection());
    }

    void selectionsDrawn() {
        put(QStringLiteral("|one\ntwo\nthree"));
        typeKeys(QStringLiteral("vl"));
        QCOMPARE(editor()->textCursor().selectedText(), QStringLiteral("on")); // the cursor's character in
        QCOMPARE(status()->text(), QStringLiteral("-- VISUAL --"));
        typeKeys(QStringLiteral("Vj"));
        QCOMPARE(editor()->textCursor().selectedText(), QStringLiteral("one\u2029two"));
        typeKeys(QStringLiteral("<C-v>"));
        QCOMPARE(status()->text(), QStringLiteral("-- VISUAL BLOCK --"));
        QVERIFY(!editor()->textCursor().hasSelection());
        const QList<QTextEdit::ExtraSelection> block = editor()->extraSelections();
        QCOMPARE(block.size(), 2);
        QCOMPARE(block[0].cursor.selectedText(), QStringLiteral("on"));
        QCOMPARE(block[1].cursor.selectedText(), QStringLiteral("tw"));
        typeKeys(QStringLiteral("j$"));
        QCOMPARE(editor()->extraSelections().size(), 3);
        QCOMPARE(editor()->extraSelections()[2].cursor.selectedText(),
                 QStringLiteral("three")); // to each end
        typeKeys(QStringLiteral("<Esc>"));
        QVERIFY(editor()->extraSelections().isEmpty());
        QCOMPARE(status()->text(), QString());
    }

    void statusAndSave() {
        const QString path = m_toolDir.filePath(QStringLiteral("vim.sql"));
        put(QStringLiteral("|select 1"));
        QVERIFY(m_tool->saveTo(path));
        typeKeys(QStringLiteral("A;"));
        QCOMPARE(status()->text(), QStringLiteral("-- INSERT --"));
        QVERIFY(!editor()->overwriteMode()); // a thin cursor while inserting, a block one otherwise
        typeKeys(QStringLiteral("<Esc>"));
        QVERIFY(editor()->overwriteMode());
        typeKeys(QStringLiteral("2d"));
        QCOMPARE(status()->text(), QStringLiteral("2d"));
        typeKeys(QStringLiteral("<Esc>:w"));
        QCOMPARE(status()->text(), QStringLiteral(":w"));
        typeKeys(QStringLiteral("<CR>"));
        QCOMPARE(status()->text(), QStringLiteral("written"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()).trimmed(), QStringLiteral("select 1;"));
        QVERIFY(!editor()->document()->isModified());
    }

    void mouseMovesTheCursor() {
        put(QStringLiteral("|abc def"));
        QTextCursor at = editor()->textCursor();
        at.setPosition(4);
        const QPoint point = editor()->cursorRect(at).center() + QPoint(2, 0);
        QTest::mouseClick(editor()->viewport(), Qt::LeftButton, {}, point);
        typeKeys(QStringLiteral("x"));
        QCOMPARE(marked(), QStringLiteral("abc |ef"));
    }

    void preferencesSwitchIt() {
        UiSettings::setVimMode(false);
        UiSettings::instance()->notifyChanged();
        QVERIFY(!editor()->isVimMode());
        QVERIFY(!status()->isVisible());
        put(QStringLiteral("|ab"));
        typeKeys(QStringLiteral("x"));
        QCOMPARE(marked(), QStringLiteral("x|ab")); // typed, as keys are without vim
        UiSettings::setVimMode(true);
        UiSettings::instance()->notifyChanged();
        QVERIFY(editor()->isVimMode());
        QVERIFY(status()->isVisible());
        typeKeys(QStringLiteral("x"));
        QCOMPARE(marked(), QStringLiteral("x|b"));
    }
};

PGDESK_UI_TEST_MAIN(TestSqlEditorVim)
#include "tst_sqleditorvim.moc"
