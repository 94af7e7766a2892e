// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/catalog/catalog.h>
#include <pgdesk/core/editing/entityoperations.h>

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pgdesk::core {

enum class ChangeOp { Update, Insert, Delete, SoftDelete, Restore };

// "update", "insert", "delete", "soft_delete", "restore" (the JSON "op" values).
QString changeOpName(ChangeOp op);
std::optional<ChangeOp> changeOpFromName(const QString& name);

// One staged change to one row. Which fields matter depends on op:
//   Update     key, version, values (the new values of the changed columns) and/or defaults (columns set
//              to their DEFAULT), original (optional)
//   Insert     values (omitted columns get their defaults)
//   Delete     key, version
//   SoftDelete key, version (optional: when given, the row must still be at that version)
//   Restore    key, version (optional, as for SoftDelete)
// With ChangeSet::useCtid, the key is {"ctid": "(page,item)"} and a version is required for every op but
// Insert, since a ctid alone may point at another row after the original was updated or vacuumed.
struct Change {
    ChangeOp op = ChangeOp::Update;
    Key key;
    QString version; // xmin as text, as read with the row
    Row values;
    Row original; // Update: the values the changed columns had when read (for conflict resolution)
    // Update: columns set to their DEFAULT (`SET c = DEFAULT`), never also in values. A third state beside a
    // value and NULL: the default expression runs on the server when the change applies.
    QStringList defaults{};

    bool operator==(const Change&) const = default;
};

// Staged changes to one table, in order: pure data, no I/O. Serialised as
//   {"table":"schema.name","use_ctid":true?,"changes":[
//     {"op":"update","key":{…},"version":"…","set":{…},"set_default":["column",…]?,"original":{…}?},
//     {"op":"insert","values":{…}}, {"op":"delete","key":{…},"version":"…"},
//     {"op":"soft_delete","key":{…},"version":"…"?}, {"op":"restore","key":{…},"version":"…"?}]}
// Values are PostgreSQL text as JSON strings; JSON null is SQL NULL. The reader also accepts JSON numbers
// (kept exactly as written: 0.10 stays "0.10", 12345678901234567890 is not rounded) and booleans: it is
// src/editing/changesetjson.cpp on base/jsontext.h (our own two-pass reader), not QJsonDocument's doubles.
class ChangeSet final {
public:
    ChangeSet() = default;
    // For a table as the catalog describes it: `table` is "schema.name", parts quoted only when needed.
    explicit ChangeSet(const TableInfo& table);

    // "schema.name" or a bare name (looked up along the search path), as CatalogReader::table() reads it.
    QString table;
    // Opt-in for tables without a row key: rows are found by ctid, guarded by their version.
    bool useCtid = false;
    QList<Change> changes;

    bool isEmpty() const { return changes.isEmpty(); }
    qsizetype size() const { return changes.size(); }
    // Whether `table` names this table (schema.name, or a bare name equal to its name).
    bool refersTo(const TableInfo& info) const;

    // Staging, as an editor does it. The same row's edits merge, so that one row is one statement:
    // stageUpdate() on a row with a pending update or insert folds the new values into it (the first
    // original value of a column is kept); stageDelete() / stageSoftDelete() replace the row's pending
    // update (and cancel a pending insert, which never reached the server, when `insertIndex` is given);
    // stageRestore() cancels a pending soft delete of the row. Each returns the index of the change that
    // now holds the row's edit, or -1 when the edit cancelled a pending change.
    // Columns in `setDefault` are set to their DEFAULT; a column staged with a value and later set to DEFAULT
    // (or the reverse) keeps only the latest.
    qsizetype stageUpdate(const Key& key, const QString& version, const Row& set, const Row& original = {},
                          const QStringList& setDefault = {});
    qsizetype stageInsert(const Row& values);
    // Edits an insert still pending (by its index): its values are replaced column by column.
    qsizetype stageInsertEdit(qsizetype insertIndex, const Row& values);
    qsizetype stageDelete(const Key& key, const QString& version);
    qsizetype stageSoftDelete(const Key& key, const QString& version = {});
    qsizetype stageRestore(const Key& key, const QString& version = {});
    // Takes a column out of a pending insert, so that it gets its default again.
    void unsetInsertValue(qsizetype insertIndex, const QString& column);
    // Drops a pending insert (an inserted row deleted again before applying).
    void cancelInsert(qsizetype insertIndex);
    // The index of the pending change (other than an insert) of the row with this key; -1 if none.
    qsizetype indexOfKey(const Key& key) const;

    QJsonObject toJson() const;
    QByteArray toJsonText(bool indented = true) const;
    // Throws ConfigurationError for anything that is not a change set, naming the change (1-based, as
    // "change 3") and the field at fault in the message and in ErrorInfo::field. Never crashes on hostile
    // input (deep nesting, wrong types, huge numbers, invalid UTF-8 are all errors).
    static ChangeSet fromJson(const QJsonObject& object);
    static ChangeSet fromJsonText(const QByteArray& text);
    // The "table" of a change set's text, read without checking the rest (so that work on the table can
    // start while fromJsonText() reads the changes); nullopt when there is no such string.
    static std::optional<QString> tableOfJsonText(const QByteArray& text);

    // The checks fromJson() makes, for change sets built in code: ops have what they need (keys, versions,
    // values), ctid keys only with useCtid. ConfigurationError naming the change.
    void validate() const;

    bool operator==(const ChangeSet&) const = default;
};

// Pure: "schema.name" with each part double-quoted only when CatalogReader could not read it back bare
// (it contains a dot, starts with a quote, or is empty).
QString qualifiedTableText(const QString& schema, const QString& name);
// True for text of the form "(block,offset)" with unsigned decimal numbers: a tid.
bool isCtidText(const QString& text);

} // namespace pgdesk::core
