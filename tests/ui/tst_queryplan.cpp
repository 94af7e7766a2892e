// SPDX-License-Identifier: GPL-3.0-or-later
// The query tool's plans against the real server, offscreen: Explain Analyze opens the plan view with its
// hotspots; Analyze of an UPDATE asks first and rolls back unless told to keep the changes; a locked
// production tab refuses it without asking; two explains compare.
#include "querytoolfixture.h"
#include "scratchschema.h"
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/plan/plancompareview.h>
#include <pgdesk/ui/plan/planview.h>
#include <pgdesk/ui/query/querytool.h>

#include "../../ui/src/plan/plangraphview.h"

#include <QAbstractButton>
#include <QAction>
#include <QCheckBox>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>

using pgdesk::test::psql;
using pgdesk::ui::QueryTool;

class TestQueryPlan final : public QObject, pgdesk::test::QueryToolFixture {
    Q_OBJECT
    std::optional<pgdesk::test::ScratchSchema> m_scratch;
    std::shared_ptr<pgdesk::core::Pool> m_pool;

    QString notes() const {
        return psql(QStringLiteral("select string_agg(note, ',' order by id) from %1.t").arg(m_schema));
    }
    static QString messages(const QueryTool& t) { return t.messages()->toPlainText(); }

    // The Analyze confirmation the tool opened, once it is shown.
    static QMessageBox* confirmation(QueryTool& t) {
        QMessageBox* box = nullptr;
        for (int i = 0; i < 200 && !box; ++i) {
            box = t.findChild<QMessageBox*>(QStringLiteral("analyzeConfirm"));
            if (!box)
                QTest::qWait(10);
        }
        return box;
    }
    static void press(QMessageBox* box, QMessageBox::ButtonRole role) {
        for (QAbstractButton* b : box->buttons())
            if (box->buttonRole(b) == role) {
                b->click();
                return;
            }
        QFAIL("no such button");
    }

private slots:
    void initTestCase() {
        psql(QStringLiteral("create extension if not exists hypopg"));
        m_schema = QStringLiteral("qp_%1").arg(QCoreApplication::applicationPid());
        m_scratch.emplace(
            m_schema, QStringLiteral("create table $S.t (id int primary key, note text);"
                                     "insert into $S.t select g, 'n' || g from generate_series(1, 2000) g;"
                                     "analyze $S.t;"));
        m_pool = pgdesk::core::Pool::create(pgdesk::test::profile());
        m_toolPool = m_pool;
    }
    void cleanupTestCase() {
        m_toolPool.reset();
        m_pool.reset();
        m_scratch.reset();
    }

    void analyzeOpensThePlanView() {
        auto t = tool();
        pgdesk::core::ExplainOptions options = t->explainOptions();
        options.buffers = true;
        t->setExplainOptions(options);
        t->setSql(sql(QStringLiteral("select * from $S.t where note like '%99%'")));
        QSignalSpy done(t.get(), &QueryTool::explainFinished);
        t->explain(true);
        QVERIFY(done.wait(20000));
        pgdesk::ui::PlanView* view = t->planView();
        QVERIFY2(view, qPrintable(messages(*t)));
        QVERIFY(view->plan()->analysed);
        QVERIFY(view->plan()->root().buffers.any);
        QCOMPARE(view->graph()->layout().visibleCount, int(view->plan()->nodes.size()));
        QVERIFY(view->hotspotList()->count() >= 1);
        QVERIFY2(view->hotspotList()->item(0)->text().contains(QStringLiteral("Seq Scan on t")),
                 qPrintable(view->hotspotList()->item(0)->text()));
        QVERIFY(t->planTree()->topLevelItem(0)->text(0).startsWith(QStringLiteral("Seq Scan on t")));
        QVERIFY(messages(*t).contains(QStringLiteral("Execution")));
    }

    void analyzeOfAnUpdateAsksAndRollsBack() {
        auto t = tool();
        t->show();
        const QString before = notes();
        t->setSql(sql(QStringLiteral("update $S.t set note = 'measured' where id <= 10")));
        QSignalSpy done(t.get(), &QueryTool::explainFinished);
        t->explain(true);
        QMessageBox* box = confirmation(*t);
        QVERIFY(box);
        QVERIFY(box->text().contains(QStringLiteral("rolled back")));
        press(box, QMessageBox::AcceptRole);
        QVERIFY(done.wait(20000));
        QVERIFY2(t->planView(), qPrintable(messages(*t)));
        QCOMPARE(t->planView()->plan()->root().nodeType, QStringLiteral("ModifyTable"));
        QCOMPARE(notes(), before);
        QVERIFY(messages(*t).contains(QStringLiteral("rolled back")));

        // Cancelled: nothing runs.
        t->explain(true);
        box = confirmation(*t);
        QVERIFY(box);
        press(box, QMessageBox::RejectRole);
        QCOMPARE(done.size(), 2); // said at once
        QCOMPARE(notes(), before);

        // Kept: the changes stay.
        t->explain(true);
        box = confirmation(*t);
        QVERIFY(box);
        box->checkBox()->setChecked(true);
        press(box, QMessageBox::AcceptRole);
        QVERIFY(done.wait(20000));
        QCOMPARE(psql(sql(QStringLiteral("select count(*) from $S.t where note = 'measured'"))),
                 QStringLiteral("10"));
        psql(sql(QStringLiteral("update $S.t set note = 'n' || id where id <= 10")));
    }

    void productionRefusesWithoutAsking() {
        pgdesk::core::ConnectionProfile profile = pgdesk::test::profile();
        profile.name = QStringLiteral("prod");
        profile.environment = pgdesk::core::Environment::Production;
        auto pool = pgdesk::core::Pool::create(profile);
        QueryTool t(pool, QStringLiteral("prod"), nullptr,
                    m_toolDir.filePath(QStringLiteral("prod-history.sqlite")));
        t.show();
        t.setSql(sql(QStringLiteral("update $S.t set note = 'x'")));
        QSignalSpy done(&t, &QueryTool::explainFinished);
        t.explain(true);
        QCOMPARE(done.size(), 1); // at once: no dialog, nothing sent
        QVERIFY(!t.findChild<QMessageBox*>(QStringLiteral("analyzeConfirm")));
        QVERIFY2(messages(t).contains(QStringLiteral("Unlock writing")), qPrintable(messages(t)));
        // A plain query is measured on production.
        t.setSql(sql(QStringLiteral("select count(*) from $S.t")));
        t.explain(true);
        QVERIFY(done.wait(20000));
        QVERIFY2(t.planView(), qPrintable(messages(t)));
    }

    // From the seq scan's node: the plan with a hypothetical index beside the plan without it, the
    // statement to build it in the note; no index exists afterwards.
    void tryAnIndexFromTheSeqScan() {
        auto t = tool();
        QSignalSpy done(t.get(), &QueryTool::explainFinished);
        t->setSql(sql(QStringLiteral("select * from $S.t where note = 'n777'")));
        t->explain(false);
        QVERIFY(done.wait(20000));
        pgdesk::ui::PlanView* view = t->planView();
        QVERIFY(view);
        QCOMPARE(view->plan()->root().nodeType, QStringLiteral("Seq Scan"));
        view->selectNode(0);
        QAction* tryIndex = view->findChild<QAction*>(QStringLiteral("planTryIndex"));
        QVERIFY(tryIndex && tryIndex->isEnabled());
        QSignalSpy whatIf(t.get(), &QueryTool::whatIfFinished);
        tryIndex->trigger();
        QVERIFY(whatIf.wait(20000));
        auto* compare = t->findChild<pgdesk::ui::PlanCompareView*>();
        QVERIFY2(compare, qPrintable(messages(*t)));
        QVERIFY2(compare->note().contains(
                     QStringLiteral("CREATE INDEX CONCURRENTLY ON \"%1\".\"t\" USING \"btree\" (\"note\")")
                         .arg(m_schema)),
                 qPrintable(compare->note()));
        QCOMPARE(compare->comparison().changed, 1); // the Seq Scan became an index scan
        QCOMPARE(psql(sql(QStringLiteral(
                     "select count(*) from pg_indexes where schemaname = '$S' and tablename = 't'"))),
                 QStringLiteral("1")); // the primary key alone
    }

    // The index Try an Index would propose exists (a leading-wildcard LIKE cannot use it): it is named, and
    // nothing is compared or proposed to build.
    void tryAnIndexThatExistsSaysSo() {
        psql(sql(QStringLiteral("create index t_note_idx on $S.t (note)")));
        auto t = tool();
        QSignalSpy done(t.get(), &QueryTool::explainFinished);
        t->setSql(sql(QStringLiteral("select * from $S.t where note like '%77%'")));
        t->explain(false);
        QVERIFY(done.wait(20000));
        QVERIFY(t->planView());
        QCOMPARE(t->planView()->plan()->root().nodeType, QStringLiteral("Seq Scan"));
        t->planView()->selectNode(0);
        QSignalSpy whatIf(t.get(), &QueryTool::whatIfFinished);
        t->planView()->findChild<QAction*>(QStringLiteral("planTryIndex"))->trigger();
        QVERIFY(whatIf.wait(20000));
        psql(sql(QStringLiteral("drop index $S.t_note_idx")));
        QVERIFY(!t->findChild<pgdesk::ui::PlanCompareView*>());
        QVERIFY2(messages(*t).contains(QStringLiteral("already has an index on t (note): ")) &&
                     messages(*t).contains(QStringLiteral("t_note_idx")) &&
                     !messages(*t).contains(QStringLiteral("CREATE INDEX")),
                 qPrintable(messages(*t)));
    }

    void secondExplainComparesWithTheFirst() {
        auto t = tool();
        QSignalSpy done(t.get(), &QueryTool::explainFinished);
        t->setSql(sql(QStringLiteral("select * from $S.t where id = 5")));
        t->explain(true);
        QVERIFY(done.wait(20000));
        QVERIFY(!t->previousPlan());
        QVERIFY(runAndWait(*t, QStringLiteral("select 1"))); // a run between them removes the plan tab
        QVERIFY(!t->planView());
        t->setSql(sql(QStringLiteral("select * from $S.t where id + 0 = 5"))); // no index: a seq scan
        t->explain(true);
        QVERIFY(done.wait(20000));
        QVERIFY(t->previousPlan());
        QAction* compare = t->planView()->findChild<QAction*>(QStringLiteral("planCompare"));
        QVERIFY(compare);
        compare->trigger();
        auto* view = t->findChild<pgdesk::ui::PlanCompareView*>();
        QVERIFY(view);
        QCOMPARE(view->comparison().matched, 1); // the scans of t: an Index Scan that became a Seq Scan
        QCOMPARE(view->comparison().changed, 1);
        QVERIFY(view->summary().contains(QStringLiteral("Execution")));
        compare->trigger(); // again: the comparison is replaced, not added
        QTRY_COMPARE(t->findChildren<pgdesk::ui::PlanCompareView*>().size(), 1);
    }

    // Compare With's menu offers this tab's previous plan and the other plans open in the window, by their
    // statements; choosing one compares it with this plan. A saved file stays the last choice.
    void compareWithAnotherOpenPlan() {
        QWidget window;
        auto first = tool();
        auto second = tool();
        first->setParent(&window);
        second->setParent(&window);
        QSignalSpy firstDone(first.get(), &QueryTool::explainFinished);
        first->setSql(sql(QStringLiteral("select * from $S.t where id = 5")));
        first->explain(false);
        QVERIFY(firstDone.wait(20000));
        QSignalSpy secondDone(second.get(), &QueryTool::explainFinished);
        second->setSql(sql(QStringLiteral("select * from $S.t where id + 0 = 5")));
        second->explain(false);
        QVERIFY(secondDone.wait(20000));
        QMenu* menu = second->planView()->compareMenu();
        QVERIFY(menu);
        emit menu->aboutToShow();
        QStringList choices;
        for (QAction* a : menu->actions())
            if (!a->isSeparator())
                choices << a->text();
        const QString firstName = sql(QStringLiteral("select * from $S.t where id = 5"));
        QCOMPARE(choices, (QStringList{firstName, QStringLiteral("Saved Plan File…")}));
        menu->actions().first()->trigger();
        auto* view = second->findChild<pgdesk::ui::PlanCompareView*>();
        QVERIFY(view);
        QCOMPARE(view->comparison().changed, 1); // the first tool's Index Scan, this one's Seq Scan

        // A second explain in the same tab: its previous plan comes first.
        second->explain(false);
        QVERIFY(secondDone.wait(20000));
        emit menu->aboutToShow();
        QCOMPARE(menu->actions().first()->text(), QStringLiteral("Previous Plan of This Tab"));
    }
};

PGDESK_UI_TEST_MAIN(TestQueryPlan)
#include "tst_queryplan.moc"
