// SPDX-License-Identifier: GPL-3.0-or-later
#include "clirunner.h"

#include <QJsonArray>
#include <QTemporaryDir>

using namespace pgdesk::test;

// Column names follow one rule in every option, and mistakes get messages that say what to do, with the
// exit code of what they are.
class TestCliMessages final : public QObject {
    Q_OBJECT

    static CliRun cli(const QStringList& args, const QByteArray& input = {}) {
        return runCli(QStringList{QStringLiteral("--dsn"), conninfo()} + args, input);
    }
    static const QString& hostile() {
        static const QString name = QStringLiteral("we\"ird; drop table x;--");
        return name;
    }

private slots:
    // --sort '"Mixed Case":desc' as --filter '"Mixed Case" equal …' takes it: the quoted name.
    void sortTakesAQuotedColumnLikeFilter() {
        const QString expected = psql(
            QStringLiteral("select id from \"we\"\"ird; drop table x;--\" order by \"Mixed Case\" desc"));
        for (const QString& sort :
             {QStringLiteral("\"Mixed Case\":desc"), QStringLiteral("\"Mixed Case\":DESC")}) {
            const auto r = cli({QStringLiteral("browse"), hostile(), QStringLiteral("--sort"), sort,
                                QStringLiteral("--format"), QStringLiteral("json")});
            QVERIFY2(r.exitCode == 0, qPrintable(sort + QLatin1String(": ") + r.err));
            QStringList ids;
            for (const auto& row : parseObject(r)[QStringLiteral("rows")].toArray())
                ids << row.toArray().at(0).toString();
            QCOMPARE(ids.join(QLatin1Char('\n')), expected);
        }
        // Unquoted, a name is still taken as written; "" inside quotes is a quote.
        auto r =
            cli({QStringLiteral("browse"), hostile(), QStringLiteral("--sort"), QStringLiteral("Mixed Case"),
                 QStringLiteral("--filter"), QStringLiteral("\"Mixed Case\" equal Upper")});
        QVERIFY2(r.exitCode == 0 && r.out.contains(QStringLiteral("Upper")), qPrintable(r.err));
        r = cli(
            {QStringLiteral("browse"), hostile(), QStringLiteral("--sort"), QStringLiteral("\"select\"")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // export too, and a misquoted name is not found (not a crash, not SQL).
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("h.csv"));
        r = cli({QStringLiteral("export"), hostile(), QStringLiteral("--sort"),
                 QStringLiteral("\"Mixed Case\":asc"), QStringLiteral("-o"), out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = cli(
            {QStringLiteral("browse"), hostile(), QStringLiteral("--sort"), QStringLiteral("\"Mixed Case")});
        QCOMPARE(r.exitCode, 6);
    }

    // import --columns takes quoted names by the same rule (a comma inside quotes is part of the name).
    void importColumnsTakeQuotedNames() {
        psql(QStringLiteral("drop table if exists msg_import"));
        psql(QStringLiteral(
            "create table msg_import (id int primary key, \"Order Date\" date, \"a,b\" text)"));
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("in.csv"));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("x,2024-01-02,1\n");
        f.close();
        const auto r = cli({QStringLiteral("import"), QStringLiteral("msg_import"), csv,
                            QStringLiteral("--columns"), QStringLiteral("\"a,b\", \"Order Date\",id")});
        const QString row = psql(QStringLiteral("select id, \"Order Date\", \"a,b\" from msg_import"));
        psql(QStringLiteral("drop table msg_import"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(row, QStringLiteral("1|2024-01-02|x"));
    }

    // 42883 (no operator for these types) is an SQL error, not "not found".
    void missingOperatorIsAnSqlError() {
        auto r = cli({QStringLiteral("query"), QStringLiteral("select true - 1")});
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(QStringLiteral("42883")), qPrintable(r.err));
        // json has no ordering operator: a filter the column cannot take.
        r = cli({QStringLiteral("browse"), QStringLiteral("type_showcase"), QStringLiteral("--filter"),
                 QStringLiteral("c_json less_than {}")});
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(QStringLiteral("42883")), qPrintable(r.err));
    }

    void unknownFilterOperationListsTheOperations() {
        const auto r = cli({QStringLiteral("browse"), QStringLiteral("customer"), QStringLiteral("--filter"),
                            QStringLiteral("email frobnicate 1")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("unknown filter operation \"frobnicate\"")),
                 qPrintable(r.err));
        for (const char* op : {"equal", "in_list", "between", "is_null", "json_path_equal", "full_text"})
            QVERIFY2(r.err.contains(QLatin1String(op)), op);
    }

    void unquotedColumnWithSpacesSuggestsQuoting() {
        const auto r = cli({QStringLiteral("browse"), hostile(), QStringLiteral("--filter"),
                            QStringLiteral("Mixed Case equal Upper")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("double-quoted")) &&
                     r.err.contains(QStringLiteral("\"Mixed Case\" equal Upper")),
                 qPrintable(r.err));
    }

    // A misspelled table is still "not found" (6), with the closest names.
    void misspelledTableSuggestsClosestNames() {
        for (const QString& command : {QStringLiteral("describe"), QStringLiteral("browse")}) {
            const auto r = cli({command, QStringLiteral("custmer")});
            QCOMPARE(r.exitCode, 6);
            QVERIFY2(r.err.contains(QStringLiteral("did you mean customer")), qPrintable(r.err));
        }
        auto r = cli({QStringLiteral("describe"), QStringLiteral("inventory.prodcts")});
        QCOMPARE(r.exitCode, 6);
        QVERIFY2(r.err.contains(QStringLiteral("did you mean inventory.products?")), qPrintable(r.err));
        r = cli({QStringLiteral("browse"), QStringLiteral("public.prodcts")}); // the wrong schema too
        QCOMPARE(r.exitCode, 6);
        QVERIFY2(r.err.contains(QStringLiteral("did you mean inventory.products?")), qPrintable(r.err));
        QTemporaryDir dir;
        r = cli({QStringLiteral("export"), QStringLiteral("Customers"), QStringLiteral("-o"),
                 dir.filePath(QStringLiteral("c.csv"))});
        QCOMPARE(r.exitCode, 6);
        QVERIFY2(r.err.contains(QStringLiteral("did you mean customer")), qPrintable(r.err));
        // Nothing close: no guess.
        r = cli({QStringLiteral("describe"), QStringLiteral("zzzzzzzzqqq")});
        QCOMPARE(r.exitCode, 6);
        QVERIFY2(!r.err.contains(QStringLiteral("did you mean")), qPrintable(r.err));
    }

    // export --query runs a query only: anything else is refused in words before it reaches the server.
    void exportQueryTakesOnlyAQuery() {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("q.csv"));
        for (const QString& sql :
             {QStringLiteral("delete from x"), QStringLiteral("update x set note = 'gone' returning *"),
              QStringLiteral("with d as (delete from x returning *) select * from d"),
              QStringLiteral("select * from x for update"), QStringLiteral("select 1; select 2")}) {
            const auto r =
                cli({QStringLiteral("export"), QStringLiteral("--query"), sql, QStringLiteral("-o"), out});
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(QStringLiteral("export --query takes only a query")),
                     qPrintable(sql + r.err));
            QVERIFY(!QFile::exists(out));
        }
        QCOMPARE(psql(QStringLiteral("select note from x")), QStringLiteral("I must survive"));
        const auto r =
            cli({QStringLiteral("export"), QStringLiteral("--query"),
                 QStringLiteral("with v as (select 1 as n) select n from v"), QStringLiteral("-o"), out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliMessages)
#include "tst_cli_messages.moc"
