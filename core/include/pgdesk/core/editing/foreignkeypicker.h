// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/catalog/catalog.h>
#include <pgdesk/core/editing/changeset.h>
#include <pgdesk/core/session/connection.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace pgdesk::core {

// One row of a foreign key's referenced (parent) table, as the picker offers it: the referenced key values
// as text, in ForeignKey::refColumns order, and the label column's text (nullopt: NULL or no label column).
struct ForeignKeyChoice {
    QStringList key;
    std::optional<QString> label;
};

struct ForeignKeyChoicePage {
    QList<ForeignKeyChoice> rows;
    bool hasMore = false; // another page follows the last row
};

// The foreign key of `table` that `column` belongs to (the first, when several), or nullptr.
const ForeignKey* foreignKeyOf(const TableInfo& table, const QString& column);

// Pure: the parent's label column when no override names one: the first text-like column (in table order,
// not a key column of the foreign key) that is NOT NULL or alone unique; empty when none.
QString defaultLabelColumn(const TableInfo& parent, const QStringList& keyColumns);

// Reads the rows a foreign-key value can take, for a picker on a table of any size: keyset-paged on the
// server (ordered by the referenced key, the next page WHERE (k1, k2) > ($1, $2), never OFFSET), filtered
// by a search text (ILIKE on the label and each key's text, `%` / `_` / `\` taken literally, the text a
// parameter), without the parent's soft-deleted rows (its conventions, profile overrides applied).
// The label column is the profile's convention override "label_column" for the parent, else
// defaultLabelColumn(). Each call is one statement; errors are the connection's.
class ForeignKeyPicker {
public:
    // `parent` as readTableForProfile() returns it (conventions overridden).
    ForeignKeyPicker(TableInfo parent, ForeignKey foreignKey, QString labelColumn);
    // Reads the parent's TableInfo and the label column for the connection's profile (catalog round trip).
    static ForeignKeyPicker forForeignKey(Connection& connection, const ForeignKey& foreignKey);

    const TableInfo& parent() const { return m_parent; }
    const ForeignKey& foreignKey() const { return m_fk; }
    const QString& labelColumn() const { return m_label; }

    // Up to `limit` rows after `after` (a key from the last page; empty for the first page).
    ForeignKeyChoicePage fetch(Connection& connection, const QString& search, const QStringList& after,
                               int limit) const;
    // Whether a parent row (soft-deleted ones too: the constraint accepts them) has this key; a NULL among
    // `values` always passes, as MATCH SIMPLE lets it.
    bool exists(Connection& connection, const QList<std::optional<QString>>& values) const;

private:
    TableInfo m_parent;
    ForeignKey m_fk;
    QString m_label;
};

// A foreign-key value a staged change would write, to be checked before Apply.
struct StagedForeignKeyValue {
    ForeignKey foreignKey;
    QList<std::optional<QString>> values; // in foreignKey.columns order
    qsizetype change = -1;                // index in ChangeSet::changes
};
// Pure: the foreign-key values the staged inserts and updates write. An update that stages only some columns
// of a composite key takes the others from `current` (the row as read; nullopt: unknown, then the value is
// left out); an insert's unset columns get defaults, which are not checked.
using CurrentValue =
    std::function<std::optional<std::optional<QString>>(const Key& key, const QString& column)>;
QList<StagedForeignKeyValue> stagedForeignKeyValues(const TableInfo& table, const ChangeSet& changes,
                                                    const CurrentValue& current = {});
// The staged values without a parent row: "customer_id = 42: no row in public.customers" each (a value the
// parent's key type refuses is named the same way, with the server's reason). One statement per value.
QStringList findMissingParents(Connection& connection, const QList<StagedForeignKeyValue>& values);

} // namespace pgdesk::core
