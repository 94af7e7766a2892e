// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/transfer/clipboardtable.h>
#include <pgdesk/core/transfer/typeinference.h>

#include <QDate>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>

#include <limits>

namespace pgdesk::core {

namespace {

// What one value could be, narrowest first where one widens into another.
enum class Kind { Integer, Bigint, Numeric, Boolean, Date, Timestamp, TimestampTz, Time, Uuid, Json, Text };

bool validDate(const QString& text) {
    return QDate::fromString(text.left(10), Qt::ISODate).isValid();
}

bool validTime(int hour, int minute, int second) {
    return (hour < 24 && minute < 60 && second <= 60) || (hour == 24 && minute == 0 && second == 0);
}

bool isUuid(const QString& text) {
    static const QRegularExpression uuid(
        QStringLiteral("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return uuid.match(text).hasMatch();
}

Kind numberKind(const QString& text) {
    static const QRegularExpression integer(QStringLiteral("^[+-]?[0-9]+$"));
    static const QRegularExpression decimal(
        QStringLiteral("^[+-]?([0-9]+\\.[0-9]*|\\.[0-9]+|[0-9]+)([eE][+-]?[0-9]+)?$"));
    const qsizetype digits = text.startsWith(QLatin1Char('+')) || text.startsWith(QLatin1Char('-')) ? 1 : 0;
    // "007" or "01.5" is a code, not a number: as a number it would lose its zeros.
    if (text.size() > digits + 1 && text[digits] == QLatin1Char('0') && text[digits + 1].isDigit())
        return Kind::Text;
    if (integer.match(text).hasMatch()) {
        bool ok = false;
        const qlonglong n = text.toLongLong(&ok);
        if (!ok)
            return Kind::Numeric;
        return n >= std::numeric_limits<int>::min() && n <= std::numeric_limits<int>::max() ? Kind::Integer
                                                                                            : Kind::Bigint;
    }
    return decimal.match(text).hasMatch() ? Kind::Numeric : Kind::Text;
}

Kind kindOf(const QString& text) {
    if (text.isEmpty() || text != text.trimmed())
        return Kind::Text;
    const QChar first = text[0];
    if (first.isDigit() || first == QLatin1Char('+') || first == QLatin1Char('-') ||
        first == QLatin1Char('.')) {
        static const QRegularExpression timestamp(QStringLiteral(
            "^([0-9]{4}-[0-9]{2}-[0-9]{2})([T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\\.[0-9]{1,6})?)?"
            "(Z|[+-][0-9]{2}(?::?[0-9]{2})?)?)?$"));
        static const QRegularExpression time(
            QStringLiteral("^([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\\.[0-9]{1,6})?)?$"));
        if (const auto m = timestamp.match(text); m.hasMatch()) {
            if (!validDate(m.captured(1)))
                return Kind::Text;
            if (m.capturedLength(2) == 0)
                return Kind::Date;
            if (!validTime(m.captured(3).toInt(), m.captured(4).toInt(), m.captured(5).toInt()))
                return Kind::Text;
            return m.capturedLength(6) > 0 ? Kind::TimestampTz : Kind::Timestamp;
        }
        if (const auto m = time.match(text); m.hasMatch())
            return validTime(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt())
                       ? Kind::Time
                       : Kind::Text;
        return isUuid(text) ? Kind::Uuid : numberKind(text);
    }
    if (first.isLetter() && text.size() <= 5) {
        static const QSet<QString> booleans{QStringLiteral("true"), QStringLiteral("false"),
                                            QStringLiteral("t"),    QStringLiteral("f"),
                                            QStringLiteral("yes"),  QStringLiteral("no")};
        if (booleans.contains(text.toLower()))
            return Kind::Boolean;
    }
    if (first.isLetter()) {
        return isUuid(text) ? Kind::Uuid : Kind::Text;
    }
    if (first == QLatin1Char('{') || first == QLatin1Char('[')) {
        QJsonParseError error;
        QJsonDocument::fromJson(text.toUtf8(), &error);
        return error.error == QJsonParseError::NoError ? Kind::Json : Kind::Text;
    }
    return Kind::Text;
}

// The narrowest kind that takes both.
Kind widen(Kind a, Kind b) {
    if (a == b)
        return a;
    const auto among = [&](std::initializer_list<Kind> kinds) {
        const auto in = [&](Kind k) { return std::find(kinds.begin(), kinds.end(), k) != kinds.end(); };
        return in(a) && in(b);
    };
    if (among({Kind::Integer, Kind::Bigint}))
        return Kind::Bigint;
    if (among({Kind::Integer, Kind::Bigint, Kind::Numeric}))
        return Kind::Numeric;
    if (among({Kind::Date, Kind::Timestamp}))
        return Kind::Timestamp;
    if (among({Kind::Date, Kind::Timestamp, Kind::TimestampTz}))
        return Kind::TimestampTz;
    return Kind::Text;
}

QString typeName(Kind kind) {
    switch (kind) {
    case Kind::Integer:
        return QStringLiteral("integer");
    case Kind::Bigint:
        return QStringLiteral("bigint");
    case Kind::Numeric:
        return QStringLiteral("numeric");
    case Kind::Boolean:
        return QStringLiteral("boolean");
    case Kind::Date:
        return QStringLiteral("date");
    case Kind::Timestamp:
        return QStringLiteral("timestamp without time zone");
    case Kind::TimestampTz:
        return QStringLiteral("timestamp with time zone");
    case Kind::Time:
        return QStringLiteral("time without time zone");
    case Kind::Uuid:
        return QStringLiteral("uuid");
    case Kind::Json:
        return QStringLiteral("jsonb");
    case Kind::Text:
        break;
    }
    return QStringLiteral("text");
}

} // namespace

QString inferColumnType(const QList<std::optional<QString>>& values) {
    std::optional<Kind> kind;
    for (const std::optional<QString>& v : values) {
        if (!v)
            continue;
        const Kind k = kindOf(*v);
        kind = kind ? widen(*kind, k) : k;
        if (kind == Kind::Text)
            break;
    }
    return typeName(kind.value_or(Kind::Text));
}

QStringList inferColumnTypes(const QList<QList<std::optional<QString>>>& records, int fields) {
    QStringList types;
    QList<std::optional<QString>> column;
    column.reserve(records.size());
    for (int f = 0; f < fields; ++f) {
        column.clear();
        for (const auto& record : records)
            column << (f < record.size() ? record[f] : std::nullopt);
        types << inferColumnType(column);
    }
    return types;
}

QStringList inferCsvColumnTypes(const QList<QStringList>& records, int fields, const QString& nullText) {
    QList<QList<std::optional<QString>>> values;
    values.reserve(records.size());
    for (const QStringList& record : records) {
        QList<std::optional<QString>> row;
        row.reserve(record.size());
        for (const QString& v : record)
            row << (v == nullText ? std::nullopt : std::optional<QString>(v));
        values << row;
    }
    return inferColumnTypes(values, fields);
}

QStringList inferColumnTypes(const QList<QList<std::optional<QByteArray>>>& records, int fields) {
    QList<QList<std::optional<QString>>> texts;
    texts.reserve(records.size());
    for (const auto& record : records) {
        QList<std::optional<QString>> values;
        values.reserve(record.size());
        for (const auto& v : record)
            values << (v ? std::optional<QString>(QString::fromUtf8(*v)) : std::nullopt);
        texts << values;
    }
    return inferColumnTypes(texts, fields);
}

QStringList newTableColumnNames(const QStringList& fieldNames) {
    constexpr int kMaxBytes = 63; // NAMEDATALEN - 1: the server would cut a longer name itself
    const auto cut = [](QString name, qsizetype room) {
        while (name.toUtf8().size() > room)
            name.chop(name.size() >= 2 && name.back().isLowSurrogate() ? 2 : 1);
        return name;
    };
    QStringList names;
    QSet<QString> taken;
    for (qsizetype i = 0; i < fieldNames.size(); ++i) {
        QString name = headerFieldName(fieldNames[i]);
        // A control or format character (an escape sequence, a line break, a bidi override) in a column name
        // would travel into every listing, script and terminal that shows it: a space stands in its place.
        for (QChar& c : name)
            if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
                c = QLatin1Char(' ');
        name = cut(name.trimmed(), kMaxBytes);
        if (name.isEmpty())
            name = QStringLiteral("column_%1").arg(i + 1);
        const QString base = name;
        for (int n = 2; taken.contains(name); ++n) {
            const QString suffix = QStringLiteral("_%1").arg(n);
            name = cut(base, kMaxBytes - suffix.size()) + suffix;
        }
        taken.insert(name);
        names << name;
    }
    return names;
}

QStringList commonColumnTypes() {
    return {QStringLiteral("text"),
            QStringLiteral("integer"),
            QStringLiteral("bigint"),
            QStringLiteral("smallint"),
            QStringLiteral("numeric"),
            QStringLiteral("double precision"),
            QStringLiteral("real"),
            QStringLiteral("boolean"),
            QStringLiteral("date"),
            QStringLiteral("timestamp without time zone"),
            QStringLiteral("timestamp with time zone"),
            QStringLiteral("time without time zone"),
            QStringLiteral("interval"),
            QStringLiteral("uuid"),
            QStringLiteral("jsonb"),
            QStringLiteral("json"),
            QStringLiteral("bytea"),
            QStringLiteral("character varying")};
}

} // namespace pgdesk::core
