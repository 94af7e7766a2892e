// SPDX-License-Identifier: GPL-3.0-or-later
// pgdesk-cli diff: exit 0 when the schemas are equal, 1 when they differ; --script writes the migration with
// "-- DESTRUCTIVE:" before each such step; --apply runs it on the target (destructive steps only with
// --allow-destructive, a production profile only with --allow-write, exit 9) and compares again; a side may
// be a .sql file, loaded into a database that is dropped afterwards. data-diff: the rows of two tables as a
// change set that `apply` takes.

#include "clirunner.h"
#include "psqlsession.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>

using namespace pgdesk::test;

namespace {

const char* const kSource =
    "create schema app;"
    "create table app.t (id int primary key, name text not null default '', score bigint);"
    "create index t_score on app.t (score);"
    "create view app.v as select id, name from app.t;";
const char* const kTarget = "create schema app;"
                            "create table app.t (id int primary key, name text, old text, score int);"
                            "create view app.v as select id from app.t;"
                            "insert into app.t values (1, 'Ada', 'x', 3), (2, 'Bo', 'y', 4);";

} // namespace

class TestCliDiff final : public QObject {
    Q_OBJECT
    const QString m_suffix = QString::number(QCoreApplication::applicationPid());
    const QString m_source = QStringLiteral("cli_diff_src_") + m_suffix;
    const QString m_target = QStringLiteral("cli_diff_tgt_") + m_suffix;
    const QString m_demoSource = QStringLiteral("cli_diff_a_") + m_suffix;
    const QString m_demoTarget = QStringLiteral("cli_diff_b_") + m_suffix;
    QTemporaryDir m_dir;

    void resetTarget() {
        psql(QStringLiteral("drop database if exists %1 with (force)").arg(m_target),
             QStringLiteral("postgres"));
        psql(QStringLiteral("create database %1").arg(m_target), QStringLiteral("postgres"));
        loadScript(m_target, QLatin1String(kTarget));
    }
    QStringList sides() const {
        return {QStringLiteral("diff"), QStringLiteral("--source-dsn"),
                conninfo(m_source),     QStringLiteral("--source-schema"),
                QStringLiteral("app"),  QStringLiteral("--target-dsn"),
                conninfo(m_target),     QStringLiteral("--target-schema"),
                QStringLiteral("app")};
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        psql(QStringLiteral("drop database if exists %1 with (force)").arg(m_source),
             QStringLiteral("postgres"));
        psql(QStringLiteral("create database %1").arg(m_source), QStringLiteral("postgres"));
        loadScript(m_source, QLatin1String(kSource));
        resetTarget();
        QFile file(m_dir.filePath(QStringLiteral("source.sql")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kSource);
        file.close();
        const CliRun r = addProductionProfile();
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        psql(QStringLiteral("create schema %1; create table %1.t (id int primary key, extra text);"
                            "create schema %2; create table %2.t (id int primary key);")
                 .arg(m_demoSource, m_demoTarget));
    }

    void cleanupTestCase() {
        for (const QString& db : {m_source, m_target})
            psql(QStringLiteral("drop database if exists %1 with (force)").arg(db),
                 QStringLiteral("postgres"));
        psql(QStringLiteral("drop schema if exists %1, %2 cascade").arg(m_demoSource, m_demoTarget));
    }

    void equalSchemasExitZero() {
        const CliRun r = runCli({QStringLiteral("--dsn"), conninfo(m_source), QStringLiteral("diff"),
                                 QStringLiteral("app"), QStringLiteral("app")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QStringLiteral("no differences"));
    }

    void differencesExitOneWithAScript() {
        const QString script = m_dir.filePath(QStringLiteral("migration.sql"));
        CliRun r = runCli(sides() << QStringLiteral("--script") << script);
        QVERIFY2(r.exitCode == 1, qPrintable(r.err));
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("different\\s+table\\s+t\\n"))),
                 qPrintable(r.out));
        QVERIFY(r.out.contains(QLatin1String("-   COLUMN \"old\" text")));
        QVERIFY(r.out.contains(QLatin1String("different       view")));
        QFile f(script);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
        const qsizetype drop =
            lines.indexOf(QStringLiteral("ALTER TABLE \"app\".\"t\" DROP COLUMN \"old\";"));
        QVERIFY2(drop > 0, qPrintable(lines.join(QLatin1Char('\n'))));
        QVERIFY(lines[drop - 1].startsWith(QLatin1String("-- DESTRUCTIVE: drop column")));
        QVERIFY(lines.contains(QStringLiteral("BEGIN;")) && lines.contains(QStringLiteral("COMMIT;")));

        r = runCli(QStringList{QStringLiteral("--format"), QStringLiteral("json")} + sides());
        QCOMPARE(r.exitCode, 1);
        const QJsonObject o = parseObject(r);
        QCOMPARE(o.value(QLatin1String("equal")).toBool(true), false);
        QVERIFY(!o.value(QLatin1String("objects")).toArray().isEmpty());
        bool destructive = false;
        for (const auto& s : o.value(QLatin1String("statements")).toArray())
            destructive = destructive || s.toObject().value(QLatin1String("destructive")).toBool();
        QVERIFY(destructive);
        // The lock each step takes, from the designer's rules.
        QVERIFY(o.value(QLatin1String("statements"))
                    .toArray()
                    .first()
                    .toObject()
                    .contains(QLatin1String("locks")));
    }

    void applyAsksForDestructiveStepsThenMakesThemEqual() {
        resetTarget();
        CliRun r = runCli(sides() << QStringLiteral("--apply"));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("--allow-destructive")), qPrintable(r.err));
        QCOMPARE(psqlValue(QStringLiteral(
                               "select count(*) from information_schema.columns where table_schema = 'app' "
                               "and column_name = 'old'"),
                           m_target),
                 QStringLiteral("1"));
        r = runCli(sides() << QStringLiteral("--apply") << QStringLiteral("--allow-destructive"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QCOMPARE(r.out.trimmed(), QStringLiteral("no differences"));
        QCOMPARE(runCli(sides()).exitCode, 0);
        QCOMPARE(psqlValue(QStringLiteral("select string_agg(name || score, ',' order by id) from app.t"),
                           m_target),
                 QStringLiteral("Ada3,Bo4"));
    }

    // The apply's session ended while it waits for a lock: the message says nothing was applied (it said only
    // "server closed the connection"), and nothing was.
    void applyWhoseSessionEndsSaysNothingWasApplied() {
        resetTarget();
        QProcess holder; // holds a lock on app.t the migration waits for
        QVERIFY(startPsqlSession(
            holder, QStringLiteral("begin; lock table app.t in access share mode; select pg_sleep(60)"),
            m_target));
        QTRY_VERIFY_WITH_TIMEOUT(
            psqlValue(QStringLiteral("select count(*) from pg_locks l join pg_class c on "
                                     "c.oid = l.relation where c.relname = 't' and l.granted"),
                      m_target) != QStringLiteral("0"),
            10000);
        QProcess cli;
        cli.start(binary(QStringLiteral("pgdesk-cli")),
                  sides() << QStringLiteral("--apply") << QStringLiteral("--allow-destructive")
                          << QStringLiteral("--lock-timeout") << QStringLiteral("30000"));
        QVERIFY(cli.waitForStarted());
        const QString waiting =
            QStringLiteral("select count(*) from pg_stat_activity where datname = '%1' and "
                           "wait_event_type = 'Lock'")
                .arg(m_target);
        QTRY_VERIFY_WITH_TIMEOUT(psqlValue(waiting, QStringLiteral("postgres")) != QStringLiteral("0"),
                                 20000);
        psql(QStringLiteral("select pg_terminate_backend(pid) from pg_stat_activity where datname = '%1' and "
                            "wait_event_type = 'Lock'")
                 .arg(m_target),
             QStringLiteral("postgres"));
        QVERIFY(cli.waitForFinished(30000));
        const QString err = QString::fromUtf8(cli.readAllStandardError());
        QVERIFY2(cli.exitCode() != 0 && err.contains(QLatin1String("nothing was applied")), qPrintable(err));
        psql(QStringLiteral("select pg_terminate_backend(pid) from pg_stat_activity where application_name = "
                            "'pgdesk_test_session' and datname = '%1'")
                 .arg(m_target),
             QStringLiteral("postgres"));
        holder.waitForFinished();
        QCOMPARE(
            psqlValue(QStringLiteral("select count(*) from information_schema.columns where table_schema = "
                                     "'app' and column_name = 'old'"),
                      m_target),
            QStringLiteral("1"));
    }

    void aFileSideIsLoadedAndDroppedAfter() {
        resetTarget();
        const CliRun r =
            runCli({QStringLiteral("--dsn"), conninfo(m_target), QStringLiteral("diff"),
                    QStringLiteral("--source-file"), m_dir.filePath(QStringLiteral("source.sql")),
                    QStringLiteral("--source-schema"), QStringLiteral("app"),
                    QStringLiteral("--target-schema"), QStringLiteral("app")});
        QVERIFY2(r.exitCode == 1, qPrintable(r.err));
        QVERIFY(r.out.contains(QLatin1String("only in source  index")) ||
                r.out.contains(QLatin1String("t_score")));
        QCOMPARE(
            psqlValue(QStringLiteral("select count(*) from pg_database where datname like 'pgdesk_diff_%'"),
                      QStringLiteral("postgres")),
            QStringLiteral("0"));
        // A file with a psql meta-command is refused before anything runs.
        QFile bad(m_dir.filePath(QStringLiteral("bad.sql")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("create schema app;\n\\! touch /tmp/pgdesk-diff-pwned\n");
        bad.close();
        const CliRun refused = runCli({QStringLiteral("--dsn"), conninfo(m_target), QStringLiteral("diff"),
                                       QStringLiteral("--source-file"), bad.fileName(),
                                       QStringLiteral("--source-schema"), QStringLiteral("app")});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY(!QFile::exists(QStringLiteral("/tmp/pgdesk-diff-pwned")));
        QCOMPARE(
            psqlValue(QStringLiteral("select count(*) from pg_database where datname like 'pgdesk_diff_%'"),
                      QStringLiteral("postgres")),
            QStringLiteral("0"));
    }

    void productionNeedsAllowWrite() {
        const CliRun r = runCli({QStringLiteral("--profile"), QStringLiteral("prod"), QStringLiteral("diff"),
                                 m_demoSource, m_demoTarget, QStringLiteral("--apply")});
        QCOMPARE(r.exitCode, 9);
        QCOMPARE(psqlValue(QStringLiteral(
                               "select count(*) from information_schema.columns where table_schema = '%1' "
                               "and column_name = 'extra'")
                               .arg(m_demoTarget)),
                 QStringLiteral("0"));
    }

    // Two 1,000,000-row tables with 1 % differences: exactly those changes, which `apply` takes; afterwards
    // the tables are equal (EXCEPT both ways) and data-diff exits 0.
    void dataDiffOfAMillionRows() {
        psql(QStringLiteral("create table src (id int primary key, name text, qty int, at timestamptz);"
                            "insert into src select g, 'name ' || g, g % 100, '2026-01-01'::timestamptz + g "
                            "* interval '1 minute'"
                            "  from generate_series(1, 1000000) g;"
                            "create table tgt as select * from src; alter table tgt add primary key (id);"
                            "update tgt set qty = qty + 1 where id % 200 = 0;" // 5,000 different
                            "delete from tgt where id % 400 = 1;"              // 2,500 only in source
                            "insert into tgt select g, 'extra', 1, now() from generate_series(1000001, "
                            "1002500) g;"), // 2,500
             m_source);
        const QString changes = m_dir.filePath(QStringLiteral("changes.json"));
        const QStringList args{QStringLiteral("--dsn"),          conninfo(m_source),
                               QStringLiteral("--format"),       QStringLiteral("json"),
                               QStringLiteral("data-diff"),      QStringLiteral("tgt"),
                               QStringLiteral("--source-table"), QStringLiteral("src"),
                               QStringLiteral("--source-dsn"),   conninfo(m_source)};
        CliRun r = runCli(args + QStringList{QStringLiteral("-o"), changes}, {}, 300000);
        QVERIFY2(r.exitCode == 1, qPrintable(r.err));
        const QJsonObject o = parseObject(r);
        QCOMPARE(o.value(QLatin1String("different")).toInteger(), 5000);
        QCOMPARE(o.value(QLatin1String("only_in_source")).toInteger(), 2500);
        QCOMPARE(o.value(QLatin1String("only_in_target")).toInteger(), 2500);
        QCOMPARE(o.value(QLatin1String("same")).toInteger(), 990000 + 2500);
        QCOMPARE(o.value(QLatin1String("changes")).toInteger(), 10000);
        r = runCli({QStringLiteral("--dsn"), conninfo(m_source), QStringLiteral("apply"), changes}, {},
                   300000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(psqlValue(QStringLiteral("select (select count(*) from (table src except table tgt) a) + "
                                          "(select count(*) from (table tgt except table src) b)"),
                           m_source),
                 QStringLiteral("0"));
        QCOMPARE(runCli(args, {}, 300000).exitCode, 0);
    }

    // What the window's dialogs ask, given as options: a column made NOT NULL over a NULL is no longer a
    // reason the migration cannot run with --fill, and --using converts integer seconds to timestamptz,
    // which has no cast.
    void fillAndUsingGiveWhatTheWindowAsks() {
        const QString from = QStringLiteral("cli_fill_a_") + m_suffix;
        const QString to = QStringLiteral("cli_fill_b_") + m_suffix;
        psql(QStringLiteral("create schema %1; create table %1.t (id int primary key, code text not null, "
                            "at timestamptz);"
                            "create schema %2; create table %2.t (id int primary key, code text, at int);"
                            "insert into %2.t values (1, null, 0), (2, 'b', 86400);")
                 .arg(from, to));
        const QStringList args{QStringLiteral("--dsn"),
                               conninfo(),
                               QStringLiteral("diff"),
                               from,
                               to,
                               QStringLiteral("--apply"),
                               QStringLiteral("--allow-destructive")};
        CliRun r = runCli(args);
        QVERIFY2(r.exitCode == 2 && r.err.contains(QLatin1String("code")), qPrintable(r.out + r.err));
        r = runCli(args + QStringList{QStringLiteral("--fill"), QStringLiteral("t.code='none yet'"),
                                      QStringLiteral("--using"), QStringLiteral("t.at=to_timestamp(at)")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QCOMPARE(
            psqlValue(QStringLiteral("select string_agg(code || ' ' || extract(epoch from at)::int, ', ' "
                                     "order by id) from %1.t")
                          .arg(to)),
            QStringLiteral("none yet 0, b 86400"));
        QCOMPARE(runCli(QStringList{QStringLiteral("--dsn"), conninfo(), QStringLiteral("diff"), from, to,
                                    QStringLiteral("--fill"), QStringLiteral("code=1")})
                     .exitCode,
                 2);
        psql(QStringLiteral("drop schema %1, %2 cascade").arg(from, to));
    }

    void usageErrors() {
        QCOMPARE(runCli({QStringLiteral("--dsn"), conninfo(m_source), QStringLiteral("diff"),
                         QStringLiteral("app")})
                     .exitCode,
                 2);
        QCOMPARE(runCli({QStringLiteral("--dsn"), conninfo(m_source), QStringLiteral("diff"),
                         QStringLiteral("app"), QStringLiteral("nope")})
                     .exitCode,
                 6);
        QCOMPARE(runCli({QStringLiteral("--dsn"), conninfo(m_source), QStringLiteral("diff"),
                         QStringLiteral("app"), QStringLiteral("app"), QStringLiteral("--allow-destructive")})
                     .exitCode,
                 2);
        // Two connections are read at once: a missing schema on either side still ends the command alone.
        for (const int side : {4, 8}) {
            QStringList args = sides();
            args[side] = QStringLiteral("nope");
            const CliRun r = runCli(args);
            QVERIFY2(r.exitCode == 6 && r.err.contains(QLatin1String("no schema named \"nope\"")),
                     qPrintable(r.err));
        }
    }
};

QTEST_GUILESS_MAIN(TestCliDiff)
#include "tst_cli_diff.moc"
