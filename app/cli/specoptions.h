// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cliapp.h"

#include <pgdesk/core/browse/queryspec.h>

#include <QStringList>

namespace pgdesk::cli {

// The row-selection options that browse and export share:
//   --filter "COLUMN OPERATION [VALUE]" (repeatable)  --any  --search TEXT
//   --sort COLUMN[:asc|:desc] (repeatable)  --deleted active|deleted|all
// If args[i] is one of them, applies it to spec, moves i onto its value and returns true; otherwise
// returns false and leaves both alone. A missing or bad value throws UsageError (ConfigurationError for
// a filter that is not "COLUMN OPERATION [VALUE]", see core::conditionFromText).
bool parseSpecOption(const QStringList& args, qsizetype& i, core::QuerySpec& spec);

// browse's paging options: --page N | --after CURSOR | --before CURSOR | --last, and --page-size N (at most
// 100,000). Works like parseSpecOption; a missing or non-positive number throws UsageError.
bool parsePageOption(const QStringList& args, qsizetype& i, core::QuerySpec& spec);

// A comma-separated list of column names (import --columns, profiles set-convention --row-key), by the
// rule of --filter and --sort: a "double-quoted" name ("" is a quote) may hold commas and spaces; others
// are trimmed. UsageError for an unterminated quote or text after one.
QStringList parseColumnList(const QString& option, const QString& text);

// --delimiter C for export and import: one character, or "\t" / "tab" for a tab. UsageError otherwise.
QChar parseDelimiter(const QString& text);

} // namespace pgdesk::cli
