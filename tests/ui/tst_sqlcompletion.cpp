// SPDX-License-Identifier: GPL-3.0-or-later
// SQL completion in the query tool, on the real server: the popup's proposals for columns after an alias,
// a quoted mixed-case table, a CTE's columns, functions; what Enter inserts; the keys it takes and gives
// back; the catalog shared by the tools of one pool, loaded on a worker (the window never waits for it,
// even on thousands of tables) and loaded again after DDL run in a tab and after a lost connection.
#include "querytoolfixture.h"
#include "scratchschema.h"
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/query/querytool.h>

#include "../../ui/src/query/completionlistmodel.h"
#include "../../ui/src/query/completionsource.h"
#include "../../ui/src/query/sqlcompleter.h"
#include "../../ui/src/query/sqleditor.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QListView>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using pgdesk::ui::CompletionSource;
using pgdesk::ui::QueryTool;
using pgdesk::ui::SqlCompleter;

class TestSqlCompletion final : public QObject, pgdesk::test::QueryToolFixture {
    Q_OBJECT
    std::optional<pgdesk::test::ScratchSchema> m_scratch; // first: dropped after the pool is gone

    // A shown tool whose editor has the focus and whose completion catalog is loaded.
    std::unique_ptr<QueryTool> readyTool() {
        auto t = tool();
        t->resize(900, 600);
        t->show();
        if (!QTest::qWaitForWindowActive(t.get()))
            return nullptr;
        t->sqlEditor()->setFocus();
        t->completer()->source()->ensureLoaded();
        QSignalSpy loaded(t->completer()->source(), &CompletionSource::catalogChanged);
        if (!t->completer()->source()->catalog() && !loaded.wait(20000))
            return nullptr;
        return t;
    }
    // Puts `text` in the editor with the cursor where its "|" is.
    static void setText(QueryTool& t, const QString& text) {
        const qsizetype at = text.indexOf(QLatin1Char('|'));
        t.setSql(QString(text).remove(QLatin1Char('|')));
        QTextCursor c = t.sqlEditor()->textCursor();
        c.setPosition(int(at));
        t.sqlEditor()->setTextCursor(c);
    }
    static void ctrlSpace(QueryTool& t) {
        QTest::keyClick(t.sqlEditor(), Qt::Key_Space, Qt::ControlModifier);
    }
    static int cursorPosition(const QueryTool& t) { return t.sqlEditor()->textCursor().position(); }

private slots:
    void initTestCase() {
        QVERIFY(m_toolDir.isValid());
        m_schema = QStringLiteral("sc_%1").arg(QCoreApplication::applicationPid());
        m_scratch.emplace(
            m_schema,
            QStringLiteral("create table $S.customer (id int primary key, name text, \"Full Name\" text);"
                           "create table $S.\"MixedCase\" (id int, \"Value\" text);"
                           "create table $S.orders (order_id int, customer_id int, total numeric);"
                           "create function $S.add_tax(amount numeric) returns numeric "
                           "language sql as 'select amount * 1.2';"));
        m_toolPool = pgdesk::core::Pool::create(pgdesk::test::profile());
    }
    void cleanupTestCase() {
        m_toolPool.reset();
        m_scratch.reset();
    }

    // Typing `c.` after `from customer c` opens the popup by itself with customer's columns, quoted
    // where they must be; Enter inserts the chosen one over what was typed.
    void columnsAfterAnAlias() {
        auto t = readyTool();
        QVERIFY(t);
        SqlCompleter* completer = t->completer();
        QAbstractItemModelTester tester(completer->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        setText(*t, sql(QStringLiteral("select c| from $S.customer c")));
        QTest::keyClick(t->sqlEditor(), Qt::Key_Period);
        QVERIFY(completer->isPopupVisible());
        QCOMPARE(completer->labels(), QStringList({"Full Name", "id", "name"}));
        QCOMPARE(completer->model()->data(completer->model()->index(0, 0),
                                          pgdesk::ui::CompletionListModel::InsertTextRole),
                 QVariant(QStringLiteral("\"Full Name\"")));
        QTest::keyClick(t->sqlEditor(), Qt::Key_N); // the list follows the typing
        QCOMPARE(completer->labels(), QStringList({"name"}));
        QTest::keyClick(t->sqlEditor(), Qt::Key_Return);
        QVERIFY(!completer->isPopupVisible());
        QCOMPARE(t->sql(), sql(QStringLiteral("select c.name from $S.customer c")));
        QCOMPARE(cursorPosition(*t), 13);
        // Down, then Tab, inserts the second; one undo step takes it back.
        setText(*t, sql(QStringLiteral("select c.| from $S.customer c")));
        ctrlSpace(*t);
        QVERIFY(completer->isPopupVisible());
        QTest::keyClick(t->sqlEditor(), Qt::Key_Down);
        QTest::keyClick(t->sqlEditor(), Qt::Key_Tab);
        QCOMPARE(t->sql(), sql(QStringLiteral("select c.id from $S.customer c")));
        t->sqlEditor()->undo();
        QCOMPARE(t->sql(), sql(QStringLiteral("select c. from $S.customer c")));
    }

    // A quoted, mixed-case name is found by its beginning in quotes and inserted whole, quoted.
    void quotedMixedCaseTable() {
        auto t = readyTool();
        QVERIFY(t);
        setText(*t, sql(QStringLiteral("select * from $S.\"Mi|")));
        ctrlSpace(*t);
        QCOMPARE(t->completer()->labels(), QStringList({"MixedCase"}));
        QTest::keyClick(t->sqlEditor(), Qt::Key_Enter);
        QCOMPARE(t->sql(), sql(QStringLiteral("select * from $S.\"MixedCase\"")));
        // and its columns through an alias, the mixed-case one quoted
        setText(*t, sql(QStringLiteral("select m.V| from $S.\"MixedCase\" m")));
        ctrlSpace(*t);
        QCOMPARE(t->completer()->labels(), QStringList({"Value"}));
        QTest::keyClick(t->sqlEditor(), Qt::Key_Return);
        QCOMPARE(t->sql(), sql(QStringLiteral("select m.\"Value\" from $S.\"MixedCase\" m")));
    }

    // The columns a CTE names (its own aliases) after the CTE's alias.
    void cteColumns() {
        auto t = readyTool();
        QVERIFY(t);
        setText(*t, sql(QStringLiteral("with recent as (select id, name as who from $S.customer) "
                                       "select r| from recent r")));
        QTest::keyClick(t->sqlEditor(), Qt::Key_Period);
        QVERIFY(t->completer()->isPopupVisible());
        QCOMPARE(t->completer()->labels(), QStringList({"id", "who"}));
    }

    // A function by its schema, with its signature shown; Enter adds the parentheses, cursor inside.
    void functionWithSignature() {
        auto t = readyTool();
        QVERIFY(t);
        setText(*t, sql(QStringLiteral("select $S.add_|")));
        ctrlSpace(*t);
        QCOMPARE(t->completer()->labels(), QStringList({"add_tax"}));
        const QString detail =
            t->completer()
                ->model()
                ->data(t->completer()->model()->index(0, 0), pgdesk::ui::CompletionListModel::DetailRole)
                .toString();
        QVERIFY2(detail.contains(QLatin1String("amount numeric")) &&
                     detail.contains(QLatin1String("numeric")),
                 qPrintable(detail));
        QTest::keyClick(t->sqlEditor(), Qt::Key_Return);
        QCOMPARE(t->sql(), sql(QStringLiteral("select $S.add_tax()")));
        QCOMPARE(t->sqlEditor()->document()->characterAt(cursorPosition(*t)), QChar(u')'));
    }

    // Unasked, the popup waits for a pause in typing a name, stays away after a space and from what is
    // already whole; Esc closes it without cancelling anything, and other keys go to the editor.
    void opensAfterAPauseAndGetsOutOfTheWay() {
        auto t = readyTool();
        QVERIFY(t);
        SqlCompleter* completer = t->completer();
        setText(*t, sql(QStringLiteral("|")));
        QTest::keyClicks(t->sqlEditor(), QStringLiteral("sel"));
        QVERIFY(!completer->isPopupVisible()); // not on every key
        QTRY_VERIFY_WITH_TIMEOUT(completer->isPopupVisible(), 2000);
        QVERIFY(completer->labels().contains(QStringLiteral("SELECT")));
        QTest::keyClick(t->sqlEditor(), Qt::Key_Escape);
        QVERIFY(!completer->isPopupVisible());
        QCOMPARE(t->sql(), QStringLiteral("sel"));
        // A keyword is inserted in the case it was begun in.
        ctrlSpace(*t);
        const int keyword = int(completer->labels().indexOf(QStringLiteral("SELECT")));
        QVERIFY(keyword >= 0);
        completer->popup()->setCurrentIndex(completer->model()->index(keyword, 0));
        QTest::keyClick(t->sqlEditor(), Qt::Key_Return);
        QCOMPARE(t->sql(), QStringLiteral("select"));
        t->sqlEditor()->undo();
        QCOMPARE(t->sql(), QStringLiteral("sel"));
        QTest::keyClicks(t->sqlEditor(), QStringLiteral("ect "));
        QTest::qWait(SqlCompleter::kPauseMs * 2);
        QVERIFY(!completer->isPopupVisible()); // after a space: nothing begun
        QTest::keyClicks(t->sqlEditor(), QStringLiteral("1 from"));
        QTest::qWait(SqlCompleter::kPauseMs * 2);
        QVERIFY(!completer->isPopupVisible());           // FROM alone, already typed
        QTest::keyClick(t->sqlEditor(), Qt::Key_Return); // so Enter breaks the line
        QCOMPARE(t->sql(), QStringLiteral("select 1 from\n"));
        // The cursor moved out of the word (a click elsewhere) closes it; Backspace inside it keeps it.
        setText(*t, sql(QStringLiteral("select * from $S.cus|")));
        ctrlSpace(*t);
        QVERIFY(completer->isPopupVisible());
        QTest::keyClick(t->sqlEditor(), Qt::Key_Backspace);
        QVERIFY(completer->isPopupVisible());
        QCOMPARE(completer->labels(), QStringList({"customer"}));
        QTextCursor elsewhere = t->sqlEditor()->textCursor();
        elsewhere.setPosition(2);
        t->sqlEditor()->setTextCursor(elsewhere);
        QVERIFY(!completer->isPopupVisible());
        // Nothing inside a string.
        setText(*t, QStringLiteral("select 'sel|'"));
        ctrlSpace(*t);
        QVERIFY(!completer->isPopupVisible());
    }

    // Two tools on one pool share one catalog; DDL committed in a tab reloads it and its names are offered
    // (in a transaction: only after COMMIT, which is when other sessions can see them).
    void sharedAndReloadedAfterDdl() {
        auto a = readyTool();
        QVERIFY(a);
        auto b = readyTool();
        QVERIFY(b);
        QCOMPARE(a->completer()->source(), b->completer()->source());
        CompletionSource* source = a->completer()->source();
        const int loads = source->loadCount();
        QVERIFY(runAndWait(*a, sql(QStringLiteral("create table $S.fresh_one (zeta int)"))));
        QTRY_VERIFY_WITH_TIMEOUT(source->loadCount() == loads + 1 && !source->isLoading(), 20000);
        setText(*b, sql(QStringLiteral("select * from $S.fre|")));
        ctrlSpace(*b);
        QCOMPARE(b->completer()->labels(), QStringList({"fresh_one"}));
        QTest::keyClick(b->sqlEditor(), Qt::Key_Escape);

        a->autocommitBox()->setChecked(false);
        QVERIFY(runAndWait(*a, sql(QStringLiteral("create table $S.fresh_two (eta int)"))));
        QTest::qWait(300);
        QCOMPARE(source->loadCount(), loads + 1); // not yet: uncommitted
        QSignalSpy committed(a.get(), &QueryTool::transactionStateChanged);
        a->commit();
        QVERIFY(committed.wait(20000));
        QTRY_VERIFY_WITH_TIMEOUT(source->loadCount() == loads + 2 && !source->isLoading(), 20000);
        setText(*b, sql(QStringLiteral("select * from $S.fresh_t|")));
        ctrlSpace(*b);
        QCOMPARE(b->completer()->labels(), QStringList({"fresh_two"}));
        QVERIFY(runAndWait(*a, sql(QStringLiteral("drop table $S.fresh_one; drop table $S.fresh_two"))));
        a->commit();
    }

    // A SET search_path run in a tab makes its schema's names visible unqualified there (not in another tab
    // of the pool, whose session keeps its path); a rollback undoes it, as the server does.
    void followsTheTabsSearchPath() {
        auto a = readyTool();
        QVERIFY(a);
        auto b = readyTool();
        QVERIFY(b);
        const auto proposals = [](QueryTool& t) {
            setText(t, QStringLiteral("select * from mixedc|"));
            ctrlSpace(t);
            const QStringList labels = t.completer()->labels();
            t.completer()->hidePopup();
            return labels;
        };
        const QString qualified = sql(QStringLiteral("$S.MixedCase"));
        QVERIFY(proposals(*a).contains(qualified)); // offered, but qualified: $S is not on the path
        QVERIFY(runAndWait(*a, sql(QStringLiteral("set search_path to $S, public"))));
        QTRY_VERIFY_WITH_TIMEOUT(proposals(*a).contains(QStringLiteral("MixedCase")), 10000);
        QVERIFY(proposals(*b).contains(qualified));

        a->autocommitBox()->setChecked(false);
        QVERIFY(runAndWait(*a, QStringLiteral("set search_path to public")));
        QTRY_VERIFY_WITH_TIMEOUT(proposals(*a).contains(qualified), 10000);
        QSignalSpy ended(a.get(), &QueryTool::transactionStateChanged);
        a->rollback();
        QVERIFY(ended.wait(20000));
        QTRY_VERIFY_WITH_TIMEOUT(proposals(*a).contains(QStringLiteral("MixedCase")), 10000);
        QVERIFY(CompletionSource::changesSearchPath(QStringLiteral("-- c\n SET LOCAL search_path = x")));
        QVERIFY(CompletionSource::changesSearchPath(QStringLiteral("discard all")));
        QVERIFY(!CompletionSource::changesSearchPath(QStringLiteral("set work_mem = '1MB'")));
    }

    // After the server drops every connection, completion still works and learns what changes next.
    void rightAfterALostConnection() {
        auto profile = pgdesk::test::profile();
        profile.applicationName = QStringLiteral("tst_complete_%1").arg(QCoreApplication::applicationPid());
        auto pool = pgdesk::core::Pool::create(profile);
        QueryTool t(pool, QStringLiteral("demo"), nullptr, m_toolDir.filePath(QStringLiteral("lost.sqlite")));
        t.show();
        QVERIFY(QTest::qWaitForWindowActive(&t));
        t.sqlEditor()->setFocus();
        QVERIFY(runAndWait(t, QStringLiteral("select 1")));
        CompletionSource* source = t.completer()->source();
        source->ensureLoaded();
        QTRY_VERIFY_WITH_TIMEOUT(source->catalog() && !source->isLoading(), 20000);
        pgdesk::test::psql(QStringLiteral("select pg_terminate_backend(pid) from pg_stat_activity "
                                          "where application_name = '%1'")
                               .arg(profile.applicationName));
        QVERIFY(runAndWait(t, sql(QStringLiteral("create table $S.after_loss (omega int)")))); // lost
        QVERIFY(
            runAndWait(t, sql(QStringLiteral("create table $S.after_loss (omega int)")))); // a new session
        QTRY_VERIFY_WITH_TIMEOUT(!source->isLoading() && source->catalog() &&
                                     source->catalog()->findRelation(m_schema, QStringLiteral("after_loss")),
                                 20000);
        setText(t, sql(QStringLiteral("select * from $S.after_|")));
        ctrlSpace(t);
        QCOMPARE(t.completer()->labels(), QStringList({"after_loss"}));
    }

    // Thousands of tables: the catalog loads and is indexed on a worker; the window keeps painting
    // (the longest gap between two 10 ms ticks stays short), and the popup is there right after.
    void neverBlocksTheWindow() {
        pgdesk::test::ScratchSchema wide(
            m_schema + QStringLiteral("_wide"),
            QStringLiteral(
                "do $$ begin for i in 1..2000 loop execute format('create table $S.w%s (id int, a text, "
                "b text, c text, d int, e int, f date, g numeric, h jsonb, k bool)', i); end loop; "
                "end $$"));
        auto profile = pgdesk::test::profile();
        auto pool = pgdesk::core::Pool::create(profile);
        QueryTool t(pool, QStringLiteral("demo"), nullptr, m_toolDir.filePath(QStringLiteral("wide.sqlite")));
        t.show();
        QVERIFY(QTest::qWaitForWindowActive(&t));
        t.sqlEditor()->setFocus();
        CompletionSource* source = t.completer()->source();
        qint64 longest = 0;
        QElapsedTimer since;
        QTimer tick;
        tick.setInterval(10);
        connect(&tick, &QTimer::timeout, this, [&] { longest = std::max(longest, since.restart()); });
        since.start();
        tick.start();
        setText(t, sql(QStringLiteral("select * from $S_wide.w199|")));
        ctrlSpace(t); // asks before the catalog is there: shows when it comes
        QTRY_VERIFY_WITH_TIMEOUT(source->catalog() && !source->isLoading(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(t.completer()->isPopupVisible(), 5000);
        tick.stop();
        QVERIFY2(longest < 500, qPrintable(QString::number(longest)));
        QCOMPARE(t.completer()->labels().mid(0, 2), QStringList({"w199", "w1990"}));
        qInfo(
            "catalog of 2,000 more tables loaded; longest event-loop gap %lld ms; last popup update %lld µs",
            longest, t.completer()->lastUpdateNs() / 1000);
    }
};

PGDESK_UI_TEST_MAIN(TestSqlCompletion)
#include "tst_sqlcompletion.moc"
