// SPDX-License-Identifier: GPL-3.0-or-later
#include "scratchschema.h"
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/browse/sqlbuilder.h>
#include <pgdesk/core/editing/changejournal.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/browse/tablebrowser.h>
#include <pgdesk/ui/edit/editsession.h>
#include <pgdesk/ui/edit/tableeditor.h>
#include <pgdesk/ui/grid/pagemodel.h>

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using pgdesk::core::ChangeJournal;
using pgdesk::core::Connection;
using pgdesk::test::psql;
using pgdesk::ui::PageModel;
using pgdesk::ui::TableBrowser;
using pgdesk::ui::TableEditor;

// An apply waiting on a row lock another session holds: it shows what it waits for, can be cancelled, and
// closing the tab or discarding never lets it commit afterwards. The second session is a real one.
class TestApplyCancel final : public QObject {
    Q_OBJECT

    std::optional<pgdesk::test::ScratchSchema> m_scratch; // first: dropped after the pool is gone
    std::shared_ptr<pgdesk::core::Pool> m_pool;
    QString m_schema = QStringLiteral("tst_applycancel_%1").arg(QCoreApplication::applicationPid());
    QTemporaryDir m_dir;
    std::shared_ptr<ChangeJournal> m_journal;

    QString sql(const QString& text) { return psql(QString(text).replace(QStringLiteral("$S"), m_schema)); }

    std::unique_ptr<TableBrowser> open() {
        auto b = std::make_unique<TableBrowser>(m_pool, m_schema, QStringLiteral("t"));
        b->editor()->setJournal(m_journal);
        QSignalSpy loaded(b.get(), &TableBrowser::pageLoaded);
        if (!loaded.wait(15000))
            return nullptr;
        return b;
    }
    static QModelIndex cell(const PageModel* m, int id, const QString& column) {
        int c = -1;
        int key = -1;
        for (int i = 0; i < m->columnCount(); ++i) {
            if (m->headerData(i, Qt::Horizontal).toString() == column)
                c = i;
            if (m->headerData(i, Qt::Horizontal).toString() == QLatin1String("id"))
                key = i;
        }
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->index(r, key).data(Qt::EditRole).toString() == QString::number(id))
                return m->index(r, c);
        return {};
    }
    // A second session holding row `id` locked until it ends its transaction.
    Connection lockRow(int id) {
        Connection blocker = Connection::open(pgdesk::test::profile());
        blocker.exec(QStringLiteral("BEGIN"));
        blocker.exec(QStringLiteral("SELECT 1 FROM %1.t WHERE id = $1 FOR UPDATE")
                         .arg(pgdesk::core::quoteIdentifier(m_schema)),
                     {pgdesk::core::param(static_cast<long long>(id))});
        return blocker;
    }
    // Whether an UPDATE of the test table waits on a lock on the server.
    bool applyWaitsOnLock() {
        return QTest::qWaitFor(
            [&] {
                return sql(QStringLiteral("select count(*) from pg_stat_activity where wait_event_type = "
                                          "'Lock' and query like 'UPDATE %$S%'")) == QLatin1String("1");
            },
            10000);
    }
    // Clicks the button with `text` in the message box named `box` whenever one shows (until stopped).
    static std::unique_ptr<QTimer> answer(QWidget* parent, const QString& box, const QString& text) {
        auto timer = std::make_unique<QTimer>();
        timer->setInterval(20);
        QObject::connect(timer.get(), &QTimer::timeout, parent, [parent, box, text] {
            auto* found = parent->findChild<QMessageBox*>(box);
            if (!found || !found->isVisible())
                return;
            for (QAbstractButton* b : found->buttons())
                if (b->text() == text)
                    return b->click();
        });
        timer->start();
        return timer;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_journal = std::make_shared<ChangeJournal>(m_dir.filePath(QStringLiteral("journal.sqlite")));
        m_pool = pgdesk::core::Pool::create(pgdesk::test::profile());
        m_scratch.emplace(m_schema, QStringLiteral("create table $S.t (id int primary key, name text); "
                                                   "insert into $S.t select i, 'name ' || i from "
                                                   "generate_series(1, 3) i;"));
    }

    // The reported defect: closing the tab during an apply blocked by a lock, told "not applied", choosing
    // Discard — and the edit committed once the lock was released. Now closing cancels the apply, waits for
    // the rollback, and only then asks about the (truly unapplied) staged changes.
    void closingDuringApplyNeverCommitsLater() {
        auto b = open();
        QVERIFY(b);
        QVERIFY(b->model()->setData(cell(b->model(), 1, QStringLiteral("name")), QStringLiteral("edited")));
        Connection blocker = lockRow(1);
        b->editor()->applyStaged();
        QVERIFY(applyWaitsOnLock());
        QVERIFY(b->editor()->isApplying());
        // The bar says what it waits for, with Cancel.
        auto* label = b->findChild<QLabel*>(QStringLiteral("stagedLabel"));
        const QString blockerPid = QString::number(blocker.backendPid());
        QTRY_VERIFY_WITH_TIMEOUT(label->text().contains(QStringLiteral("lock held by PID ") + blockerPid),
                                 10000);
        QVERIFY2(label->text().contains(QStringLiteral("FOR UPDATE")), qPrintable(label->text()));
        QVERIFY(b->findChild<QPushButton*>(QStringLiteral("cancelApplyButton"))->isVisible() ||
                !b->isVisible());

        const auto stop = answer(b.get(), QStringLiteral("closeWhileApplying"),
                                 QStringLiteral("Cancel the apply and close"));
        // No nested event loop: confirmClose() returns before the outcome, a window-modal wait shows, and
        // the close goes on from this test's own event loop once the rollback is known.
        bool resumed = false;
        QVERIFY(!b->editor()->confirmClose([&resumed] { resumed = true; }));
        QVERIFY(b->editor()->isApplying());
        QVERIFY(b->editor()->isWaitingToClose());
        auto* wait = b->findChild<QProgressDialog*>(QStringLiteral("applyCancelWait"));
        QVERIFY(wait);
        QCOMPARE(wait->windowModality(), Qt::WindowModal);
        QTRY_VERIFY_WITH_TIMEOUT(resumed, 10000);
        QVERIFY(!b->editor()->isApplying());
        QVERIFY(!b->editor()->isWaitingToClose());
        const auto discard =
            answer(b.get(), QStringLiteral("closeConfirm"), QStringLiteral("Discard changes"));
        QVERIFY(b->editor()->confirmClose());
        QVERIFY(b->editor()->session()->isEmpty());
        // The lock goes away: nothing may commit now.
        blocker.exec(QStringLiteral("COMMIT"));
        QTest::qWait(500);
        QCOMPARE(sql(QStringLiteral("select name from $S.t where id = 1")), QStringLiteral("name 1"));
        QCOMPARE(sql(QStringLiteral("select count(*) from pg_stat_activity where query like 'UPDATE %$S%' "
                                    "and state <> 'idle'")),
                 QStringLiteral("0"));
    }

    // Keep the tab open: the apply goes on, and whatever it does is reported.
    void keepingTheTabOpenKeepsTheApply() {
        auto b = open();
        QVERIFY(b);
        QVERIFY(b->model()->setData(cell(b->model(), 2, QStringLiteral("name")), QStringLiteral("kept")));
        Connection blocker = lockRow(2);
        QSignalSpy applied(b->editor(), &TableEditor::applied);
        b->editor()->applyStaged();
        QVERIFY(applyWaitsOnLock());
        const auto keep =
            answer(b.get(), QStringLiteral("closeWhileApplying"), QStringLiteral("Keep the tab open"));
        QVERIFY(!b->editor()->confirmClose());
        QVERIFY(b->editor()->isApplying());
        blocker.exec(QStringLiteral("COMMIT"));
        QVERIFY(applied.wait(10000));
        QCOMPARE(sql(QStringLiteral("select name from $S.t where id = 2")), QStringLiteral("kept"));
    }

    // The Cancel button: the statement waiting on the lock is cancelled (PQcancel), the transaction rolls
    // back, the staged change stays, and applying again after the lock is gone writes it once.
    void cancelButtonRollsBackAndKeepsTheStagedChange() {
        auto b = open();
        QVERIFY(b);
        QVERIFY(b->model()->setData(cell(b->model(), 3, QStringLiteral("name")), QStringLiteral("later")));
        Connection blocker = lockRow(3);
        QSignalSpy cancelled(b->editor(), &TableEditor::applyCancelled);
        QSignalSpy failed(b->editor(), &TableEditor::applyFailed);
        b->editor()->applyStaged();
        QVERIFY(applyWaitsOnLock());
        b->findChild<QPushButton*>(QStringLiteral("cancelApplyButton"))->click();
        QVERIFY(cancelled.wait(10000));
        QVERIFY(failed.isEmpty());
        QCOMPARE(b->editor()->session()->size(), 1);
        QVERIFY(b->findChild<QLabel*>(QStringLiteral("editErrorLabel"))
                    ->text()
                    .contains(QStringLiteral("nothing was written")));
        blocker.exec(QStringLiteral("COMMIT"));
        QTest::qWait(300);
        QCOMPARE(sql(QStringLiteral("select name from $S.t where id = 3")), QStringLiteral("name 3"));
        QSignalSpy applied(b->editor(), &TableEditor::applied);
        b->editor()->applyStaged();
        QVERIFY(applied.wait(10000));
        QCOMPARE(sql(QStringLiteral("select name from $S.t where id = 3")), QStringLiteral("later"));
    }
};

PGDESK_UI_TEST_MAIN(TestApplyCancel)
#include "tst_applycancel.moc"
