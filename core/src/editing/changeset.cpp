// SPDX-License-Identifier: GPL-3.0-or-later
#include "editing/changesetdetail.h"

#include <pgdesk/core/editing/changeset.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/editing/rowstatementbuilder.h>

#include <algorithm>

namespace pgdesk::core {

using detail::failChange;

QString changeOpName(ChangeOp op) {
    switch (op) {
    case ChangeOp::Update:
        return QStringLiteral("update");
    case ChangeOp::Insert:
        return QStringLiteral("insert");
    case ChangeOp::Delete:
        return QStringLiteral("delete");
    case ChangeOp::SoftDelete:
        return QStringLiteral("soft_delete");
    case ChangeOp::Restore:
        return QStringLiteral("restore");
    }
    return QStringLiteral("update");
}

std::optional<ChangeOp> changeOpFromName(const QString& name) {
    for (const ChangeOp op :
         {ChangeOp::Update, ChangeOp::Insert, ChangeOp::Delete, ChangeOp::SoftDelete, ChangeOp::Restore}) {
        if (changeOpName(op) == name)
            return op;
    }
    return std::nullopt;
}

QString qualifiedTableText(const QString& schema, const QString& name) {
    const auto part = [](const QString& p) {
        if (!p.isEmpty() && !p.contains(QLatin1Char('.')) && !p.startsWith(QLatin1Char('"')))
            return p;
        QString quoted = p;
        quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
        return QLatin1Char('"') + quoted + QLatin1Char('"');
    };
    return schema.isEmpty() ? part(name) : part(schema) + QLatin1Char('.') + part(name);
}

bool isCtidText(const QString& text) {
    // "(block,offset)": block is 32-bit, offset 16-bit; the server checks the ranges.
    if (text.size() < 5 || text.size() > 20 || !text.startsWith(QLatin1Char('(')) ||
        !text.endsWith(QLatin1Char(')')))
        return false;
    const QStringList parts = text.mid(1, text.size() - 2).split(QLatin1Char(','));
    if (parts.size() != 2)
        return false;
    for (const QString& p : parts) {
        if (p.isEmpty() || p.size() > 10 ||
            !std::all_of(p.begin(), p.end(), [](QChar c) { return c >= u'0' && c <= u'9'; }))
            return false;
    }
    return true;
}

namespace {

const QString kCtid = QStringLiteral("ctid");

bool sameKey(const Key& a, const Key& b) {
    if (a.size() != b.size())
        return false;
    for (const auto& entry : a) {
        if (!b.contains(entry))
            return false;
    }
    return true;
}

// Sets column → value in row, replacing an existing entry in place.
void put(Row& row, const QString& column, const std::optional<QString>& value) {
    for (auto& [name, v] : row) {
        if (name == column) {
            v = value;
            return;
        }
    }
    row.append({column, value});
}

void removeColumn(Row& row, const QString& column) {
    row.removeIf([&](const auto& entry) { return entry.first == column; });
}

bool hasColumn(const Row& row, const QString& column) {
    return std::any_of(row.begin(), row.end(), [&](const auto& entry) { return entry.first == column; });
}

// Whether an update's `original` names every column it sets (values and defaults).
bool coversChange(const Change& c) {
    if (c.values.isEmpty() && c.defaults.isEmpty())
        return false;
    for (const auto& [name, value] : c.values)
        if (!hasColumn(c.original, name))
            return false;
    return std::all_of(c.defaults.begin(), c.defaults.end(),
                       [&](const QString& name) { return hasColumn(c.original, name); });
}

// xmin is an unsigned 32-bit transaction id, written in decimal.
bool isXidText(const QString& text) {
    if (text.isEmpty() || text.size() > 10 ||
        !std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; }))
        return false;
    return text.toULongLong() <= 0xFFFFFFFFULL;
}

void validateRow(const Row& row, qsizetype index, const QString& field, bool allowNull) {
    for (qsizetype i = 0; i < row.size(); ++i) {
        const auto& [name, value] = row.at(i);
        if (name.isEmpty())
            failChange(index, field, QStringLiteral("a column name is empty"));
        // Rows are a handful of columns: a scan is cheaper than a hash, and change sets run to 10,000s.
        for (qsizetype j = 0; j < i; ++j) {
            if (row.at(j).first == name)
                failChange(index, field, QStringLiteral("column \"%1\" is given twice").arg(name));
        }
        if (!allowNull && !value)
            failChange(index, field, QStringLiteral("\"%1\" cannot be null").arg(name));
    }
}

} // namespace

namespace detail {
void failChange(qsizetype index, const QString& field, const QString& message) {
    const QString where = QStringLiteral("change %1").arg(index + 1);
    throwConfigurationError(field.isEmpty() ? where : where + QLatin1Char('.') + field,
                            field.isEmpty() ? where + QStringLiteral(": ") + message
                                            : QStringLiteral("%1: %2: %3").arg(where, field, message));
}
} // namespace detail

ChangeSet::ChangeSet(const TableInfo& info)
    : table(qualifiedTableText(info.schema, info.name)) {
}

bool ChangeSet::refersTo(const TableInfo& info) const {
    if (table == info.name || table == qualifiedTableText(info.schema, info.name))
        return true;
    const auto parts = splitQualifiedName(table);
    if (!parts)
        return false;
    return parts->size() == 2 ? parts->at(0) == info.schema && parts->at(1) == info.name
                              : parts->at(0) == info.name;
}

qsizetype ChangeSet::indexOfKey(const Key& key) const {
    for (qsizetype i = changes.size() - 1; i >= 0; --i) {
        if (changes.at(i).op != ChangeOp::Insert && sameKey(changes.at(i).key, key))
            return i;
    }
    return -1;
}

qsizetype ChangeSet::stageUpdate(const Key& key, const QString& version, const Row& set, const Row& original,
                                 const QStringList& setDefault) {
    const qsizetype i = indexOfKey(key);
    if (i >= 0) {
        Change& pending = changes[i];
        if (pending.op == ChangeOp::Delete)
            throwError(ErrorKind::Configuration,
                       QStringLiteral("the row %1 is staged for deletion").arg(describeKey(key)));
        if (pending.op == ChangeOp::Update) {
            for (const auto& [column, value] : set) {
                put(pending.values, column, value);
                pending.defaults.removeAll(column);
            }
            for (const QString& column : setDefault) {
                removeColumn(pending.values, column);
                if (!pending.defaults.contains(column))
                    pending.defaults.append(column);
            }
            for (const auto& [column, value] : original) {
                if (!hasColumn(pending.original, column))
                    pending.original.append({column, value});
            }
            return i;
        }
        // After a pending soft delete or restore: a change of its own, applied after it.
    }
    Change change{ChangeOp::Update, key, version, set, original, {}};
    for (const QString& column : setDefault) {
        removeColumn(change.values, column);
        if (!change.defaults.contains(column))
            change.defaults.append(column);
    }
    changes.append(std::move(change));
    return changes.size() - 1;
}

qsizetype ChangeSet::stageInsert(const Row& values) {
    changes.append(Change{ChangeOp::Insert, {}, {}, values, {}});
    return changes.size() - 1;
}

qsizetype ChangeSet::stageInsertEdit(qsizetype insertIndex, const Row& values) {
    if (insertIndex < 0 || insertIndex >= changes.size() || changes.at(insertIndex).op != ChangeOp::Insert)
        throwError(ErrorKind::Configuration, QStringLiteral("no pending insert at %1").arg(insertIndex));
    for (const auto& [column, value] : values)
        put(changes[insertIndex].values, column, value);
    return insertIndex;
}

void ChangeSet::unsetInsertValue(qsizetype insertIndex, const QString& column) {
    if (insertIndex < 0 || insertIndex >= changes.size() || changes.at(insertIndex).op != ChangeOp::Insert)
        throwError(ErrorKind::Configuration, QStringLiteral("no pending insert at %1").arg(insertIndex));
    removeColumn(changes[insertIndex].values, column);
}

void ChangeSet::cancelInsert(qsizetype insertIndex) {
    if (insertIndex < 0 || insertIndex >= changes.size() || changes.at(insertIndex).op != ChangeOp::Insert)
        throwError(ErrorKind::Configuration, QStringLiteral("no pending insert at %1").arg(insertIndex));
    changes.removeAt(insertIndex);
}

qsizetype ChangeSet::stageDelete(const Key& key, const QString& version) {
    // A hard delete supersedes everything pending for the row: its edits would be deleted with it.
    QString expected = version;
    for (qsizetype i = changes.size() - 1; i >= 0; --i) {
        if (changes.at(i).op != ChangeOp::Insert && sameKey(changes.at(i).key, key)) {
            if (expected.isEmpty())
                expected = changes.at(i).version;
            changes.removeAt(i);
        }
    }
    changes.append(Change{ChangeOp::Delete, key, expected, {}, {}});
    return changes.size() - 1;
}

qsizetype ChangeSet::stageSoftDelete(const Key& key, const QString& version) {
    const qsizetype i = indexOfKey(key);
    if (i >= 0) {
        switch (changes.at(i).op) {
        case ChangeOp::SoftDelete:
        case ChangeOp::Delete:
            return i;
        case ChangeOp::Restore: // restored and deleted again: nothing to do
            changes.removeAt(i);
            return -1;
        case ChangeOp::Update:
        case ChangeOp::Insert:
            break; // a soft-deleted row keeps its data, so pending edits stay and apply first
        }
    }
    changes.append(Change{ChangeOp::SoftDelete, key, version, {}, {}});
    return changes.size() - 1;
}

qsizetype ChangeSet::stageRestore(const Key& key, const QString& version) {
    const qsizetype i = indexOfKey(key);
    if (i >= 0 && changes.at(i).op == ChangeOp::SoftDelete) {
        changes.removeAt(i);
        return -1;
    }
    if (i >= 0 && changes.at(i).op == ChangeOp::Restore)
        return i;
    changes.append(Change{ChangeOp::Restore, key, version, {}, {}});
    return changes.size() - 1;
}

void ChangeSet::validate() const {
    if (table.trimmed().isEmpty())
        throwConfigurationError(QStringLiteral("table"), QStringLiteral("the change set names no table"));
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const Change& c = changes.at(i);
        if (c.op == ChangeOp::Insert) {
            if (!c.key.isEmpty() || !c.version.isEmpty())
                failChange(i, QStringLiteral("key"), QStringLiteral("an insert has no key or version"));
            validateRow(c.values, i, QStringLiteral("values"), true);
            continue;
        }
        if (c.key.isEmpty())
            failChange(i, QStringLiteral("key"),
                       QStringLiteral("a %1 needs the row's key").arg(changeOpName(c.op)));
        validateRow(c.key, i, QStringLiteral("key"), false);
        const bool ctidKey = c.key.size() == 1 && c.key.first().first == kCtid;
        if (useCtid) {
            if (!ctidKey)
                failChange(i, QStringLiteral("key"),
                           QStringLiteral("with use_ctid the key is {\"ctid\": \"(page,item)\"}"));
            if (!isCtidText(*c.key.first().second))
                failChange(i, QStringLiteral("key"),
                           QStringLiteral("\"%1\" is not a ctid like (0,1)").arg(*c.key.first().second));
        } else if (hasColumn(c.key, kCtid)) {
            failChange(i, QStringLiteral("key"),
                       QStringLiteral("a ctid key needs \"use_ctid\": true (tables without a row key only)"));
        }
        // An update may instead give the original value of every column it changes (for roles that may not
        // read xmin): the row must then still hold those values.
        const bool originalsGuard = c.op == ChangeOp::Update && !useCtid && coversChange(c);
        const bool versionRequired = useCtid || c.op == ChangeOp::Update || c.op == ChangeOp::Delete;
        if (c.version.isEmpty() && versionRequired && !originalsGuard)
            failChange(i, QStringLiteral("version"),
                       c.op == ChangeOp::Update
                           ? QStringLiteral("an update needs the row version (xmin) it was read with, or the "
                                            "original value of every column it sets")
                           : QStringLiteral("a %1 needs the row version (xmin) it was read with")
                                 .arg(changeOpName(c.op)));
        if (!c.version.isEmpty() && !isXidText(c.version))
            failChange(
                i, QStringLiteral("version"),
                QStringLiteral("\"%1\" is not a row version (an unsigned 32-bit number)").arg(c.version));
        if (c.op == ChangeOp::Update) {
            if (c.values.isEmpty() && c.defaults.isEmpty())
                failChange(i, QStringLiteral("set"), QStringLiteral("an update needs at least one column"));
            validateRow(c.values, i, QStringLiteral("set"), true);
            validateRow(c.original, i, QStringLiteral("original"), true);
            for (qsizetype d = 0; d < c.defaults.size(); ++d) {
                const QString& name = c.defaults.at(d);
                if (name.isEmpty())
                    failChange(i, QStringLiteral("set_default"), QStringLiteral("a column name is empty"));
                if (c.defaults.indexOf(name) != d)
                    failChange(i, QStringLiteral("set_default"),
                               QStringLiteral("column \"%1\" is given twice").arg(name));
                if (hasColumn(c.values, name))
                    failChange(
                        i, QStringLiteral("set_default"),
                        QStringLiteral("column \"%1\" is both set to a value and to its default").arg(name));
            }
        } else if (!c.defaults.isEmpty()) {
            failChange(i, QStringLiteral("set_default"),
                       QStringLiteral("a %1 takes no set_default").arg(changeOpName(c.op)));
        } else if (!c.values.isEmpty() || !c.original.isEmpty()) {
            failChange(i, QStringLiteral("values"),
                       QStringLiteral("a %1 takes no values").arg(changeOpName(c.op)));
        }
    }
}

} // namespace pgdesk::core
