// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/catalog/catalog.h>
#include <pgdesk/core/profiles/conventionoverride.h>

#include <QJsonObject>
#include <QJsonValue>

namespace pgdesk::cli {

class IndentedJsonWriter;

// JSON and text pieces shared by the catalog commands (tables, describe, browse).
QJsonValue stringOrNull(const QString& s);
QJsonObject conventionsJson(const core::Conventions& c);
// conventionsJson plus "overridden" (and "overridden_fields" when the profile overrides any).
QJsonObject conventionsWithOverride(const core::Conventions& c, const core::ConventionOverride* o);
QJsonObject privilegesJson(const core::Privileges& p);
// The same objects written straight to a writer (what `tables` uses for its thousands of rows); the
// QJsonObject versions above are these parsed back, so both always agree.
void writeConventionsWithOverride(IndentedJsonWriter& w, const core::Conventions& c,
                                  const core::ConventionOverride* o);
void writePrivileges(IndentedJsonWriter& w, const core::Privileges& p);
QString prettySize(qint64 bytes); // "12.3 MB"

} // namespace pgdesk::cli
