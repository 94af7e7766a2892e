// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: a notebook file (parseNotebook, writeNotebook) and statement masking
// (maskStatementSecrets) on arbitrary text. Written once, a notebook reads back into the same cells and
// writes the same text again (the first write may close a fence left open or lengthen one a cell's text
// would end); any other difference, a crash or a sanitizer report is a bug.
#include <pgdesk/core/notebook/notebook.h>
#include <pgdesk/core/sqltext/secretmask.h>

#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace pgdesk::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    (void)maskStatementSecrets(text);
    (void)maskStatementSecrets(QStringLiteral("CREATE SUBSCRIPTION s CONNECTION '") + text +
                               QStringLiteral("' PUBLICATION p"));
    Notebook notebook = parseNotebook(text);
    for (NotebookCell& cell : notebook.cells) // as the window's results would be kept
        if (cell.isCode() && cell.savedResult.isEmpty())
            cell.savedResult = cell.text;
    for (const bool results : {false, true}) {
        const QString once = writeNotebook(notebook, results);
        const QString twice = writeNotebook(parseNotebook(once), results);
        if (once != twice)
            std::abort();
    }
    return 0;
}
