// SPDX-License-Identifier: GPL-3.0-or-later
// findInvalidValue(): values checked by the server's own input functions, the first refused one named.
#include "scratchschema.h"
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/valuecheck.h>
#include <pgdesk/core/session/connection.h>

#include <QCoreApplication>
#include <QTest>

using namespace pgdesk::core;

class TestValueCheck : public QObject {
    Q_OBJECT
    std::optional<pgdesk::test::ScratchSchema> m_scratch;
    Connection m_c;
    QString m_schema = QStringLiteral("tst_valuecheck_%1").arg(QCoreApplication::applicationPid());

private slots:
    void initTestCase() {
        m_scratch.emplace(m_schema, QStringLiteral("create domain $S.small as int check (value < 10);"));
        m_c = Connection::open(pgdesk::test::profile());
    }
    void cleanupTestCase() {
        m_c = Connection();
        m_scratch.reset();
    }
    void pure() {
        QVERIFY(!checkValueLength(QStringLiteral("character varying(3)"), QStringLiteral("abc")));
        QVERIFY(
            !checkValueLength(QStringLiteral("character varying(3)"), QStringLiteral("abc   "))); // blanks go
        QVERIFY(checkValueLength(QStringLiteral("character varying(3)"), QStringLiteral("abcd")));
        QVERIFY(checkValueLength(QStringLiteral("character(2)"), QStringLiteral("äöü")));
        QVERIFY(!checkValueLength(QStringLiteral("text"), QStringLiteral("anything")));
        QVERIFY(!typeCanRefuse(QStringLiteral("text")));
        QVERIFY(typeCanRefuse(QStringLiteral("date")));
    }
    void allGood() {
        QVERIFY(!findInvalidValue(m_c, QStringLiteral("date"),
                                  {QStringLiteral("2024-02-29"), std::nullopt, QStringLiteral("Jan 5 2024"),
                                   QStringLiteral("today")}));
        QVERIFY(!findInvalidValue(m_c, QStringLiteral("numeric(30,10)"), {QStringLiteral("1.5")}));
        QVERIFY(!findInvalidValue(m_c, QStringLiteral("text"), {QString()}));
    }
    void firstBadNamed() {
        QList<std::optional<QString>> values;
        for (int i = 0; i < 1000; ++i)
            values << QStringLiteral("2024-01-%1").arg(1 + i % 28, 2, 10, QLatin1Char('0'));
        values[617] = QStringLiteral("2024-02-30");
        values[900] = QStringLiteral("not a date");
        const auto bad = findInvalidValue(m_c, QStringLiteral("date"), values);
        QVERIFY(bad);
        QCOMPARE(bad->index, 617);
        QVERIFY2(bad->message.contains(QLatin1String("2024-02-30")), qPrintable(bad->message));
    }
    void emptyStringIsAValue() {
        const auto bad = findInvalidValue(m_c, QStringLiteral("integer"), {QStringLiteral("1"), QString("")});
        QVERIFY(bad);
        QCOMPARE(bad->index, 1);
        QVERIFY(!findInvalidValue(m_c, QStringLiteral("integer"), {QStringLiteral("1"), std::nullopt}));
    }
    void rangesDomainsAndLengths() {
        auto bad =
            findInvalidValue(m_c, QStringLiteral("smallint"), {QStringLiteral("5"), QStringLiteral("40000")});
        QVERIFY(bad && bad->index == 1);
        bad = findInvalidValue(m_c, QStringLiteral("numeric(5,2)"),
                               {QStringLiteral("999.994"), QStringLiteral("1000")});
        QVERIFY(bad && bad->index == 1);
        bad = findInvalidValue(m_c, m_schema + QStringLiteral(".small"),
                               {QStringLiteral("3"), QStringLiteral("12")});
        QVERIFY(bad && bad->index == 1);
        bad = findInvalidValue(m_c, QStringLiteral("character varying(3)"),
                               {QStringLiteral("abc"), QStringLiteral("abcd")});
        QVERIFY(bad && bad->index == 1);
        bad = findInvalidValue(m_c, QStringLiteral("integer[]"),
                               {QStringLiteral("{1,2}"), QStringLiteral("{x}")});
        QVERIFY(bad && bad->index == 1);
    }
    void otherErrorsAreThrown() {
        QVERIFY_THROWS_EXCEPTION(
            Error, findInvalidValue(m_c, QStringLiteral("no_such_type"), {QStringLiteral("1")}));
    }
};

QTEST_GUILESS_MAIN(TestValueCheck)
#include "tst_valuecheck.moc"
