// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/grid/celltext.h>
#include <pgdesk/ui/grid/pagemodel.h>

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QDate>
#include <QMap>
#include <QRegularExpression>
#include <QTime>

#include <algorithm>
#include <limits>

namespace pgdesk::ui {

namespace {
QString tsvField(const QString& value) {
    if (!value.contains(QLatin1Char('\t')) && !value.contains(QLatin1Char('\n')) &&
        !value.contains(QLatin1Char('\r')) && !value.contains(QLatin1Char('"')))
        return value;
    return QLatin1Char('"') + QString(value).replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
           QLatin1Char('"');
}
} // namespace

QString cellsAsTsv(const QAbstractItemModel& model, QModelIndexList cells, bool headers) {
    if (cells.isEmpty())
        return {};
    QMap<int, QMap<int, QString>> grid; // row → column → text
    int minColumn = cells.first().column();
    int maxColumn = minColumn;
    for (const QModelIndex& i : std::as_const(cells)) {
        const QVariant v = i.data(Qt::EditRole); // exact text; invalid for NULL
        grid[i.row()][i.column()] = v.isValid() ? v.toString() : QString();
        minColumn = std::min(minColumn, i.column());
        maxColumn = std::max(maxColumn, i.column());
    }
    QStringList lines;
    if (headers) {
        QStringList names;
        for (int c = minColumn; c <= maxColumn; ++c)
            names << tsvField(model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
        lines << names.join(QLatin1Char('\t'));
    }
    for (auto row = grid.cbegin(); row != grid.cend(); ++row) {
        QStringList fields;
        for (int c = minColumn; c <= maxColumn; ++c)
            fields << tsvField(row.value().value(c));
        lines << fields.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString indentJson(const QString& json) {
    const QString trimmed = json.trimmed();
    if (!trimmed.startsWith(QLatin1Char('{')) && !trimmed.startsWith(QLatin1Char('[')))
        return json;
    QString out;
    out.reserve(trimmed.size() * 2);
    int depth = 0;
    bool inString = false;
    const auto newline = [&] { out += QLatin1Char('\n') + QString(depth * 2, QLatin1Char(' ')); };
    for (qsizetype i = 0; i < trimmed.size(); ++i) {
        const QChar ch = trimmed[i];
        if (inString) {
            out += ch;
            if (ch == QLatin1Char('\\') && i + 1 < trimmed.size())
                out += trimmed[++i];
            else if (ch == QLatin1Char('"'))
                inString = false;
            continue;
        }
        switch (ch.unicode()) {
        case '"':
            inString = true;
            out += ch;
            break;
        case '{':
        case '[': {
            // Empty containers stay on one line.
            qsizetype j = i + 1;
            while (j < trimmed.size() && trimmed[j].isSpace())
                ++j;
            if (j < trimmed.size() && (trimmed[j] == QLatin1Char('}') || trimmed[j] == QLatin1Char(']'))) {
                out += ch;
                out += trimmed[j];
                i = j;
                break;
            }
            out += ch;
            ++depth;
            newline();
            break;
        }
        case '}':
        case ']':
            depth = std::max(0, depth - 1);
            newline();
            out += ch;
            break;
        case ',':
            out += ch;
            newline();
            break;
        case ':':
            out += QStringLiteral(": ");
            break;
        default:
            if (!ch.isSpace())
                out += ch;
            break;
        }
    }
    return out;
}

QString byteaSummary(const QString& hexText, int previewBytes, qint64 wholeBytes) {
    if (!hexText.startsWith(QLatin1String("\\x")))
        return hexText; // escape format or not bytea: shown as the server printed it
    const qsizetype bytes = wholeBytes >= 0 ? wholeBytes : (hexText.size() - 2) / 2;
    QStringList shown;
    for (qsizetype b = 0; b < std::min<qsizetype>(bytes, previewBytes); ++b)
        shown << hexText.mid(2 + b * 2, 2);
    QString text = QCoreApplication::translate("CellText", "%1 byte(s)", nullptr, pluralCount(bytes))
                       .arg(QLocale().toString(qlonglong(bytes)));
    if (!shown.isEmpty())
        text += QStringLiteral("  ") + shown.join(QLatin1Char(' '));
    if (bytes > previewBytes)
        text += QStringLiteral(" …");
    return text;
}

int pluralCount(qint64 n) {
    return n > std::numeric_limits<int>::max() ? std::numeric_limits<int>::max() : int(n);
}

std::optional<QString> localDateTimeText(const QString& text, const QString& type, const QLocale& locale) {
    const bool timestamp = type.startsWith(QLatin1String("timestamp"));
    if (!timestamp && type != QLatin1String("date"))
        return std::nullopt;
    // ISO DateStyle output: date, then time with optional fraction, then an optional zone offset.
    static const QRegularExpression iso(QStringLiteral(
        R"(^(\d{4}-\d{2}-\d{2})(?: (\d{2}:\d{2}:\d{2})(?:\.\d+)?([+-]\d{2}(?::\d{2}){0,2})?)?$)"));
    const QRegularExpressionMatch m = iso.match(text);
    if (!m.hasMatch() || (timestamp && !m.hasCaptured(2)) || (!timestamp && m.hasCaptured(2)))
        return std::nullopt;
    const QDate date = QDate::fromString(m.captured(1), Qt::ISODate);
    if (!date.isValid())
        return std::nullopt;
    QString out = locale.toString(date, QLocale::ShortFormat);
    if (!timestamp)
        return out;
    const QTime time = QTime::fromString(m.captured(2), Qt::ISODate);
    if (!time.isValid())
        return std::nullopt;
    QString format = locale.timeFormat(QLocale::ShortFormat);
    if (!format.contains(QLatin1String("ss")))
        format.replace(QLatin1String("mm"), QLatin1String("mm:ss"));
    out += QLatin1Char(' ') + locale.toString(time, format);
    if (m.hasCaptured(3))
        out += QLatin1Char(' ') + m.captured(3);
    return out;
}

QString isolated(const QString& text, Isolate how) {
    static constexpr QChar kFirstStrongIsolate(0x2068);
    static constexpr QChar kLeftToRightIsolate(0x2066);
    static constexpr QChar kPopDirectionalIsolate(0x2069);
    const QChar open = how == Isolate::LeftToRight ? kLeftToRightIsolate : kFirstStrongIsolate;
    if (!text.contains(QLatin1Char('\n')))
        return open + text + kPopDirectionalIsolate;
    // An isolate ends with its paragraph, and a line is one wherever text is shown as a document.
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString& line : lines)
        line = open + line + kPopDirectionalIsolate;
    return lines.join(QLatin1Char('\n'));
}

Isolate isolationFor(const QString& type) {
    static const QStringList text = {QStringLiteral("text"), QStringLiteral("name"), QStringLiteral("citext"),
                                     QStringLiteral("\"char\""), QStringLiteral("bytea")};
    return text.contains(type) || type.startsWith(QLatin1String("character")) ? Isolate::FirstStrong
                                                                              : Isolate::LeftToRight;
}

QString isolatedIn(Qt::LayoutDirection layout, const QString& text, Isolate how) {
    return layout == Qt::RightToLeft && !text.isEmpty() ? isolated(text, how) : text;
}

std::optional<core::Condition> conditionForCell(const PageModel& model, const QModelIndex& cell,
                                                bool exclude) {
    const auto* values = cell.isValid() ? model.rowValues(cell.row()) : nullptr;
    if (!values || cell.column() >= values->size())
        return std::nullopt;
    core::Condition c;
    c.column = model.page().columns[cell.column()].name;
    if (const auto& value = values->at(cell.column())) {
        c.op = exclude ? core::FilterOp::NotEqual : core::FilterOp::Equal;
        c.values = {*value};
    } else {
        c.op = exclude ? core::FilterOp::IsNotNull : core::FilterOp::IsNull;
    }
    return c;
}

} // namespace pgdesk::ui
