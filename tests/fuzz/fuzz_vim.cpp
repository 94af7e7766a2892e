// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: VimEngine fed arbitrary keys over arbitrary text. The input is the text (UTF-8, up to the
// first 0xff byte), then one key a byte: printable ASCII as itself, control bytes and the high ones as vim's
// named keys (<Esc>, <CR>, <BS>, <C-v> …) or non-ASCII letters. After every key the cursor is inside the
// text; at the end Esc leaves every mode, and undoing every change gives the text back exactly: any other
// outcome, a crash or a sanitizer report is a bug.
#include <pgdesk/core/textedit/vim.h>

#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace pgdesk::core;

namespace {

const char* const kNamed[] = {"<Esc>",   "<CR>",  "<BS>",   "<Del>",  "<Tab>", "<Left>",
                              "<Right>", "<Up>",  "<Down>", "<Home>", "<End>", "<C-r>",
                              "<C-v>",   "<C-a>", "<C-x>",  "<C-w>",  "<C-u>"};
constexpr int kNamedCount = int(sizeof(kNamed) / sizeof(kNamed[0]));

QString keyOf(uint8_t byte) {
    if (byte >= 0x20 && byte < 0x7f)
        return QString(QChar(byte));
    if (byte < 0x20)
        return QString::fromLatin1(kNamed[byte % kNamedCount]);
    static const QString letters = QStringLiteral("éשلж漢");
    if (byte % 2)
        return QString(letters[byte % letters.size()]);
    return QString::fromLatin1(kNamed[byte % kNamedCount]);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    size_t split = 0;
    while (split < size && data[split] != 0xff)
        ++split;
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(split));
    VimTextBuffer buffer(text);
    VimEngine vim(buffer);
    for (size_t i = split + 1; i < size; ++i) {
        vim.feed(keyOf(data[i]));
        const VimPos at = buffer.cursor();
        if (buffer.lineCount() < 1 || at.line < 0 || at.line >= buffer.lineCount() || at.col < 0 ||
            at.col > buffer.line(at.line).size())
            std::abort();
    }
    vim.feed(QStringLiteral("<Esc>"));
    vim.feed(QStringLiteral("<Esc>"));
    vim.feed(QStringLiteral("<Esc>"));
    if (vim.mode() != VimEngine::Mode::Normal)
        std::abort();
    for (size_t i = 0; i < size + 2; ++i)
        vim.feed(QStringLiteral("u"));
    if (buffer.text() != text)
        std::abort();
    return 0;
}
