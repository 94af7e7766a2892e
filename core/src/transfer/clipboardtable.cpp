// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/transfer/clipboardtable.h>

#include <algorithm>

namespace pgdesk::core {

namespace {

// Reads fields separated by `separator`, rows by line breaks, with spreadsheet quoting. Linear in the text.
QList<QStringList> readDelimited(const QString& text, QChar separator) {
    QList<QStringList> rows;
    QStringList row;
    QString field;
    const qsizetype n = text.size();
    qsizetype i = 0;
    bool fieldStart = true;
    const auto endRow = [&] {
        row << field;
        field.clear();
        rows << row;
        row.clear();
        fieldStart = true;
    };
    while (i < n) {
        const QChar c = text[i];
        if (fieldStart && c == QLatin1Char('"')) {
            // Quoted: up to the quote not doubled; what follows it up to the separator is kept as written.
            ++i;
            while (i < n) {
                if (text[i] == QLatin1Char('"')) {
                    if (i + 1 < n && text[i + 1] == QLatin1Char('"')) {
                        field += QLatin1Char('"');
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                if (text[i] == QLatin1Char('\r') && i + 1 < n && text[i + 1] == QLatin1Char('\n')) {
                    ++i; // a line break inside a field, as \n
                    continue;
                }
                field += text[i++];
            }
            fieldStart = false;
            continue;
        }
        fieldStart = false;
        if (c == separator) {
            row << field;
            field.clear();
            fieldStart = true;
            ++i;
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            i += (c == QLatin1Char('\r') && i + 1 < n && text[i + 1] == QLatin1Char('\n')) ? 2 : 1;
            endRow();
        } else {
            field += c;
            ++i;
        }
    }
    // The text's last line: ended by its line break (then nothing is left), or by the end of the text.
    if (!fieldStart || !row.isEmpty() || !field.isEmpty())
        endRow();
    return rows;
}

} // namespace

qsizetype ClipboardTable::columnCount() const {
    qsizetype most = 0;
    for (const QStringList& row : rows)
        most = std::max(most, row.size());
    return most;
}

qsizetype ClipboardTable::cellCount() const {
    qsizetype cells = 0;
    for (const QStringList& row : rows)
        cells += row.size();
    return cells;
}

ClipboardTable parseClipboardTable(const QString& text) {
    ClipboardTable table;
    if (text.isEmpty())
        return table;
    if (text.contains(QLatin1Char('\t'))) {
        table.format = ClipboardTable::Format::Tsv;
        table.rows = readDelimited(text, QLatin1Char('\t'));
        return table;
    }
    if (text.contains(QLatin1Char(','))) {
        QList<QStringList> rows = readDelimited(text, QLatin1Char(','));
        const qsizetype width = rows.isEmpty() ? 0 : rows.first().size();
        const bool even = std::all_of(rows.begin(), rows.end(),
                                      [width](const QStringList& row) { return row.size() == width; });
        if (rows.size() >= 2 && width > 1 && even) {
            table.format = ClipboardTable::Format::Csv;
            table.rows = std::move(rows);
            return table;
        }
    }
    // One value a line (quotes are part of the value).
    table.format = ClipboardTable::Format::Single;
    QString rest = text;
    if (rest.endsWith(QLatin1String("\r\n")))
        rest.chop(2);
    else if (rest.endsWith(QLatin1Char('\n')) || rest.endsWith(QLatin1Char('\r')))
        rest.chop(1);
    rest.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    for (const QString& line : rest.split(QLatin1Char('\n')))
        table.rows << QStringList{line};
    return table;
}

QString headerFieldName(QString field) {
    if (field.startsWith(QChar(0xfeff)))
        field.remove(0, 1);
    return field.trimmed();
}

QStringList matchHeaderToColumns(const QStringList& fields, const QStringList& columns) {
    QStringList chosen(fields.size());
    for (qsizetype c = 0; c < fields.size(); ++c) {
        if (columns.contains(fields[c]) && !chosen.contains(fields[c]))
            chosen[c] = fields[c];
    }
    for (qsizetype c = 0; c < fields.size(); ++c) {
        if (!chosen[c].isEmpty())
            continue;
        for (const QString& column : columns) {
            if (!chosen.contains(column) &&
                column.compare(headerFieldName(fields[c]), Qt::CaseInsensitive) == 0) {
                chosen[c] = column;
                break;
            }
        }
    }
    return chosen;
}

bool isHeaderLine(const QStringList& fields, const QStringList& columns) {
    bool any = false;
    for (const QString& field : fields) {
        const QString name = headerFieldName(field);
        if (name.isEmpty())
            continue;
        const bool known = std::any_of(columns.begin(), columns.end(), [&name](const QString& column) {
            return column.compare(name, Qt::CaseInsensitive) == 0;
        });
        if (!known)
            return false;
        any = true;
    }
    return any;
}

} // namespace pgdesk::core
