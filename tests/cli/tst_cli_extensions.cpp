// SPDX-License-Identifier: GPL-3.0-or-later
// pgdesk-cli extensions on a private cluster: the listing (installed first, versions, update targets),
// install into a schema with a hostile name and at an older version, update, the statement for a hostile
// extension name quoted, drop refused while something depends on it (each dependent named, nothing dropped),
// dry runs that change nothing, and the production guard.
#include "clirunner.h"
#include "privatecluster.h"

#include <QJsonArray>
#include <QJsonObject>

#include <memory>

using namespace pgdesk::test;

class TestCliExtensions final : public QObject {
    Q_OBJECT

    std::unique_ptr<PrivateCluster> m_cluster;

    CliRun cli(const QStringList& args) {
        return runCli(QStringList{QStringLiteral("--dsn"),
                                  QStringLiteral("host=%1 port=%2 user=postgres dbname=postgres")
                                      .arg(m_cluster->dir())
                                      .arg(m_cluster->port())} +
                      args);
    }
    QJsonObject extension(const QString& name) {
        const CliRun r =
            cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("extensions")});
        for (const QJsonValue& v : parseObject(r).value(QStringLiteral("extensions")).toArray())
            if (v.toObject().value(QStringLiteral("name")).toString() == name)
                return v.toObject();
        return {};
    }
    QString installed(const QString& name) {
        return m_cluster->psql(
            QStringLiteral("SELECT extversion FROM pg_extension WHERE extname = '%1'").arg(name));
    }

private slots:
    void initTestCase() {
        m_cluster = std::make_unique<PrivateCluster>();
        QVERIFY2(m_cluster->isStarted(), qPrintable(m_cluster->error()));
        QVERIFY(!m_cluster->psql(QStringLiteral("CREATE SCHEMA \"ext\"\"s\"")).isNull());
    }

    void listsInstalledFirst() {
        const CliRun r =
            cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("extensions")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray all = parseObject(r).value(QStringLiteral("extensions")).toArray();
        QVERIFY(all.size() > 20); // contrib and the rest the server offers
        const QJsonObject first = all.at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("name")).toString(), QStringLiteral("plpgsql"));
        QCOMPARE(first.value(QStringLiteral("schema")).toString(), QStringLiteral("pg_catalog"));
        const QJsonObject hstore = extension(QStringLiteral("hstore"));
        QVERIFY(hstore.value(QStringLiteral("installed_version")).isNull());
        QCOMPARE(hstore.value(QStringLiteral("default_version")).toString(), QStringLiteral("1.8"));
        QCOMPARE(hstore.value(QStringLiteral("superuser_only")).toBool(true), false); // trusted
        QCOMPARE(extension(QStringLiteral("earthdistance")).value(QStringLiteral("requires")).toArray(),
                 QJsonArray{QStringLiteral("cube")});
        const CliRun installedOnly = cli({QStringLiteral("extensions"), QStringLiteral("--installed")});
        QCOMPARE(installedOnly.exitCode, 0);
        QVERIFY(installedOnly.out.contains(QLatin1String("plpgsql")));
        QVERIFY(!installedOnly.out.contains(QLatin1String("hstore")));
    }

    void installUpdateAndQuote() {
        const CliRun dry =
            cli({QStringLiteral("extensions"), QStringLiteral("install"), QStringLiteral("hstore"),
                 QStringLiteral("--schema"), QStringLiteral("ext\"s"), QStringLiteral("--version"),
                 QStringLiteral("1.7"), QStringLiteral("--dry-run")});
        QCOMPARE(dry.exitCode, 0);
        QCOMPARE(dry.out, QStringLiteral("CREATE EXTENSION \"hstore\" SCHEMA \"ext\"\"s\" VERSION '1.7';\n"));
        QCOMPARE(installed(QStringLiteral("hstore")), QString(""));
        const CliRun hostile =
            cli({QStringLiteral("extensions"), QStringLiteral("install"),
                 QStringLiteral("x\"; DROP SCHEMA public; --"), QStringLiteral("--version"),
                 QStringLiteral("1'; --"), QStringLiteral("--dry-run")});
        QCOMPARE(hostile.out,
                 QStringLiteral("CREATE EXTENSION \"x\"\"; DROP SCHEMA public; --\" VERSION '1''; --';\n"));

        // Production: refused without --allow-write, before anything is sent.
        const CliRun added =
            runCli({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("prod"),
                    QStringLiteral("--host"), m_cluster->dir(), QStringLiteral("--port"),
                    QString::number(m_cluster->port()), QStringLiteral("--database"),
                    QStringLiteral("postgres"), QStringLiteral("--user"), QStringLiteral("postgres"),
                    QStringLiteral("--environment"), QStringLiteral("production")});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QCOMPARE(runCli({QStringLiteral("--profile"), QStringLiteral("prod"), QStringLiteral("extensions"),
                         QStringLiteral("install"), QStringLiteral("hstore")})
                     .exitCode,
                 9);
        QCOMPARE(installed(QStringLiteral("hstore")), QString(""));

        const CliRun install =
            cli({QStringLiteral("extensions"), QStringLiteral("install"), QStringLiteral("hstore"),
                 QStringLiteral("--schema"), QStringLiteral("ext\"s"), QStringLiteral("--version"),
                 QStringLiteral("1.7")});
        QVERIFY2(install.exitCode == 0, qPrintable(install.err));
        QCOMPARE(installed(QStringLiteral("hstore")), QStringLiteral("1.7"));
        const QJsonObject hstore = extension(QStringLiteral("hstore"));
        QCOMPARE(hstore.value(QStringLiteral("installed_version")).toString(), QStringLiteral("1.7"));
        QCOMPARE(hstore.value(QStringLiteral("schema")).toString(), QStringLiteral("ext\"s"));
        QCOMPARE(hstore.value(QStringLiteral("update_targets")).toArray(), QJsonArray{QStringLiteral("1.8")});

        const CliRun update =
            cli({QStringLiteral("extensions"), QStringLiteral("update"), QStringLiteral("hstore")});
        QVERIFY2(update.exitCode == 0, qPrintable(update.err));
        QCOMPARE(update.out, QStringLiteral("ALTER EXTENSION \"hstore\" UPDATE;\n"));
        QCOMPARE(installed(QStringLiteral("hstore")), QStringLiteral("1.8"));
        QVERIFY(
            extension(QStringLiteral("hstore")).value(QStringLiteral("update_targets")).toArray().isEmpty());
        // An unknown target is the server's error (exit 4), the extension unchanged.
        QCOMPARE(cli({QStringLiteral("extensions"), QStringLiteral("update"), QStringLiteral("hstore"),
                      QStringLiteral("--to"), QStringLiteral("9.9")})
                     .exitCode,
                 4);
        QCOMPARE(installed(QStringLiteral("hstore")), QStringLiteral("1.8"));
    }

    void dropNamesWhatDependsOnIt() {
        QVERIFY(!m_cluster
                     ->psql(QStringLiteral("CREATE TABLE kv (id int, h \"ext\"\"s\".hstore); "
                                           "CREATE INDEX kv_h ON kv USING gist (h); "
                                           "CREATE VIEW kv_keys AS SELECT \"ext\"\"s\".akeys(h) FROM kv"))
                     .isNull());
        const CliRun refused =
            cli({QStringLiteral("extensions"), QStringLiteral("drop"), QStringLiteral("hstore")});
        QCOMPARE(refused.exitCode, 5);
        const QStringList named{QStringLiteral("pgdesk-cli: column h of table kv depends on hstore"),
                                QStringLiteral("pgdesk-cli: index kv_h depends on hstore"),
                                QStringLiteral("pgdesk-cli: view kv_keys depends on hstore")};
        for (const QString& line : named)
            QVERIFY2(refused.err.contains(line), qPrintable(refused.err));
        QVERIFY2(!refused.err.contains(QLatin1String("operator family")),
                 qPrintable(refused.err)); // its own parts
        QVERIFY(refused.err.contains(QLatin1String("nothing was dropped")));
        QCOMPARE(installed(QStringLiteral("hstore")), QStringLiteral("1.8"));

        const CliRun dry =
            cli({QStringLiteral("extensions"), QStringLiteral("drop"), QStringLiteral("hstore"),
                 QStringLiteral("--cascade"), QStringLiteral("--dry-run")});
        QCOMPARE(dry.exitCode, 0);
        QCOMPARE(dry.out, QStringLiteral("DROP EXTENSION \"hstore\" CASCADE;\n"));
        QCOMPARE(installed(QStringLiteral("hstore")), QStringLiteral("1.8"));

        const CliRun dropped = cli({QStringLiteral("extensions"), QStringLiteral("drop"),
                                    QStringLiteral("hstore"), QStringLiteral("--cascade")});
        QVERIFY2(dropped.exitCode == 0, qPrintable(dropped.err));
        QCOMPARE(installed(QStringLiteral("hstore")), QString(""));
        QCOMPARE(m_cluster->psql(QStringLiteral("SELECT count(*) FROM pg_views WHERE viewname = 'kv_keys'")),
                 QStringLiteral("0"));
        // Nothing depends on it: dropped without --cascade; one not installed is exit 6.
        QVERIFY(cli({QStringLiteral("extensions"), QStringLiteral("install"), QStringLiteral("citext")})
                    .exitCode == 0);
        QCOMPARE(
            cli({QStringLiteral("extensions"), QStringLiteral("drop"), QStringLiteral("citext")}).exitCode,
            0);
        QCOMPARE(
            cli({QStringLiteral("extensions"), QStringLiteral("drop"), QStringLiteral("citext")}).exitCode,
            6);
        QCOMPARE(
            cli({QStringLiteral("extensions"), QStringLiteral("remove"), QStringLiteral("citext")}).exitCode,
            2);
    }
};

QTEST_GUILESS_MAIN(TestCliExtensions)
#include "tst_cli_extensions.moc"
