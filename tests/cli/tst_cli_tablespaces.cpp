// SPDX-License-Identifier: GPL-3.0-or-later
// pgdesk-cli tablespaces and event-triggers on a private cluster: a tablespace with a hostile name, options
// and a comment listed and scripted; a table moved with its lock and copy said first (a dry run moving
// nothing, production refused, then moved with its rows); an event trigger's script dropped and replayed
// gives the same trigger back (event, tags, function, enabled state, comment).
#include "clirunner.h"
#include "privatecluster.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>

#include <memory>

#include <sys/stat.h>
#include <unistd.h>

using namespace pgdesk::test;

class TestCliTablespaces final : public QObject {
    Q_OBJECT

    std::unique_ptr<PrivateCluster> m_cluster;
    QString m_location;

    CliRun cli(const QStringList& args) {
        return runCli(QStringList{QStringLiteral("--dsn"),
                                  QStringLiteral("host=%1 port=%2 user=postgres dbname=postgres")
                                      .arg(m_cluster->dir())
                                      .arg(m_cluster->port())} +
                      args);
    }
    QString value(const QString& sql) { return m_cluster->psql(sql).trimmed(); }
    QJsonObject named(const QString& command, const QString& key, const QString& name) {
        const CliRun r = cli({QStringLiteral("--format"), QStringLiteral("json"), command});
        for (const QJsonValue& v : parseObject(r).value(key).toArray())
            if (v.toObject().value(QStringLiteral("name")).toString() == name)
                return v.toObject();
        return {};
    }

private slots:
    void initTestCase() {
        m_cluster = std::make_unique<PrivateCluster>();
        QVERIFY2(m_cluster->isStarted(), qPrintable(m_cluster->error()));
        // The server's own user must own the location (root runs the tests; the server runs as postgres).
        m_location = m_cluster->dir() + QStringLiteral("/fast ts");
        QVERIFY(QDir().mkpath(m_location));
        struct stat owner {};
        QVERIFY(::stat(QFile::encodeName(m_cluster->dir() + QStringLiteral("/data")).constData(), &owner) ==
                0);
        QVERIFY(::chown(QFile::encodeName(m_location).constData(), owner.st_uid, owner.st_gid) == 0);
        for (const QString& sql :
             {QStringLiteral("create tablespace \"fast \"\"ts\"\"\" location '%1' with (seq_page_cost = 1.1)")
                  .arg(m_location),
              QStringLiteral("comment on tablespace \"fast \"\"ts\"\"\" is 'SSD ''fast'' ﻧﺎم'"),
              QStringLiteral(
                  "create table big as select g, md5(g::text) as h from generate_series(1, 20000) g"),
              QStringLiteral("create schema \"Aud it\"; create function \"Aud it\".\"log ddl\"() returns "
                             "event_trigger language plpgsql as $$ begin null; end $$"),
              QStringLiteral(
                  "create event trigger \"on ddl\" on ddl_command_end when tag in ('CREATE TABLE', "
                  "'ALTER TABLE') execute function \"Aud it\".\"log ddl\"()"),
              QStringLiteral("alter event trigger \"on ddl\" enable always"),
              QStringLiteral("comment on event trigger \"on ddl\" is 'audit ''ddl'''")})
            QVERIFY2(!m_cluster->psql(sql).isNull(), qPrintable(m_cluster->error()));
    }

    void listedAndScripted() {
        const QJsonObject ts = named(QStringLiteral("tablespaces"), QStringLiteral("tablespaces"),
                                     QStringLiteral("fast \"ts\""));
        QCOMPARE(ts.value(QStringLiteral("location")).toString(), m_location);
        QCOMPARE(ts.value(QStringLiteral("options")).toArray(),
                 QJsonArray{QStringLiteral("seq_page_cost=1.1")});
        QCOMPARE(ts.value(QStringLiteral("comment")).toString(), QStringLiteral("SSD 'fast' ﻧﺎم"));
        QCOMPARE(ts.value(QStringLiteral("relations")).toInt(-1), 0);
        QVERIFY(ts.value(QStringLiteral("bytes")).toInteger(-1) >= 0); // a superuser may ask
        QCOMPARE(ts.value(QStringLiteral("script")).toString(),
                 QStringLiteral("CREATE TABLESPACE \"fast \"\"ts\"\"\" OWNER \"postgres\" LOCATION '%1' WITH "
                                "(\"seq_page_cost\" = '1.1');\nCOMMENT ON TABLESPACE \"fast \"\"ts\"\"\" IS "
                                "'SSD ''fast'' ﻧﺎم';\n")
                     .arg(m_location));
        const QJsonObject builtIn =
            named(QStringLiteral("tablespaces"), QStringLiteral("tablespaces"), QStringLiteral("pg_default"));
        QVERIFY(builtIn.value(QStringLiteral("location")).isNull());
        QVERIFY(
            builtIn.value(QStringLiteral("script")).toString().startsWith(QLatin1String("-- pg_default")));
        const CliRun table = cli({QStringLiteral("tablespaces")});
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.contains(QLatin1String("(data directory)")));
    }

    void moveSaysWhatItLocks() {
        const QStringList move{QStringLiteral("tablespaces"), QStringLiteral("move"), QStringLiteral("big"),
                               QStringLiteral("--to"), QStringLiteral("fast \"ts\"")};
        const CliRun dry = cli(move + QStringList{QStringLiteral("--dry-run")});
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.err));
        QVERIFY2(
            dry.out.startsWith(QLatin1String(
                "ALTER TABLE \"public\".\"big\" SET TABLESPACE \"fast \"\"ts\"\"\";\n   AccessExclusiveLock "
                "on public.big; copies public.big")),
            qPrintable(dry.out));
        QCOMPARE(
            value(QStringLiteral("select coalesce(tablespace, '-') from pg_tables where tablename = 'big'")),
            QStringLiteral("-"));

        const CliRun added =
            runCli({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("prod"),
                    QStringLiteral("--host"), m_cluster->dir(), QStringLiteral("--port"),
                    QString::number(m_cluster->port()), QStringLiteral("--database"),
                    QStringLiteral("postgres"), QStringLiteral("--user"), QStringLiteral("postgres"),
                    QStringLiteral("--environment"), QStringLiteral("production")});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QCOMPARE(runCli(QStringList{QStringLiteral("--profile"), QStringLiteral("prod")} + move).exitCode, 9);
        QCOMPARE(
            value(QStringLiteral("select coalesce(tablespace, '-') from pg_tables where tablename = 'big'")),
            QStringLiteral("-"));

        const CliRun moved = cli(move);
        QVERIFY2(moved.exitCode == 0, qPrintable(moved.err));
        QCOMPARE(value(QStringLiteral("select tablespace from pg_tables where tablename = 'big'")),
                 QStringLiteral("fast \"ts\""));
        QCOMPARE(value(QStringLiteral("select count(*) from big")), QStringLiteral("20000"));
        QVERIFY(
            named(QStringLiteral("tablespaces"), QStringLiteral("tablespaces"), QStringLiteral("fast \"ts\""))
                .value(QStringLiteral("relations"))
                .toInt() >= 1);
        QCOMPARE(cli({QStringLiteral("tablespaces"), QStringLiteral("move"), QStringLiteral("big"),
                      QStringLiteral("--to"), QStringLiteral("nowhere")})
                     .exitCode,
                 6); // the server's 42704: not found
    }

    void eventTriggerScriptReplays() {
        const QJsonObject e = named(QStringLiteral("event-triggers"), QStringLiteral("event_triggers"),
                                    QStringLiteral("on ddl"));
        QCOMPARE(e.value(QStringLiteral("event")).toString(), QStringLiteral("ddl_command_end"));
        QCOMPARE(e.value(QStringLiteral("function")).toString(), QStringLiteral("\"Aud it\".\"log ddl\""));
        QCOMPARE(e.value(QStringLiteral("enabled")).toString(), QStringLiteral("A"));
        QCOMPARE(e.value(QStringLiteral("tags")).toArray(),
                 (QJsonArray{QStringLiteral("CREATE TABLE"), QStringLiteral("ALTER TABLE")}));
        const CliRun script = cli({QStringLiteral("event-triggers"), QStringLiteral("--script")});
        QCOMPARE(script.exitCode, 0);
        QCOMPARE(script.out, e.value(QStringLiteral("script")).toString());
        const QString before = value(QStringLiteral(
            "select evtevent || evtenabled || array_to_string(evttags, ',') || evtfoid::regproc::text || "
            "obj_description(oid, 'pg_event_trigger') from pg_event_trigger"));
        QVERIFY(!m_cluster->psql(QStringLiteral("drop event trigger \"on ddl\"")).isNull());
        QVERIFY2(!m_cluster->psql(script.out).isNull(), qPrintable(m_cluster->error()));
        QCOMPARE(
            value(QStringLiteral(
                "select evtevent || evtenabled || array_to_string(evttags, ',') || evtfoid::regproc::text || "
                "obj_description(oid, 'pg_event_trigger') from pg_event_trigger")),
            before);
    }
};

QTEST_GUILESS_MAIN(TestCliTablespaces)
#include "tst_cli_tablespaces.moc"
