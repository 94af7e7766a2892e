// SPDX-License-Identifier: GPL-3.0-or-later
// ExactDecimal: sums, comparisons and averages of decimal text without double: pure, no server.
#include <pgdesk/core/base/exactdecimal.h>

#include <QTest>

using namespace pgdesk::core;

namespace {
ExactDecimal d(const char* text) {
    const auto parsed = ExactDecimal::parse(QString::fromLatin1(text));
    if (!parsed)
        qFatal("not a number: %s", text);
    return *parsed;
}
} // namespace

class TestExactDecimal : public QObject {
    Q_OBJECT
private slots:
    void parseAndPrint() {
        QCOMPARE(d("-0012.3400").toString(), QStringLiteral("-12.3400"));
        QCOMPARE(d("0.5").toString(), QStringLiteral("0.5"));
        QCOMPARE(d("-0.000").toString(), QStringLiteral("0.000"));
        QCOMPARE(d("1.5e-07").toString(), QStringLiteral("0.00000015"));
        QCOMPARE(d("2E+3").toString(), QStringLiteral("2000"));
        QCOMPARE(d("+7").toString(), QStringLiteral("7"));
        for (const char* bad : {"", "NaN", "Infinity", "-Infinity", "1.2.3", "12a", "e5", "1e", "-"})
            QVERIFY2(!ExactDecimal::parse(QString::fromLatin1(bad)), bad);
    }
    void sumsExactToTheLastDigit() {
        // numeric(30,10) values a double cannot hold: their sum must keep every digit.
        ExactDecimal sum;
        sum = sum + d("12345678901234567890.1234567891");
        sum = sum + d("0.0000000009");
        sum = sum + d("-2345678901234567890.1234567890");
        QCOMPARE(sum.toString(), QStringLiteral("10000000000000000000.0000000010"));
        QCOMPARE((d("0.1") + d("0.2")).toString(), QStringLiteral("0.3"));
        QCOMPARE((d("-5") + d("3.25")).toString(), QStringLiteral("-1.75"));
        QCOMPARE((d("5") + d("-5.00")).toString(), QStringLiteral("0.00"));
        QCOMPARE((d("999") + d("1")).toString(), QStringLiteral("1000"));
    }
    void compares() {
        QCOMPARE(d("1.50").compare(d("1.5")), 0);
        QCOMPARE(d("-2").compare(d("1")), -1);
        QCOMPARE(d("-2").compare(d("-10")), 1);
        QCOMPARE(d("10").compare(d("9.999")), 1);
        QCOMPARE(d("0").compare(d("-0.0")), 0);
    }
    void averages() {
        QCOMPARE(d("3").dividedBy(2, 16).toString(), QStringLiteral("1.5000000000000000"));
        QCOMPARE(d("2").dividedBy(3, 4).toString(), QStringLiteral("0.6667"));
        QCOMPARE(d("-2").dividedBy(3, 4).toString(), QStringLiteral("-0.6667"));
        QCOMPARE(d("0.25").dividedBy(1, 1).toString(), QStringLiteral("0.3")); // half away from zero
        QCOMPARE(d("0.2499999").dividedBy(1, 1).toString(), QStringLiteral("0.2"));
        QCOMPARE(d("10000000000000000000.0000000010").dividedBy(2, 11).toString(),
                 QStringLiteral("5000000000000000000.00000000050"));
    }
};

QTEST_GUILESS_MAIN(TestExactDecimal)
#include "tst_exactdecimal.moc"
