// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace pgdesk::core {

// The options of CREATE AGGREGATE as a select-list expression over pg_proc `p` joined to pg_aggregate `a`:
// "SFUNC = …,\n    STYPE = …" and each other option only when it is not the default; functions and
// operators named as regproc prints them on the session's search path. The CREATE script and the schema
// compare write aggregates with it.
QString aggregateOptionsSql();

// The options of CREATE COLLATION as a select-list expression over pg_collation `c` and `j`, its row as
// jsonb (the ICU locale's column is named per server version): "provider = icu, deterministic = false,
// locale = '…'". The CREATE script and the schema compare write collations with it.
QString collationOptionsSql();

} // namespace pgdesk::core
