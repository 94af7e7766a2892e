// SPDX-License-Identifier: GPL-3.0-or-later
// pgdesk-cli explain: a saved plan read with no connection (JSON, psql's output, stdin), a query explained
// and analysed on the server with its changes rolled back, the production guard, and the JSON scripts read.
#include "clirunner.h"
#include "filesearch.h"
#include "scratchschema.h"

#include <QJsonArray>
#include <QTemporaryDir>

#include <optional>

using namespace pgdesk::test;

namespace {

const QString kSchema = QStringLiteral("tst_cli_explain");

QStringList withDsn(const QStringList& args) {
    return QStringList{QStringLiteral("--dsn"), conninfo()} + args;
}

// A nested loop whose inner index scan ran 1,000 times (figures chosen to be checked by hand).
const QByteArray kSavedPlan = R"([
  {
    "Plan": {
      "Node Type": "Nested Loop", "Join Type": "Inner", "Startup Cost": 0.28, "Total Cost": 500.0,
      "Plan Rows": 1000, "Plan Width": 8, "Actual Startup Time": 0.02, "Actual Total Time": 10.0,
      "Actual Rows": 1000, "Actual Loops": 1,
      "Plans": [
        {"Node Type": "Seq Scan", "Parent Relationship": "Outer", "Relation Name": "orders", "Alias": "o",
         "Startup Cost": 0, "Total Cost": 15, "Plan Rows": 10, "Plan Width": 4, "Actual Startup Time": 0.01,
         "Actual Total Time": 1.0, "Actual Rows": 1000, "Actual Loops": 1},
        {"Node Type": "Index Scan", "Parent Relationship": "Inner", "Relation Name": "items",
         "Index Name": "items_pkey", "Alias": "i", "Startup Cost": 0.28, "Total Cost": 0.5, "Plan Rows": 1,
         "Plan Width": 4, "Actual Startup Time": 0.005, "Actual Total Time": 0.008, "Actual Rows": 1,
         "Actual Loops": 1000}
      ]
    },
    "Planning Time": 0.125,
    "Triggers": [],
    "Execution Time": 10.2
  }
]
)";

} // namespace

class TestCliExplain final : public QObject {
    Q_OBJECT
    std::optional<ScratchSchema> m_schema;
    QTemporaryDir m_dir;

    static QString rows() {
        return psqlValue(
            QStringLiteral("select string_agg(id || '=' || v, ',' order by id) from %1.t").arg(kSchema));
    }

private slots:
    void initTestCase() {
        m_schema.emplace(kSchema,
                         QStringLiteral("create table $S.t (id int primary key, v text);"
                                        "insert into $S.t select g, 'a' from generate_series(1, 3) g;"
                                        "create sequence $S.s start 100;"));
        const CliRun r = addProductionProfile();
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
    void cleanupTestCase() { m_schema.reset(); }

    // --plan needs no server: a DSN that reaches nothing is never used.
    void savedPlanAsJson() {
        const QString file = writeFile(m_dir.filePath(QStringLiteral("plan.json")), kSavedPlan);
        const CliRun r = runCli({QStringLiteral("--dsn"), QStringLiteral("host=/nonexistent port=1"),
                                 QStringLiteral("explain"), QStringLiteral("--plan"), file,
                                 QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = parseObject(r);
        QCOMPARE(o.value(QStringLiteral("planning_ms")).toDouble(), 0.125);
        QCOMPARE(o.value(QStringLiteral("execution_ms")).toDouble(), 10.2);
        const QJsonArray nodes = o.value(QStringLiteral("nodes")).toArray();
        QCOMPARE(nodes.size(), 3);
        const QJsonObject root = nodes[0].toObject(), scan = nodes[1].toObject(), inner = nodes[2].toObject();
        QCOMPARE(root.value(QStringLiteral("id")).toInt(), 0);
        QVERIFY(root.value(QStringLiteral("parent")).isNull());
        QCOMPARE(root.value(QStringLiteral("exclusive_ms")).toDouble(), 1.0); // 10 − 1 − 0.008 × 1000
        QCOMPARE(scan.value(QStringLiteral("relation")).toString(), QStringLiteral("orders"));
        QCOMPARE(scan.value(QStringLiteral("misestimate")).toDouble(), 100.0);
        QCOMPARE(inner.value(QStringLiteral("parent")).toInt(), 0);
        QCOMPARE(inner.value(QStringLiteral("node_type")).toString(), QStringLiteral("Index Scan"));
        QCOMPARE(inner.value(QStringLiteral("loops")).toDouble(), 1000.0);
        QCOMPARE(inner.value(QStringLiteral("rows_estimated")).toDouble(), 1.0);
        QCOMPARE(inner.value(QStringLiteral("rows_actual")).toDouble(), 1.0);
        QCOMPARE(inner.value(QStringLiteral("total_ms")).toDouble(), 8.0);
        QCOMPARE(inner.value(QStringLiteral("exclusive_ms")).toDouble(), 8.0);
        const QJsonArray hotspots = o.value(QStringLiteral("hotspots")).toArray();
        QCOMPARE(hotspots.size(), 3);
        QCOMPARE(hotspots[0].toObject().value(QStringLiteral("id")).toInt(), 2);
        QVERIFY(hotspots[0]
                    .toObject()
                    .value(QStringLiteral("reason"))
                    .toString()
                    .contains(QStringLiteral("1,000 times")));
    }

    // A plan file's text never drives the terminal: an escape sequence and a bell in a relation's name are
    // shown as \u001b and \u0007.
    void savedPlanTextIsPrintable() {
        const QString file = writeFile(m_dir.filePath(QStringLiteral("hostile.json")),
                                       "[{\"Plan\": {\"Node Type\": \"Seq Scan\", \"Relation Name\": "
                                       "\"t\\u001b[2J\\u0007x\", \"Total Cost\": 1.0, \"Plan Rows\": 1}}]");
        const CliRun r = runCli({QStringLiteral("explain"), QStringLiteral("--plan"), file});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(!r.out.contains(QChar(0x1b)) && !r.out.contains(QChar(0x07)), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("t\\u001b[2J\\u0007x")), qPrintable(r.out));
    }

    // psql's aligned output on standard input, printed as text.
    void psqlOutputFromStdin() {
        QByteArray framed = " QUERY PLAN \n------------\n";
        for (const QByteArray& line : kSavedPlan.trimmed().split('\n'))
            framed += ' ' + line + " +\n";
        framed.chop(3);
        framed += "\n(1 row)\n";
        const CliRun r =
            runCli({QStringLiteral("explain"), QStringLiteral("--plan"), QStringLiteral("-")}, framed);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("#2 Index Scan using items_pkey on items i")),
                 qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("100× underestimated")));
        QVERIFY(r.out.contains(QStringLiteral("Hotspots:")));
        // A plan in EXPLAIN's text format is read too; text that is no plan is refused.
        const CliRun text = runCli({QStringLiteral("explain"), QStringLiteral("--plan"), QStringLiteral("-")},
                                   "Seq Scan on t  (cost=0.00..1.00 rows=1 width=4)\n");
        QVERIFY2(text.exitCode == 0, qPrintable(text.err));
        QVERIFY2(text.out.contains(QStringLiteral("Seq Scan on t")), qPrintable(text.out));
        const CliRun bad = runCli({QStringLiteral("explain"), QStringLiteral("--plan"), QStringLiteral("-")},
                                  "Sequential scans are slow (cost: high)\n");
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(QStringLiteral("no EXPLAIN plan found")), qPrintable(bad.err));
    }

    void analyzeRollsBackAndBindsParameters() {
        const CliRun r =
            runCli(withDsn({QStringLiteral("explain"), QStringLiteral("--query"),
                            QStringLiteral("update %1.t set v = :v where id >= $1").arg(kSchema),
                            QStringLiteral("--param"), QStringLiteral("v=changed"), QStringLiteral("--param"),
                            QStringLiteral("1=2"), QStringLiteral("--analyze"), QStringLiteral("--buffers"),
                            QStringLiteral("--format"), QStringLiteral("json")}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = parseObject(r);
        QVERIFY(o.value(QStringLiteral("execution_ms")).toDouble() > 0);
        const QJsonObject root = o.value(QStringLiteral("nodes")).toArray().first().toObject();
        QCOMPARE(root.value(QStringLiteral("node_type")).toString(), QStringLiteral("ModifyTable"));
        QCOMPARE(rows(), QStringLiteral("1=a,2=a,3=a"));
        QVERIFY(!o.contains(QStringLiteral("sequences_advanced")));
        // A sequence the statement advanced is named: the rollback does not move it back.
        for (const QString& format : {QStringLiteral("json"), QStringLiteral("text")}) {
            const CliRun s =
                runCli(withDsn({QStringLiteral("explain"), QStringLiteral("--query"),
                                QStringLiteral("insert into %1.t select nextval('%1.s'), 'n'").arg(kSchema),
                                QStringLiteral("--analyze"), QStringLiteral("--format"), format}));
            QVERIFY2(s.exitCode == 0, qPrintable(s.err));
            if (format == QLatin1String("json"))
                QCOMPARE(parseObject(s).value(QStringLiteral("sequences_advanced")).toArray(),
                         QJsonArray{kSchema + QStringLiteral(".s")});
            else
                QVERIFY2(
                    s.out.contains(QStringLiteral("Sequences advanced, and not rolled back (nextval stays "
                                                  "done): %1.s")
                                       .arg(kSchema)),
                    qPrintable(s.out));
        }
        QCOMPARE(rows(), QStringLiteral("1=a,2=a,3=a"));
        // Text, and a file with one statement.
        const QString file =
            writeFile(m_dir.filePath(QStringLiteral("q.sql")),
                      QStringLiteral("-- count\nselect count(*) from %1.t;\n").arg(kSchema).toUtf8());
        const CliRun text = runCli(withDsn({QStringLiteral("explain"), QStringLiteral("--file"), file}));
        QVERIFY2(text.exitCode == 0, qPrintable(text.err));
        QVERIFY2(text.out.contains(QStringLiteral("Aggregate")) && text.out.contains(QStringLiteral("cost ")),
                 qPrintable(text.out));
    }

    void productionNeedsAllowWriteToAnalyzeAWrite() {
        const QString update = QStringLiteral("update %1.t set v = 'p'").arg(kSchema);
        CliRun r = runCli({QStringLiteral("--profile"), QStringLiteral("prod"), QStringLiteral("explain"),
                           QStringLiteral("--query"), update, QStringLiteral("--analyze")});
        QCOMPARE(r.exitCode, 9);
        QVERIFY2(r.err.contains(QStringLiteral("EXPLAIN ANALYZE")), qPrintable(r.err));
        // A plain query is analysed; a write only explained (not run) is fine.
        r = runCli({QStringLiteral("--profile"), QStringLiteral("prod"), QStringLiteral("explain"),
                    QStringLiteral("--query"), QStringLiteral("select * from %1.t").arg(kSchema),
                    QStringLiteral("--analyze")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runCli({QStringLiteral("--profile"), QStringLiteral("prod"), QStringLiteral("explain"),
                    QStringLiteral("--query"), update});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runCli({QStringLiteral("--profile"), QStringLiteral("prod"), QStringLiteral("--allow-write"),
                    QStringLiteral("explain"), QStringLiteral("--query"), update,
                    QStringLiteral("--analyze")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("rolled back")));
        QCOMPARE(rows(), QStringLiteral("1=a,2=a,3=a"));
    }

    void usage() {
        QCOMPARE(runCli({QStringLiteral("explain")}).exitCode, 2);
        QCOMPARE(runCli({QStringLiteral("explain"), QStringLiteral("--query"), QStringLiteral("select 1"),
                         QStringLiteral("--plan"), QStringLiteral("x.json")})
                     .exitCode,
                 2);
        QCOMPARE(runCli(withDsn({QStringLiteral("explain"), QStringLiteral("--query"),
                                 QStringLiteral("select 1; select 2")}))
                     .exitCode,
                 2);
        QCOMPARE(runCli({QStringLiteral("explain"), QStringLiteral("--plan"), QStringLiteral("-"),
                         QStringLiteral("--format"), QStringLiteral("csv")},
                        kSavedPlan)
                     .exitCode,
                 2);
    }
};

QTEST_GUILESS_MAIN(TestCliExplain)
#include "tst_cli_explain.moc"
