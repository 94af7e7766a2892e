// SPDX-License-Identifier: GPL-3.0-or-later
// Pinned results and their keyed compare (core/browse/pinnedresult.h, core/compare/resultcompare.h): a query
// read whole into a pinned result on a real server, exact text kept (NULL vs empty, Unicode and right-to-left
// text, % _ \ in values), spilled to a file nobody else can open once over its memory; two results compared
// by a key: a changed cell, a row added and one removed, integer keys in number order, composite keys,
// columns of one side only, a key that is not unique refused.
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/pinnedresult.h>
#include <pgdesk/core/compare/resultcompare.h>
#include <pgdesk/core/session/connection.h>

#include <QCoreApplication>
#include <QDir>
#include <QTest>

using namespace pgdesk::core;
using pgdesk::test::psql;

namespace {

PinnedResult make(const QList<PinnedResult::Column>& columns, const QList<PinnedResult::Row>& rows,
                  qint64 limit = PinnedResult::kDefaultMemoryLimit) {
    PinnedResult p(columns, limit);
    for (const auto& r : rows)
        p.append(r);
    return p;
}

std::optional<QString> v(const char* text) {
    return QString::fromUtf8(text);
}

const PinnedResult::Column kId{QStringLiteral("id"), 23};
const PinnedResult::Column kName{QStringLiteral("name"), 25};

} // namespace

class TestResultCompare final : public QObject {
    Q_OBJECT
    const QString m_db =
        QStringLiteral("tst_resultcompare_") + QString::number(QCoreApplication::applicationPid());

private slots:
    void initTestCase() {
        psql(QStringLiteral("drop database if exists %1 with (force)").arg(m_db), QStringLiteral("postgres"));
        psql(QStringLiteral("create database %1").arg(m_db), QStringLiteral("postgres"));
        psql(QStringLiteral("create table t (id int primary key, name text, note text);"
                            "insert into t select g, 'n' || g, case when g % 3 = 0 then null when g % 3 = 1 "
                            "then '' else 'סלט % _ \\ é' end from generate_series(1, 3000) g;"
                            "create sequence s;"),
             m_db);
    }
    void cleanupTestCase() {
        psql(QStringLiteral("drop database if exists %1 with (force)").arg(m_db), QStringLiteral("postgres"));
    }

    void pinnedWholeAndExact() {
        auto c = Connection::open(pgdesk::test::profile(m_db));
        qint64 seen = 0;
        // A small memory limit: most rows go to the spill file.
        const PinnedResult p = pinQuery(
            c, QStringLiteral("select id, name, note from t order by id;"), {},
            [&](qint64 rows) {
                seen = rows;
                return true;
            },
            4096, 500);
        QCOMPARE(p.rowCount(), 3000);
        QCOMPARE(seen, 3000);
        QVERIFY(p.spilled());
        QVERIFY(p.memoryBytes() < 64 * 1024);
        QCOMPARE(p.columnNames(), (QStringList{"id", "name", "note"}));
        QCOMPARE(p.columns()[0].type, 23u);
        QCOMPARE(p.row(0), (PinnedResult::Row{v("1"), v("n1"), v("")}));
        QCOMPARE(p.row(2), (PinnedResult::Row{v("3"), v("n3"), std::nullopt}));
        QCOMPARE(p.row(2998), (PinnedResult::Row{v("2999"), v("n2999"), v("סלט % _ \\ é")}));
        QCOMPARE(p.row(2999), (PinnedResult::Row{v("3000"), v("n3000"), std::nullopt}));
        QCOMPARE(p.row(1).value(2), v("סלט % _ \\ é"));
        // The spill file is unlinked: nothing of it in the temporary folder.
        const QStringList left = QDir::temp().entryList(
            {QStringLiteral("pgdesk-pin-%1-*").arg(QCoreApplication::applicationPid())});
        QVERIFY2(left.isEmpty(), qPrintable(left.join(u' ')));
        // Nothing was written: the read ran READ ONLY, and the connection is out of its transaction.
        QCOMPARE(c.exec(QStringLiteral("select 1")).text(0, 0), QStringLiteral("1"));
    }

    void cancelAndErrors() {
        auto c = Connection::open(pgdesk::test::profile(m_db));
        try {
            pinQuery(c, QStringLiteral("select * from t"), {}, [](qint64) { return false; });
            QFAIL("not cancelled");
        } catch (const Error& e) {
            QCOMPARE(e.info().kind, ErrorKind::QueryCanceled);
        }
        try {
            pinQuery(c, QStringLiteral("select * from nosuch"));
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.info().sqlState, QStringLiteral("42P01"));
        }
        // A write is never run: a cursor takes no DELETE (42601), and the transaction is READ ONLY (25006).
        try {
            pinQuery(c, QStringLiteral("delete from t returning id"));
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.info().sqlState, QStringLiteral("42601"));
        }
        try {
            pinQuery(c, QStringLiteral("select id, nextval('s') from t"));
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.info().sqlState, QStringLiteral("25006"));
        }
        QCOMPARE(c.exec(QStringLiteral("select count(*) from t")).text(0, 0), QStringLiteral("3000"));
    }

    void byKey() {
        // Left: before; right: after one row changed, one removed (2), one added (11).
        const PinnedResult left = make(
            {kId, kName}, {{v("1"), v("a")}, {v("2"), v("b")}, {v("10"), v("x")}, {v("3"), std::nullopt}});
        const PinnedResult right = make(
            {kName, kId}, {{v("x"), v("10")}, {v(""), v("3")}, {v("a"), v("1")}, {v("new"), v("11")}}, 64);
        QVERIFY(right.spilled());
        const ResultComparison r = compareResults(left, right, {QStringLiteral("id")});
        QCOMPARE(r.columns, (QStringList{"id", "name"}));
        QCOMPARE(r.leftRows, 4);
        QCOMPARE(r.rightRows, 4);
        QCOMPARE(r.same, 2);
        QCOMPARE(r.changed, 1);
        QCOMPARE(r.onlyLeft, 1);
        QCOMPARE(r.onlyRight, 1);
        QCOMPARE(r.changedByColumn.value(QStringLiteral("name")), 1);
        // In key order, integers as numbers: 2 (left only), 3 (NULL to ''), 11 (right only).
        QCOMPARE(r.differences.size(), 3);
        QCOMPARE(r.differences[0].kind, ResultDifference::Kind::OnlyLeft);
        QCOMPARE(left.row(r.differences[0].left).value(0), v("2"));
        QCOMPARE(r.differences[1].kind, ResultDifference::Kind::Changed);
        QCOMPARE(r.differences[1].changed, QList<int>{1});
        QCOMPARE(left.row(r.differences[1].left).value(1), std::optional<QString>());
        QCOMPARE(right.row(r.differences[1].right).value(0), v(""));
        QCOMPARE(r.differences[2].kind, ResultDifference::Kind::OnlyRight);
        QCOMPARE(right.row(r.differences[2].right).value(1), v("11"));
    }

    void compositeKeysAndColumnsOfOneSide() {
        const PinnedResult::Column region{QStringLiteral("region"), 25};
        const PinnedResult::Column extra{QStringLiteral("extra"), 25};
        const PinnedResult left =
            make({region, kId, kName}, {{v("eu"), v("1"), v("a")}, {v("us"), v("1"), v("b")}});
        const PinnedResult right = make({region, kId, kName, extra}, {{v("us"), v("1"), v("B"), v("e")},
                                                                      {v("eu"), v("1"), v("a"), v("e")}});
        const ResultComparison r =
            compareResults(left, right, {QStringLiteral("region"), QStringLiteral("id")});
        QCOMPARE(r.leftOut, QStringList{"extra"});
        QCOMPARE(r.same, 1);
        QCOMPARE(r.changed, 1);
        QCOMPARE(right.row(r.differences[0].right).value(2), v("B"));
    }

    void refused() {
        const PinnedResult a = make({kId, kName}, {{v("1"), v("a")}, {v("1"), v("b")}});
        const PinnedResult b = make({kId, kName}, {{v("1"), v("a")}});
        const auto refusal = [](auto call) {
            try {
                call();
            } catch (const Error& e) {
                return e.info().message;
            }
            return QString();
        };
        QVERIFY(refusal([&] {
                    compareResults(a, b, {QStringLiteral("id")});
                }).contains(u"not unique in the left"));
        QVERIFY(refusal([&] {
                    compareResults(b, b, {QStringLiteral("nope")});
                }).contains(u"left result has no column"));
        QVERIFY(refusal([&] { compareResults(b, b, {}); }).contains(u"choose the key"));
        QVERIFY(refusal([&] {
                    compareResults(a, b, {QStringLiteral("id"), QStringLiteral("name")});
                }).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestResultCompare)
#include "tst_resultcompare.moc"
