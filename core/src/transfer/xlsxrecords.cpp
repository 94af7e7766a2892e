// SPDX-License-Identifier: GPL-3.0-or-later
// XLSX sheets for imports: the zip container through minizip (Debian's libminizip, the one libxlsxwriter
// links: QuaZip's own copy of minizip's symbols would take over the export's), each part through Qt's
// streaming XML reader, so a sheet of a million rows is never held whole.
#include "transfer/recordnumbers.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/transfer/recordsource.h>

#include <unzip.h>

#include <QCoreApplication>
#include <QDate>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QIODevice>
#include <QXmlStreamReader>

#include <charconv>
#include <cmath>
#include <cstring>

namespace pgdesk::core {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("Import", text);
}

// What a cell's number format makes of its number.
enum class NumberKind : quint8 { Plain, Date, Time, DateTime };

NumberKind builtInFormat(int id) {
    if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || (id >= 34 && id <= 36) || (id >= 50 && id <= 58))
        return NumberKind::Date;
    if ((id >= 18 && id <= 21) || (id >= 32 && id <= 33) || (id >= 45 && id <= 47))
        return NumberKind::Time;
    return id == 22 ? NumberKind::DateTime : NumberKind::Plain;
}

// A custom format code's kind: its letters outside quotes, brackets and escapes.
NumberKind customFormat(const QString& code) {
    bool date = false;
    bool time = false;
    for (qsizetype i = 0; i < code.size(); ++i) {
        const QChar c = code[i];
        if (c == QLatin1Char('"')) {
            i = code.indexOf(QLatin1Char('"'), i + 1);
            if (i < 0)
                break;
        } else if (c == QLatin1Char('[')) {
            const qsizetype end = code.indexOf(QLatin1Char(']'), i + 1);
            const QString inner = code.mid(i + 1, end - i - 1).toLower();
            if (inner == QLatin1String("h") || inner == QLatin1String("hh") || inner == QLatin1String("mm") ||
                inner == QLatin1String("ss"))
                time = true; // elapsed time
            if (end < 0)
                break;
            i = end;
        } else if (c == QLatin1Char('\\') || c == QLatin1Char('_') || c == QLatin1Char('*')) {
            ++i;
        } else if (c == QLatin1Char(';')) {
            break; // the positive section decides
        } else {
            const char l = char(c.toLower().unicode());
            if (l == 'y' || l == 'd' || l == 'm')
                date = date || l != 'm' || !time; // "m" after h is minutes
            if (l == 'h' || l == 's')
                time = true;
        }
    }
    if (date && time)
        return NumberKind::DateTime;
    return date ? NumberKind::Date : time ? NumberKind::Time : NumberKind::Plain;
}

// Excel's _xHHHH_ escapes in strings (control characters; _x005F_ an underscore).
QString unescapeXstring(const QString& s) {
    if (!s.contains(QLatin1String("_x")))
        return s;
    QString out;
    out.reserve(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s[i] == QLatin1Char('_') && i + 6 < s.size() && s[i + 1] == QLatin1Char('x') &&
            s[i + 6] == QLatin1Char('_')) {
            bool ok = false;
            const uint code = QStringView(s).mid(i + 2, 4).toUInt(&ok, 16);
            if (ok) {
                out += QChar(char16_t(code));
                i += 6;
                continue;
            }
        }
        out += s[i];
    }
    return out;
}

// "AB12" → 27 (0-based column); -1 when the reference has no letters.
int columnOf(QStringView ref) {
    int column = 0;
    qsizetype i = 0;
    for (; i < ref.size() && ref[i].isLetter(); ++i)
        column = std::min(column * 26 + (ref[i].toUpper().unicode() - 'A' + 1), 1 << 20); // no overflow
    return i == 0 ? -1 : column - 1;
}

// What a workbook may inflate to before it is refused as too large ("zip bombs": a few MB that inflate to
// gigabytes). A sheet is streamed, so its own cap is only there to end a runaway; shared strings are held
// in memory. One cell's text (or one tag) is bounded by the longest run of bytes without markup: Excel
// itself holds at most 32,767 characters in a cell.
constexpr qint64 kMaxSheetBytes = qint64(8) << 30;
constexpr qint64 kMaxSharedStringsBytes = qint64(1) << 30;
constexpr qint64 kMaxSharedStringsMemory = qint64(256) << 20; // held: their text and ~48 bytes each
constexpr qint64 kMaxOtherPartBytes = qint64(64) << 20;
constexpr qint64 kMaxRunBytes = qint64(4) << 20;
constexpr int kMaxColumns = 16384; // A … XFD

QString sizeText(qint64 bytes) {
    return bytes >= (qint64(1) << 30) ? QStringLiteral("%1 GiB").arg(bytes >> 30)
                                      : QStringLiteral("%1 MiB").arg(bytes >> 20);
}

// One entry of the zip, inflated as it is read, within its caps: past one, reading fails and tooLarge()
// says which (the XML reader then stops; requireXml() reports it).
class ZipEntry final : public QIODevice {
public:
    ZipEntry(const QString& path, const QString& name, qint64 limit)
        : m_name(name)
        , m_limit(limit) {
        m_zip = unzOpen64(QFile::encodeName(path).constData());
        // 2: names compared ignoring case, as spreadsheet programs write them either way.
        if (!m_zip || unzLocateFile(m_zip, name.toUtf8().constData(), 2) != UNZ_OK ||
            unzOpenCurrentFile(m_zip) != UNZ_OK)
            return;
        m_entryOpen = true;
        open(QIODevice::ReadOnly);
    }
    ~ZipEntry() override {
        if (m_entryOpen)
            unzCloseCurrentFile(m_zip);
        if (m_zip)
            unzClose(m_zip);
    }
    ZipEntry(const ZipEntry&) = delete;
    ZipEntry& operator=(const ZipEntry&) = delete;

    bool isSequential() const override { return true; }
    // Where inflating has got to in the zip file: progress against the file's size.
    qint64 compressedPosition() const {
        return m_entryOpen ? qint64(unzGetCurrentFileZStreamPos64(m_zip)) : 0;
    }
    const QString& tooLarge() const { return m_tooLarge; }

protected:
    qint64 readData(char* data, qint64 maxSize) override {
        if (!m_tooLarge.isEmpty())
            return -1;
        const int n = unzReadCurrentFile(m_zip, data, unsigned(std::min<qint64>(maxSize, 1 << 30)));
        if (n <= 0)
            return n < 0 ? -1 : 0;
        m_inflated += n;
        if (m_inflated > m_limit) {
            m_tooLarge =
                tr("its part %1 inflates to more than %2 (the limit)").arg(m_name, sizeText(m_limit));
            return -1;
        }
        for (const char* p = data; p < data + n;) {
            const void* lt = std::memchr(p, '<', size_t(data + n - p));
            if (!lt) {
                m_run += data + n - p;
                break;
            }
            m_run += static_cast<const char*>(lt) - p;
            if (m_run > kMaxRunBytes)
                break;
            m_run = 0;
            p = static_cast<const char*>(lt) + 1;
        }
        if (m_run > kMaxRunBytes) {
            m_tooLarge = tr("%1 holds a cell text or tag of more than %2 (the limit for one value)")
                             .arg(m_name, sizeText(kMaxRunBytes));
            return -1;
        }
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    unzFile m_zip = nullptr;
    bool m_entryOpen = false;
    QString m_name;
    qint64 m_limit;
    qint64 m_inflated = 0;
    qint64 m_run = 0; // bytes since the last '<'
    QString m_tooLarge;
};

class Part final {
public:
    Part(const QString& path, const QString& name, qint64 limit = kMaxOtherPartBytes)
        : m_entry(path, name, limit) {
        if (present())
            m_xml.setDevice(&m_entry);
    }
    bool present() const { return m_entry.isOpen(); }
    QXmlStreamReader& xml() { return m_xml; }
    qint64 compressedRead() const { return m_entry.compressedPosition(); }

private:
    ZipEntry m_entry;
    QXmlStreamReader m_xml;
};

// The text of the element the reader stands on (its <t> descendants for rich text), phonetic runs left out.
QString stringItem(QXmlStreamReader& xml) {
    QString text;
    const QStringView end = xml.name();
    const QString endName = end.toString();
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            if (xml.name() == QLatin1String("t"))
                text += xml.readElementText(QXmlStreamReader::IncludeChildElements);
            else if (xml.name() == QLatin1String("rPh"))
                xml.skipCurrentElement();
        } else if (token == QXmlStreamReader::EndElement && xml.name() == endName) {
            break;
        }
    }
    return unescapeXstring(text);
}

struct Workbook {
    struct Sheet {
        QString name;
        QString part; // zip entry, e.g. xl/worksheets/sheet1.xml
    };
    QList<Sheet> sheets;
    bool date1904 = false;
    QString sharedStrings = QStringLiteral("xl/sharedStrings.xml");
    QString styles = QStringLiteral("xl/styles.xml");
};

void requireXml(QXmlStreamReader& xml, const QString& path, const QString& part) {
    if (const auto* entry = dynamic_cast<const ZipEntry*>(xml.device());
        entry && !entry->tooLarge().isEmpty())
        throwError(ErrorKind::Data,
                   tr("%1 is too large to import: %2").arg(QFileInfo(path).fileName(), entry->tooLarge()));
    if (xml.hasError())
        throwError(ErrorKind::Data, tr("%1 is not a readable XLSX workbook: %2 (%3)")
                                        .arg(QFileInfo(path).fileName(), xml.errorString(), part));
}

QString partPath(const QString& target) {
    if (target.startsWith(QLatin1Char('/')))
        return target.mid(1);
    return target.startsWith(QLatin1String("xl/")) ? target : QStringLiteral("xl/") + target;
}

Workbook readWorkbook(const QString& path) {
    Workbook book;
    QHash<QString, QString> targets; // relationship id → part
    {
        Part rels(path, QStringLiteral("xl/_rels/workbook.xml.rels"));
        if (!rels.present())
            throwError(ErrorKind::Data,
                       tr("%1 is not an XLSX workbook (no xl/_rels/workbook.xml.rels inside)")
                           .arg(QFileInfo(path).fileName()));
        auto& xml = rels.xml();
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement &&
                xml.name() == QLatin1String("Relationship")) {
                const auto a = xml.attributes();
                const QString part = partPath(a.value(QLatin1String("Target")).toString());
                const QStringView type = a.value(QLatin1String("Type"));
                targets.insert(a.value(QLatin1String("Id")).toString(), part);
                if (type.endsWith(QLatin1String("/sharedStrings")))
                    book.sharedStrings = part;
                else if (type.endsWith(QLatin1String("/styles")))
                    book.styles = part;
            }
        }
        requireXml(xml, path, QStringLiteral("workbook.xml.rels"));
    }
    Part wb(path, QStringLiteral("xl/workbook.xml"));
    if (!wb.present())
        throwError(
            ErrorKind::Data,
            tr("%1 is not an XLSX workbook (no xl/workbook.xml inside)").arg(QFileInfo(path).fileName()));
    auto& xml = wb.xml();
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto a = xml.attributes();
        if (xml.name() == QLatin1String("workbookPr")) {
            const QStringView v = a.value(QLatin1String("date1904"));
            book.date1904 = v == QLatin1String("1") || v == QLatin1String("true");
        } else if (xml.name() == QLatin1String("sheet")) {
            QString id;
            for (const auto& attribute : a) {
                if (attribute.name() == QLatin1String("id"))
                    id = attribute.value().toString(); // r:id, whatever the prefix
            }
            book.sheets.append({a.value(QLatin1String("name")).toString(), targets.value(id)});
        }
    }
    requireXml(xml, path, QStringLiteral("workbook.xml"));
    return book;
}

// A sheet row: its own number and its cells by column (outside the class: clang wants a nested class's
// default member initializers complete before the enclosing class uses its constructor).
struct Row {
    qint64 number = 0;
    QList<ImportValue> cells; // empty when the row holds no value
};

class XlsxRecords final : public RecordSource {
public:
    XlsxRecords(const QString& path, const QString& sheet, bool header)
        : m_path(path)
        , m_total(QFileInfo(path).size()) {
        const Workbook book = readWorkbook(path);
        m_date1904 = book.date1904;
        const Workbook::Sheet* chosen = nullptr;
        for (const Workbook::Sheet& s : book.sheets) {
            if (sheet.isEmpty() || s.name == sheet) {
                chosen = &s;
                break;
            }
        }
        if (!chosen) {
            QStringList names;
            for (const Workbook::Sheet& s : book.sheets)
                names << s.name;
            throwError(ErrorKind::NotFound, tr("the workbook has no sheet \"%1\" (it has: %2)")
                                                .arg(sheet, names.join(QStringLiteral(", "))));
        }
        m_sheetName = chosen->name;
        readSharedStrings(book.sharedStrings);
        readStyles(book.styles);
        m_sheet = std::make_unique<Part>(path, chosen->part, kMaxSheetBytes);
        if (!m_sheet->present())
            throwError(ErrorKind::Data,
                       tr("the workbook's sheet \"%1\" has no part %2").arg(m_sheetName, chosen->part));
        // Without a header the sheet's dimension (or its first row) decides how many fields there are.
        if (header) {
            Row first;
            while (readRow(first) && first.cells.isEmpty()) {
            }
            for (int c = 0; c < first.cells.size(); ++c) {
                const QString name = first.cells[c] ? QString::fromUtf8(*first.cells[c]) : QString();
                m_names << (name.isEmpty() ? columnName(c) : name);
            }
        } else {
            m_pending.emplace();
            while (readRow(*m_pending) && m_pending->cells.isEmpty()) {
            }
            if (m_pending->cells.isEmpty())
                m_pending.reset();
            const int fields = std::max(m_dimension, m_pending ? int(m_pending->cells.size()) : 0);
            for (int c = 0; c < fields; ++c)
                m_names << columnName(c);
        }
    }

    QStringList fieldNames() const override { return m_names; }

    bool next(QList<ImportValue>& fields) override {
        Row row;
        if (m_pending) {
            row = std::move(*m_pending);
            m_pending.reset();
        } else {
            while (readRow(row) && row.cells.isEmpty()) {
            }
            if (row.cells.isEmpty())
                return false;
        }
        for (qsizetype c = m_names.size(); c < row.cells.size(); ++c) {
            if (row.cells[c])
                throwError(ErrorKind::Data, tr("row %1, column %2: a value beyond the sheet's %3 columns")
                                                .arg(row.number)
                                                .arg(columnName(int(c)))
                                                .arg(m_names.size()));
        }
        row.cells.resize(m_names.size());
        fields = std::move(row.cells);
        m_numbers.add(m_records++, row.number);
        return true;
    }

    QString recordLocation(qint64 record) const override {
        return tr("row %1").arg(m_numbers.numberOf(record));
    }
    qint64 bytesRead() const override { return m_sheet ? std::min(m_total, m_sheet->compressedRead()) : 0; }
    qint64 totalBytes() const override { return m_total; }

private:
    static QString columnName(int c) {
        QString name;
        for (++c; c > 0; c = (c - 1) / 26)
            name.prepend(QChar(u'A' + (c - 1) % 26));
        return name;
    }

    void readSharedStrings(const QString& part) {
        Part p(m_path, part, kMaxSharedStringsBytes);
        if (!p.present())
            return;
        qint64 held = 0;
        auto& xml = p.xml();
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("si")) {
                m_shared << stringItem(xml).toUtf8();
                held += m_shared.constLast().size() + 48;
                if (held > kMaxSharedStringsMemory)
                    throwError(
                        ErrorKind::Data,
                        tr("%1 is too large to import: its %2 shared strings take more than %3 (the limit)")
                            .arg(QFileInfo(m_path).fileName())
                            .arg(m_shared.size())
                            .arg(sizeText(kMaxSharedStringsMemory)));
            }
        }
        requireXml(xml, m_path, part);
    }

    void readStyles(const QString& part) {
        Part p(m_path, part);
        if (!p.present())
            return;
        QHash<int, NumberKind> custom;
        auto& xml = p.xml();
        bool inCellXfs = false;
        while (!xml.atEnd()) {
            const auto token = xml.readNext();
            if (token == QXmlStreamReader::EndElement && xml.name() == QLatin1String("cellXfs"))
                inCellXfs = false;
            if (token != QXmlStreamReader::StartElement)
                continue;
            const auto a = xml.attributes();
            if (xml.name() == QLatin1String("numFmt")) {
                custom.insert(a.value(QLatin1String("numFmtId")).toInt(),
                              customFormat(a.value(QLatin1String("formatCode")).toString()));
            } else if (xml.name() == QLatin1String("cellXfs")) {
                inCellXfs = true;
            } else if (inCellXfs && xml.name() == QLatin1String("xf")) {
                const int id = a.value(QLatin1String("numFmtId")).toInt();
                m_styles << custom.value(id, builtInFormat(id));
            }
        }
        requireXml(xml, m_path, part);
    }

    // The next <row> of the sheet; false at the end of its data.
    bool readRow(Row& row) {
        row.cells.clear();
        auto& xml = m_sheet->xml();
        while (!xml.atEnd()) {
            const auto token = xml.readNext();
            if (token != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == QLatin1String("dimension")) {
                const QStringView ref = xml.attributes().value(QLatin1String("ref"));
                const qsizetype colon = ref.indexOf(QLatin1Char(':'));
                m_dimension = colon < 0 ? 0 : std::min(columnOf(ref.mid(colon + 1)) + 1, kMaxColumns);
            } else if (xml.name() == QLatin1String("row")) {
                const QStringView r = xml.attributes().value(QLatin1String("r"));
                row.number = r.isEmpty() ? m_lastRow + 1 : r.toLongLong();
                m_lastRow = row.number;
                readCells(row);
                return true;
            }
        }
        requireXml(xml, m_path, m_sheetName);
        return false;
    }

    void readCells(Row& row) {
        auto& xml = m_sheet->xml();
        int next = 0;
        bool any = false;
        while (xml.readNextStartElement()) {
            if (xml.name() != QLatin1String("c")) {
                xml.skipCurrentElement();
                continue;
            }
            const auto a = xml.attributes();
            const int byRef = columnOf(a.value(QLatin1String("r")));
            const int column = byRef >= 0 ? byRef : next;
            if (column >= kMaxColumns)
                throwError(ErrorKind::Data,
                           tr("row %1: a cell beyond column XFD, the last a sheet has").arg(row.number));
            next = column + 1;
            const QStringView type = a.value(QLatin1String("t"));
            const int style = a.value(QLatin1String("s")).toInt();
            QString v;
            bool inlineText = false;
            bool hasValue = false;
            while (xml.readNextStartElement()) {
                if (xml.name() == QLatin1String("v")) {
                    v = xml.readElementText();
                    hasValue = true;
                } else if (xml.name() == QLatin1String("is")) {
                    v = stringItem(xml);
                    inlineText = hasValue = true;
                } else {
                    xml.skipCurrentElement(); // <f>, <extLst>
                }
            }
            if (!hasValue)
                continue;
            ImportValue value = cellValue(row.number, column, type, style, v, inlineText);
            if (!value)
                continue;
            if (row.cells.size() <= column)
                row.cells.resize(column + 1);
            row.cells[column] = std::move(value);
            any = true;
        }
        if (!any)
            row.cells.clear();
    }

    ImportValue cellValue(qint64 rowNumber, int column, QStringView type, int style, const QString& v,
                          bool inlineText) {
        if (inlineText || type == QLatin1String("inlineStr") || type == QLatin1String("str"))
            return (inlineText ? v : unescapeXstring(v)).toUtf8();
        if (type == QLatin1String("s")) {
            bool ok = false;
            const int index = v.toInt(&ok);
            if (!ok || index < 0 || index >= m_shared.size())
                throwError(ErrorKind::Data, tr("row %1, column %2: shared string %3 does not exist")
                                                .arg(rowNumber)
                                                .arg(columnName(column))
                                                .arg(v));
            return m_shared[index];
        }
        if (type == QLatin1String("b"))
            return v.trimmed() == QLatin1String("1") ? QByteArrayLiteral("true") : QByteArrayLiteral("false");
        if (type == QLatin1String("e"))
            throwError(ErrorKind::Data, tr("row %1, column %2: the cell holds the error %3")
                                            .arg(rowNumber)
                                            .arg(columnName(column))
                                            .arg(v));
        if (type == QLatin1String("d"))
            return v.toUtf8(); // ISO 8601 already
        const NumberKind kind = style >= 0 && style < m_styles.size() ? m_styles[style] : NumberKind::Plain;
        return kind == NumberKind::Plain ? number(v) : dateTime(rowNumber, column, v, kind);
    }

    // The stored text, unless it carries a double's 17-digit noise (0.10000000000000001): then the shortest
    // text that reads back as the same double, which is what the spreadsheet showed.
    static QByteArray number(const QString& v) {
        QByteArray text = v.trimmed().toLatin1();
        int digits = 0;
        for (const char c : std::as_const(text))
            digits += c >= '0' && c <= '9';
        if (digits < 17 || !(text.contains('.') || text.contains('E') || text.contains('e')))
            return text;
        double value = 0;
        const auto [end, ec] = std::from_chars(text.constData(), text.constData() + text.size(), value);
        if (ec != std::errc() || end != text.constData() + text.size())
            return text;
        char out[64];
        const auto result = std::to_chars(out, out + sizeof out, value);
        return QByteArray(out, result.ptr - out);
    }

    QByteArray dateTime(qint64 rowNumber, int column, const QString& v, NumberKind kind) const {
        bool ok = false;
        const double serial = v.toDouble(&ok);
        if (!ok || !std::isfinite(serial) || serial < 0 || serial > 2958466)
            throwError(ErrorKind::Data,
                       tr("row %1, column %2: %3 is no date").arg(rowNumber).arg(columnName(column)).arg(v));
        qint64 ms = qint64(std::llround(serial * 86400000.0));
        const qint64 days = ms / 86400000;
        ms %= 86400000;
        QDate date;
        if (m_date1904)
            date = QDate(1904, 1, 1).addDays(days);
        else if (days >= 61 || days == 0)
            date = QDate(1899, 12, 30).addDays(days); // 0 shows as 1900-01-00 in Excel; 1899-12-30 here
        else if (days == 60)
            return QByteArrayLiteral("1900-02-29"); // Lotus's leap day: PostgreSQL refuses it, naming the row
        else
            date = QDate(1899, 12, 31).addDays(days);
        const QString time =
            QStringLiteral("%1:%2:%3")
                .arg(ms / 3600000, 2, 10, QLatin1Char('0'))
                .arg(ms / 60000 % 60, 2, 10, QLatin1Char('0'))
                .arg(ms / 1000 % 60, 2, 10, QLatin1Char('0')) +
            (ms % 1000 ? QStringLiteral(".%1").arg(ms % 1000, 3, 10, QLatin1Char('0')) : QString());
        if (kind == NumberKind::Time && days == 0)
            return time.toLatin1();
        if (kind == NumberKind::Date && ms == 0)
            return date.toString(Qt::ISODate).toLatin1();
        return (date.toString(Qt::ISODate) + QLatin1Char(' ') + time).toLatin1();
    }

    QString m_path;
    qint64 m_total;
    QString m_sheetName;
    bool m_date1904 = false;
    QList<QByteArray> m_shared;
    QList<NumberKind> m_styles; // by cellXfs index
    std::unique_ptr<Part> m_sheet;
    QStringList m_names;
    std::optional<Row> m_pending; // without a header: the first row, read to count the fields
    int m_dimension = 0;
    qint64 m_lastRow = 0;
    qint64 m_records = 0;
    RecordNumbers m_numbers;
};

} // namespace

QStringList xlsxSheetNames(const QString& path) {
    QStringList names;
    for (const Workbook::Sheet& s : readWorkbook(path).sheets)
        names << s.name;
    return names;
}

std::unique_ptr<RecordSource> openXlsxRecords(const QString& path, const QString& sheet, bool header) {
    return std::make_unique<XlsxRecords>(path, sheet, header);
}

} // namespace pgdesk::core
