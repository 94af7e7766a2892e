// SPDX-License-Identifier: GPL-3.0-or-later
// Index suggestions from the workload (pg_qualstats) checked with what-if plans (hypopg) on the real
// server: a filter run on an unindexed column is suggested, with the plan cost it saves; nothing is built.
#include "scratchschema.h"
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/plan/indexadvisor.h>
#include <pgdesk/core/session/connection.h>

#include <QCoreApplication>
#include <QTest>

#include <algorithm>

using namespace pgdesk::core;
using pgdesk::test::psql;

class TestIndexAdvisor final : public QObject {
    Q_OBJECT
    std::optional<pgdesk::test::ScratchSchema> m_scratch;
    QString m_schema;

private slots:
    void initTestCase() {
        psql(QStringLiteral("create extension if not exists hypopg"));
        psql(QStringLiteral("create extension if not exists pg_qualstats"));
        m_schema = QStringLiteral("advisor_%1").arg(QCoreApplication::applicationPid());
        m_scratch.emplace(
            m_schema,
            QStringLiteral("create table $S.events (id int primary key, kind int, payload text);"
                           "insert into $S.events select g, g % 500, 'x' from generate_series(1, 100000) g;"
                           "analyze $S.events;"));
    }
    void cleanupTestCase() { m_scratch.reset(); }

    void aFilteredColumnIsSuggested() {
        Connection c = Connection::open(pgdesk::test::profile());
        for (int i = 0; i < 3; ++i)
            c.exec(QStringLiteral("select count(*) from %1.events where kind = %2").arg(m_schema).arg(7 + i));
        IndexAdvisor advisor(c);
        QVERIFY2(advisor.availability().available, qPrintable(advisor.availability().hint));
        const QList<IndexSuggestion> suggestions = advisor.suggest();
        const auto mine =
            std::find_if(suggestions.cbegin(), suggestions.cend(), [&](const IndexSuggestion& s) {
                return s.createStatement.contains(m_schema + QStringLiteral(".events")) &&
                       s.createStatement.contains(QStringLiteral("(kind)"));
            });
        QVERIFY2(mine != suggestions.cend(),
                 qPrintable(QStringLiteral("%1 suggestions").arg(suggestions.size())));
        QVERIFY(mine->createStatement.startsWith(QStringLiteral("CREATE INDEX CONCURRENTLY ON")));
        QVERIFY(mine->queriesHelped >= 1);
        QVERIFY(mine->costSaved() > 0);
        QVERIFY(mine->examples.first().contains(QStringLiteral("events")));
        for (qsizetype i = 1; i < suggestions.size(); ++i)
            QVERIFY(suggestions[i - 1].costSaved() >= suggestions[i].costSaved());
        QCOMPARE(
            psql(QStringLiteral("select count(*) from pg_indexes where schemaname = '%1'").arg(m_schema)),
            QStringLiteral("1")); // the primary key alone
        QCOMPARE(c.exec(QStringLiteral("select count(*) from hypopg_list_indexes")).text(0, 0),
                 QStringLiteral("0"));
    }

    void missingExtensionsAreNamed() {
        Connection c = Connection::open(pgdesk::test::profile(QStringLiteral("postgres")));
        IndexAdvisor advisor(c);
        const IndexAdvisorAvailability a = advisor.availability();
        QVERIFY(!a.available);
        QVERIFY(a.hint.contains(QStringLiteral("CREATE EXTENSION pg_qualstats")));
        QVERIFY(a.hint.contains(QStringLiteral("CREATE EXTENSION hypopg")));
        QVERIFY(!a.hint.contains(QStringLiteral("shared_preload_libraries"))); // loaded in the test cluster
        QVERIFY_THROWS_EXCEPTION(NotFound, advisor.suggest());
    }
};

QTEST_GUILESS_MAIN(TestIndexAdvisor)
#include "tst_indexadvisor.moc"
