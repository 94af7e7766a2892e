// SPDX-License-Identifier: GPL-3.0-or-later
#include "clirunner.h"
#include "scratchschema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace pgdesk::test;

class TestCliBrowse final : public QObject {
    Q_OBJECT

    static QJsonObject browse(const QStringList& args) {
        const auto r = runCli(QStringList{QStringLiteral("--dsn"), conninfo(), QStringLiteral("browse")} +
                              args + QStringList{QStringLiteral("--format"), QStringLiteral("json")});
        if (r.exitCode != 0)
            qWarning().noquote() << r.err;
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }
    static QStringList firstColumn(const QJsonObject& page) {
        QStringList values;
        for (const auto& row : page[QStringLiteral("rows")].toArray())
            values << row.toArray().at(0).toString();
        return values;
    }

private slots:
    void lastPageOfAMillionRowsEqualsOffsetSql() {
        const auto page =
            browse({QStringLiteral("big_orders"), QStringLiteral("--sort"), QStringLiteral("order_id"),
                    QStringLiteral("--last"), QStringLiteral("--page-size"), QStringLiteral("100"),
                    QStringLiteral("--count"), QStringLiteral("estimate")});
        const QStringList expected =
            psql(QStringLiteral("select order_id from big_orders order by order_id offset 999900 limit 100"))
                .split(QLatin1Char('\n'));
        QCOMPARE(firstColumn(page), expected);
        QVERIFY(page[QStringLiteral("total_is_estimate")].toBool());
        QCOMPARE(page[QStringLiteral("page_size")].toInt(), 100);
        QVERIFY(page[QStringLiteral("next_cursor")].isNull());
        QVERIFY(!page[QStringLiteral("prev_cursor")].toString().isEmpty());
    }

    void cursorWalksForwardLikeOffset() {
        const auto first =
            browse({QStringLiteral("users"), QStringLiteral("--sort"), QStringLiteral("username:desc"),
                    QStringLiteral("--page-size"), QStringLiteral("25")});
        const QString cursor = first[QStringLiteral("next_cursor")].toString();
        QVERIFY(!cursor.isEmpty());
        const auto second =
            browse({QStringLiteral("users"), QStringLiteral("--sort"), QStringLiteral("username:desc"),
                    QStringLiteral("--page-size"), QStringLiteral("25"), QStringLiteral("--after"), cursor});
        QCOMPARE(firstColumn(second),
                 psql(QStringLiteral("select id from users order by username desc, id offset 25 limit 25"))
                     .split(QLatin1Char('\n')));
        QVERIFY(
            second[QStringLiteral("columns")].toArray().at(0).toObject()[QStringLiteral("type")].toString() ==
            QStringLiteral("uuid"));
    }

    void softDeleteScopeAndExactCount() {
        auto page = browse({QStringLiteral("customer"), QStringLiteral("--deleted"),
                            QStringLiteral("deleted"), QStringLiteral("--count"), QStringLiteral("exact")});
        QCOMPARE(page[QStringLiteral("total")].toInt(), 75);
        QVERIFY(!page[QStringLiteral("total_is_estimate")].toBool());
        page = browse({QStringLiteral("customer"), QStringLiteral("--count"), QStringLiteral("exact")});
        QCOMPARE(page[QStringLiteral("total")].toInt(), 425);
    }

    // A table whose convention hides rows says so: a note on stderr naming the column and --deleted all,
    // and "soft_delete" in JSON. Only the documented names count: pagila's customer.activebool does not.
    void hiddenRowsAreSaid() {
        const auto run = [](const QStringList& args) {
            return runCli(QStringList{QStringLiteral("--dsn"), conninfo(), QStringLiteral("browse")} + args +
                          QStringList{QStringLiteral("--format"), QStringLiteral("json")});
        };
        CliRun r = run({QStringLiteral("posts"), QStringLiteral("--count"), QStringLiteral("exact")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(QLatin1String("rows with deleted_at set are hidden")) &&
                     r.err.contains(QLatin1String("--deleted all")),
                 qPrintable(r.err));
        QJsonObject page = parseObject(r);
        QCOMPARE(page[QStringLiteral("total")].toInt(), 900);
        const QJsonObject softDelete = page[QStringLiteral("soft_delete")].toObject();
        QCOMPARE(softDelete[QStringLiteral("column")].toString(), QStringLiteral("deleted_at"));
        QCOMPARE(softDelete[QStringLiteral("scope")].toString(), QStringLiteral("active"));
        QCOMPARE(softDelete[QStringLiteral("hidden")].toString(), QStringLiteral("rows with deleted_at set"));

        r = run({QStringLiteral("customer"), QStringLiteral("--deleted"), QStringLiteral("all")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(!r.err.contains(QLatin1String("hidden")), qPrintable(r.err));
        page = parseObject(r);
        QCOMPARE(page[QStringLiteral("soft_delete")].toObject()[QStringLiteral("column")].toString(),
                 QStringLiteral("is_active"));
        QVERIFY(page[QStringLiteral("soft_delete")].toObject()[QStringLiteral("hidden")].isNull());

        {
            const ScratchSchema pagila(
                QStringLiteral("pagila_cli"),
                QStringLiteral("create table pagila_cli.customer (customer_id serial primary key, first_name "
                               "text not null, activebool boolean not null default true, active integer); "
                               "insert into pagila_cli.customer (first_name, activebool, active) select 'n' "
                               "|| g, g % 10 <> 0, (g % 10 <> 0)::int from generate_series(1, 350) g"));
            r = run(
                {QStringLiteral("pagila_cli.customer"), QStringLiteral("--count"), QStringLiteral("exact")});
        }
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        page = parseObject(r);
        QCOMPARE(page[QStringLiteral("total")].toInt(), 350); // the 35 with activebool false too
        QVERIFY(page.contains(QStringLiteral("soft_delete")));
        QVERIFY(page[QStringLiteral("soft_delete")].isNull());
    }

    void filtersAreParametersNotSql() {
        auto page = browse({QStringLiteral("customer"), QStringLiteral("--deleted"), QStringLiteral("all"),
                            QStringLiteral("--filter"), QStringLiteral("customer_id in_list 3,5,8"),
                            QStringLiteral("--sort"), QStringLiteral("customer_id")});
        QCOMPARE(firstColumn(page),
                 (QStringList{QStringLiteral("3"), QStringLiteral("5"), QStringLiteral("8")}));
        // An injection attempt is just a value that matches nothing.
        page = browse({QStringLiteral("customer"), QStringLiteral("--deleted"), QStringLiteral("all"),
                       QStringLiteral("--filter"), QStringLiteral("email equal x' or '1'='1"),
                       QStringLiteral("--count"), QStringLiteral("exact")});
        QCOMPARE(page[QStringLiteral("total")].toInt(), 0);
        QCOMPARE(psql(QStringLiteral("select count(*) from customer")), QStringLiteral("500"));
    }

    void hostileTableBrowsesAndNothingIsDropped() {
        const auto page = browse(
            {QStringLiteral("we\"ird; drop table x;--"), QStringLiteral("--count"), QStringLiteral("exact")});
        QCOMPARE(page[QStringLiteral("total")].toInt(), 3);
        QCOMPARE(psql(QStringLiteral("select count(*) from x")), QStringLiteral("1"));
    }

    void errorsHaveTheirExitCodes() {
        auto r =
            runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("browse"), QStringLiteral("customer"),
                    QStringLiteral("--filter"), QStringLiteral("nosuch equal 1")});
        QCOMPARE(r.exitCode, 6);
        r = runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("browse"), QStringLiteral("customer"),
                    QStringLiteral("--filter"), QStringLiteral("customer_id equal abc")});
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(QStringLiteral("customer_id")) && r.err.contains(QStringLiteral("abc")),
                 qPrintable(r.err));
        r = runCli(
            {QStringLiteral("--dsn"), conninfo(), QStringLiteral("browse"), QStringLiteral("no_such_table")});
        QCOMPARE(r.exitCode, 6);
        r = runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("browse"), QStringLiteral("customer"),
                    QStringLiteral("--filter"), QStringLiteral("email frobnicate 1")});
        QCOMPARE(r.exitCode, 2);
    }

    // Editable tables also print each row's key and version, parallel to rows; others do not.
    void keysAndVersionsForEditableTables() {
        const auto page =
            browse({QStringLiteral("customer"), QStringLiteral("--sort"), QStringLiteral("customer_id"),
                    QStringLiteral("--page-size"), QStringLiteral("20")});
        const QJsonArray rows = page[QStringLiteral("rows")].toArray();
        const QJsonArray keys = page[QStringLiteral("keys")].toArray();
        const QJsonArray versions = page[QStringLiteral("versions")].toArray();
        QCOMPARE(rows.size(), 20);
        QCOMPARE(keys.size(), rows.size());
        QCOMPARE(versions.size(), rows.size());
        const qsizetype columnCount = page[QStringLiteral("columns")].toArray().size();
        for (const auto& c : page[QStringLiteral("columns")].toArray())
            QVERIFY(!c.toObject()[QStringLiteral("name")].toString().startsWith(QStringLiteral("__pgdesk")));
        const QStringList ids = firstColumn(page);
        QStringList expectedVersions =
            psql(QStringLiteral("select xmin::text from customer where customer_id in (") +
                 ids.join(QLatin1Char(',')) + QStringLiteral(") order by customer_id"))
                .split(QLatin1Char('\n'));
        for (qsizetype i = 0; i < rows.size(); ++i) {
            QCOMPARE(rows.at(i).toArray().size(), columnCount);
            const QJsonObject key = keys.at(i).toObject();
            QCOMPARE(key.keys(), QStringList{QStringLiteral("customer_id")});
            QCOMPARE(key[QStringLiteral("customer_id")].toString(), ids.at(i));
            QCOMPARE(versions.at(i).toString(), expectedVersions.at(i));
        }

        for (const QString& name : {QStringLiteral("audit_log"), QStringLiteral("active_customers")}) {
            const auto other = browse({name, QStringLiteral("--page-size"), QStringLiteral("5")});
            QVERIFY(!other[QStringLiteral("rows")].toArray().isEmpty());
            QVERIFY(!other.contains(QStringLiteral("keys")));
            QVERIFY(!other.contains(QStringLiteral("versions")));
            QCOMPARE(other[QStringLiteral("rows")].toArray().at(0).toArray().size(),
                     other[QStringLiteral("columns")].toArray().size());
        }
    }
};

QTEST_GUILESS_MAIN(TestCliBrowse)
#include "tst_cli_browse.moc"
