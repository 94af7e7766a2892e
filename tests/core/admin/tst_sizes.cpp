// SPDX-License-Identifier: GPL-3.0-or-later
#include "scratchschema.h"
#include "testcluster.h"

#include <pgdesk/core/admin/sizereader.h>
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/connection.h>

#include <QTest>

using namespace pgdesk::core;

class TestSizes final : public QObject {
    Q_OBJECT
private:
    std::optional<pgdesk::test::ScratchSchema> m_scratch; // first: dropped after the connection closes
    Connection m_c;
    QString m_schema;

    qint64 scalar(const QString& sql) { return m_c.exec(sql).text(0, 0).toLongLong(); }
    static const RelationSize* find(const QList<RelationSize>& list, const QString& name) {
        for (const auto& s : list)
            if (s.name == name)
                return &s;
        return nullptr;
    }

private slots:
    void initTestCase() {
        m_c = Connection::open(pgdesk::test::profile());
        m_schema = QStringLiteral("tst_sizes_%1").arg(QCoreApplication::applicationPid());
        // big: 3,000 rows of 3,200 uncompressed characters stored out of line (TOAST); small: a few rows
        // with an index; events: partitioned in two; summary: a materialized view.
        m_scratch.emplace(
            m_schema,
            QStringLiteral("create table $S.big (id int primary key, payload text);"
                           "alter table $S.big alter column payload set storage external;"
                           "insert into $S.big select g, (select string_agg(md5(g::text || '-' || i), '') "
                           "  from generate_series(1, 100) i) from generate_series(1, 3000) g;"
                           "create table $S.small (id int primary key, name text);"
                           "create index on $S.small (name);"
                           "insert into $S.small select g, 'n' || g from generate_series(1, 50) g;"
                           "create table $S.events (id int, at date not null) partition by range (at);"
                           "create table $S.events_2024 partition of $S.events "
                           "  for values from ('2024-01-01') to ('2025-01-01');"
                           "create table $S.events_2025 partition of $S.events "
                           "  for values from ('2025-01-01') to ('2026-01-01');"
                           "insert into $S.events select g, date '2024-06-01' + (g % 400) from "
                           "generate_series(1, 20000) g;"
                           "create materialized view $S.summary as select count(*) as n from $S.small;"
                           "create view $S.plain_view as select 1 as one;"
                           "analyze $S.big; analyze $S.small; analyze $S.events;"));
    }

    void largestFirstWithExactParts() {
        const QList<RelationSize> sizes = SizeReader(m_c).largestRelations(m_schema, 0);
        QStringList names;
        for (const auto& s : sizes)
            names << s.name;
        // Tables, partitions, the partitioned parent and the materialized view; never a plain view.
        QCOMPARE(sizes.size(), 6);
        QVERIFY2(!names.contains(QStringLiteral("plain_view")), qPrintable(names.join(',')));
        QCOMPARE(names.first(), QStringLiteral("big"));
        for (int i = 1; i < sizes.size(); ++i)
            QVERIFY2(sizes[i - 1].totalBytes >= sizes[i].totalBytes, qPrintable(names.join(',')));
        for (const auto& s : sizes) {
            QCOMPARE(s.schema, m_schema);
            QVERIFY2(s.tableBytes + s.toastBytes + s.indexesBytes == s.totalBytes, qPrintable(s.name));
        }

        const RelationSize* big = find(sizes, QStringLiteral("big"));
        QVERIFY(big);
        QCOMPARE(big->kind, RelationKind::Table);
        QCOMPARE(big->totalBytes,
                 scalar(QStringLiteral("select pg_total_relation_size('%1.big')").arg(m_schema)));
        QCOMPARE(big->indexesBytes, scalar(QStringLiteral("select pg_indexes_size('%1.big')").arg(m_schema)));
        QCOMPARE(big->toastBytes,
                 scalar(QStringLiteral("select pg_total_relation_size(reltoastrelid) from pg_class "
                                       "where oid = '%1.big'::regclass")
                            .arg(m_schema)));
        QVERIFY2(big->toastBytes > 3000 * 3200, qPrintable(QString::number(big->toastBytes)));
        QVERIFY(big->toastBytes > big->tableBytes);
        QCOMPARE(qRound64(big->estimatedRows), 3000);

        const RelationSize* small = find(sizes, QStringLiteral("small"));
        QVERIFY(small && small->indexesBytes >= 2 * 8192);
        QCOMPARE(qRound64(small->estimatedRows), 50);

        // The partitioned table sums its partitions.
        const RelationSize* events = find(sizes, QStringLiteral("events"));
        const RelationSize* e24 = find(sizes, QStringLiteral("events_2024"));
        const RelationSize* e25 = find(sizes, QStringLiteral("events_2025"));
        QVERIFY(events && e24 && e25);
        QCOMPARE(events->kind, RelationKind::PartitionedTable);
        QVERIFY(e24->totalBytes > 0);
        QCOMPARE(events->totalBytes, e24->totalBytes + e25->totalBytes);
        QCOMPARE(qRound64(events->estimatedRows), 20000);

        const RelationSize* summary = find(sizes, QStringLiteral("summary"));
        QVERIFY(summary);
        QCOMPARE(summary->kind, RelationKind::MaterializedView);
        QCOMPARE(summary->estimatedRows, -1.0); // never analyzed
    }

    void limitAndAllSchemas() {
        const QList<RelationSize> two = SizeReader(m_c).largestRelations(m_schema, 2);
        QCOMPARE(two.size(), 2);
        QCOMPARE(two.first().name, QStringLiteral("big"));
        // Every user schema: the demo database's tables and ours, no catalog.
        const QList<RelationSize> all = SizeReader(m_c).largestRelations(QString(), 0);
        QSet<QString> schemas;
        for (const auto& s : all)
            schemas << s.schema;
        QVERIFY(schemas.contains(m_schema));
        QVERIFY(schemas.contains(QStringLiteral("public")));
        QVERIFY(!schemas.contains(QStringLiteral("pg_catalog")));
        QVERIFY(!schemas.contains(QStringLiteral("information_schema")));
        QVERIFY(!schemas.contains(QStringLiteral("pg_toast")));
    }

    void unknownSchemaIsNotFound() {
        try {
            SizeReader(m_c).largestRelations(QStringLiteral("no_such_schema_x"), 10);
            QFAIL("expected NotFound");
        } catch (const NotFound& e) {
            QVERIFY(QString::fromUtf8(e.what()).contains(QStringLiteral("no_such_schema_x")));
        }
        // An empty schema that exists is no error.
        const QString empty = m_schema + QStringLiteral("_empty");
        pgdesk::test::ScratchSchema scratch(empty);
        QVERIFY(SizeReader(m_c).largestRelations(empty, 10).isEmpty());
    }

    void cleanupTestCase() {
        m_c = {};
        m_scratch.reset();
    }
};

QTEST_GUILESS_MAIN(TestSizes)
#include "tst_sizes.moc"
