// SPDX-License-Identifier: GPL-3.0-or-later
// ExportRun, the one export every front end runs: the source described as the user sees it (a query with
// its parameters, a table with the profile's conventions), the safety rule that a query must only read
// held whoever asks, cancel before and during a run, and the facts a user is told besides the counts.
#include "exporttest.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/transfer/exportrun.h>

#include <QFileInfo>
#include <QTest>

#include <atomic>
#include <thread>

using namespace pgdesk;

class TestExportRun final : public QObject, test::ExportFixture {
    Q_OBJECT

    QString table(const QString& name) const { return m_schema + QLatin1Char('.') + name; }

private slots:
    void initTestCase() {
        openFixture();
        test::psql(
            QStringLiteral(
                "create table %1 (id int primary key, name text, deleted_at timestamptz, secret text);"
                "insert into %1 values (1, 'b', null, 's1'), (2, 'a', now(), 's2'), (3, 'c', null, 's3');"
                "create table %2 (code text not null unique, note text);"
                "insert into %2 values ('z', 'last'), ('m', 'middle'), ('a', 'first');")
                .arg(table(QStringLiteral("posts")), table(QStringLiteral("keyless"))));
    }

    // A table is read with the profile's conventions: an overridden row key orders a view export as the
    // grid pages it; a bare name is found on the search path and the outcome names the table as read.
    void aTableIsDescribedWithTheProfilesConventions() {
        core::ConnectionProfile p = test::profile();
        core::ConventionOverride o;
        o.rowKey = QStringList{QStringLiteral("code")};
        p.conventionOverrides.insert(core::conventionOverrideKey(m_schema, QStringLiteral("keyless")), o);
        auto c = core::Connection::open(p);
        core::ExportOptions options = format(core::ExportFormat::Csv);
        options.viewOrder = true;
        core::QuerySpec spec;
        spec.schema = m_schema;
        spec.table = QStringLiteral("keyless");
        core::ExportRun run({spec, file(QStringLiteral("keyless.csv")), options, {}});
        const core::ExportOutcome outcome = run.run(c);
        QCOMPARE(outcome.source.conventions.rowKey, QStringList{QStringLiteral("code")});
        QCOMPARE(test::readFile(outcome.result.path), QByteArray("code,note\na,first\nm,middle\nz,last\n"));

        test::psql(
            QStringLiteral("create table if not exists public.export_run_bare (x int); "
                           "truncate public.export_run_bare; insert into public.export_run_bare values (7)"));
        core::QuerySpec bare;
        bare.table = QStringLiteral("export_run_bare");
        core::ExportRun found({bare, file(QStringLiteral("bare.csv")), format(core::ExportFormat::Csv), {}});
        const core::ExportOutcome o2 = found.run(m_c);
        QCOMPARE(o2.source.schema, QStringLiteral("public"));
        QCOMPARE(test::readFile(o2.result.path), QByteArray("x\n7\n"));
        test::psql(QStringLiteral("drop table public.export_run_bare"));
    }

    // A query's parameters are bound when it is described and exported; one that writes is refused by the
    // run itself, before the server sees it, even when a front end forgot to ask.
    void aQueryMustOnlyRead() {
        core::QuerySpec spec;
        spec.sql = QStringLiteral("select name from %1 where id > $1 order by id")
                       .arg(table(QStringLiteral("posts")));
        spec.sqlParams = core::Params{core::param("1")};
        core::ExportRun run({spec, file(QStringLiteral("query.csv")), format(core::ExportFormat::Csv), {}});
        QCOMPARE(test::readFile(run.run(m_c).result.path), QByteArray("name\na\nc\n"));

        core::QuerySpec writing;
        writing.sql = QStringLiteral("delete from %1 returning id").arg(table(QStringLiteral("posts")));
        const QString path = file(QStringLiteral("writing.csv"));
        core::ExportRun refused({writing, path, format(core::ExportFormat::Csv), {}});
        QVERIFY_THROWS_EXCEPTION(core::ConfigurationError, refused.run(m_c));
        QVERIFY_THROWS_EXCEPTION(core::ConfigurationError, core::ExportRun::describeSource(m_c, writing));
        QVERIFY_THROWS_EXCEPTION(core::ConfigurationError, refused.run(m_c, core::TableInfo{}));
        QVERIFY(!QFileInfo::exists(path));
        QCOMPARE(test::psql(QStringLiteral("select count(*) from %1").arg(table(QStringLiteral("posts")))),
                 QStringLiteral("3"));
    }

    // What the user is told: rows the view's soft-delete scope leaves out, columns the role may not read.
    // JSON numbers are asked of JSON alone: a CSV export ignores the option.
    void theOutcomeSaysWhatWasLeftOut() {
        const QString role = QStringLiteral("export_run_reader_%1").arg(QCoreApplication::applicationPid());
        test::psql(QStringLiteral("create role %1 login password 'pw'; grant usage on schema %2 to %1; "
                                  "grant select (id, name, deleted_at) on %3 to %1")
                       .arg(role, m_schema, table(QStringLiteral("posts"))));
        core::ConnectionProfile p = test::profile();
        p.user = role;
        auto c = core::Connection::open(p, QStringLiteral("pw"));
        core::QuerySpec spec;
        spec.schema = m_schema;
        spec.table = QStringLiteral("posts");
        core::ExportOptions options = format(core::ExportFormat::Csv);
        options.jsonNumbers = true;
        core::ExportRun run({spec, file(QStringLiteral("posts.csv")), options, {}});
        QVERIFY(!run.request().options.jsonNumbers);
        const core::ExportOutcome outcome = run.run(c);
        QCOMPARE(outcome.result.rows, 2);
        QCOMPARE(outcome.unreadableColumns, QStringList{QStringLiteral("secret")});
        QVERIFY2(outcome.hiddenRows.contains(QLatin1String("deleted_at")), qPrintable(outcome.hiddenRows));
        c = {};
        test::psql(QStringLiteral("drop owned by %1; drop role %1").arg(role));
    }

    // Cancelled before it starts, a run sends nothing that writes a file; cancelled from another thread
    // while it copies, it stops and leaves no file.
    void cancelBeforeAndDuring() {
        const QString before = file(QStringLiteral("before.csv"));
        core::QuerySpec spec;
        spec.schema = m_schema;
        spec.table = QStringLiteral("posts");
        core::ExportRun early({spec, before, format(core::ExportFormat::Csv), {}});
        early.cancel();
        QVERIFY(early.isCancelled());
        QVERIFY_THROWS_EXCEPTION(core::QueryCanceled, early.run(m_c));
        QVERIFY(!QFileInfo::exists(before));

        const QString during = file(QStringLiteral("during.csv"));
        core::QuerySpec slow;
        slow.sql = QStringLiteral("select g, pg_sleep(0.001) from generate_series(1, 100000) g");
        core::ExportRun run({slow, during, format(core::ExportFormat::Csv), {}});
        std::atomic<bool> started = false;
        run.setProgressCallback([&started](const core::ExportProgress&) { started = true; }, 10);
        std::thread canceller([&] {
            while (!started)
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            run.cancel();
        });
        QVERIFY_THROWS_EXCEPTION(core::QueryCanceled, run.run(m_c));
        canceller.join();
        QVERIFY(!QFileInfo::exists(during));
    }

    void cleanupTestCase() { m_c = {}; }
};

QTEST_GUILESS_MAIN(TestExportRun)
#include "tst_exportrun.moc"
