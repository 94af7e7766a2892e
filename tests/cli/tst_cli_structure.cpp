// SPDX-License-Identifier: GPL-3.0-or-later
#include "clirunner.h"
#include "scratchschema.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

using namespace pgdesk::test;

namespace {

const char* const kSetup = R"SQL(
create table $S.items (
    id bigint generated always as identity primary key,
    price numeric(12,2) not null default 0 check (price >= 0),
    status text
) with (fillfactor = 80);
create index items_active_idx on $S.items (status) where status <> 'gone';
alter table $S.items enable row level security;
create policy items_visible on $S.items for select using (status <> 'hidden');
create table $S.events (id int, at date not null) partition by range (at);
create table $S.events_2024 partition of $S.events for values from ('2024-01-01') to ('2025-01-01');
)SQL";

} // namespace

class TestCliStructure final : public QObject {
    Q_OBJECT

    QString m_schema = QStringLiteral("tst_cli_structure_%1").arg(QCoreApplication::applicationPid());
    std::optional<ScratchSchema> m_scratch;

    CliRun describe(const QString& table, const QString& format) {
        return runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("--format"), format,
                       QStringLiteral("describe"), table, QStringLiteral("--structure")});
    }

private slots:
    void initTestCase() { m_scratch.emplace(m_schema, QString::fromUtf8(kSetup)); }

    void json() {
        const CliRun r = describe(m_schema + QStringLiteral(".items"), QStringLiteral("json"));
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = parseObject(r);
        QCOMPARE(o[QStringLiteral("kind")].toString(), QStringLiteral("table"));
        QCOMPARE(o[QStringLiteral("owner")].toString(), cluster().user);
        const QJsonArray columns = o[QStringLiteral("columns")].toArray();
        QCOMPARE(columns.size(), 3);
        const QJsonObject id = columns[0].toObject();
        QCOMPARE(id[QStringLiteral("identity")].toString(), QStringLiteral("always"));
        QVERIFY(id[QStringLiteral("default")].isNull());
        const QJsonObject price = columns[1].toObject();
        QCOMPARE(price[QStringLiteral("type")].toString(), QStringLiteral("numeric(12,2)"));
        QCOMPARE(price[QStringLiteral("default")].toString(), QStringLiteral("0"));
        QVERIFY(price[QStringLiteral("not_null")].toBool());
        QCOMPARE(o[QStringLiteral("primary_key")].toObject()[QStringLiteral("definition")].toString(),
                 QStringLiteral("PRIMARY KEY (id)"));
        QCOMPARE(o[QStringLiteral("checks")].toArray()[0].toObject()[QStringLiteral("definition")].toString(),
                 QStringLiteral("CHECK (price >= 0::numeric)"));
        QJsonObject partial;
        for (const auto& v : o[QStringLiteral("indexes")].toArray())
            if (v.toObject()[QStringLiteral("name")].toString() == QLatin1String("items_active_idx"))
                partial = v.toObject();
        QCOMPARE(partial[QStringLiteral("predicate")].toString(), QStringLiteral("status <> 'gone'::text"));
        QVERIFY(partial[QStringLiteral("size_bytes")].toInteger() >= 8192);
        QVERIFY(o[QStringLiteral("row_security")].toBool());
        QCOMPARE(o[QStringLiteral("policies")].toArray()[0].toObject()[QStringLiteral("using")].toString(),
                 QStringLiteral("status <> 'hidden'::text"));
        QCOMPARE(o[QStringLiteral("options")].toArray(), QJsonArray({QStringLiteral("fillfactor=80")}));
        QVERIFY(o[QStringLiteral("acl")].isNull()); // never granted: the owner's defaults
        QVERIFY(o[QStringLiteral("statistics")].isObject());
    }

    void table() {
        const CliRun r = describe(m_schema + QStringLiteral(".events"), QStringLiteral("table"));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("partitioned_table %1.events, owner ").arg(m_schema)),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("Partition key: RANGE (at)")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')")),
                 qPrintable(r.out));
        const CliRun items = describe(m_schema + QStringLiteral(".items"), QStringLiteral("table"));
        QVERIFY2(items.out.contains(QStringLiteral("WHERE status <> 'gone'::text")), qPrintable(items.out));
        QVERIFY2(items.out.contains(QStringLiteral("Row-level security: enabled")), qPrintable(items.out));
    }

    // The CREATE scripts: one table (with its partitions), and a whole schema; JSON wraps the same text.
    void ddl() {
        const CliRun events = runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("describe"),
                                      m_schema + QStringLiteral(".events"), QStringLiteral("--ddl")});
        QCOMPARE(events.exitCode, 0);
        QVERIFY2(events.out.contains(QStringLiteral("CREATE TABLE %1.events_2024 PARTITION OF %1.events FOR "
                                                    "VALUES FROM ('2024-01-01') TO ('2025-01-01');")
                                         .arg(m_schema)),
                 qPrintable(events.out));
        QVERIFY2(!events.out.contains(QStringLiteral("items")), qPrintable(events.out));

        const CliRun schema = runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("--format"),
                                      QStringLiteral("json"), QStringLiteral("ddl"), m_schema});
        QCOMPARE(schema.exitCode, 0);
        const QString script = parseObject(schema)[QStringLiteral("script")].toString();
        QVERIFY2(script.contains(QStringLiteral("CREATE SCHEMA IF NOT EXISTS %1;").arg(m_schema)),
                 qPrintable(script));
        QVERIFY2(
            script.contains(QStringLiteral("CREATE POLICY items_visible ON %1.items FOR SELECT TO PUBLIC "
                                           "USING ((status <> 'hidden'::text));")
                                .arg(m_schema)),
            qPrintable(script));
        QVERIFY2(script.contains(QStringLiteral(") WITH (fillfactor = '80');")), qPrintable(script));

        const CliRun missing = runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("ddl"),
                                       m_schema + QStringLiteral("_absent")});
        QCOMPARE(missing.exitCode, 6);
        const CliRun both = runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("describe"),
                                    m_schema + QStringLiteral(".items"), QStringLiteral("--ddl"),
                                    QStringLiteral("--structure")});
        QCOMPARE(both.exitCode, 2);
    }

    void missingTableFails() {
        const CliRun r = describe(m_schema + QStringLiteral(".nothing"), QStringLiteral("json"));
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QStringLiteral("nothing")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliStructure)
#include "tst_cli_structure.moc"
