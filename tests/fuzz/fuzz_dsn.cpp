// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: parseDsn (URIs and key=value conninfo through libpq's parser, then the mapping onto a
// profile), its inverse toDsn, and maskDsnPassword, on arbitrary text. Every failure must be a
// pgdesk::core::Error; anything else (a crash, a sanitizer report, another exception) is a bug.
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/dsn.h>

#include <QString>

#include <cstddef>
#include <cstdint>

using namespace pgdesk::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    (void)maskDsnPassword(text);
    (void)quoteConninfoValue(text);
    try {
        const ParsedDsn parsed = parseDsn(text);
        // What parseDsn produced must be writable and readable again.
        const QString again = toDsn(parsed.profile, parsed.password);
        (void)maskDsnPassword(again);
        (void)parseDsn(again, parsed.profile);
    } catch (const Error&) {
    }
    return 0;
}
