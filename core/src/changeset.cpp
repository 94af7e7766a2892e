#include <pgdesk/core/changeset.h>

#include <pgdesk/core/catalogreader.h>
#include <pgdesk/core/errors.h>
#include <pgdesk/core/rowstatementbuilder.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

#include <algorithm>

namespace pgdesk::core {

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

bool hasColumn(const Row& row, const QString& column) {
    return std::any_of(row.begin(), row.end(), [&](const auto& entry) { return entry.first == column; });
}

[[noreturn]] void failChange(qsizetype index, const QString& field, const QString& message) {
    const QString where = QStringLiteral("change %1").arg(index + 1);
    throwConfigurationError(field.isEmpty() ? where : where + QLatin1Char('.') + field,
                            field.isEmpty() ? where + QStringLiteral(": ") + message
                                            : QStringLiteral("%1: %2: %3").arg(where, field, message));
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

qsizetype ChangeSet::stageUpdate(const Key& key, const QString& version, const Row& set,
                                 const Row& original) {
    const qsizetype i = indexOfKey(key);
    if (i >= 0) {
        Change& pending = changes[i];
        if (pending.op == ChangeOp::Delete)
            throwError(ErrorKind::Configuration,
                       QStringLiteral("the row %1 is staged for deletion").arg(describeKey(key)));
        if (pending.op == ChangeOp::Update) {
            for (const auto& [column, value] : set)
                put(pending.values, column, value);
            for (const auto& [column, value] : original) {
                if (!hasColumn(pending.original, column))
                    pending.original.append({column, value});
            }
            return i;
        }
        // After a pending soft delete or restore: a change of its own, applied after it.
    }
    changes.append(Change{ChangeOp::Update, key, version, set, original});
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
        const bool versionRequired = useCtid || c.op == ChangeOp::Update || c.op == ChangeOp::Delete;
        if (c.version.isEmpty() && versionRequired)
            failChange(
                i, QStringLiteral("version"),
                QStringLiteral("a %1 needs the row version (xmin) it was read with").arg(changeOpName(c.op)));
        if (!c.version.isEmpty() && !isXidText(c.version))
            failChange(
                i, QStringLiteral("version"),
                QStringLiteral("\"%1\" is not a row version (an unsigned 32-bit number)").arg(c.version));
        if (c.op == ChangeOp::Update) {
            if (c.values.isEmpty())
                failChange(i, QStringLiteral("set"), QStringLiteral("an update needs at least one column"));
            validateRow(c.values, i, QStringLiteral("set"), true);
            validateRow(c.original, i, QStringLiteral("original"), true);
        } else if (!c.values.isEmpty() || !c.original.isEmpty()) {
            failChange(i, QStringLiteral("values"),
                       QStringLiteral("a %1 takes no values").arg(changeOpName(c.op)));
        }
    }
}

// ---- JSON ------------------------------------------------------------------------------------------

namespace {

QString jsonString(const QString& text) {
    const QByteArray a = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(a.mid(1, a.size() - 2));
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

QString changeText(const Change& c) {
    QStringList parts{QStringLiteral("\"op\": ") + jsonString(changeOpName(c.op))};
    if (c.op != ChangeOp::Insert)
        parts << QStringLiteral("\"key\": ") + rowText(c.key);
    if (!c.version.isEmpty())
        parts << QStringLiteral("\"version\": ") + jsonString(c.version);
    if (c.op == ChangeOp::Update)
        parts << QStringLiteral("\"set\": ") + rowText(c.values);
    if (c.op == ChangeOp::Insert)
        parts << QStringLiteral("\"values\": ") + rowText(c.values);
    if (c.op == ChangeOp::Update && !c.original.isEmpty())
        parts << QStringLiteral("\"original\": ") + rowText(c.original);
    return QLatin1Char('{') + parts.join(QStringLiteral(", ")) + QLatin1Char('}');
}

bool isNumberStart(char ch) {
    return ch == '-' || (ch >= '0' && ch <= '9');
}

// Length of the JSON number (RFC 8259 grammar) at text[i], 0 when there is none.
qsizetype numberLength(const QByteArray& text, qsizetype i) {
    const qsizetype start = i;
    const auto digit = [&](qsizetype k) { return k < text.size() && text[k] >= '0' && text[k] <= '9'; };
    if (i < text.size() && text[i] == '-')
        ++i;
    if (!digit(i))
        return 0;
    if (text[i] == '0')
        ++i;
    else
        while (digit(i))
            ++i;
    if (i < text.size() && text[i] == '.') {
        if (!digit(i + 1))
            return 0;
        ++i;
        while (digit(i))
            ++i;
    }
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < text.size() && (text[i] == '+' || text[i] == '-'))
            ++i;
        if (!digit(i))
            return 0;
        while (digit(i))
            ++i;
    }
    return i - start;
}

// Marks a string that was a JSON number in the text. PostgreSQL text can never contain NUL, and the reader
// refuses \u0000 in strings, so no string from the document can start with it.
const QChar kNumberMark = QChar(0);

[[noreturn]] void failJson(qsizetype at, const QString& message) {
    throwConfigurationError(QStringLiteral("json"),
                            QStringLiteral("not valid JSON at byte %1: %2").arg(at).arg(message));
}

// QJsonDocument reads numbers into a double, which would turn 12345678901234567890 into 1.2345678901234567e19
// and 0.10 into 0.1. Numbers outside strings are therefore turned into marked strings ("\u0000" + the exact
// text) first; `inserted` records (position, length) of what was added, to map parser error offsets back.
QByteArray quoteNumbers(const QByteArray& in, QList<std::pair<qsizetype, qsizetype>>* inserted) {
    QByteArray out;
    out.reserve(in.size() + 64);
    bool inString = false;
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char ch = in[i];
        if (inString) {
            // QJsonDocument takes a raw NUL inside a string, which would pass for the number mark or cut
            // the value short when sent to the server.
            if (ch == '\0')
                failJson(i, QStringLiteral("NUL cannot be part of PostgreSQL text"));
            out += ch;
            if (ch == '\\' && i + 1 < in.size()) {
                if (in.mid(i + 1, 5).toLower() == "u0000")
                    failJson(i, QStringLiteral("\\u0000 (NUL) cannot be part of PostgreSQL text"));
                out += in[++i];
            } else if (ch == '"') {
                inString = false;
            }
            continue;
        }
        if (ch == '"') {
            inString = true;
            out += ch;
            continue;
        }
        if (isNumberStart(ch)) {
            const qsizetype n = numberLength(in, i);
            if (n == 0)
                failJson(i, QStringLiteral("invalid number"));
            inserted->append({i, 7});
            inserted->append({i + n, 1});
            out += "\"\\u0000";
            out += in.mid(i, n);
            out += '"';
            i += n - 1;
            continue;
        }
        out += ch;
    }
    return out;
}

bool isNumberString(const QJsonValue& v) {
    return v.isString() && v.toString().startsWith(kNumberMark);
}

QString jsonTypeName(const QJsonValue& v) {
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return isNumberString(v) ? QStringLiteral("a number") : QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("missing");
}

// A value of PostgreSQL text: a string, a number (already turned into its exact text), a boolean, or null.
std::optional<QString> textValue(const QJsonValue& v, qsizetype index, const QString& field) {
    switch (v.type()) {
    case QJsonValue::Null:
        return std::nullopt;
    case QJsonValue::String:
        return isNumberString(v) ? v.toString().mid(1) : v.toString();
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: // only from a QJsonObject built in code; the text reader never makes one
        return QString::number(v.toDouble(), 'g', 17);
    default:
        failChange(index, field,
                   QStringLiteral("must be a string, number, boolean or null, not %1").arg(jsonTypeName(v)));
    }
}

Row rowFrom(const QJsonValue& v, qsizetype index, const QString& field) {
    if (!v.isObject())
        failChange(index, field,
                   QStringLiteral("must be an object of column → value, not %1").arg(jsonTypeName(v)));
    Row row;
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        row.append({it.key(), textValue(it.value(), index, field + QLatin1Char('.') + it.key())});
    return row;
}

Change changeFrom(const QJsonValue& value, qsizetype index) {
    if (!value.isObject())
        failChange(index, {}, QStringLiteral("must be an object, not %1").arg(jsonTypeName(value)));
    const QJsonObject o = value.toObject();
    const QJsonValue opValue = o.value(QStringLiteral("op"));
    if (!opValue.isString() || isNumberString(opValue))
        failChange(index, QStringLiteral("op"),
                   QStringLiteral("must be one of update, insert, delete, soft_delete, restore"));
    const auto op = changeOpFromName(opValue.toString());
    if (!op)
        failChange(index, QStringLiteral("op"),
                   QStringLiteral("unknown operation \"%1\" (update, insert, delete, soft_delete, restore)")
                       .arg(opValue.toString()));
    QStringList allowed{QStringLiteral("op")};
    switch (*op) {
    case ChangeOp::Update:
        allowed << QStringLiteral("key") << QStringLiteral("version") << QStringLiteral("set")
                << QStringLiteral("original");
        break;
    case ChangeOp::Insert:
        allowed << QStringLiteral("values");
        break;
    case ChangeOp::Delete:
    case ChangeOp::SoftDelete:
    case ChangeOp::Restore:
        allowed << QStringLiteral("key") << QStringLiteral("version");
        break;
    }
    // Strict: a misspelt "sett" must not turn an update into a no-op that only touches updated_at.
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!allowed.contains(it.key()))
            failChange(index, it.key(),
                       QStringLiteral("unexpected field for %1 (allowed: %2)")
                           .arg(changeOpName(*op), allowed.join(QStringLiteral(", "))));
    }
    Change c;
    c.op = *op;
    if (o.contains(QStringLiteral("key")))
        c.key = rowFrom(o.value(QStringLiteral("key")), index, QStringLiteral("key"));
    if (o.contains(QStringLiteral("version"))) {
        const auto version = textValue(o.value(QStringLiteral("version")), index, QStringLiteral("version"));
        c.version = version.value_or(QString());
    }
    if (c.op == ChangeOp::Update) {
        if (!o.contains(QStringLiteral("set")))
            failChange(index, QStringLiteral("set"), QStringLiteral("an update needs \"set\""));
        c.values = rowFrom(o.value(QStringLiteral("set")), index, QStringLiteral("set"));
        if (o.contains(QStringLiteral("original")))
            c.original = rowFrom(o.value(QStringLiteral("original")), index, QStringLiteral("original"));
    }
    if (c.op == ChangeOp::Insert) {
        if (!o.contains(QStringLiteral("values")))
            failChange(index, QStringLiteral("values"), QStringLiteral("an insert needs \"values\""));
        c.values = rowFrom(o.value(QStringLiteral("values")), index, QStringLiteral("values"));
    }
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
        if (c.op == ChangeOp::Update)
            o.insert(QStringLiteral("set"), rowJson(c.values));
        if (c.op == ChangeOp::Insert)
            o.insert(QStringLiteral("values"), rowJson(c.values));
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
    QStringList items;
    for (const Change& c : changes)
        items << changeText(c);
    const QString nl = indented ? QStringLiteral("\n") : QString();
    const QString indent = indented ? QStringLiteral("  ") : QString();
    QString out = QLatin1Char('{') + nl + indent + QStringLiteral("\"table\": ") + jsonString(table) +
                  QLatin1Char(',') + nl;
    if (useCtid)
        out += indent + QStringLiteral("\"use_ctid\": true,") + nl;
    out += indent + QStringLiteral("\"changes\": [");
    if (!items.isEmpty())
        out += nl + indent + indent + items.join(QLatin1Char(',') + nl + indent + indent) + nl + indent;
    out += QLatin1Char(']') + nl + QLatin1Char('}') + nl;
    return out.toUtf8();
}

ChangeSet ChangeSet::fromJson(const QJsonObject& object) {
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() != QLatin1String("table") && it.key() != QLatin1String("changes") &&
            it.key() != QLatin1String("use_ctid"))
            throwConfigurationError(it.key(),
                                    QStringLiteral("unexpected field \"%1\" in a change set (allowed: "
                                                   "table, use_ctid, changes)")
                                        .arg(it.key()));
    }
    ChangeSet set;
    const QJsonValue table = object.value(QStringLiteral("table"));
    if (!table.isString() || isNumberString(table) || table.toString().trimmed().isEmpty())
        throwConfigurationError(QStringLiteral("table"),
                                QStringLiteral("\"table\" must be a non-empty string like \"schema.name\""));
    set.table = table.toString();
    const QJsonValue useCtid = object.value(QStringLiteral("use_ctid"));
    if (!useCtid.isUndefined() && !useCtid.isBool())
        throwConfigurationError(QStringLiteral("use_ctid"),
                                QStringLiteral("\"use_ctid\" must be true or false"));
    set.useCtid = useCtid.toBool(false);
    const QJsonValue changes = object.value(QStringLiteral("changes"));
    if (!changes.isArray())
        throwConfigurationError(
            QStringLiteral("changes"),
            QStringLiteral("\"changes\" must be an array, not %1").arg(jsonTypeName(changes)));
    const QJsonArray list = changes.toArray();
    set.changes.reserve(list.size());
    for (qsizetype i = 0; i < list.size(); ++i)
        set.changes.append(changeFrom(list.at(i), i));
    set.validate();
    return set;
}

ChangeSet ChangeSet::fromJsonText(const QByteArray& text) {
    QList<std::pair<qsizetype, qsizetype>> inserted;
    const QByteArray quoted = quoteNumbers(text, &inserted);
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(quoted, &error);
    if (error.error != QJsonParseError::NoError) {
        // Back to a byte of the original text; an offset inside added characters is the number's start.
        qsizetype shift = 0;
        qsizetype offset = error.offset;
        for (const auto& [at, length] : inserted) {
            if (offset <= at + shift)
                break;
            if (offset < at + shift + length) {
                offset = at + shift;
                break;
            }
            shift += length;
        }
        failJson(std::max<qsizetype>(0, offset - shift), error.errorString());
    }
    if (!doc.isObject())
        throwConfigurationError(
            QStringLiteral("json"),
            QStringLiteral("a change set is a JSON object {\"table\": …, \"changes\": […]}"));
    return fromJson(doc.object());
}

} // namespace pgdesk::core
