// SPDX-License-Identifier: GPL-3.0-or-later
// VimEngine key by key: a table of (text with the cursor at "|", keys as vim writes them, text and cursor
// after), each one checked against what vim 9 does with its defaults; then modes, registers, the clipboard
// and ":w".
#include <pgdesk/core/textedit/vim.h>

#include <QTest>

using namespace pgdesk::core;

namespace {

struct Case {
    const char* before;
    const char* keys;
    const char* after;
};

// clang-format off
const Case kCases[] = {
    // Motions.
    {"|select a from t", "w", "select |a from t"},
    {"|select a from t", "3w", "select a from |t"},
    {"select a from |t", "b", "select a |from t"},
    {"|select a from t", "e", "selec|t a from t"},
    {"|foo.bar baz", "w", "foo|.bar baz"},
    {"|foo.bar baz", "W", "foo.bar |baz"},
    {"foo.bar |baz", "B", "|foo.bar baz"},
    {"foo.bar b|az", "b", "foo.bar |baz"},
    {"select a fr|om t", "ge", "select |a from t"},
    {"|a\n\nb", "w", "a\n|\nb"},
    {"a\n|\nb", "w", "a\n\n|b"},
    {"a\n\n|b", "b", "a\n|\nb"},
    {"|select", "$", "selec|t"},
    {"  sel|ect", "0", "|  select"},
    {"  sel|ect", "^", "  |select"},
    {"|one\ntwo\nthree", "G", "one\ntwo\n|three"},
    {"one\ntwo\nth|ree", "gg", "|one\ntwo\nthree"},
    {"|one\ntwo\nthree", "2G", "one\n|two\nthree"},
    {"|one\ntwo\nthree", "3gg", "one\ntwo\n|three"},
    {"sel|ect (a, b)", "%", "select (a, b|)"},
    {"select (a, b|)", "%", "select |(a, b)"},
    {"|f(a,\n  g(b))", "%", "f(a,\n  g(b)|)"},
    {"select a, |b from t", "fo", "select a, b fr|om t"},
    {"|select a, b", "f,", "select a|, b"},
    {"|select a, b", "t,", "select |a, b"},
    {"select a, |b", "F,", "select a|, b"},
    {"select a, |b", "T,", "select a,| b"},
    {"|a,b,c,d", "f,;", "a,b|,c,d"},
    {"|a,b,c,d", "f,;;,", "a,b|,c,d"},
    {"|a,b,c,d", "2f,", "a,b|,c,d"},
    {"|a,b,c,d", "t,;", "a,|b,c,d"},
    {"|a,b,c,d", "fz", "|a,b,c,d"},
    {"|one\ntwo", "j", "one\n|two"},
    {"on|e\nt\nthree", "jj", "one\nt\nth|ree"},
    {"one\nt\nth|ree", "kk", "on|e\nt\nthree"},
    {"|abc\nde\nfghij", "$jj", "abc\nde\nfghi|j"},
    {"sel|ect", "l", "sele|ct"},
    {"sel|ect", "3h", "|select"},
    {"sel|ect", "9l", "selec|t"},
    {"|a\nb\n\nc\nd", "}", "a\nb\n|\nc\nd"},
    {"a\nb\n\nc\n|d", "{", "a\nb\n|\nc\nd"},
    {"|a\nb\n\nc\nd", "2}", "a\nb\n\nc\n|d"},
    {"|x = 1\nfoo x", "*", "x = 1\nfoo |x"},
    {"x = 1\nfoo |x", "#", "|x = 1\nfoo x"},
    {"|select\nfrom\nselect", "/sel<CR>", "select\nfrom\n|select"},
    {"select\nfrom\n|select", "?from<CR>", "select\n|from\nselect"},
    {"|ab ab ab", "/ab<CR>n", "ab ab |ab"},
    {"|ab ab ab", "/ab<CR>N", "|ab ab ab"},
    {"ab |ab", "/ab<CR>", "|ab ab"},
    {"|ab\ncd", "/zz<CR>", "|ab\ncd"},
    {"|select x1, x2", "/x\\d<CR>n", "select x1, |x2"},
    {"|ab\ncd", "/c<BS>d<CR>", "ab\nc|d"},
    {"|ab\ncd", "/cd<Esc>", "|ab\ncd"},
    {"ab\nc|d", "magg`a", "ab\nc|d"},
    {"  ab\nc|d", "magg'a", "  ab\n|cd"},
    {"abc d|ef", "|", "|abc def"},
    {"|abc def", "3|", "ab|c def"},
    {"|  foo\nbar", "+", "  foo\n|bar"},
    {"  foo\nb|ar", "-", "  |foo\nbar"},
    {"|one\ntwo\nthree", ":2<CR>", "one\n|two\nthree"},
    {"|one\ntwo", ":$<CR>", "one\n|two"},
    {"|select", "g_", "selec|t"},

    // Operators with motions.
    {"|select a from t", "dw", "|a from t"},
    {"select |a from t", "d2w", "select |t"},
    {"select |a from t", "2dw", "select |t"},
    {"select a |from t", "de", "select a | t"},
    {"select |a from t", "d$", "select| "},
    {"select |a from t", "D", "select| "},
    {"select a |from t", "d0", "|from t"},
    {"  select a |from t", "d^", "  |from t"},
    {"|one\ntwo", "dw", "|\ntwo"},
    {"|one\ntwo\nthree", "dd", "|two\nthree"},
    {"one\n|two\nthree", "dd", "one\n|three"},
    {"one\ntwo\n|three", "dd", "one\n|two"},
    {"|one\ntwo\nthree", "2dd", "|three"},
    {"|one\ntwo\nthree", "dj", "|three"},
    {"one\ntwo\n|three", "dk", "|one"},
    {"|one\ntwo\nthree", "dG", "|"},
    {"one\n|two\nthree", "dgg", "|three"},
    {"|one\n  two\n\nthree", "d}", "|\nthree"},
    {"select |(a, b) x", "d%", "select | x"},
    {"select a, |b from t", "dt ", "select a, | from t"},
    {"select a, |b from t", "df ", "select a, |from t"},
    {"select a, b f|rom t", "dFa", "select |rom t"},
    {"|a-b c", "dE", "| c"},
    {"|a b", "de", "|"},
    {"|ab ab ab", "d/ab<CR>", "|ab ab"},
    {"|one\ntwo", "yyjp", "one\ntwo\n|one"},

    // Text objects.
    {"select (a|, b)", "di(", "select (|)"},
    {"select (a|, b)", "da(", "select| "},
    {"select (a|, b)", "dib", "select (|)"},
    {"f(g(|x), y)", "di(", "f(g(|), y)"},
    {"f(g(|x), y)", "d2i(", "f(|)"},
    {"f(g(x), |y)", "di)", "f(|)"},
    {"a |(b c) d", "di(", "a (|) d"},
    {"a (b c|) d", "di(", "a (|) d"},
    {"a [b|, c]", "di[", "a [|]"},
    {"a {b|} c", "da{", "a | c"},
    {"<a|b>", "di<", "<|>"},
    {"select 'a|bc' x", "di'", "select '|' x"},
    {"select 'a|bc' x", "da'", "select |x"},
    {"x = \"a|b\"", "ci\"z<Esc>", "x = \"|z\""},
    {"|x = 'ab'", "di'", "x = '|'"},
    {"if {\n    fo|o;\n}", "di{", "if {\n|}"},
    {"f(\n  a|,\n  b)", "di(", "f(\n|)"},
    {"sel|ect a", "diw", "| a"},
    {"sel|ect a", "daw", "|a"},
    {"x sel|ect", "daw", "|x"},
    {"a |b c d", "d2aw", "a |d"},
    {"a.b|.c d", "diW", "| d"},
    {"one\n\ntw|o\nthree\n\nfour", "dip", "one\n\n|\nfour"},
    {"one\n\ntw|o\nthree\n\nfour", "dap", "one\n\n|four"},
    {"(|a)", "ci(x<Esc>", "(|x)"},
    {"|select a", "yiwP", "selec|tselect a"},

    // Changing.
    {"|select a", "cwupdate<Esc>", "updat|e a"},
    {"sele|ct a", "cw<Esc>", "sel|e a"},
    {"|select a from t", "c2wx<Esc>", "|x from t"},
    {"|a-b c", "cWx<Esc>", "|x c"},
    {"select |a from t", "C1<Esc>", "select |1"},
    {"  |select", "ccx<Esc>", "|x"},
    {"one\n|two\nthree", "S<Esc>", "one\n|\nthree"},
    {"|abc", "sx<Esc>", "|xbc"},
    {"|abc", "2sx<Esc>", "|xc"},
    {"|abc", "x", "|bc"},
    {"|abc", "2x", "|c"},
    {"ab|c", "x", "a|b"},
    {"ab|c", "X", "a|c"},
    {"ab|c", "5X", "|c"},
    {"|abc", "3rx", "xx|x"},
    {"|abc", "4rx", "|abc"},
    {"|aBc", "~~~", "Ab|C"},
    {"|aBc", "3~", "Ab|C"},
    {"|select a", "gUiw", "|SELECT a"},
    {"|SELECT A", "guu", "|select a"},
    {"|select a", "gUU", "|SELECT A"},
    {"|aB cD", "g~w", "|Ab cD"},
    {"|a\nb", ">>", "    |a\nb"},
    {"|a\nb", "2>>", "    |a\n    b"},
    {"|a\nb", ">j", "    |a\n    b"},
    {"        |a", "<<", "    |a"},
    {"  |a", "<<", "|a"},
    {"|one\ntwo", "J", "one| two"},
    {"|one\n    two", "J", "one| two"},
    {"|one\ntwo\nthree", "3J", "one two| three"},
    {"|one\ntwo", "gJ", "one|two"},
    {"|f(\n)", "J", "f(|)"},
    {"x = |9", "<C-a>", "x = 1|0"},
    {"|x = -3", "5<C-a>", "x = |2"},
    {"|abc 41 7", "<C-a>", "abc 4|2 7"},
    {"|n 5", "3<C-x>", "n |2"},

    // Put and registers.
    {"|a\nb\nc", "yyjp", "a\nb\n|a\nc"},
    {"|a\nb", "yyP", "|a\na\nb"},
    {"|a\nb", "yy2p", "a\n|a\na\nb"},
    {"|abc", "ylp", "a|abc"},
    {"|abc", "yl3p", "aaa|abc"},
    {"|ab cd", "dwP", "ab| cd"},
    {"|ab cd", "xp", "b|a cd"},
    {"|one\ntwo", "ddp", "two\n|one"},
    {"|one\ntwo", "yw$p", "oneon|e\ntwo"},
    {"|a b", "\"ayiww\"byiw\"ap", "a b|a"},
    {"|a b", "\"ayiww\"Ayiw\"ap", "a ba|b"},
    {"|one two", "yiwwdiw\"0P", "oneon|e "},
    {"|one two", "yiww\"_diwP", "oneon|e "},
    {"|a\nb\nc", "dddd\"2p", "c\n|a"},
    {"|ab cd", "dwx\"-p", "d|c"},
    {"|one\ntwo", "\"qyyj\"qP", "one\n|one\ntwo"},

    // Insert and replace modes.
    {"|b", "ia<Esc>", "|ab"},
    {"|b", "aa<Esc>", "b|a"},
    {"  |b", "Ix<Esc>", "  |xb"},
    {"  |b", "gIx<Esc>", "|x  b"},
    {"|ab", "Ax<Esc>", "ab|x"},
    {"|a\nb", "ox<Esc>", "a\n|x\nb"},
    {"|a\nb", "Ox<Esc>", "|x\na\nb"},
    {"|b", "3ia<Esc>", "aa|ab"},
    {"|a", "2ox<Esc>", "a\nx\n|x"},
    {"|ab", "ix<BS><BS>y<Esc>", "|yab"},
    {"a\n|b", "i<BS><Esc>", "|ab"},
    {"|ab", "i<CR><Esc>", "\n|ab"},
    {"|ab", "a<Del><Esc>", "|a"},
    {"|select from", "A x<C-w>y<Esc>", "select from |y"},
    {"|abc", "A<C-u>z<Esc>", "|z"},
    {"|abc", "Rxy<Esc>", "x|yc"},
    {"|ab", "Rxyz<Esc>", "xy|z"},
    {"|ab", "i<Tab><Esc>", "   | ab"},
    {"a|b", "i<Tab><Esc>", "a  | b"},
    {"|ab", "i<lt><Esc>", "|<ab"},

    // Repeat.
    {"|a b c d", "dw.", "|c d"},
    {"|a b c d", "dw2.", "|d"},
    {"|one\ntwo\nthree", "dd.", "|three"},
    {"|a\nb", "Ax<Esc>j.", "ax\nb|x"},
    {"|ab ab", "cwxy<Esc>w.", "xy x|y"},
    {"|a a a", "r-w.w.", "- - |-"},
    {"|x\nx", "3ia<Esc>j0.", "aaax\naa|ax"},
    {"|1", "<C-a>.", "|3"},
    {"|a\nb", ">>j.", "    a\n    |b"},
    {"|a b c", "dwu.", "|b c"},

    // Undo and redo.
    {"|abc", "xxu", "|bc"},
    {"|abc", "xxuu", "|abc"},
    {"|abc", "xxuu<C-r>", "|bc"},
    {"|a", "ibc<Esc>u", "|a"},
    {"|a b", "dwu", "|a b"},
    {"|abc", "x.uu<C-r><C-r>", "|c"},
    {"|abc", "uu", "|abc"},

    // Visual modes.
    {"|select a from", "vex", "| a from"},
    {"|select a from", "vey$p", "select a fromselec|t"},
    {"|one\ntwo\nthree", "Vjd", "|three"},
    {"|one\ntwo\nthree", "VjyGp", "one\ntwo\nthree\n|one\ntwo"},
    {"|one\ntwo", "V>", "    |one\ntwo"},
    {"|one\ntwo", "Vj2>", "        |one\n        two"},
    {"|abc\ndef", "<C-v>jld", "|c\nf"},
    {"|abc\ndef", "<C-v>jIx<Esc>", "|xabc\nxdef"},
    {"|abc\ndef", "<C-v>j$Ax<Esc>", "|abcx\ndefx"},
    {"|ab\nc\nde", "<C-v>jj$A;<Esc>", "|ab;\nc;\nde;"},
    {"a|bc\ndef", "<C-v>jAx<Esc>", "a|bxc\ndexf"},
    {"|ab\ncd", "<C-v>jlcx<Esc>", "|x\nx"},
    {"|ab\ncd\nef", "<C-v>jjIx<Esc>", "|xab\nxcd\nxef"},
    {"a|b\n\nef", "<C-v>jjIx<Esc>", "a|xb\n\nexf"},
    {"|abc\ndef", "<C-v>jlyGo<Esc>p", "abc\ndef\n|ab\nde"},
    {"|abc", "vlU", "|ABc"},
    {"|ABC", "vlu", "|abC"},
    {"|aBc", "v$~", "|AbC"},
    {"|abc", "vlrx", "|xxc"},
    {"|one\ntwo", "VJ", "one| two"},
    {"|abc def", "viwd", "| def"},
    {"x (a|b) y", "vi(d", "x (|) y"},
    {"x (a|b) y", "va(d", "x | y"},
    {"|abc def", "lvwohd", "|ef"},
    {"|a\nb", "vjyGp", "a\nb|a\nb"},
    {"|a b", "wyiw0vp", "|b b"},
    {"|one\ntwo", "yyjVp", "one\n|one"},
    {"|a\nb\nc", "Vjc<Esc>", "|\nc"},
    {"|a\nb", "vj<Esc>x", "a\n|"},
    {"|abc", "vly$p", "abca|b"},

    // More, where vim's rules are easy to get wrong.
    {"|only", "dd", "|"},
    {"|a\nb", "jddP", "|b\na"},
    {"  |x\ny", "yyjp", "  x\ny\n  |x"},
    {"|select a, b", "wcea<Esc>", "select |a b"},
    {"|ab  cd", "wdb", "|cd"},
    {"ab|  cd", "dw", "ab|cd"},
    {"|ab\ncd", "ylj$p", "ab\ncd|a"},
    {"|a b", "yiwwviwp", "a |a"},
    {"|abc", "lvd", "a|c"},
    {"|abc\nd", "vjd", "|"},
    {"|x(a, (b))", "f(l%", "x(a, (b|))"},
    {"|foo(bar)", "f(ci(x<Esc>", "foo(|x)"},
    {"|abc", "$i<Right>x<Esc>", "abc|x"},
    {"|abc", "A<Left><Left>x<Esc>", "a|xbc"},
    {"|one two three", "wD", "one| "},
    {"|a\nb\nc", "2Yjjp", "a\nb\nc\n|a\nb"},
    {"|abc", "yl$3p", "abcaa|a"},
    {"|a\n\n\nb", "dap", "|b"},
    {"|(a\n  b)", "lyi(P", "(|a\n  ba\n  b)"},
    {"|1 2 3", "<C-a>w<C-a>w<C-a>", "2 3 |4"},
    {"|abc abc", "*", "abc |abc"},
    {"|select\nSELECT", "/SELECT<CR>", "select\n|SELECT"},
    {"|aXbXc", "fXx;.", "ab|c"},
    {"|ab cd ef", "wd$0P", "cd e|fab "},
    {"|one\ntwo\nthree", "jVkd", "|three"},
    {"|ab\ncd\nef", "<C-v>jjlx", "|\n\n"},
    {"  |a", ">>.", "          |a"},
    {"|a.b c", "cWx<Esc>", "|x c"},
    {"a\n  |b", "kJ", "a| b"},

    // Command line.
    {"|a a\na", ":%s/a/b/g<CR>", "b b\n|b"},
    {"|a a\na", ":s/a/b/<CR>", "|b a\na"},
    {"|foo bar", ":s/\\(foo\\) \\(bar\\)/\\2 \\1/<CR>", "|bar foo"},
    {"|ab", ":s/b/&&/<CR>", "|abb"},
    {"|a,b", ":s/,/\\r/<CR>", "a\n|b"},
    {"|a\nb\nc", ":2,3s/$/;/<CR>", "a\nb;\n|c;"},
    {"|a\na\na", "Vj:s/a/b/<CR>", "b\n|b\na"},
    {"|AbA", ":s/a/x/gi<CR>", "|xbx"},
    {"|a/b", ":s#/#-#<CR>", "|a-b"},
    {"|ab", ":s/z/y/<CR>", "|ab"},
    {"|ab", ":nosuch<CR>", "|ab"},
};
// clang-format on

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
        for (const Case& c : kCases)
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
