// SPDX-License-Identifier: GPL-3.0-or-later
// Parameters in the query tool against the real server, offscreen: `$n` and `:name` are asked for in a
// form and arrive as bound data (quotes and `--` included), NULL as NULL; values are remembered per tab, a
// cancelled form runs nothing, a script asks once, and casts, `:=` and strings are not parameters.
#include "querytoolfixture.h"
#include "scratchschema.h"
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/grid/pagemodel.h>
#include <pgdesk/ui/query/querytool.h>

#include "../../ui/src/query/parametersdialog.h"
#include "../../ui/src/query/queryresults.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using pgdesk::test::psqlValue;
using pgdesk::ui::PageModel;
using pgdesk::ui::ParametersDialog;
using pgdesk::ui::QueryTool;

namespace {
// Quotes of both kinds, a comment marker, a statement separator and placeholders: data, every character.
const QString kNasty = QStringLiteral("O'Brien said \"hi\" -- not a comment; drop table t; $1 :v ''");
} // namespace

class TestQueryParameters final : public QObject, pgdesk::test::QueryToolFixture {
    Q_OBJECT
    std::optional<pgdesk::test::ScratchSchema> m_scratch; // first: dropped after the pool is gone
    std::shared_ptr<pgdesk::core::Pool> m_pool;
    QTemporaryDir m_dir;
    QString m_schema;

    // Runs the editor's script; the form must (or must not) come up.
    static ParametersDialog* runExpectingForm(QueryTool& t, const QString& sql) {
        t.setSql(sql);
        t.run();
        return t.parametersDialog();
    }
    static bool acceptAndWait(QueryTool& t, ParametersDialog* form) {
        QSignalSpy done(&t, &QueryTool::runFinished);
        // Enter in the first value runs (the Run button is the default).
        QTest::keyClick(form->valueEdit(form->names().first()), Qt::Key_Return);
        return done.wait(20000);
    }
    static QString cell(const QueryTool& t, int grid, int row, int column) {
        return t.resultGrids().at(grid)->model()->index(row, column).data(Qt::EditRole).toString();
    }
    static bool isNull(const QueryTool& t, int grid, int row, int column) {
        return t.resultGrids().at(grid)->model()->index(row, column).data(PageModel::IsNullRole).toBool();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_schema = QStringLiteral("qp_%1").arg(QCoreApplication::applicationPid());
        m_scratch.emplace(m_schema, QStringLiteral("create table $S.t (id int primary key, v text);"));
        m_pool = pgdesk::core::Pool::create(pgdesk::test::profile());
        m_toolPool = m_pool;
    }
    void cleanupTestCase() {
        m_toolPool.reset();
        m_pool.reset();
        m_scratch.reset();
    }
    void init() { psqlValue(QStringLiteral("delete from %1.t").arg(m_schema)); }

    void positionalValueArrivesAsData() {
        auto t = tool();
        ParametersDialog* form = runExpectingForm(*t, QStringLiteral("select $1::text as v"));
        QVERIFY(form);
        QCOMPARE(form->names(), QStringList{QStringLiteral("1")});
        QVERIFY(!t->isRunning()); // nothing runs before the form is answered
        form->valueEdit(QStringLiteral("1"))->setText(kNasty);
        QVERIFY(acceptAndWait(*t, form));
        QVERIFY2(t->messages()->toPlainText().contains(QStringLiteral("Done: ")),
                 qPrintable(t->messages()->toPlainText()));
        QCOMPARE(t->resultGrids().size(), 1);
        QCOMPARE(cell(*t, 0, 0, 0), kNasty);
        QCOMPARE(t->sql(), QStringLiteral("select $1::text as v")); // the editor's text is untouched
    }

    void namedValueIsStoredExactly() {
        auto t = tool();
        ParametersDialog* form =
            runExpectingForm(*t, QStringLiteral("insert into %1.t (id, v) values (1, :v)").arg(m_schema));
        QVERIFY(form);
        QCOMPARE(form->names(), QStringList{QStringLiteral("v")});
        form->valueEdit(QStringLiteral("v"))->setText(kNasty);
        QVERIFY(acceptAndWait(*t, form));
        QVERIFY2(t->messages()->toPlainText().contains(QStringLiteral("INSERT 0 1")),
                 qPrintable(t->messages()->toPlainText()));
        QCOMPARE(psqlValue(QStringLiteral("select v from %1.t where id = 1").arg(m_schema)), kNasty);
        QCOMPARE(psqlValue(QStringLiteral("select count(*) from %1.t").arg(m_schema)), QStringLiteral("1"));
    }

    void nullIsSentAsNull() {
        auto t = tool();
        ParametersDialog* form = runExpectingForm(
            *t,
            QStringLiteral("insert into %1.t (id, v) values (2, :v) returning v, v is null").arg(m_schema));
        QVERIFY(form);
        form->valueEdit(QStringLiteral("v"))->setText(QStringLiteral("ignored"));
        form->nullBox(QStringLiteral("v"))->setChecked(true);
        QVERIFY(!form->valueEdit(QStringLiteral("v"))->isEnabled());
        QVERIFY(acceptAndWait(*t, form));
        QCOMPARE(t->resultGrids().size(), 1);
        QVERIFY(isNull(*t, 0, 0, 0));
        QCOMPARE(cell(*t, 0, 0, 1), QStringLiteral("t"));
        QCOMPARE(psqlValue(QStringLiteral("select v is null from %1.t where id = 2").arg(m_schema)),
                 QStringLiteral("t"));
    }

    void valuesAreRememberedForTheNextRun() {
        auto t = tool();
        const QString sql = QStringLiteral("select :a::text as a, :b::text as b");
        ParametersDialog* form = runExpectingForm(*t, sql);
        QVERIFY(form);
        form->valueEdit(QStringLiteral("a"))->setText(QStringLiteral("first"));
        form->nullBox(QStringLiteral("b"))->setChecked(true);
        QVERIFY(acceptAndWait(*t, form));
        QCOMPARE(cell(*t, 0, 0, 0), QStringLiteral("first"));
        QVERIFY(isNull(*t, 0, 0, 1));

        form = runExpectingForm(*t, sql);
        QVERIFY(form);
        QCOMPARE(form->valueEdit(QStringLiteral("a"))->text(), QStringLiteral("first"));
        QVERIFY(form->nullBox(QStringLiteral("b"))->isChecked());
        form->nullBox(QStringLiteral("b"))->setChecked(false);
        form->valueEdit(QStringLiteral("b"))->setText(QStringLiteral("second"));
        QVERIFY(acceptAndWait(*t, form));
        QCOMPARE(cell(*t, 0, 0, 0), QStringLiteral("first"));
        QCOMPARE(cell(*t, 0, 0, 1), QStringLiteral("second"));

        // Another tab remembers nothing of this one.
        auto other = tool();
        form = runExpectingForm(*other, sql);
        QVERIFY(form);
        QVERIFY(form->valueEdit(QStringLiteral("a"))->text().isEmpty());
        form->reject();
    }

    void cancelRunsNothing() {
        auto t = tool();
        QSignalSpy done(t.get(), &QueryTool::runFinished);
        ParametersDialog* form =
            runExpectingForm(*t, QStringLiteral("insert into %1.t (id, v) values (3, :v)").arg(m_schema));
        QVERIFY(form);
        form->valueEdit(QStringLiteral("v"))->setText(QStringLiteral("never"));
        QTest::keyClick(form->valueEdit(QStringLiteral("v")), Qt::Key_Escape);
        QCOMPARE(done.count(), 1);
        QVERIFY(!t->isRunning());
        QVERIFY(!t->parametersDialog());
        QVERIFY(t->messages()->toPlainText().contains(QStringLiteral("nothing ran")));
        QTest::qWait(300);
        QCOMPARE(psqlValue(QStringLiteral("select count(*) from %1.t").arg(m_schema)), QStringLiteral("0"));
    }

    void aScriptAsksOnceForEveryName() {
        auto t = tool();
        ParametersDialog* form =
            runExpectingForm(*t, QStringLiteral("insert into %1.t (id, v) values (4, :a);\n"
                                                "insert into %1.t (id, v) values (5, :b);\n"
                                                "select v from %1.t where v in (:a, :b) order by id")
                                     .arg(m_schema));
        QVERIFY(form);
        QCOMPARE(form->names(), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        form->valueEdit(QStringLiteral("a"))->setText(QStringLiteral("alpha"));
        form->valueEdit(QStringLiteral("b"))->setText(QStringLiteral("beta"));
        QVERIFY(acceptAndWait(*t, form));
        QVERIFY(!t->parametersDialog()); // asked once, not per statement
        QCOMPARE(psqlValue(QStringLiteral("select string_agg(v, ',' order by id) from %1.t").arg(m_schema)),
                 QStringLiteral("alpha,beta"));
        QCOMPARE(t->resultGrids().size(), 1);
        QCOMPARE(t->resultGrids().at(0)->model()->rowCount(), 2);
    }

    void castsAssignmentsAndStringsAreNotParameters() {
        auto t = tool();
        QSignalSpy done(t.get(), &QueryTool::runFinished);
        const QString sql =
            QStringLiteral("select '1'::int as n, ':x' as s, E':y' as e, $$ :z $1 $$ as d, -- :c $2\n"
                           "  make_interval(days := 1) as i, /* :b */ (array[1,2,3])[1:2] as a,\n"
                           "  '{\"k\": 1}'::jsonb ? 'k' as q");
        t->setSql(sql);
        t->run();
        QVERIFY(!t->parametersDialog()); // no form: runs as before, paged
        QVERIFY(done.wait(20000));
        QVERIFY2(t->messages()->toPlainText().contains(QStringLiteral("Done: ")),
                 qPrintable(t->messages()->toPlainText()));
        QCOMPARE(cell(*t, 0, 0, 0), QStringLiteral("1"));
        QCOMPARE(cell(*t, 0, 0, 1), QStringLiteral(":x"));
        QCOMPARE(cell(*t, 0, 0, 2), QStringLiteral(":y"));
        QCOMPARE(cell(*t, 0, 0, 3), QStringLiteral(" :z $1 "));
        QCOMPARE(cell(*t, 0, 0, 5), QStringLiteral("{1,2}"));

        // A cast right after a parameter: only the name is asked for.
        ParametersDialog* form = runExpectingForm(*t, QStringLiteral("select :n::int + 1 as m"));
        QVERIFY(form);
        QCOMPARE(form->names(), QStringList{QStringLiteral("n")});
        form->valueEdit(QStringLiteral("n"))->setText(QStringLiteral("41"));
        QVERIFY(acceptAndWait(*t, form));
        QCOMPARE(cell(*t, 0, 0, 0), QStringLiteral("42"));
    }

    // Explain asks for the values too and binds them (ANALYZE runs the statement with them, rolled back);
    // an error after a long `:name` points into the editor where it was written.
    void explainAndErrorPositionsWithParameters() {
        auto t = tool();
        t->setSql(QStringLiteral("insert into %1.t (id, v) values (9, :value_of_v)").arg(m_schema));
        QSignalSpy explained(t.get(), &QueryTool::explainFinished);
        t->explain(true);
        // An INSERT may write: Analyze asks first (rolled back unless kept), then for the values.
        QMessageBox* confirm = t->findChild<QMessageBox*>(QStringLiteral("analyzeConfirm"));
        QVERIFY(confirm);
        for (QAbstractButton* b : confirm->buttons())
            if (confirm->buttonRole(b) == QMessageBox::AcceptRole)
                b->click();
        ParametersDialog* form = t->parametersDialog();
        QVERIFY(form);
        QCOMPARE(form->names(), QStringList{QStringLiteral("value_of_v")});
        form->valueEdit(QStringLiteral("value_of_v"))->setText(kNasty);
        QTest::keyClick(form->valueEdit(QStringLiteral("value_of_v")), Qt::Key_Return);
        QVERIFY(explained.wait(20000));
        QVERIFY(t->planTree());
        QVERIFY2(t->messages()->toPlainText().contains(QStringLiteral("rolled back")),
                 qPrintable(t->messages()->toPlainText()));
        QCOMPARE(psqlValue(QStringLiteral("select count(*) from %1.t").arg(m_schema)), QStringLiteral("0"));

        const QString bad =
            QStringLiteral("select :value_of_v::text as a, no_such_column from %1.t").arg(m_schema);
        form = runExpectingForm(*t, bad);
        QVERIFY(form);
        QVERIFY(acceptAndWait(*t, form));
        QCOMPARE(t->editor()->textCursor().position(), int(bad.indexOf(QLatin1String("no_such_column"))));
    }
};

PGDESK_UI_TEST_MAIN(TestQueryParameters)
#include "tst_queryparameters.moc"
