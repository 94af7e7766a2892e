// SPDX-License-Identifier: GPL-3.0-or-later
// CSV turned into COPY's text format for imports (CsvToCopyText): what each rule makes, the same output
// whatever pieces the input comes in, and, against the real server, the same rows — or the same error —
// as the server's own CSV parser given the same bytes, for every case here.
#include "scratchschema.h"
#include "testcluster.h"
#include "transfer/csvtext.h"
#include <pgdesk/core/session/copy.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/transfer/importer.h>

#include <QBuffer>
#include <QRegularExpression>
#include <QTest>

using namespace pgdesk::core;

namespace {

struct Converted {
    QByteArray text;
    QString error; // the message, when it failed
    bool ended = false;
};

// The whole input at once, or byte by byte.
Converted convert(const QByteArray& csv, bool header = false, char delimiter = ',',
                  const QByteArray& null = {}, bool byteByByte = false) {
    Converted c;
    try {
        CsvToCopyText t(delimiter, null, header);
        bool more = true;
        if (byteByByte) {
            for (qsizetype i = 0; more && i < csv.size(); ++i)
                more = t.feed(csv.constData() + i, 1, c.text);
        } else {
            more = t.feed(csv.constData(), csv.size(), c.text);
        }
        c.ended = !more;
        if (more)
            t.finish(c.text);
    } catch (const Error& e) {
        c.error = e.info().message;
    }
    return c;
}

struct Case {
    Case(const char* n, QByteArray c, bool h = false, char d = ',', QByteArray nl = {})
        : name(n)
        , csv(std::move(c))
        , header(h)
        , delimiter(d)
        , null(std::move(nl)) {}
    const char* name;
    QByteArray csv;
    bool header;
    char delimiter;
    QByteArray null;
};

// Inputs the server reads one way or another: each goes through both parsers.
QList<Case> cases() {
    return {
        {"plain", "1,a\n2,b\n"},
        {"header", "id,name\n1,a\n", true},
        {"null and empty", "1,\n2,\"\"\n", false},
        {"quotes doubled", "1,\"a\"\"b\"\n"},
        {"quote mid-value", "1,ab\"c,d\"e\n"},
        {"line ends in quotes", "1,\"l1\nl2\"\n2,\"c\rr\"\n"},
        {"backslashes and tabs", "1,a\\b\tc\\N\n2,\\\\.\n"},
        {"no last line end", "1,a\n2,b"},
        {"CR LF", "1,a\r\n2,b\r\n"},
        {"CR", "1,a\r2,b\r"},
        {"CR LF then LF", "1,a\r\n2,b\n"},
        {"LF then CR", "1,a\n2,b\r3,c\n"},
        {"CR LF then CR", "1,a\r\n2,b\r3,c\r\n"},
        {"end marker", "1,a\n\\.\n2,b\n"},
        {"end marker CR LF", "1,a\r\n\\.\r\n2,b\r\n"},
        {"end marker with LF in a CR LF file", "1,a\r\n\\.\n2,b\r\n"},
        {"end marker at the end", "1,a\n\\."},
        {"end marker then more", "1,a\n\\.x\n"},
        {"end marker first", "\\.\n1,a\n"},
        {"end marker with CR in an LF file", "1,a\n\\.\r2,b\n"},
        {"unterminated quote", "1,\"a\n2,b\n"},
        {"missing field", "1\n"},
        {"extra field", "1,a,b\n"},
        {"empty line", "1,a\n\n2,b\n"},
        {"NULL text", "1,NULL\n2,\"NULL\"\n3,\n", false, ',', "NULL"},
        {"semicolons", "1;\"a;b\"\n2;c,d\n", false, ';'},
        {"tabs", "1\t\"a\tb\"\n2\tc\n", false, '\t'},
        {"unicode", "1,\"שלום, עולם\"\n2,😀\n"},
        {"header with a quoted line end", "\"id\nx\",name\n1,a\n", true},
    };
}

} // namespace

class TestCsvText final : public QObject {
    Q_OBJECT
    std::optional<pgdesk::test::ScratchSchema> m_scratch;
    Connection m_c;
    const QString m_schema = QStringLiteral("csvtext_%1").arg(QCoreApplication::applicationPid());

    QString table(const char* which) const { return m_schema + QLatin1Char('.') + QLatin1String(which); }
    QStringList rows(const char* which) {
        const Result r = m_c.exec(QStringLiteral("select coalesce(id::text, '<N>') || '|' || "
                                                 "coalesce(quote_literal(v), '<NULL>') from %1 order by id")
                                      .arg(table(which)));
        QStringList out;
        for (int i = 0; i < r.rowCount(); ++i)
            out << r.text(i, 0);
        return out;
    }

private slots:
    void initTestCase() {
        m_c = Connection::open(pgdesk::test::profile());
        m_scratch.emplace(m_schema, QStringLiteral("create table $S.ours (id int, v text);"
                                                   "create table $S.server (id int, v text)"));
    }

    void eachRule() {
        QCOMPARE(convert("id,name\n1,a\n", true).text, QByteArray("1\ta\n"));
        QCOMPARE(convert("1,\n2,\"\"\n").text, QByteArray("1\t\\N\n2\t\n"));
        QCOMPARE(convert("\"a\"\"b\",ab\"c,d\"e\n").text, QByteArray("a\"b\tabc,de\n"));
        QCOMPARE(convert("\"l1\nl2\",\"c\rr\"\n").text, QByteArray("l1\\nl2\tc\\rr\n"));
        QCOMPARE(convert("a\\b\tc\n").text, QByteArray("a\\\\b\\tc\n"));
        QCOMPARE(convert("NULL,\"NULL\",\n", false, ',', "NULL").text, QByteArray("\\N\tNULL\t\n"));
        QCOMPARE(convert("1\r2\r").text, QByteArray("1\n2\n"));
        QCOMPARE(convert("1\r\n2").text, QByteArray("1\n2\n"));
        QCOMPARE(convert("\n").text, QByteArray("\\N\n")); // an empty line is one unquoted empty value

        const Converted marker = convert("1\n\\.\n2\n");
        QVERIFY(marker.ended);
        QCOMPARE(marker.text, QByteArray("1\n"));
        QCOMPARE(convert("\\.x\n").text, QByteArray("\\\\.x\n"));
        QCOMPARE(convert("1\n\\.").text, QByteArray("1\n\\\\.\n")); // at the very end it is data

        QCOMPARE(convert("1\n2\r3\n").error,
                 QStringLiteral("line 2: unquoted carriage return found in data"));
        QCOMPARE(convert("1\r\n2\n").error, QStringLiteral("line 2: unquoted newline found in data"));
        QCOMPARE(convert("1\n\"a\n").error, QStringLiteral("line 2: unterminated CSV quoted field"));
        QCOMPARE(convert("h\n1\n\\.\r", true).error,
                 QStringLiteral("line 3: end-of-copy marker does not match previous newline style"));
    }

    // What the server would refuse as CSV options is refused before anything is read or sent.
    void optionsTheServerRefuses() {
        const auto refused = [this](char delimiter, const QString& null) {
            QBuffer buffer;
            buffer.setData("1,a\n");
            buffer.open(QIODevice::ReadOnly);
            ImportOptions o;
            o.delimiter = delimiter;
            o.nullText = null;
            o.columns = {QStringLiteral("id"), QStringLiteral("v")};
            try {
                Importer(m_c, CatalogReader(m_c).table(m_schema, QStringLiteral("ours")))
                    .importCsv(buffer, o);
            } catch (const ConfigurationError& e) {
                return e.info().message;
            }
            return QString();
        };
        QCOMPARE(refused('"', {}), QStringLiteral("COPY delimiter and quote must be different"));
        QCOMPARE(refused('\n', {}), QStringLiteral("COPY delimiter cannot be newline or carriage return"));
        QCOMPARE(refused(',', QStringLiteral("a\rb")),
                 QStringLiteral("COPY null representation cannot use newline or carriage return"));
        QCOMPARE(refused(';', QStringLiteral("x;y")),
                 QStringLiteral("COPY delimiter character must not appear in the NULL specification"));
        QCOMPARE(refused(',', QStringLiteral("\"")),
                 QStringLiteral("CSV quote character must not appear in the NULL specification"));
        QCOMPARE(rows("ours"), QStringList());
    }

    // The output does not depend on where the input was cut.
    void piecesDoNotMatter() {
        for (const Case& c : cases()) {
            const Converted whole = convert(c.csv, c.header, c.delimiter, c.null);
            const Converted bytes = convert(c.csv, c.header, c.delimiter, c.null, true);
            QVERIFY2(whole.text == bytes.text && whole.error == bytes.error, c.name);
        }
    }

    // Values longer than the sixteen bytes the search takes at a time, with each byte that means something
    // (to CSV or to COPY text) at every offset: the same as byte by byte, and COPY text escaped as the
    // plain rule says.
    void longRunsAtEveryOffset() {
        const auto escaped = [](const QByteArray& v) {
            QByteArray out;
            for (const char c : v)
                out += c == '\\'   ? QByteArray("\\\\")
                       : c == '\t' ? QByteArray("\\t")
                       : c == '\n' ? QByteArray("\\n")
                       : c == '\r' ? QByteArray("\\r")
                                   : QByteArray(1, c);
            return out;
        };
        for (int length = 0; length <= 48; ++length) {
            for (const char special : {'\\', '\t', '\n', '\r', ',', '"'}) {
                for (int at = 0; at < length; ++at) {
                    QByteArray value(length, 'x');
                    value[at] = special;
                    QByteArray text;
                    pq::appendCopyText(text, value);
                    QCOMPARE(text, escaped(value));
                    const QByteArray quoted = '"' + QByteArray(value).replace('"', "\"\"") + '"';
                    const QByteArray csv = "a," + quoted + ",b\n" + quoted + "\n";
                    const Converted whole = convert(csv);
                    QCOMPARE(whole.text, convert(csv, false, ',', {}, true).text);
                    QCOMPARE(whole.text, "a\t" + escaped(value) + "\tb\n" + escaped(value) + "\n");
                    if (special != ',' && special != '"' && special != '\n' && special != '\r') {
                        const QByteArray bare = value + ',' + value + '\n'; // unquoted
                        QCOMPARE(convert(bare).text, escaped(value) + '\t' + escaped(value) + '\n');
                    }
                }
            }
        }
    }

    // The same bytes through the server's own CSV parser (COPY … (FORMAT csv)) and through the import's
    // conversion give the same rows, or both fail with the same message.
    void sameAsTheServersCsvParser() {
        for (const Case& c : cases()) {
            m_c.exec(QStringLiteral("truncate %1, %2").arg(table("ours"), table("server")));
            QString serverError;
            QString serverLine; // "line N" of the server's context
            try {
                bool sent = false;
                pq::copyIn(m_c,
                           QStringLiteral("COPY %1 FROM STDIN (FORMAT csv, HEADER %2, DELIMITER %3, NULL %4)")
                               .arg(table("server"),
                                    c.header ? QStringLiteral("true") : QStringLiteral("false"),
                                    m_c.quoteLiteral(QString(QLatin1Char(c.delimiter))),
                                    m_c.quoteLiteral(QString::fromUtf8(c.null))),
                           [&](QByteArray& chunk) {
                               chunk = sent ? QByteArray() : c.csv;
                               sent = true;
                               return !chunk.isEmpty();
                           });
            } catch (const Error& e) {
                serverError = e.info().message;
                const auto m = QRegularExpression(QStringLiteral("line \\d+")).match(e.info().context);
                serverLine = m.captured(0);
            }
            QString ourError;
            try {
                QBuffer buffer;
                buffer.setData(c.csv);
                buffer.open(QIODevice::ReadOnly);
                ImportOptions o;
                o.header = c.header; // skipped: the columns are given
                o.delimiter = c.delimiter;
                o.nullText = QString::fromUtf8(c.null);
                o.columns = {QStringLiteral("id"), QStringLiteral("v")};
                Importer(m_c, CatalogReader(m_c).table(m_schema, QStringLiteral("ours")))
                    .importCsv(buffer, o);
            } catch (const Error& e) {
                ourError = e.info().message;
            }
            // Ours names the line first ("line 3: …", or "line 3, column v: "x": …" from the server).
            QVERIFY2(serverError.isEmpty() == ourError.isEmpty(),
                     qPrintable(QStringLiteral("%1: server \"%2\", ours \"%3\"")
                                    .arg(QLatin1String(c.name), serverError, ourError)));
            if (!serverError.isEmpty()) {
                QVERIFY2(ourError.endsWith(QStringLiteral(": ") + serverError) &&
                             ourError.startsWith(serverLine),
                         qPrintable(QStringLiteral("%1: server \"%2\", ours \"%3\"")
                                        .arg(QLatin1String(c.name), serverError, ourError)));
                continue;
            }
            QVERIFY2(rows("ours") == rows("server"),
                     qPrintable(QStringLiteral("%1: server %2, ours %3")
                                    .arg(QLatin1String(c.name), rows("server").join(QLatin1Char(' ')),
                                         rows("ours").join(QLatin1Char(' ')))));
        }
    }
};

QTEST_GUILESS_MAIN(TestCsvText)
#include "tst_csvtext.moc"
