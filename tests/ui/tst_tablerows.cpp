// SPDX-License-Identifier: GPL-3.0-or-later
// Rows and tabs in the grid: new rows, apply errors, soft and hard deletes, keyless tables (read-only, or by
// ctid), closing with staged changes, two tabs on one table, the crash journal, standbys.
#include "tableeditingfixture.h"
#include "uitestmain.h"

#include <QMainWindow>
#include <QStatusBar>

class TestTableRows final : public QObject, private TableEditingFixture {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(setUp()); }
    void init() { clearJournal(); }

    void newRowsInsert() {
        auto b = open(QStringLiteral("items"));
        QAbstractItemModelTester tester(b->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitLoaded(*b));
        const int pageRows = b->model()->rowCount();
        b->editor()->addRow();
        b->editor()->addRow();
        QCOMPARE(b->model()->rowCount(), pageRows + 2);
        PageModel* m = b->model();
        QVERIFY(m->isNewRow(pageRows) && m->isNewRow(pageRows + 1) && !m->isNewRow(pageRows - 1));
        const QModelIndex note = m->index(pageRows, col(m, QStringLiteral("note")));
        QCOMPARE(note.data().toString(), QStringLiteral("DEFAULT"));
        QCOMPARE(note.data(PageModel::RowStateRole).toInt(), int(EditSession::RowState::Inserted));
        QVERIFY(!(m->flags(m->index(pageRows, col(m, QStringLiteral("doubled")))) & Qt::ItemIsEditable));
        QVERIFY(m->setData(m->index(pageRows, col(m, QStringLiteral("id"))), QStringLiteral("1000")));
        QVERIFY(m->setData(m->index(pageRows, col(m, QStringLiteral("name"))), QStringLiteral("neu ✓")));
        QCOMPARE(m->index(pageRows, col(m, QStringLiteral("name"))).data().toString(),
                 QStringLiteral("neu ✓"));
        b->editor()->deleteRows({pageRows + 1}); // a new row just goes, no question asked
        QCOMPARE(m->rowCount(), pageRows + 1);
        QCOMPARE(b->editor()->session()->size(), 1);
        QVERIFY2(b->editor()->previewSql().startsWith(QStringLiteral("INSERT INTO")),
                 qPrintable(b->editor()->previewSql()));
        QVERIFY(applyAndWait(*b));
        QCOMPARE(m->rowCount(), pageRows);
        QCOMPARE(sql(QStringLiteral("select name || ':' || (note is null) || ':' || flag || ':' || doubled "
                                    "from $S.items where id = 1000")),
                 QStringLiteral("neu ✓:true:false:2000"));
    }

    void applyErrorKeepsEverything() {
        auto b = open(QStringLiteral("items"));
        QVERIFY(waitLoaded(*b));
        QVERIFY(b->model()->setData(cell(b->model(), 9, QStringLiteral("name")), QStringLiteral("fine")));
        QVERIFY(
            b->model()->setData(cell(b->model(), 10, QStringLiteral("qty")), QStringLiteral("not a number")));
        QSignalSpy failed(b->editor(), &TableEditor::applyFailed);
        b->editor()->applyStaged();
        QVERIFY(failed.wait(15000));
        const QString message = failed.first().first().toString();
        QVERIFY2(message.contains(QStringLiteral("change 2")) && message.contains(QStringLiteral("qty")),
                 qPrintable(message));
        QVERIFY(
            b->findChild<QLabel*>(QStringLiteral("editErrorLabel"))->text().contains(QStringLiteral("qty")));
        QCOMPARE(b->editor()->session()->size(), 2);
        QCOMPARE(sql(QStringLiteral("select name from $S.items where id = 9")), QStringLiteral("item 9"));
        b->editor()->session()->clear();
    }

    // The menu says which delete it is: soft on a table with a soft-delete column, permanent otherwise.
    void deleteSaysWhichDelete() {
        const auto labels = [this](const QString& table) {
            auto b = open(table);
            if (!waitLoaded(*b))
                return QStringList{QStringLiteral("not loaded")};
            QMenu menu;
            b->editor()->addMenuActions(&menu, cell(b->model(), 2, QStringLiteral("id")));
            QStringList texts;
            for (const QAction* a : menu.actions())
                if (a->text().contains(QLatin1String("elete")))
                    texts << a->text();
            return texts;
        };
        QCOMPARE(labels(m_soft), QStringList({QStringLiteral("Soft-delete 1 row"),
                                              QStringLiteral("Delete 1 row permanently…")}));
        QCOMPARE(labels(QStringLiteral("items")), QStringList{QStringLiteral("Delete 1 row permanently…")});
    }

    void softDeleteAndRestore() {
        auto b = open(m_soft);
        QAbstractItemModelTester tester(b->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitLoaded(*b));
        QCOMPARE(b->model()->rowCount(), 5);
        b->editor()->deleteRows({rowOf(b->model(), 2)});
        const QModelIndex title = cell(b->model(), 2, QStringLiteral("title"));
        QCOMPARE(title.data(PageModel::RowStateRole).toInt(), int(EditSession::RowState::SoftDeletePending));
        QVERIFY(gridStyle(*b, title).font.strikeOut());
        // The row header marks the pending delete with ✕ alone (it once read "✕ ✎").
        QCOMPARE(b->model()->headerData(title.row(), Qt::Vertical).toString(), QStringLiteral("✕"));
        QVERIFY(applyAndWait(*b));
        QCOMPARE(b->model()->rowCount(), 4); // Active rows: gone
        QCOMPARE(rowOf(b->model(), 2), -1);
        QCOMPARE(
            sql(QStringLiteral("select deleted_at is not null from $S.\"pösts; \"\"soft\"\"\" where id = 2")),
            QStringLiteral("t"));
        b->setScope(pgdesk::core::SoftDeleteScope::Deleted);
        QVERIFY(waitLoaded(*b));
        QCOMPARE(b->model()->rowCount(), 1);
        b->editor()->restoreRows({rowOf(b->model(), 2)});
        QCOMPARE(cell(b->model(), 2, QStringLiteral("title")).data(PageModel::RowStateRole).toInt(),
                 int(EditSession::RowState::RestorePending));
        QCOMPARE(b->model()->headerData(rowOf(b->model(), 2), Qt::Vertical).toString(), QStringLiteral("↺"));
        QVERIFY(applyAndWait(*b));
        b->setScope(pgdesk::core::SoftDeleteScope::Active);
        QVERIFY(waitLoaded(*b));
        QCOMPARE(b->model()->rowCount(), 5);
        QCOMPARE(
            sql(QStringLiteral("select count(*) from $S.\"pösts; \"\"soft\"\"\" where deleted_at is null")),
            QStringLiteral("5"));
    }

    void hardDeleteNeedsConfirmation() {
        auto b = open(QStringLiteral("items"));
        QVERIFY(waitLoaded(*b));
        b->editor()->deleteRows({rowOf(b->model(), 11)});
        auto* box = waitForChild<QMessageBox>(b.get(), QStringLiteral("deleteConfirm"));
        QVERIFY(box);
        QVERIFY(b->editor()->session()->isEmpty()); // nothing before the answer
        box->button(QMessageBox::Yes)->click();
        QTRY_COMPARE(cell(b->model(), 11, QStringLiteral("name")).data(PageModel::RowStateRole).toInt(),
                     int(EditSession::RowState::DeletePending));
        QVERIFY(!(b->model()->flags(cell(b->model(), 11, QStringLiteral("name"))) & Qt::ItemIsEditable));
        QVERIFY(b->editor()->previewSql().startsWith(QStringLiteral("DELETE")));
        QVERIFY(applyAndWait(*b));
        QCOMPARE(sql(QStringLiteral("select count(*) from $S.items where id = 11")), QStringLiteral("0"));
    }

    void keylessTableIsReadOnly() {
        auto b = open(QStringLiteral("keyless"));
        QAbstractItemModelTester tester(b->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitLoaded(*b));
        QVERIFY(!b->editor()->isEditable());
        auto* label = b->findChild<QLabel*>(QStringLiteral("readOnlyLabel"));
        QVERIFY(label->isVisibleTo(b.get()));
        QVERIFY2(label->text().contains(QStringLiteral("primary key")), qPrintable(label->text()));
        const QModelIndex a = b->model()->index(0, 0);
        QVERIFY(!(b->model()->flags(a) & Qt::ItemIsEditable));
        QVERIFY(!b->model()->setData(a, QStringLiteral("2")));
        b->editor()->deleteRows({0}, true);
        QVERIFY(!b->findChild<QMessageBox*>(QStringLiteral("deleteConfirm")));
        QCOMPARE(sql(QStringLiteral("select count(*) from $S.keyless where a = 1")), QStringLiteral("2"));
    }

    // Closing a tab with staged changes asks: Cancel keeps the tab, Keep closes with the journal intact,
    // Discard drops them.
    void closingWithStagedChangesAsks() {
        auto b = open(QStringLiteral("items"));
        QVERIFY(waitLoaded(*b));
        QVERIFY(b->editor()->confirmClose()); // nothing staged: no question
        QVERIFY(b->model()->setData(cell(b->model(), 3, QStringLiteral("note")), QStringLiteral("pending")));
        const auto answer = [&b](const QString& button) {
            QTimer::singleShot(0, b.get(), [&b, button] {
                auto* box = b->findChild<QMessageBox*>(QStringLiteral("closeConfirm"));
                QVERIFY(box);
                QVERIFY(box->text().contains(QStringLiteral("1 staged change")));
                // No plural verb after a singular count ("1 staged change that are not applied").
                QVERIFY2(!box->text().contains(QStringLiteral(" are ")), qPrintable(box->text()));
                QAbstractButton* target = button.isEmpty() ? box->button(QMessageBox::Cancel) : nullptr;
                for (QAbstractButton* candidate : box->buttons()) {
                    if (candidate->text() == button)
                        target = candidate;
                }
                if (target)
                    target->click();
                else
                    box->done(QMessageBox::Cancel); // never hang the test on a renamed button
            });
            return b->editor()->confirmClose();
        };
        QVERIFY(!answer(QString())); // Cancel
        QCOMPARE(b->editor()->session()->size(), 1);
        QVERIFY(answer(QStringLiteral("Keep staged")));
        QCOMPARE(b->editor()->session()->size(), 1);
        QVERIFY(m_journal->load(QStringLiteral("test"), b->editor()->session()->changes().table));
        QVERIFY(answer(QStringLiteral("Discard changes")));
        QVERIFY(b->editor()->session()->isEmpty());
        QVERIFY(!m_journal->load(QStringLiteral("test"), b->editor()->session()->changes().table));
    }

    // After an apply the staged bar and the window's status bar say what was written, by kind; the next
    // edit replaces that with the staged count.
    void applyConfirmsWithTheCounts() {
        QCOMPARE(EditSession::describeApplied(QStringLiteral("t"), {2, 1, 0, 1, 0}),
                 QStringLiteral("Applied to t: 2 updated, 1 inserted, 1 soft-deleted."));
        QCOMPARE(EditSession::describeApplied(QStringLiteral("t"), {0, 0, 3, 0, 1}),
                 QStringLiteral("Applied to t: 3 deleted permanently, 1 restored."));
        QMainWindow window;
        auto owned = open(QStringLiteral("items"));
        TableBrowser* b = owned.get();
        window.setCentralWidget(owned.release());
        QVERIFY(waitLoaded(*b));
        PageModel* m = b->model();
        QCOMPARE(b->editor()->stagedText(), QStringLiteral("No staged changes"));
        const int pageRows = m->rowCount();
        QVERIFY(m->setData(cell(m, 30, QStringLiteral("name")), QStringLiteral("counted")));
        QCOMPARE(b->editor()->stagedText(), QStringLiteral("1 staged change"));
        b->editor()->addRow();
        QVERIFY(m->setData(m->index(pageRows, col(m, QStringLiteral("id"))), QStringLiteral("2000")));
        QCOMPARE(b->editor()->stagedText(), QStringLiteral("2 staged changes"));
        QVERIFY(applyAndWait(*b));
        const QString text = b->editor()->stagedText();
        QVERIFY2(text.contains(QStringLiteral("1 updated")) && text.contains(QStringLiteral("1 inserted")),
                 qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("deleted")), qPrintable(text));
        QCOMPARE(window.statusBar()->currentMessage(), text);
        // The next edit is news of its own.
        QVERIFY(m->setData(cell(m, 31, QStringLiteral("name")), QStringLiteral("next")));
        QCOMPARE(b->editor()->stagedText(), QStringLiteral("1 staged change"));
        b->editor()->session()->clear();
        QCOMPARE(b->editor()->stagedText(), QStringLiteral("No staged changes"));
        sql(QStringLiteral(
            "delete from $S.items where id = 2000; update $S.items set name = 'item 30' where id = 30"));
    }

    // One "Apply" on screen (the filter's button is "Run filter"), and the grid stays where it is when the
    // first edit is staged: the staged bar has its place from the start.
    void stagingNeitherDoublesApplyNorMovesTheGrid() {
        auto b = open(QStringLiteral("items"));
        QSignalSpy loaded(b.get(), &TableBrowser::pageLoaded); // before the wait below lets the page in
        b->resize(900, 600);
        b->show();
        QVERIFY(QTest::qWaitForWindowExposed(b.get()));
        QVERIFY(!loaded.isEmpty() || loaded.wait(15000));
        QTest::qWait(50); // layouts settle
        const auto gridAt = [&b] { return b->view()->viewport()->mapTo(b->window(), QPoint(0, 0)); };
        const QPoint before = gridAt();
        QVERIFY(b->model()->setData(cell(b->model(), 32, QStringLiteral("name")), QStringLiteral("staged")));
        QTest::qWait(50);
        QCOMPARE(gridAt(), before);
        int applyButtons = 0;
        for (const QAbstractButton* button : b->findChildren<QAbstractButton*>()) {
            QString text = button->text().remove(QLatin1Char('&'));
            text.remove(QChar(0x2026)).remove(QStringLiteral("...")); // "Apply…" is an Apply too
            if (button->isVisible() && text.trimmed() == QStringLiteral("Apply"))
                ++applyButtons;
        }
        QCOMPARE(applyButtons, 1);
        b->editor()->session()->clear();
        QTest::qWait(50);
        QCOMPARE(gridAt(), before);
    }

    // Opting in to edit by ctid: exactly one of two identical rows changes, guarded by its version; the
    // choice is remembered for the next tab on the table.
    void keylessTableByCtidEditsExactlyOneRow() {
        auto b = open(QStringLiteral("keyless"));
        QVERIFY(waitLoaded(*b));
        QVERIFY(!b->editor()->isEditable());
        auto* optIn = b->findChild<QPushButton*>(QStringLiteral("ctidOptInButton"));
        QVERIFY(optIn && optIn->isVisibleTo(b.get()));
        QSignalSpy loaded(b.get(), &TableBrowser::pageLoaded);
        b->editor()->optInCtid(false);
        QVERIFY(loaded.wait(15000));
        QVERIFY(b->editor()->isEditable());
        QCOMPARE(b->model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("ctid"));
        QVERIFY(!(b->model()->flags(b->model()->index(0, 0)) & Qt::ItemIsEditable)); // ctid itself: never
        const QModelIndex cell = b->model()->index(0, col(b->model(), QStringLiteral("b")));
        QVERIFY(b->model()->setData(cell, QStringLiteral("only this one")));
        QVERIFY2(b->editor()->previewSql().contains(QStringLiteral("ctid")),
                 qPrintable(b->editor()->previewSql()));
        QVERIFY(applyAndWait(*b));
        QCOMPARE(sql(QStringLiteral("select string_agg(b, ',' order by b) from $S.keyless where a = 1")),
                 QStringLiteral("only this one,x"));

        // A concurrent change to that row: the version check refuses, nothing is written.
        QVERIFY(b->model()->setData(b->model()->index(0, col(b->model(), QStringLiteral("b"))),
                                    QStringLiteral("stale")));
        sql(QStringLiteral("update $S.keyless set b = b"));
        QSignalSpy conflicted(b->editor(), &TableEditor::applyConflicted);
        b->editor()->applyStaged();
        QVERIFY(conflicted.wait(15000));
        QCOMPARE(sql(QStringLiteral("select count(*) from $S.keyless where b = 'stale'")),
                 QStringLiteral("0"));
        b->editor()->session()->clear();

        auto again = open(QStringLiteral("keyless"));
        QVERIFY(waitLoaded(*again));
        QVERIFY(again->editor()->isEditable());
        QSettings().remove(QStringLiteral("editByCtid"));
    }

    void twoTabsShareTheirEdits() {
        auto a = open(QStringLiteral("items"));
        auto b = open(QStringLiteral("items"));
        QVERIFY(waitLoaded(*a));
        if (!b->model()->rowCount())
            QVERIFY(waitLoaded(*b));
        QCOMPARE(a->editor()->session(), b->editor()->session());
        QVERIFY(a->model()->setData(cell(a->model(), 18, QStringLiteral("name")), QStringLiteral("shared")));
        QCOMPARE(cell(b->model(), 18, QStringLiteral("name")).data().toString(), QStringLiteral("shared"));
        QSignalSpy aLoaded(a.get(), &TableBrowser::pageLoaded);
        QVERIFY(applyAndWait(*b));
        QVERIFY(!aLoaded.isEmpty() || aLoaded.wait(15000)); // the other tab shows the applied rows too
        QCOMPARE(cell(a->model(), 18, QStringLiteral("name")).data().toString(), QStringLiteral("shared"));
        QVERIFY(!cell(a->model(), 18, QStringLiteral("name")).data(PageModel::IsEditedRole).toBool());
        b.reset(); // one tab closing leaves the other's session alone
        QVERIFY(
            a->model()->setData(cell(a->model(), 18, QStringLiteral("note")), QStringLiteral("still here")));
        QCOMPARE(a->editor()->session()->size(), 1);
        a->editor()->session()->clear();
    }

    void journalOfferedBack() {
        QString table;
        {
            auto b = open(QStringLiteral("items"));
            QVERIFY(waitLoaded(*b));
            QVERIFY(
                b->model()->setData(cell(b->model(), 12, QStringLiteral("name")), QStringLiteral("kept ✓")));
            b->editor()->setNull(cell(b->model(), 13, QStringLiteral("note")));
            table = b->editor()->session()->changes().table;
        } // the tab closes (or the process dies) with two changes staged
        auto b = open(QStringLiteral("items"));
        QAbstractItemModelTester tester(b->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitLoaded(*b));
        auto* offer = b->findChild<QWidget*>(QStringLiteral("offerBar"));
        QVERIFY(offer->isVisibleTo(b.get()));
        QCOMPARE(b->findChild<QLabel*>(QStringLiteral("offerLabel"))->text(),
                 QStringLiteral("2 staged changes from a previous session"));
        // Locked until answered, so that nothing overwrites the offered changes in the journal.
        QVERIFY(!(b->model()->flags(cell(b->model(), 14, QStringLiteral("name"))) & Qt::ItemIsEditable));
        b->findChild<QPushButton*>(QStringLiteral("offerRestoreButton"))->click();
        QVERIFY(!offer->isVisibleTo(b.get()));
        QCOMPARE(cell(b->model(), 12, QStringLiteral("name")).data().toString(), QStringLiteral("kept ✓"));
        QVERIFY(cell(b->model(), 13, QStringLiteral("note")).data(PageModel::IsNullRole).toBool());
        QVERIFY(b->model()->flags(cell(b->model(), 14, QStringLiteral("name"))) & Qt::ItemIsEditable);
        QVERIFY(applyAndWait(*b));
        QCOMPARE(sql(QStringLiteral("select name || ':' || (note is null) from $S.items where id in (12, 13) "
                                    "order by id")),
                 QStringLiteral("kept ✓:false\nitem 13:true"));

        // Discard from the offer drops the journal entry (no tab on the table is open meanwhile: an open one
        // would share its live session instead of an offer).
        b.reset();
        {
            auto c = open(QStringLiteral("items"));
            QVERIFY(waitLoaded(*c));
            QVERIFY(
                c->model()->setData(cell(c->model(), 14, QStringLiteral("name")), QStringLiteral("dropped")));
        }
        auto c = open(QStringLiteral("items"));
        QVERIFY(waitLoaded(*c));
        QVERIFY(c->editor()->hasOffer());
        c->findChild<QPushButton*>(QStringLiteral("offerDiscardButton"))->click();
        QVERIFY(!c->editor()->hasOffer());
        QVERIFY(!m_journal->load(QStringLiteral("test"), table));
        QCOMPARE(sql(QStringLiteral("select name from $S.items where id = 14")), QStringLiteral("item 14"));
    }

    // A session opened from a DSN has no profile name: its edits are journaled all the same (staging failed
    // with "NOT NULL constraint failed: staged.profile" before) and offered back when the same DSN opens
    // again.
    void journalForDsnSession() {
        QVERIFY(dsnProfile().name.isEmpty());
        QString table;
        {
            TableBrowser b(pgdesk::core::Pool::create(dsnProfile()), m_schema, QStringLiteral("items"));
            b.editor()->setJournal(m_journal);
            QVERIFY(waitLoaded(b));
            QVERIFY(b.model()->setData(cell(b.model(), 21, QStringLiteral("name")), QStringLiteral("dsn ✓")));
            QVERIFY(b.model()->setData(cell(b.model(), 22, QStringLiteral("name")), QStringLiteral("dsn 2")));
            QVERIFY2(b.editor()->session()->journalError().isEmpty(),
                     qPrintable(b.editor()->session()->journalError()));
            table = b.editor()->session()->changes().table;
        } // as after a crash: a new process, a new pool on the same DSN
        const auto journaled = m_journal->load(pgdesk::core::journalKey(dsnProfile()), table);
        QVERIFY(journaled && journaled->size() == 2);
        QVERIFY(!m_journal->load(QString(), table));
        TableBrowser c(pgdesk::core::Pool::create(dsnProfile()), m_schema, QStringLiteral("items"));
        c.editor()->setJournal(m_journal);
        QVERIFY(waitLoaded(c));
        QVERIFY(c.editor()->hasOffer());
        c.findChild<QPushButton*>(QStringLiteral("offerDiscardButton"))->click();
        QVERIFY(!m_journal->load(pgdesk::core::journalKey(dsnProfile()), table));
    }

    // A hot standby: the tab is read-only with the reason from the start (before, edits could be staged
    // and the apply failed with "cannot set transaction read-write mode during recovery").
    void standbyTabIsReadOnly() {
        pgdesk::test::PrivateCluster server;
        QVERIFY2(server.isStarted(), qPrintable(server.error()));
        QVERIFY2(!server
                      .psql(QStringLiteral("create table t (id int primary key, name text); "
                                           "insert into t values (1, 'a')"))
                      .isNull(),
                 qPrintable(server.error()));
        QVERIFY2(server.restartAsStandby(), qPrintable(server.error()));
        TableBrowser b(pgdesk::core::Pool::create(server.profile()), QStringLiteral("public"),
                       QStringLiteral("t"));
        b.editor()->setJournal(m_journal);
        QVERIFY(waitLoaded(b));
        QVERIFY(b.isStandby());
        QVERIFY(!b.editor()->isEditable());
        const QString reason =
            QStringLiteral("This server is a read-only standby; connect to the primary to edit.");
        QCOMPARE(b.editor()->readOnlyReason(), reason);
        QVERIFY(b.findChild<QLabel*>(QStringLiteral("readOnlyLabel"))->isVisibleTo(&b));
        QCOMPARE(b.findChild<QLabel*>(QStringLiteral("readOnlyLabel"))->text(), reason);
        QVERIFY(!(b.model()->flags(cell(b.model(), 1, QStringLiteral("name"))) & Qt::ItemIsEditable));
        QVERIFY(!b.model()->setData(cell(b.model(), 1, QStringLiteral("name")), QStringLiteral("x")));
        QVERIFY(!b.openBatchDialog());
    }
};

PGDESK_UI_TEST_MAIN(TestTableRows)
#include "tst_tablerows.moc"
