// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/profiles/softdelete.h>

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace pgdesk::core {

struct ConnectionProfile;

// What a profile says about one table's conventions, replacing what detectConventions() found.
// Every field left unset keeps the detected value. Checked against the table's columns when applied
// (applyConventionOverride(), catalog/profileconventions.h): a profile file knows no columns.
struct ConventionOverride {
    std::optional<QStringList> rowKey;        // columns identifying a row (all NOT NULL); never empty
    std::optional<SoftDeleteKind> softDelete; // None disables soft delete
    QString softDeleteColumn;                 // required unless softDelete is unset or None
    std::optional<QString> createdAtColumn;   // empty string: no created-at column
    std::optional<QString> updatedAtColumn;   // empty string: no updated-at column
    // The column a foreign-key picker shows beside this table's key when it is the referenced table
    // (editing/foreignkeypicker.h); empty string: none. Unset: the first unique, else NOT NULL, text column.
    std::optional<QString> labelColumn;

    bool operator==(const ConventionOverride&) const = default;

    bool isEmpty() const;
    // The overridden conventions by their JSON names: "row_key", "soft_delete", "created_at_column",
    // "updated_at_column", "label_column".
    QStringList fields() const;
    // Throws ConfigurationError (field "conventions") for a shape that can never apply: an empty or
    // repeated row key, an empty column name, a soft-delete kind without a column (or None with one).
    void validate(const QString& key) const;

    // {"row_key":[…], "soft_delete":{"kind":"active_flag","column":"active"}, "created_at_column":
    // "x" | null, "updated_at_column": …, "label_column": …}; unset fields are left out, null means "none".
    QJsonObject toJson() const;
    static ConventionOverride fromJson(const QJsonValue& value, const QString& key); // ConfigurationError
};

// The key of a table's override in ConnectionProfile::conventionOverrides: "schema.table", unquoted.
QString conventionOverrideKey(const QString& schema, const QString& name);

// Command-line form: "deleted_at" (column deleted_at), "deleted_at:COL", "flag:COL" (deleted flag),
// "active:COL" (active flag) or "none". Throws ConfigurationError (field "soft_delete").
std::pair<SoftDeleteKind, QString> parseSoftDeleteSpec(const QString& spec);

// The override for a table in a profile, or nullptr.
const ConventionOverride* findConventionOverride(const ConnectionProfile& profile, const QString& schema,
                                                 const QString& name);

} // namespace pgdesk::core
