// SPDX-License-Identifier: GPL-3.0-or-later
// pgdesk-cli import: the file lands exactly (round trip with psql's \copy), a bad line is named and
// nothing is written (exit 4), standard input works.
#include "clirunner.h"

#include <QTemporaryDir>

using namespace pgdesk::test;

class TestCliImport final : public QObject {
    Q_OBJECT
    const QString m_table = QStringLiteral("public.cli_import_%1").arg(QCoreApplication::applicationPid());

private slots:
    void initTestCase() {
        psql(QStringLiteral("create table %1 (like public.customer including defaults)").arg(m_table));
    }
    void cleanupTestCase() { psql(QStringLiteral("drop table %1").arg(m_table)); }

    void roundTripWithPsqlCopy() {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("customer.csv"));
        psql(QStringLiteral("\\copy public.customer to '%1' csv header").arg(file));
        const auto r =
            runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("import"), m_table, file,
                    QStringLiteral("--header"), QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(parseObject(r)[QStringLiteral("rows")].toInt(), 500);
        QCOMPARE(psql(QStringLiteral("select count(*) from (select * from public.customer except "
                                     "select * from %1) d")
                          .arg(m_table))
                     .trimmed(),
                 QStringLiteral("0"));
    }

    void badLineIsNamedAndNothingWritten() {
        psql(QStringLiteral("truncate %1").arg(m_table));
        const QByteArray csv = "customer_id,first_name,last_name,email\n"
                               "1,A,B,a@x\n"
                               "oops,C,D,c@x\n";
        const auto r = runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("import"), m_table,
                               QStringLiteral("-"), QStringLiteral("--header")},
                              csv);
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(QStringLiteral("line 3")) && r.err.contains(QStringLiteral("customer_id")),
                 qPrintable(r.err));
        QCOMPARE(psql(QStringLiteral("select count(*) from %1").arg(m_table)).trimmed(), QStringLiteral("0"));

        const auto ok =
            runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("import"), m_table,
                    QStringLiteral("-"), QStringLiteral("--delimiter"), QStringLiteral("\\t"),
                    QStringLiteral("--columns"), QStringLiteral("customer_id,first_name,last_name,email")},
                   "9\tÜmit\tYılmaz\tu@x\n");
        QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
        QCOMPARE(psql(QStringLiteral("select first_name || ' ' || last_name from %1").arg(m_table)).trimmed(),
                 QStringLiteral("Ümit Yılmaz"));
    }
};

QTEST_GUILESS_MAIN(TestCliImport)
#include "tst_cli_import.moc"
