// SPDX-License-Identifier: GPL-3.0-or-later
#include "clirunner.h"
#include "scratchschema.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace pgdesk::test;

class TestCliSizes final : public QObject {
    Q_OBJECT
private:
    std::optional<ScratchSchema> m_scratch;
    QString m_schema;

    static QStringList withDsn(const QStringList& args) {
        return QStringList{QStringLiteral("--dsn"), conninfo()} + args;
    }

private slots:
    void initTestCase() {
        m_schema = QStringLiteral("tst_cli_sizes_%1").arg(QCoreApplication::applicationPid());
        m_scratch.emplace(m_schema, QStringLiteral("create table $S.large (id int primary key, v text);"
                                                   "insert into $S.large select g, repeat('x', 200) "
                                                   "  from generate_series(1, 5000) g;"
                                                   "create table $S.tiny (id int);"
                                                   "create table $S.middle (id int);"
                                                   "insert into $S.middle select generate_series(1, 2000);"
                                                   "analyze $S.large;"));
    }

    void jsonLargestFirst() {
        const auto run = runCli(
            withDsn({QStringLiteral("sizes"), m_schema, QStringLiteral("--format"), QStringLiteral("json")}));
        QCOMPARE(run.exitCode, 0);
        const QJsonArray relations = parseObject(run)[QStringLiteral("relations")].toArray();
        QCOMPARE(relations.size(), 3);
        const QJsonObject first = relations.first().toObject();
        QCOMPARE(first[QStringLiteral("name")].toString(), QStringLiteral("large"));
        QCOMPARE(first[QStringLiteral("schema")].toString(), m_schema);
        QCOMPARE(first[QStringLiteral("kind")].toString(), QStringLiteral("table"));
        QCOMPARE(first[QStringLiteral("estimated_rows")].toDouble(), 5000.0);
        const qint64 total = first[QStringLiteral("total_bytes")].toInteger();
        QCOMPARE(total, psql(QStringLiteral("select pg_total_relation_size('%1.large')").arg(m_schema))
                            .trimmed()
                            .toLongLong());
        QCOMPARE(first[QStringLiteral("table_bytes")].toInteger() +
                     first[QStringLiteral("toast_bytes")].toInteger() +
                     first[QStringLiteral("indexes_bytes")].toInteger(),
                 total);
        QVERIFY(first[QStringLiteral("indexes_bytes")].toInteger() > 0);
        QCOMPARE(relations[1].toObject()[QStringLiteral("name")].toString(), QStringLiteral("middle"));
        QCOMPARE(relations[2].toObject()[QStringLiteral("name")].toString(), QStringLiteral("tiny"));
        QVERIFY(relations[2].toObject()[QStringLiteral("estimated_rows")].isNull()); // never analyzed
    }

    void tableWithLimit() {
        const auto run = runCli(
            withDsn({QStringLiteral("sizes"), m_schema, QStringLiteral("--limit"), QStringLiteral("1")}));
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines.first().contains(QStringLiteral("total")) &&
                     lines.first().contains(QStringLiteral("toast")),
                 qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("large")), qPrintable(run.out));
        QVERIFY2(!run.out.contains(QStringLiteral("middle")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral(" kB")) || run.out.contains(QStringLiteral(" MB")),
                 qPrintable(run.out));
    }

    void errors() {
        const auto missing = runCli(withDsn({QStringLiteral("sizes"), QStringLiteral("no_such_schema_q")}));
        QCOMPARE(missing.exitCode, 6);
        QVERIFY2(missing.err.contains(QStringLiteral("no_such_schema_q")), qPrintable(missing.err));
        const auto bad =
            runCli(withDsn({QStringLiteral("sizes"), QStringLiteral("--limit"), QStringLiteral("x")}));
        QCOMPARE(bad.exitCode, 2);
    }

    void cleanupTestCase() { m_scratch.reset(); }
};

QTEST_GUILESS_MAIN(TestCliSizes)
#include "tst_cli_sizes.moc"
