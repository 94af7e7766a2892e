// SPDX-License-Identifier: GPL-3.0-or-later
// Clipboard text as a table (TSV from spreadsheets, CSV, plain values) and header matching: pure, no server.
#include <pgdesk/core/transfer/clipboardtable.h>

#include <QElapsedTimer>
#include <QTest>

using namespace pgdesk::core;

class TestClipboardTable : public QObject {
    Q_OBJECT
private slots:
    void spreadsheetTsv() {
        // Excel / LibreOffice: quoted fields hold tabs, line breaks and doubled quotes; \r\n between rows.
        const ClipboardTable t = parseClipboardTable(
            QStringLiteral("a\t\"b\tc\"\t\"say \"\"hi\"\"\"\r\n\"two\r\nlines\"\t\t3\r\n"));
        QCOMPARE(t.format, ClipboardTable::Format::Tsv);
        QCOMPARE(t.rows.size(), 2);
        QCOMPARE(t.rows[0], (QStringList{"a", "b\tc", "say \"hi\""}));
        QCOMPARE(t.rows[1], (QStringList{"two\nlines", "", "3"}));
        QCOMPARE(t.cellCount(), 6);
        QCOMPARE(t.columnCount(), 3);
    }
    void trailingEmptyFieldAndNoFinalBreak() {
        const ClipboardTable t = parseClipboardTable(QStringLiteral("1\t\n2\t"));
        QCOMPARE(t.rows, (QList<QStringList>{{"1", ""}, {"2", ""}}));
        // A quote inside a field that does not start with one is part of the value.
        QCOMPARE(parseClipboardTable(QStringLiteral("5\"\tx")).rows.first().first(), QStringLiteral("5\""));
    }
    void csvNeedsTwoEvenLines() {
        const ClipboardTable csv = parseClipboardTable(QStringLiteral("id,name\n1,\"a, b\"\n"));
        QCOMPARE(csv.format, ClipboardTable::Format::Csv);
        QCOMPARE(csv.rows, (QList<QStringList>{{"id", "name"}, {"1", "a, b"}}));
        // One line with commas is one value; uneven lines are lines.
        const ClipboardTable one = parseClipboardTable(QStringLiteral("Hello, world\n"));
        QCOMPARE(one.format, ClipboardTable::Format::Single);
        QCOMPARE(one.rows, (QList<QStringList>{{"Hello, world"}}));
        QCOMPARE(parseClipboardTable(QStringLiteral("a,b\nc")).format, ClipboardTable::Format::Single);
    }
    void plainValues() {
        const ClipboardTable t = parseClipboardTable(QStringLiteral("\"quoted\"\r\n"));
        QCOMPARE(t.format, ClipboardTable::Format::Single);
        QCOMPARE(t.rows, (QList<QStringList>{{"\"quoted\""}}));
        QCOMPARE(parseClipboardTable(QStringLiteral("x\ny")).rows, (QList<QStringList>{{"x"}, {"y"}}));
        QVERIFY(parseClipboardTable(QString()).rows.isEmpty());
        // An empty line is one empty value, not nothing.
        QCOMPARE(parseClipboardTable(QStringLiteral("\n")).rows, (QList<QStringList>{{""}}));
    }
    void largeTextIsLinear() {
        QString text;
        for (int r = 0; r < 10000; ++r) {
            for (int c = 0; c < 10; ++c)
                text += QString::number(r * 10 + c) + (c < 9 ? QLatin1Char('\t') : QLatin1Char('\n'));
        }
        QElapsedTimer timer;
        timer.start();
        const ClipboardTable t = parseClipboardTable(text);
        QCOMPARE(t.cellCount(), 100000);
        QCOMPARE(t.rows.last().last(), QStringLiteral("99999"));
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    }
    void headerMatching() {
        const QStringList columns{"id", "Name", "born"};
        QVERIFY(isHeaderLine({"born", "\xef\xbb\xbfNAME "}, columns));
        QVERIFY(isHeaderLine({"born", ""}, columns));
        QVERIFY(!isHeaderLine({"born", "1999"}, columns));
        QVERIFY(!isHeaderLine({"", ""}, columns));
        QCOMPARE(matchHeaderToColumns({QString(QChar(0xfeff)) + "born", " name", "Name", "other"}, columns),
                 (QStringList{"born", "", "Name", ""}));
        QCOMPARE(matchHeaderToColumns({"NAME", "name"}, {"name", "NAME"}), (QStringList{"NAME", "name"}));
    }
};

QTEST_GUILESS_MAIN(TestClipboardTable)
#include "tst_clipboardtable.moc"
