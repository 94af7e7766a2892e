// SPDX-License-Identifier: GPL-3.0-or-later
// ChangeSet in JSON, both ways. The reader works on the text (jsontext.h) rather than QJsonDocument, which
// would read numbers into doubles and costs more than the apply itself on 10,000-row change sets.
#include "editing/changesetdetail.h"
#include <pgdesk/core/base/jsontext.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/editing/changeset.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QVarLengthArray>

#include <cstring>

namespace pgdesk::core {

using detail::failChange;

namespace {

// ---- writing -------------------------------------------------------------------------------------------

// A JSON string literal: quotes, backslashes and control characters escaped, everything else as is.
QString jsonString(const QString& text) {
    QString out;
    out.reserve(text.size() + 2);
    out += QLatin1Char('"');
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        switch (u) {
        case u'"':
            out += QLatin1String("\\\"");
            break;
        case u'\\':
            out += QLatin1String("\\\\");
            break;
        case u'\n':
            out += QLatin1String("\\n");
            break;
        case u'\r':
            out += QLatin1String("\\r");
            break;
        case u'\t':
            out += QLatin1String("\\t");
            break;
        case u'\b':
            out += QLatin1String("\\b");
            break;
        case u'\f':
            out += QLatin1String("\\f");
            break;
        default:
            if (u < 0x20)
                out += QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += QLatin1Char('"');
    return out;
}

QJsonObject rowJson(const Row& row) {
    QJsonObject o;
    for (const auto& [name, value] : row)
        o.insert(name, value ? QJsonValue(*value) : QJsonValue());
    return o;
}

// Hand-written so that fields keep a readable order (QJsonObject sorts its keys).
QString rowText(const Row& row) {
    QStringList parts;
    for (const auto& [name, value] : row)
        parts << jsonString(name) + QStringLiteral(": ") +
                     (value ? jsonString(*value) : QStringLiteral("null"));
    return QLatin1Char('{') + parts.join(QStringLiteral(", ")) + QLatin1Char('}');
}

bool writesSet(const Change& c) {
    return c.op == ChangeOp::Update && (!c.values.isEmpty() || c.defaults.isEmpty());
}

QString changeText(const Change& c) {
    QStringList parts{QStringLiteral("\"op\": ") + jsonString(changeOpName(c.op))};
    if (c.op != ChangeOp::Insert)
        parts << QStringLiteral("\"key\": ") + rowText(c.key);
    if (!c.version.isEmpty())
        parts << QStringLiteral("\"version\": ") + jsonString(c.version);
    if (writesSet(c))
        parts << QStringLiteral("\"set\": ") + rowText(c.values);
    if (c.op == ChangeOp::Insert)
        parts << QStringLiteral("\"values\": ") + rowText(c.values);
    if (c.op == ChangeOp::Update && !c.defaults.isEmpty()) {
        QStringList names;
        for (const QString& name : c.defaults)
            names << jsonString(name);
        parts << QStringLiteral("\"set_default\": [") + names.join(QStringLiteral(", ")) + QLatin1Char(']');
    }
    if (c.op == ChangeOp::Update && !c.original.isEmpty())
        parts << QStringLiteral("\"original\": ") + rowText(c.original);
    return QLatin1Char('{') + parts.join(QStringLiteral(", ")) + QLatin1Char('}');
}

// ---- reading -------------------------------------------------------------------------------------------

using json::Reader;
using json::Type;

bool is(const std::string& key, const char* name) {
    return key == name;
}

QString keyText(const std::string& key) {
    return QString::fromUtf8(key.data(), qsizetype(key.size()));
}

// A value of PostgreSQL text: a string, a number (its exact text), a boolean, or null.
std::optional<QString> textValue(Reader& r, qsizetype index, const QString& field) {
    switch (r.type()) {
    case Type::Null:
        r.skip();
        return std::nullopt;
    case Type::String:
        return r.string();
    case Type::Number:
        return r.number();
    case Type::Bool:
        return r.boolean() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        failChange(index, field,
                   QStringLiteral("must be a string, number, boolean or null, not %1")
                       .arg(json::typeName(r.type())));
    }
}

// Columns in the document's order; a column given twice stays twice (validate() names it).
Row rowFrom(Reader& r, qsizetype index, const QString& field) {
    if (r.type() != Type::Object)
        failChange(
            index, field,
            QStringLiteral("must be an object of column → value, not %1").arg(json::typeName(r.type())));
    Row row;
    std::string key;
    r.beginObject();
    while (r.nextMember(&key)) {
        QString column = keyText(key);
        std::optional<QString> value = textValue(r, index, field + QLatin1Char('.') + column);
        row.append({std::move(column), std::move(value)});
    }
    return row;
}

enum Field { Op, KeyField, Version, Set, SetDefault, Original, Values, FieldCount };
const char* const kFieldNames[FieldCount] = {"op",          "key",      "version", "set",
                                             "set_default", "original", "values"};

QString allowedFields(ChangeOp op) {
    switch (op) {
    case ChangeOp::Update:
        return QStringLiteral("op, key, version, set, set_default, original");
    case ChangeOp::Insert:
        return QStringLiteral("op, values");
    case ChangeOp::Delete:
    case ChangeOp::SoftDelete:
    case ChangeOp::Restore:
        break;
    }
    return QStringLiteral("op, key, version");
}

bool allowed(ChangeOp op, int field) {
    switch (op) {
    case ChangeOp::Update:
        return field != Values;
    case ChangeOp::Insert:
        return field == Op || field == Values;
    case ChangeOp::Delete:
    case ChangeOp::SoftDelete:
    case ChangeOp::Restore:
        break;
    }
    return field == Op || field == KeyField || field == Version;
}

Change changeFrom(Reader& r, qsizetype index) {
    if (r.type() != Type::Object)
        failChange(index, {}, QStringLiteral("must be an object, not %1").arg(json::typeName(r.type())));
    // Where each known field's value starts (the last one wins, as in QJsonObject), and the first unknown
    // field: the fields are then read in a fixed order whatever their order in the text.
    qsizetype at[FieldCount];
    std::fill(std::begin(at), std::end(at), qsizetype(-1));
    QString unknown;
    std::string key;
    r.beginObject();
    while (r.nextMember(&key)) {
        int field = 0;
        while (field < FieldCount && !is(key, kFieldNames[field]))
            ++field;
        if (field < FieldCount)
            at[field] = r.offset();
        else if (unknown.isNull())
            unknown = keyText(key);
        r.skip();
    }
    const qsizetype end = r.offset();
    const auto typeAt = [&](int field) {
        if (at[field] < 0)
            return Type::Missing;
        r.seek(at[field]);
        return r.type();
    };

    const Type opType = typeAt(Op);
    if (opType != Type::String)
        failChange(index, QStringLiteral("op"),
                   QStringLiteral("must be one of update, insert, delete, soft_delete, restore"));
    const QString opName = r.string();
    const auto op = changeOpFromName(opName);
    if (!op)
        failChange(index, QStringLiteral("op"),
                   QStringLiteral("unknown operation \"%1\" (update, insert, delete, soft_delete, restore)")
                       .arg(opName));
    // Strict: a misspelt "sett" must not turn an update into a no-op that only touches updated_at.
    const auto unexpected = [&](const QString& name) {
        failChange(index, name,
                   QStringLiteral("unexpected field for %1 (allowed: %2)")
                       .arg(changeOpName(*op), allowedFields(*op)));
    };
    if (!unknown.isNull())
        unexpected(unknown);
    for (int field = 0; field < FieldCount; ++field) {
        if (at[field] >= 0 && !allowed(*op, field))
            unexpected(QLatin1String(kFieldNames[field]));
    }

    Change c;
    c.op = *op;
    if (typeAt(KeyField) != Type::Missing)
        c.key = rowFrom(r, index, QStringLiteral("key"));
    if (typeAt(Version) != Type::Missing)
        c.version = textValue(r, index, QStringLiteral("version")).value_or(QString());
    if (c.op == ChangeOp::Update) {
        if (at[Set] < 0 && at[SetDefault] < 0)
            failChange(index, QStringLiteral("set"), QStringLiteral("an update needs \"set\""));
        if (typeAt(Set) != Type::Missing)
            c.values = rowFrom(r, index, QStringLiteral("set"));
        if (const Type t = typeAt(SetDefault); t != Type::Missing) {
            if (t != Type::Array)
                failChange(index, QStringLiteral("set_default"),
                           QStringLiteral("must be an array of column names, not %1").arg(json::typeName(t)));
            r.beginArray();
            while (r.nextElement()) {
                if (r.type() != Type::String)
                    failChange(
                        index, QStringLiteral("set_default"),
                        QStringLiteral("must hold column names, not %1").arg(json::typeName(r.type())));
                c.defaults << r.string();
            }
        }
        if (typeAt(Original) != Type::Missing)
            c.original = rowFrom(r, index, QStringLiteral("original"));
    }
    if (c.op == ChangeOp::Insert) {
        if (typeAt(Values) == Type::Missing)
            failChange(index, QStringLiteral("values"), QStringLiteral("an insert needs \"values\""));
        c.values = rowFrom(r, index, QStringLiteral("values"));
    }
    r.seek(end);
    return c;
}

} // namespace

QJsonObject ChangeSet::toJson() const {
    QJsonArray list;
    for (const Change& c : changes) {
        QJsonObject o{{QStringLiteral("op"), changeOpName(c.op)}};
        if (c.op != ChangeOp::Insert)
            o.insert(QStringLiteral("key"), rowJson(c.key));
        if (!c.version.isEmpty())
            o.insert(QStringLiteral("version"), c.version);
        if (writesSet(c))
            o.insert(QStringLiteral("set"), rowJson(c.values));
        if (c.op == ChangeOp::Insert)
            o.insert(QStringLiteral("values"), rowJson(c.values));
        if (c.op == ChangeOp::Update && !c.defaults.isEmpty())
            o.insert(QStringLiteral("set_default"), QJsonArray::fromStringList(c.defaults));
        if (c.op == ChangeOp::Update && !c.original.isEmpty())
            o.insert(QStringLiteral("original"), rowJson(c.original));
        list.append(o);
    }
    QJsonObject out{{QStringLiteral("table"), table}, {QStringLiteral("changes"), list}};
    if (useCtid)
        out.insert(QStringLiteral("use_ctid"), true);
    return out;
}

QByteArray ChangeSet::toJsonText(bool indented) const {
    const QString nl = indented ? QStringLiteral("\n") : QString();
    const QString indent = indented ? QStringLiteral("  ") : QString();
    QString out = QLatin1Char('{') + nl + indent + QStringLiteral("\"table\": ") + jsonString(table) +
                  QLatin1Char(',') + nl;
    if (useCtid)
        out += indent + QStringLiteral("\"use_ctid\": true,") + nl;
    out += indent + QStringLiteral("\"changes\": [");
    for (qsizetype i = 0; i < changes.size(); ++i) {
        out += (i == 0 ? QString() : QStringLiteral(",")) + nl + indent + indent;
        out += changeText(changes.at(i));
    }
    if (!changes.isEmpty())
        out += nl + indent;
    out += QLatin1Char(']') + nl + QLatin1Char('}') + nl;
    return out.toUtf8();
}

ChangeSet ChangeSet::fromJson(const QJsonObject& object) {
    // One reader for both forms. Numbers in a QJsonObject are doubles already; they are written (and so
    // read back) in their shortest exact form.
    return fromJsonText(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

std::optional<QString> ChangeSet::tableOfJsonText(const QByteArray& text) {
    Reader r(text); // safe on any text; what it reads from invalid text does not matter here
    if (r.type() != Type::Object)
        return std::nullopt;
    std::optional<QString> table;
    std::string key;
    r.beginObject();
    while (r.nextMember(&key)) {
        if (is(key, "table") && r.type() == Type::String)
            table = r.string(); // the last one counts, as for fromJsonText()
        else
            r.skip();
    }
    return table;
}

ChangeSet ChangeSet::fromJsonText(const QByteArray& text) {
    json::validate(text);
    Reader r(text);
    if (r.type() != Type::Object)
        throwConfigurationError(
            QStringLiteral("json"),
            QStringLiteral("a change set is a JSON object {\"table\": …, \"changes\": […]}"));
    qsizetype table = -1;
    qsizetype useCtid = -1;
    qsizetype changes = -1;
    std::string key;
    r.beginObject();
    while (r.nextMember(&key)) {
        if (is(key, "table"))
            table = r.offset();
        else if (is(key, "use_ctid"))
            useCtid = r.offset();
        else if (is(key, "changes"))
            changes = r.offset();
        else
            throwConfigurationError(keyText(key),
                                    QStringLiteral("unexpected field \"%1\" in a change set (allowed: "
                                                   "table, use_ctid, changes)")
                                        .arg(keyText(key)));
        r.skip();
    }
    const auto typeAt = [&](qsizetype offset) {
        if (offset < 0)
            return Type::Missing;
        r.seek(offset);
        return r.type();
    };

    ChangeSet set;
    if (typeAt(table) == Type::String)
        set.table = r.string();
    if (set.table.trimmed().isEmpty())
        throwConfigurationError(QStringLiteral("table"),
                                QStringLiteral("\"table\" must be a non-empty string like \"schema.name\""));
    if (const Type t = typeAt(useCtid); t != Type::Missing) {
        if (t != Type::Bool)
            throwConfigurationError(QStringLiteral("use_ctid"),
                                    QStringLiteral("\"use_ctid\" must be true or false"));
        set.useCtid = r.boolean();
    }
    if (const Type t = typeAt(changes); t != Type::Array)
        throwConfigurationError(
            QStringLiteral("changes"),
            QStringLiteral("\"changes\" must be an array, not %1").arg(json::typeName(t)));
    r.beginArray();
    while (r.nextElement())
        set.changes.append(changeFrom(r, set.changes.size()));
    set.validate();
    return set;
}

} // namespace pgdesk::core
