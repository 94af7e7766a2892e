// SPDX-License-Identifier: GPL-3.0-or-later
// expandSelection(): from a place in a name out to the whole script, one syntactic step at a time, with
// quotes, strings, comments and dollar quotes read as the server reads them.
#include <pgdesk/core/sqltext/selectionexpand.h>

#include <QTest>

using namespace pgdesk::core;

class TestSelectionExpand final : public QObject {
    Q_OBJECT

    // The pieces selected from the caret at "|" outwards, until nothing is larger.
    static QStringList steps(QString text) {
        const qsizetype at = text.indexOf(u'|');
        text.remove(at, 1);
        QStringList out;
        qsizetype start = at, end = at;
        for (;;) {
            const auto [s, e] = expandSelection(text, start, end);
            if (s == start && e == end)
                break;
            start = s;
            end = e;
            out << text.mid(start, end - start);
        }
        return out;
    }

private slots:
    void outwards() {
        QCOMPARE(
            steps(QStringLiteral("select coalesce(o.to|tal, 0) from shop.orders o;\nselect 2")),
            (QStringList{
                QStringLiteral("total"), QStringLiteral("o.total"), QStringLiteral("o.total, 0"),
                QStringLiteral("(o.total, 0)"),
                QStringLiteral("coalesce(o.total, 0) from shop.orders o").prepend(QStringLiteral("select ")),
                QStringLiteral("select coalesce(o.total, 0) from shop.orders o;\nselect 2")}));
        QCOMPARE(steps(QStringLiteral("select \"We ird\".\"Ta|ble\".c")),
                 (QStringList{QStringLiteral("\"Table\""), QStringLiteral("\"We ird\".\"Table\".c"),
                              QStringLiteral("select \"We ird\".\"Table\".c")}));
        QCOMPARE(steps(QStringLiteral("select 'a (b|) c'")),
                 (QStringList{QStringLiteral("'a (b) c'"), QStringLiteral("select 'a (b) c'")}));
        QCOMPARE(steps(QStringLiteral("select f((1 + |2) * 3)")),
                 (QStringList{QStringLiteral("2"), QStringLiteral("1 + 2"), QStringLiteral("(1 + 2)"),
                              QStringLiteral("(1 + 2) * 3"), QStringLiteral("((1 + 2) * 3)"),
                              QStringLiteral("select f((1 + 2) * 3)")}));
        QCOMPARE(steps(QStringLiteral("|")), QStringList{});
    }
};

QTEST_APPLESS_MAIN(TestSelectionExpand)
#include "tst_selectionexpand.moc"
