// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace pgdesk::core {

// A server whose lc_messages is not English writes its log's severities and field labels translated
// ("FEHLER:  …", "ANWEISUNG:  …"). The translations are PostgreSQL's own (its message catalogs), so a log
// reads the same whatever language the server writes it in.

// The English name of a severity or label as a log line or a csvlog/jsonlog field writes it ("FEHLER",
// "ERROR", "DEBUG" → "DEBUG1"); text that is neither comes back as it is.
QString englishLogLabel(const QString& label);

// A regular-expression alternation of every severity and label, English and translated, longest first.
QString logLabelPattern();

} // namespace pgdesk::core
