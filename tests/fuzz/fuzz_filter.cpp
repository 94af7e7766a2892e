// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the row-selection arguments of pgdesk-cli browse/export (one argument per input line:
// --filter, --any, --search, --sort, --deleted and the paging options), the text forms behind them
// (conditionFromText, sortKeyFromText, decodeCursor) and the SQL built from whatever they accepted for a
// table with every column family. Refusals must be UsageError or core::Error; anything else is a bug.
#include "fuzztable.h"
#include "specoptions.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/queryspec.h>
#include <pgdesk/core/browse/sqlbuilder.h>

#include <QStringList>

#include <cstddef>
#include <cstdint>

using namespace pgdesk;

namespace {

void buildAll(const core::QuerySpec& spec, const core::TableInfo& table) {
    try {
        (void)core::buildPageQuery(spec, table, true);
    } catch (const core::Error&) {
    }
    try {
        (void)core::buildCountQuery(spec, table);
        (void)core::buildSelectQuery(spec, table);
        (void)core::buildExplainEstimate(spec, table);
    } catch (const core::Error&) {
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    const QStringList args = text.split(QLatin1Char('\n'));
    core::QuerySpec spec;
    spec.schema = QStringLiteral("public");
    spec.table = QStringLiteral("t");
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args.at(i);
        try {
            if (cli::parseSpecOption(args, i, spec) || cli::parsePageOption(args, i, spec))
                continue;
        } catch (const cli::UsageError&) {
            continue;
        } catch (const core::Error&) {
            continue;
        }
        // Anything else is tried as each text form on its own.
        try {
            (void)core::conditionFromText(arg);
        } catch (const core::Error&) {
        }
        (void)core::sortKeyFromText(arg);
        (void)core::softDeleteScopeFromName(arg);
        (void)core::filterOpFromName(arg);
        try {
            (void)core::decodeCursor(arg);
        } catch (const core::Error&) {
        }
        (void)core::escapeLike(arg);
    }
    buildAll(spec, fuzz::table(true));
    buildAll(spec, fuzz::table(false));
    return 0;
}
