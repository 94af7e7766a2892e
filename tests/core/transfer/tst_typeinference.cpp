// SPDX-License-Identifier: GPL-3.0-or-later
// Types for a table made from a file: never narrower than a value seen, numbers kept exact, codes with
// leading zeros kept as text, dates widening to timestamps; column names made unique and short enough.
#include <pgdesk/core/transfer/typeinference.h>

#include <QTest>

using namespace pgdesk::core;

namespace {

QString typeOf(const QStringList& values) {
    QList<std::optional<QString>> column;
    for (const QString& v : values)
        column << (v == QLatin1String("<NULL>") ? std::nullopt : std::optional<QString>(v));
    return inferColumnType(column);
}

} // namespace

class TestTypeInference final : public QObject {
    Q_OBJECT
private slots:
    void singleKinds_data() {
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<QString>("type");
        QTest::newRow("integer") << QStringList{"1", "-2", "+3", "0", "2147483647"} << "integer";
        QTest::newRow("bigint") << QStringList{"1", "2147483648"} << "bigint";
        QTest::newRow("past bigint") << QStringList{"1", "99999999999999999999"} << "numeric";
        QTest::newRow("numeric") << QStringList{"1.5", "-0.000000000000000000000000000001", "1e3", ".5"}
                                 << "numeric";
        QTest::newRow("30 digits") << QStringList{"123456789012345678901234567890.12"} << "numeric";
        QTest::newRow("postal code") << QStringList{"12345", "01234"} << "text";
        QTest::newRow("zero point") << QStringList{"0.5", "-0.25", "0"} << "numeric";
        QTest::newRow("boolean") << QStringList{"true", "FALSE", "t", "f", "yes", "No"} << "boolean";
        QTest::newRow("1 and 0 are numbers") << QStringList{"1", "0"} << "integer";
        QTest::newRow("date") << QStringList{"2024-02-29", "1900-03-01"} << "date";
        QTest::newRow("no such date") << QStringList{"2023-02-29"} << "text";
        QTest::newRow("timestamp") << QStringList{"2024-02-29 12:30:45", "2024-02-29T00:00:00.5"}
                                   << "timestamp without time zone";
        QTest::newRow("date and timestamp")
            << QStringList{"2024-02-29", "2024-02-29 12:30"} << "timestamp without time zone";
        QTest::newRow("zone") << QStringList{"2024-02-29 12:30:45+01", "2024-02-29 12:30:45Z", "2024-02-29"}
                              << "timestamp with time zone";
        QTest::newRow("time") << QStringList{"12:30", "23:59:59.123456", "24:00:00"}
                              << "time without time zone";
        QTest::newRow("no such time") << QStringList{"25:00"} << "text";
        QTest::newRow("uuid") << QStringList{"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
                                             "00000000-0000-0000-0000-000000000000"}
                              << "uuid";
        QTest::newRow("json") << QStringList{"{\"a\": [1, 2]}", "[]", "[\"x\"]"} << "jsonb";
        QTest::newRow("json and a string") << QStringList{"{\"a\": 1}", "x"} << "text";
        QTest::newRow("broken json") << QStringList{"{\"a\": 1"} << "text";
        QTest::newRow("NULLs are no evidence") << QStringList{"<NULL>", "7", "<NULL>"} << "integer";
        QTest::newRow("all NULL") << QStringList{"<NULL>", "<NULL>"} << "text";
        QTest::newRow("nothing") << QStringList{} << "text";
        QTest::newRow("empty string is text") << QStringList{"1", ""} << "text";
        QTest::newRow("blanks are text") << QStringList{" 1"} << "text";
        QTest::newRow("number and date") << QStringList{"1", "2024-01-01"} << "text";
        QTest::newRow("boolean and number") << QStringList{"true", "1"} << "text";
        QTest::newRow("unicode digits are text") << QStringList{"١٢٣"} << "text";
        QTest::newRow("text with % _ \\") << QStringList{"50%", "a_b", "c\\d"} << "text";
        QTest::newRow("NaN is text") << QStringList{"NaN"} << "text";
    }
    void singleKinds() {
        QFETCH(QStringList, values);
        QFETCH(QString, type);
        QCOMPARE(typeOf(values), type);
    }

    void recordsByColumn() {
        const QList<QList<std::optional<QString>>> records{
            {QStringLiteral("1"), QStringLiteral("x"), std::nullopt},
            {QStringLiteral("2"), std::nullopt}, // short: the missing field is NULL
        };
        QCOMPARE(inferColumnTypes(records, 3), (QStringList{"integer", "text", "text"}));
        const QList<QList<std::optional<QByteArray>>> bytes{{QByteArray("2024-01-01"), QByteArray("ü")}};
        QCOMPARE(inferColumnTypes(bytes, 2), (QStringList{"date", "text"}));
    }

    void columnNames() {
        QCOMPARE(newTableColumnNames({QChar(0xfeff) + QStringLiteral("id"), QStringLiteral(" Name "),
                                      QString(), QStringLiteral("Name"), QStringLiteral("Name"),
                                      QStringLiteral("we\"ird */ $$\nx")}),
                 (QStringList{"id", "Name", "column_3", "Name_2", "Name_3", "we\"ird */ $$ x"}));
        // Control and format characters (a terminal's escape sequence, a bidi override, a tab) never reach a
        // column name; quotes and comment marks do, quoted where the name is written.
        QCOMPARE(newTableColumnNames({QStringLiteral("\x1b[31mred\x1b[0m"), QStringLiteral("a\u202eb\tc"),
                                      QStringLiteral("\x07\x08")}),
                 (QStringList{"[31mred [0m", "a b c", "column_3"}));
        const QString longName = QString(70, QChar(0x05e9)); // 2 bytes each in UTF-8
        const QStringList cut = newTableColumnNames({longName, longName});
        QCOMPARE(cut[0].toUtf8().size(), 62);
        QVERIFY(cut[1].endsWith(QLatin1String("_2")));
        QVERIFY(cut[1].toUtf8().size() <= 63);
        QVERIFY(cut[0] != cut[1]);
        const QString emoji = QString(40, QChar(u'a')) + QString::fromUtf8("\xf0\x9f\x98\x80").repeated(10);
        const QString shortened = newTableColumnNames({emoji}).first();
        QVERIFY(shortened.toUtf8().size() <= 63);
        QVERIFY(!shortened.back().isHighSurrogate()); // cut between characters, never inside one
    }

    void offeredTypesIncludeInferred() {
        const QStringList offered = commonColumnTypes();
        for (const char* t :
             {"integer", "bigint", "numeric", "boolean", "date", "timestamp without time zone",
              "timestamp with time zone", "time without time zone", "uuid", "jsonb", "text"})
            QVERIFY2(offered.contains(QLatin1String(t)), t);
    }
};

QTEST_GUILESS_MAIN(TestTypeInference)
#include "tst_typeinference.moc"
