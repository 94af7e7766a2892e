// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/compare/schemasnapshot.h>

#include <QList>
#include <QString>

namespace pgdesk::core {

enum class DiffState { Same, Different, OnlyInSource, OnlyInTarget };

// One object of either side. Its text is the object as the compare sees it (columns by name: their order is
// no difference; owners left out, grants and comments in), so two equal texts are one equal object.
struct ObjectDifference {
    QString kind; // "table", "partitioned table", "view", "materialized view", "foreign table", "function",
                  // "procedure", "aggregate", "type", "sequence", "collation", "extension"
    QString name; // plain; a routine with its argument types: "f(integer, text)"
    DiffState state = DiffState::Same;
    QString sourceText; // empty when only in the target
    QString targetText; // empty when only in the source
};

// Pure: every object of both sides, in kind then name order.
QList<ObjectDifference> compareSchemas(const SchemaSnapshot& source, const SchemaSnapshot& target);
// Pure: whether any object differs.
bool schemasDiffer(const QList<ObjectDifference>& differences);
QString diffStateName(DiffState state); // "same", "different", "only in source", "only in target"

// Pure: a line diff of two texts (the longest common subsequence of their lines): ' ' both, '-' only in
// `from`, '+' only in `to`, in order.
struct DiffLine {
    char op = ' ';
    QString text;
};
QList<DiffLine> lineDiff(const QString& from, const QString& to);

// Pure: the compare's text of each kind of object.
QString relationText(const RelationShape& relation);
QString functionText(const FunctionShape& function);
QString typeText(const TypeShape& type);
QString sequenceText(const SequenceShape& sequence);
QString relationKindName(const QString& relkind);
// Pure: a column as CREATE TABLE and ADD COLUMN write it: name, type, collation, generation or identity,
// default, NOT NULL.
QString columnDefinition(const ColumnShape& column);

} // namespace pgdesk::core
