// SPDX-License-Identifier: GPL-3.0-or-later
// The query tool's lock analysis offscreen against the real server: a script that would rewrite a large
// table asks first (Cancel runs nothing, Run runs it); a small table's change runs at once; Locks (Ctrl+F7)
// shows each statement's lock, and Trace agrees with the rules.
#include "querytoolfixture.h"
#include "scratchschema.h"
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/query/querytool.h>
#include <pgdesk/ui/schema/lockanalysisview.h>

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using pgdesk::test::psqlValue;
using pgdesk::ui::LockAnalysisModel;
using pgdesk::ui::QueryTool;

class TestQueryLocks final : public QObject, pgdesk::test::QueryToolFixture {
    Q_OBJECT
    std::optional<pgdesk::test::ScratchSchema> m_scratch;

    QString columns(const char* table) {
        return psqlValue(
            sql(QStringLiteral("select string_agg(attname, ',' order by attnum) from pg_attribute where "
                               "attrelid = '$S.%1'::regclass and attnum > 0 and not attisdropped"))
                .arg(QLatin1String(table)));
    }
    static QMessageBox* warning(QueryTool& t) {
        QMessageBox* box = nullptr;
        for (int i = 0; i < 200 && !box; ++i) {
            box = t.findChild<QMessageBox*>(QStringLiteral("lockWarning"));
            if (!box)
                QTest::qWait(50);
        }
        return box;
    }

private slots:
    void initTestCase() {
        m_schema = QStringLiteral("tst_querylocks_%1").arg(QCoreApplication::applicationPid());
        // About 20 MB: above the 8 MiB the tool asks at.
        m_scratch.emplace(m_schema, QStringLiteral("create table $S.big (id int primary key, pad text);"
                                                   "insert into $S.big select g, repeat('x', 40) from "
                                                   "generate_series(1, 250000) g;"
                                                   "create table $S.small (id int primary key);"
                                                   "analyze $S.big, $S.small;"));
        m_toolPool = pgdesk::core::Pool::create(pgdesk::test::profile());
    }
    void cleanupTestCase() { m_scratch.reset(); }

    void largeRewriteAsksFirst() {
        auto t = tool();
        t->setSql(sql(QStringLiteral("alter table $S.big add column r float8 default random()")));
        QSignalSpy done(t.get(), &QueryTool::runFinished);
        t->run();
        QMessageBox* box = warning(*t);
        QVERIFY(box);
        QVERIFY2(box->text().contains(QStringLiteral("ACCESS EXCLUSIVE on %1.big").arg(m_schema)),
                 qPrintable(box->text()));
        QVERIFY2(box->text().contains(QStringLiteral("rewritten")), qPrintable(box->text()));
        box->button(QMessageBox::Cancel)->click();
        QTRY_COMPARE(done.size(), 1); // said at once: nothing runs
        QVERIFY(t->messages()->toPlainText().contains(QStringLiteral("nothing ran")));
        QCOMPARE(columns("big"), QStringLiteral("id,pad"));

        t->run();
        box = warning(*t);
        QVERIFY(box);
        box->findChild<QPushButton*>(QStringLiteral("lockWarningRun"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 2, 30000);
        QCOMPARE(columns("big"), QStringLiteral("id,pad,r"));
    }

    void smallTableRunsAtOnce() {
        auto t = tool();
        QVERIFY(runAndWait(*t, sql(QStringLiteral("alter table $S.small add column note text"))));
        QVERIFY(!t->findChild<QMessageBox*>(QStringLiteral("lockWarning")));
        QCOMPARE(columns("small"), QStringLiteral("id,note"));
    }

    void locksTabAndTrace() {
        auto t = tool();
        t->setSql(sql(QStringLiteral("alter table $S.small alter column note set not null;\n"
                                     "create index concurrently on $S.small (note);")));
        QSignalSpy analysed(t.get(), &QueryTool::lockAnalysisFinished);
        t->analyzeLocks();
        QVERIFY(analysed.wait(10000));
        pgdesk::ui::LockAnalysisView* view = t->lockAnalysisView();
        QVERIFY(view);
        QAbstractItemModelTester tester(view->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(view->model()->index(0, LockAnalysisModel::Lock).data().toString(),
                 QStringLiteral("ACCESS EXCLUSIVE"));
        QVERIFY2(view->summaryText().contains(QStringLiteral("cannot run in a transaction block")),
                 qPrintable(view->summaryText()));
        QVERIFY(view->traceButton()->isEnabled());
        view->traceButton()->click();
        QVERIFY(analysed.wait(10000));
        QVERIFY2(view->summaryText().contains(QStringLiteral("the trace agrees")),
                 qPrintable(view->summaryText()));
        QCOMPARE(psqlValue(sql(QStringLiteral(
                     "select attnotnull from pg_attribute where attrelid = '$S.small'::regclass "
                     "and attname = 'note'"))),
                 QStringLiteral("f")); // rolled back
    }
};

PGDESK_UI_TEST_MAIN(TestQueryLocks)
#include "tst_querylocks.moc"
