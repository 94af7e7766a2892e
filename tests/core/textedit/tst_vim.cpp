// SPDX-License-Identifier: GPL-3.0-or-later
// VimEngine key by key: the table of tests/support/vimcases.h (each case checked against vim itself by
// core.vim_conformance); then modes, registers, the clipboard and ":w".
#include <pgdesk/core/textedit/vim.h>

#include "vimcases.h"

#include <QTest>

using namespace pgdesk::core;
using pgdesk::test::kVimCases;
using pgdesk::test::VimCase;

namespace {

// "|" marks the cursor; the text without it.
std::pair<QString, VimPos> split(const char* marked) {
    QString text = QString::fromUtf8(marked);
    const qsizetype at = text.indexOf(u'|');
    VimPos pos;
    pos.line = int(text.left(at).count(u'\n'));
    pos.col = int(at - (text.left(at).lastIndexOf(u'\n') + 1));
    text.remove(at, 1);
    return {text, pos};
}

QString marked(const QString& text, VimPos at) {
    QStringList lines = text.split(u'\n');
    if (at.line < lines.size())
        lines[at.line].insert(std::min(at.col, int(lines[at.line].size())), u'|');
    return lines.join(u'\n');
}

} // namespace

class TestVim final : public QObject {
    Q_OBJECT

private slots:
    void keys_data() {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("keys");
        QTest::addColumn<QString>("after");
        int n = 0;
        for (const VimCase& c : kVimCases)
            QTest::newRow(qPrintable(
                QStringLiteral("%1 %2").arg(++n, 3, 10, QChar(u'0')).arg(QString::fromUtf8(c.keys))))
                << QString::fromUtf8(c.before) << QString::fromUtf8(c.keys) << QString::fromUtf8(c.after);
        QVERIFY2(n >= 150, "issue 55 asks for 150 key-sequence cases at least");
    }
    void keys() {
        QFETCH(QString, before);
        QFETCH(QString, keys);
        QFETCH(QString, after);
        const auto [text, cursor] = split(before.toUtf8().constData());
        VimTextBuffer buffer(text);
        buffer.setCursor(cursor);
        VimEngine vim(buffer);
        vim.feedKeys(keys);
        QCOMPARE(marked(buffer.text(), buffer.cursor()), after);
        QCOMPARE(vim.mode(), VimEngine::Mode::Normal);
    }

    // What a status line shows, mode by mode.
    void modes() {
        VimTextBuffer buffer(QStringLiteral("select 1"));
        VimEngine vim(buffer);
        QCOMPARE(vim.statusText(), QString());
        vim.feedKeys(QStringLiteral("i"));
        QCOMPARE(vim.mode(), VimEngine::Mode::Insert);
        QCOMPARE(vim.statusText(), QStringLiteral("-- INSERT --"));
        QVERIFY(!vim.feed(QStringLiteral("<C-Space>"))); // the editor's (completion)
        vim.feedKeys(QStringLiteral("<Esc>v"));
        QCOMPARE(vim.statusText(), QStringLiteral("-- VISUAL --"));
        QCOMPARE(buffer.selection().kind, VimSelection::Kind::Chars);
        vim.feedKeys(QStringLiteral("V"));
        QCOMPARE(vim.statusText(), QStringLiteral("-- VISUAL LINE --"));
        vim.feedKeys(QStringLiteral("<C-v>$"));
        QCOMPARE(vim.statusText(), QStringLiteral("-- VISUAL BLOCK --"));
        QVERIFY(buffer.selection().toLineEnd);
        vim.feedKeys(QStringLiteral("<Esc>"));
        QCOMPARE(buffer.selection().kind, VimSelection::Kind::None);
        vim.feedKeys(QStringLiteral("2d"));
        QCOMPARE(vim.statusText(), QStringLiteral("2d"));
        vim.feedKeys(QStringLiteral("<Esc>:s/x"));
        QCOMPARE(vim.statusText(), QStringLiteral(":s/x"));
        vim.feedKeys(QStringLiteral("<Esc>R"));
        QCOMPARE(vim.statusText(), QStringLiteral("-- REPLACE --"));
        vim.feedKeys(QStringLiteral("<Esc>/nothing<CR>"));
        QCOMPARE(vim.statusText(), QStringLiteral("Pattern not found: nothing"));
        QCOMPARE(buffer.text(), QStringLiteral("select 1"));
    }

    void saveAndMessages() {
        VimTextBuffer buffer(QStringLiteral("a"));
        VimEngine vim(buffer);
        vim.feedKeys(QStringLiteral(":w<CR>"));
        QCOMPARE(buffer.saves(), 1);
        QCOMPARE(vim.message(), QStringLiteral("written"));
        vim.feedKeys(QStringLiteral(":%s/a/b/<CR>u"));
        QCOMPARE(buffer.text(), QStringLiteral("a"));
        vim.feedKeys(QStringLiteral("u"));
        QCOMPARE(vim.message(), QStringLiteral("Already at oldest change"));
        vim.feedKeys(QStringLiteral(":frobnicate<CR>"));
        QCOMPARE(vim.message(), QStringLiteral("Not an editor command: frobnicate"));
    }

    void registersAndClipboard() {
        VimTextBuffer buffer(QStringLiteral("one two\nthree"));
        VimEngine vim(buffer);
        QString clipboard = QStringLiteral("from outside\n");
        vim.setClipboard([&] { return clipboard; }, [&](const QString& text) { clipboard = text; });
        vim.feedKeys(QStringLiteral("\"+yy"));
        QCOMPARE(clipboard, QStringLiteral("one two\n")); // a line yanked: a line on the clipboard
        clipboard = QStringLiteral("pasted");
        vim.feedKeys(QStringLiteral("w\"+P"));
        QCOMPARE(buffer.text(), QStringLiteral("one pastedtwo\nthree"));
        vim.feedKeys(QStringLiteral("jdd"));
        QCOMPARE(vim.reg(u'1').text, QStringLiteral("three"));
        QCOMPARE(vim.reg(u'1').kind, VimEngine::Register::Kind::Lines);
        QCOMPARE(vim.reg(u'"').text, QStringLiteral("three"));
        vim.feedKeys(QStringLiteral("0dw"));
        QCOMPARE(vim.reg(u'-').text, QStringLiteral("one "));
        QCOMPARE(vim.reg(u'1').text, QStringLiteral("three")); // a small delete leaves "1 alone
        vim.feedKeys(QStringLiteral("<C-v>ly"));
        QCOMPARE(vim.reg(u'0').kind, VimEngine::Register::Kind::Block);
    }

    // Keys that are not keys of any command leave the text and the engine as they were.
    void nonsense() {
        VimTextBuffer buffer(QStringLiteral("select 1"));
        VimEngine vim(buffer);
        vim.feedKeys(QStringLiteral("\"!dQzqdz<F13>gZ"));
        QCOMPARE(buffer.text(), QStringLiteral("select 1"));
        QCOMPARE(vim.mode(), VimEngine::Mode::Normal);
        QCOMPARE(vim.statusText(), QString());
        vim.feedKeys(QStringLiteral("dw"));
        QCOMPARE(buffer.text(), QStringLiteral("1"));
    }
};

QTEST_APPLESS_MAIN(TestVim)
#include "tst_vim.moc"
