// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// The statements StructureReader sends in one pipeline (internal to core). Every one takes $1 the schema or
// NULL (the search path) and $2 the relation's name, and finds the relation itself, so they can travel
// together in one round trip. Columns are read by position: keep the parser in structurereader.cpp in step.
namespace pgdesk::core::structuresql {

// One row (none when absent): the relation, its owner, options, ACL, sizes, statistics, view definition.
QString relationSql();
// The relation's oid alone (the scope of its parts' reads: relationparts.h).
QString targetSql();
// Foreign keys of other tables that reference this one.
QString referencedBySql();
// Partitions and inheritance children; then the parents.
QString childrenSql();
QString parentsSql();
// aclexplode() of relacl, or of acldefault() when it is NULL.
QString privilegesSql();

} // namespace pgdesk::core::structuresql
