// SPDX-License-Identifier: GPL-3.0-or-later
// The query tool asks before a statement that reaches a whole table or drops an object — UPDATE and DELETE
// without WHERE, TRUNCATE, DROP — showing the planner's estimate of the rows (EXPLAIN, nothing run): Cancel
// runs nothing, Run runs it; a WHERE or the preference turned off runs at once; inside an open transaction
// the estimate leaves the transaction usable. Offscreen, against the real server.
#include "querytoolfixture.h"
#include "scratchschema.h"
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/common/uisettings.h>
#include <pgdesk/ui/query/querytool.h>

#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using pgdesk::ui::QueryTool;

class TestQueryToolConfirm final : public QObject, pgdesk::test::QueryToolFixture {
    Q_OBJECT
    std::optional<pgdesk::test::ScratchSchema> m_scratch;

    QString count() const {
        return pgdesk::test::psqlValue(sql(QStringLiteral("select count(*) from $S.t")));
    }
    void reset() {
        pgdesk::test::psql(sql(QStringLiteral("truncate $S.t; insert into $S.t select g, 'n' || g from "
                                              "generate_series(1, 40) g; analyze $S.t")));
    }
    static bool finished(QSignalSpy& done) { return !done.isEmpty() || done.wait(10000); }
    // Starts `text`; the question it asks, or nullptr when it ran without one.
    static QMessageBox* startAndWaitForQuestion(QueryTool& t, const QString& text, QSignalSpy& done) {
        t.setSql(text);
        t.run();
        for (int i = 0; i < 200; ++i) {
            if (auto* box = t.findChild<QMessageBox*>(QStringLiteral("sweepWarning"));
                box && box->isVisible())
                return box;
            if (!done.isEmpty())
                return nullptr;
            QTest::qWait(50);
        }
        return nullptr;
    }

private slots:
    void initTestCase() {
        m_schema = QStringLiteral("qtc_%1").arg(QCoreApplication::applicationPid());
        m_scratch.emplace(m_schema, QStringLiteral("create table $S.t (id int primary key, note text);"));
        m_toolPool = pgdesk::core::Pool::create(pgdesk::test::profile());
        confirmSweeping = true;
    }
    void cleanupTestCase() {
        m_toolPool.reset();
        m_scratch.reset();
    }
    void init() { reset(); }

    void deleteWithoutWhereAsksWithTheEstimate() {
        auto t = tool();
        t->show();
        QSignalSpy done(t.get(), &QueryTool::runFinished);
        QMessageBox* box = startAndWaitForQuestion(*t, sql(QStringLiteral("delete from $S.t")), done);
        QVERIFY(box);
        QVERIFY2(box->text().contains(
                     sql(QStringLiteral("DELETE without WHERE deletes every row of $S.t: about 40 "
                                        "rows by the planner's estimate"))),
                 qPrintable(box->text()));
        QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
        box->button(QMessageBox::Cancel)->click();
        QVERIFY(finished(done));
        QCOMPARE(count(), QStringLiteral("40"));
        QVERIFY(t->messages()->toPlainText().contains(QLatin1String("Cancelled: nothing ran.")));
        done.clear();
        box = startAndWaitForQuestion(*t, sql(QStringLiteral("delete from $S.t")), done);
        QVERIFY(box);
        box->findChild<QPushButton*>(QStringLiteral("sweepWarningRun"))->click();
        QVERIFY(finished(done));
        QCOMPARE(count(), QStringLiteral("0"));
    }

    void whereOrTheSettingRunsAtOnce() {
        auto t = tool();
        QSignalSpy done(t.get(), &QueryTool::runFinished);
        QVERIFY(!startAndWaitForQuestion(*t, sql(QStringLiteral("delete from $S.t where id > 30")), done));
        QVERIFY(finished(done));
        QCOMPARE(count(), QStringLiteral("30"));
        pgdesk::ui::UiSettings::setConfirmSweeping(false);
        done.clear();
        QVERIFY(!startAndWaitForQuestion(*t, sql(QStringLiteral("update $S.t set note = 'all'")), done));
        QVERIFY(finished(done));
        QCOMPARE(pgdesk::test::psqlValue(sql(QStringLiteral("select count(*) from $S.t where note = 'all'"))),
                 QStringLiteral("30"));
        pgdesk::ui::UiSettings::setConfirmSweeping(true);
    }

    // TRUNCATE and DROP are asked about too; a script asks once, listing each.
    void truncateAndDropInOneQuestion() {
        pgdesk::test::psql(sql(QStringLiteral("create table if not exists $S.gone (x int)")));
        auto t = tool();
        QSignalSpy done(t.get(), &QueryTool::runFinished);
        QMessageBox* box = startAndWaitForQuestion(
            *t, sql(QStringLiteral("select 1; truncate $S.t; drop table $S.gone")), done);
        QVERIFY(box);
        QVERIFY2(box->text().contains(sql(QStringLiteral("TRUNCATE empties $S.t: about 40 rows"))) &&
                     box->text().contains(sql(QStringLiteral("DROP table $S.gone"))),
                 qPrintable(box->text()));
        box->button(QMessageBox::Cancel)->click();
        QVERIFY(finished(done));
        QCOMPARE(count(), QStringLiteral("40"));
    }

    // In an open transaction the estimate plans under a savepoint: a statement the planner refuses (a missing
    // table) leaves the transaction usable, and the question says the planner cannot tell.
    void estimateLeavesTheTransactionUsable() {
        auto t = tool();
        QSignalSpy done(t.get(), &QueryTool::runFinished);
        QVERIFY(!startAndWaitForQuestion(*t, QStringLiteral("begin"), done));
        QVERIFY(finished(done));
        done.clear();
        QMessageBox* box = startAndWaitForQuestion(*t, sql(QStringLiteral("delete from $S.nosuch")), done);
        QVERIFY(box);
        QVERIFY2(box->text().contains(QLatin1String("the planner cannot say how many rows")),
                 qPrintable(box->text()));
        box->button(QMessageBox::Cancel)->click();
        QVERIFY(finished(done));
        done.clear();
        QVERIFY(!startAndWaitForQuestion(*t, sql(QStringLiteral("select count(*) from $S.t; commit")), done));
        QVERIFY(finished(done));
        QVERIFY2(!t->messages()->toPlainText().contains(QLatin1String("25P02")),
                 qPrintable(t->messages()->toPlainText()));
        QVERIFY2(t->messages()->toPlainText().contains(QLatin1String("[2] COMMIT")),
                 qPrintable(t->messages()->toPlainText()));
    }
};

PGDESK_UI_TEST_MAIN(TestQueryToolConfirm)
#include "tst_querytoolconfirm.moc"
