// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/schema/tabledesign.h>
#include <pgdesk/core/server/replication.h>

#include <QList>
#include <QString>

namespace pgdesk::core {

// Publications written as the designer writes a table: pure statements (names quoted, row filters checked to
// be one balanced fragment), staged, previewed with their locks and applied by SchemaApplier in one
// transaction under lock_timeout. Adding or dropping a table takes SHARE UPDATE EXCLUSIVE on it (and on its
// partitions), which waits behind a long transaction on it but blocks no read or write.

// CREATE PUBLICATION for `p`: FOR ALL TABLES, or its listed tables (column lists, row filters) and its
// schemas (TABLES IN SCHEMA), WITH its publish options. ConfigurationError for one that cannot be written.
QList<DesignStatement> createPublicationStatements(const Publication& p);

// What makes `before` (as the server has it) into `after`: the tables dropped, those whose column list or
// row filter changed dropped and added again, those added, the schemas, the options, the owner, the name
// last. FOR ALL TABLES cannot be switched by ALTER (ConfigurationError: drop and create instead).
QList<DesignStatement> alterPublicationStatements(const Publication& before, const Publication& after);

// DROP PUBLICATION: destructive (its subscribers stop receiving changes), so applied only once confirmed.
QList<DesignStatement> dropPublicationStatements(const QString& name);

// "schema.table [(column, …)] [WHERE (expression)]": a table of a publication as the CLI takes it; unquoted
// names folded to lower case, a name without a schema left without one (the caller resolves it).
PublishedTable publishedTableFromText(const QString& text);

} // namespace pgdesk::core
