// SPDX-License-Identifier: GPL-3.0-or-later
// pgdesk-cli locks: the JSON fields scripts read, nothing run without --trace, the trace rolled back and
// agreeing, a file read, and the production guard (exit 9 for a trace, the static analysis allowed).
#include "clirunner.h"
#include "filesearch.h"
#include "psqlsession.h"
#include "scratchschema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>

#include <optional>

using namespace pgdesk::test;

namespace {

const QString kSchema = QStringLiteral("tst_cli_locks");

QStringList withDsn(const QStringList& args) {
    return QStringList{QStringLiteral("--dsn"), conninfo()} + args;
}

QJsonArray parseArray(const CliRun& r) {
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        qWarning("not a JSON array: %s", qPrintable(r.out));
    return doc.array();
}

QString columns() {
    return psqlValue(
        QStringLiteral("select string_agg(column_name, ',' order by ordinal_position) from "
                       "information_schema.columns where table_schema = '%1' and table_name = 't'")
            .arg(kSchema));
}

} // namespace

class TestCliLocks final : public QObject {
    Q_OBJECT
    std::optional<ScratchSchema> m_schema;
    QTemporaryDir m_dir;

private slots:
    void initTestCase() {
        m_schema.emplace(kSchema,
                         QStringLiteral("create table $S.t (id int primary key, v text);"
                                        "insert into $S.t select g, 'a' from generate_series(1, 1000) g;"
                                        "create table $S.r (id int primary key, t_id int);"
                                        "analyze $S.t, $S.r;"));
        const CliRun r = addProductionProfile();
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
    void cleanupTestCase() { m_schema.reset(); }

    void staticJsonRunsNothing() {
        const QString script = QStringLiteral("alter table %1.t add column x float8 default random();\n"
                                              "alter table %1.r add constraint r_t foreign key (t_id) "
                                              "references %1.t (id);")
                                   .arg(kSchema);
        const CliRun r = runCli(withDsn({QStringLiteral("locks"), QStringLiteral("--query"), script,
                                         QStringLiteral("--format"), QStringLiteral("json")}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray statements = parseArray(r);
        QCOMPARE(statements.size(), 2);
        const QJsonObject first = statements[0].toObject();
        QVERIFY(first.value(QStringLiteral("sql")).toString().contains(QStringLiteral("random()")));
        const QJsonArray locks = first.value(QStringLiteral("locks")).toArray();
        QCOMPARE(locks.size(), 1);
        QCOMPARE(locks[0].toObject().value(QStringLiteral("relation")).toString(),
                 kSchema + QStringLiteral(".t"));
        QCOMPARE(locks[0].toObject().value(QStringLiteral("mode")).toString(),
                 QStringLiteral("AccessExclusiveLock"));
        QVERIFY(locks[0].toObject().value(QStringLiteral("bytes")).toDouble() > 8192);
        QCOMPARE(first.value(QStringLiteral("rewrites")).toArray(),
                 QJsonArray{kSchema + QStringLiteral(".t")});
        QVERIFY(first.value(QStringLiteral("scans")).toArray().isEmpty());
        // The foreign key: both tables SHARE ROW EXCLUSIVE, the referencing one read whole, line 2.
        const QJsonObject second = statements[1].toObject();
        QCOMPARE(second.value(QStringLiteral("line")).toInt(), 2);
        QCOMPARE(second.value(QStringLiteral("locks")).toArray().size(), 2);
        for (const QJsonValue& l : second.value(QStringLiteral("locks")).toArray())
            QCOMPARE(l.toObject().value(QStringLiteral("mode")).toString(),
                     QStringLiteral("ShareRowExclusiveLock"));
        QCOMPARE(second.value(QStringLiteral("scans")).toArray(), QJsonArray{kSchema + QStringLiteral(".r")});
        QVERIFY(second.value(QStringLiteral("safer")).toString().contains(QStringLiteral("NOT VALID")));
        QVERIFY(!second.contains(QStringLiteral("trace")));
        QCOMPARE(columns(), QStringLiteral("id,v"));
        QVERIFY(psqlValue(QStringLiteral("select count(*) from pg_constraint where conname = 'r_t'")) ==
                QStringLiteral("0"));
    }

    void traceAgreesAndRollsBack() {
        const QString file = writeFile(m_dir.filePath(QStringLiteral("m.sql")),
                                       QStringLiteral("alter table %1.t alter column v set not null;\n"
                                                      "create index concurrently on %1.t (v);\n")
                                           .arg(kSchema)
                                           .toUtf8());
        const CliRun r =
            runCli(withDsn({QStringLiteral("locks"), QStringLiteral("--file"), file,
                            QStringLiteral("--trace"), QStringLiteral("--format"), QStringLiteral("json")}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray statements = parseArray(r);
        QCOMPARE(statements.size(), 2);
        const QJsonObject trace = statements[0].toObject().value(QStringLiteral("trace")).toObject();
        QVERIFY(trace.value(QStringLiteral("traced")).toBool());
        QCOMPARE(trace.value(QStringLiteral("locks"))
                     .toArray()[0]
                     .toObject()
                     .value(QStringLiteral("mode"))
                     .toString(),
                 QStringLiteral("AccessExclusiveLock"));
        QCOMPARE(trace.value(QStringLiteral("scans")).toArray(), QJsonArray{kSchema + QStringLiteral(".t")});
        QVERIFY(trace.value(QStringLiteral("disagreements")).toArray().isEmpty());
        const QJsonObject concurrently = statements[1].toObject();
        QVERIFY(!concurrently.value(QStringLiteral("transactional")).toBool());
        QVERIFY(
            !concurrently.value(QStringLiteral("trace")).toObject().value(QStringLiteral("traced")).toBool());
        QCOMPARE(
            psqlValue(QStringLiteral("select attnotnull from pg_attribute where attrelid = '%1.t'::regclass "
                                     "and attname = 'v'")
                          .arg(kSchema)),
            QStringLiteral("f"));
        QCOMPARE(
            psqlValue(QStringLiteral("select count(*) from pg_indexes where schemaname = '%1'").arg(kSchema)),
            QStringLiteral("2")); // the two primary keys only

        const CliRun text = runCli(withDsn({QStringLiteral("locks"), QStringLiteral("--file"), file}));
        QVERIFY2(text.exitCode == 0, qPrintable(text.err));
        QVERIFY2(text.out.contains(QStringLiteral("AccessExclusiveLock on %1.t").arg(kSchema)),
                 qPrintable(text.out));
        QVERIFY2(text.out.contains(QStringLiteral("(outside a transaction)")), qPrintable(text.out));
    }

    // A trace is rolled back whatever happens: a statement acting outside the transaction never runs in one
    // (a program on the server, another session signalled, a notification), and a sequence a traced statement
    // advanced is named, since the rollback leaves it advanced.
    void traceRunsNothingThatEscapes() {
        QTemporaryDir dir;
        const QString touched = dir.filePath(QStringLiteral("touched"));
        psql(QStringLiteral("create sequence if not exists %1.s").arg(kSchema));
        QProcess victim;
        QVERIFY(startPsqlSession(victim, QStringLiteral("select pg_sleep(120)"),
                                 QStringLiteral("pgdesk_demo"), QStringLiteral("tst_cli_locks_victim")));
        const auto victimPid = [] {
            return psqlValue(
                QStringLiteral(
                    "select pid from pg_stat_activity where application_name = 'tst_cli_locks_victim'"),
                QStringLiteral("postgres"));
        };
        QTRY_VERIFY_WITH_TIMEOUT(!victimPid().isEmpty(), 10000);
        const QString pid = victimPid();
        const QString script = QStringLiteral("copy (select 1) to program 'touch %1';\n"
                                              "select pg_terminate_backend(%2);\n"
                                              "notify tst_cli_locks;\n"
                                              "do $$ begin perform 1; end $$;\n"
                                              "select nextval('%3.s');\n")
                                   .arg(touched, pid, kSchema);
        const CliRun r =
            runCli(withDsn({QStringLiteral("locks"), QStringLiteral("--query"), script,
                            QStringLiteral("--trace"), QStringLiteral("--format"), QStringLiteral("json")}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray statements = parseArray(r);
        QCOMPARE(statements.size(), 5);
        for (int i = 0; i < 4; ++i) {
            const QJsonObject t = statements[i].toObject().value(QStringLiteral("trace")).toObject();
            QVERIFY2(!t.value(QStringLiteral("traced")).toBool(), qPrintable(QString::number(i)));
            QVERIFY2(t.value(QStringLiteral("note"))
                         .toString()
                         .contains(QStringLiteral("rollback would not undo")),
                     qPrintable(t.value(QStringLiteral("note")).toString()));
        }
        const QJsonObject last = statements[4].toObject().value(QStringLiteral("trace")).toObject();
        QVERIFY(last.value(QStringLiteral("traced")).toBool());
        QCOMPARE(last.value(QStringLiteral("sequences_advanced")).toArray(),
                 QJsonArray{kSchema + QStringLiteral(".s")});
        QVERIFY(!QFile::exists(touched));
        QCOMPARE(victimPid(), pid);
        QVERIFY(victim.state() == QProcess::Running);
        // Killing psql does not end a backend in pg_sleep: it is ended here.
        psql(QStringLiteral("select pg_terminate_backend(pid) from pg_stat_activity where application_name = "
                            "'tst_cli_locks_victim'"),
             QStringLiteral("postgres"));
        victim.waitForFinished();
        const CliRun text = runCli(
            withDsn({QStringLiteral("locks"), QStringLiteral("--query"),
                     QStringLiteral("select nextval('%1.s')").arg(kSchema), QStringLiteral("--trace")}));
        QVERIFY2(text.out.contains(QStringLiteral("not rolled back (nextval stays done): %1.s").arg(kSchema)),
                 qPrintable(text.out));
    }

    void productionRefusesTheTraceOnly() {
        const QString sql = QStringLiteral("alter table %1.t add column y int").arg(kSchema);
        CliRun r = runCli({QStringLiteral("--profile"), QStringLiteral("prod"), QStringLiteral("locks"),
                           QStringLiteral("--query"), sql});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runCli({QStringLiteral("--profile"), QStringLiteral("prod"), QStringLiteral("--allow-write"),
                    QStringLiteral("locks"), QStringLiteral("--query"), sql, QStringLiteral("--trace")});
        QCOMPARE(r.exitCode, 9);
        QVERIFY2(r.err.contains(QStringLiteral("trace")), qPrintable(r.err));
        QCOMPARE(columns(), QStringLiteral("id,v"));
    }

    void usage() {
        QCOMPARE(runCli({QStringLiteral("locks")}).exitCode, 2);
        QCOMPARE(
            runCli(withDsn({QStringLiteral("locks"), QStringLiteral("--query"), QStringLiteral("select 1"),
                            QStringLiteral("--format"), QStringLiteral("csv")}))
                .exitCode,
            2);
    }
};

QTEST_GUILESS_MAIN(TestCliLocks)
#include "tst_cli_locks.moc"
