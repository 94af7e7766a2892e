// SPDX-License-Identifier: GPL-3.0-or-later
// A table tab for a role with column privileges only (issue 16, item 13): the readable columns are shown
// and the others named; only the columns the role may UPDATE (existing rows) or INSERT (new rows) are
// editable; an edit applies, guarded by the values as read (the role cannot read xmin); deleting is refused
// with the reason. Before, the tab failed with "permission denied for table".
#include "modelcolumns.h"
#include "scratchschema.h"
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/editing/changejournal.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/browse/tablebrowser.h>
#include <pgdesk/ui/edit/editsession.h>
#include <pgdesk/ui/edit/tableeditor.h>
#include <pgdesk/ui/grid/pagemodel.h>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using pgdesk::test::psql;
using pgdesk::ui::PageModel;
using pgdesk::ui::TableBrowser;

class TestColumnGrants final : public QObject {
    Q_OBJECT

    std::optional<pgdesk::test::ScratchSchema> m_scratch; // first: dropped after the pool is gone
    const QString m_schema = QStringLiteral("tst_grants_%1").arg(QCoreApplication::applicationPid());
    const QString m_role = QStringLiteral("tst_grants_%1").arg(QCoreApplication::applicationPid());
    std::shared_ptr<pgdesk::core::Pool> m_pool;
    QTemporaryDir m_dir;

    QString sql(const QString& text) {
        return psql(
            QString(text).replace(QStringLiteral("$S"), m_schema).replace(QStringLiteral("$R"), m_role));
    }
    static int col(const PageModel* m, const QString& name) { return pgdesk::test::columnNamed(m, name); }
    static bool editable(const PageModel* m, int row, const QString& column) {
        return m->flags(m->index(row, col(m, column))) & Qt::ItemIsEditable;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_scratch.emplace(m_schema, QString(R"(
            drop role if exists $R;
            create role $R login password 'pw';
            grant usage on schema $S to $R;
            create table $S.staff (id int primary key, name text, salary numeric, note text);
            insert into $S.staff values (1, 'Ann', 5000, 'first'), (2, 'Bob', 4000, null);
            grant select (id, name, note) on $S.staff to $R;
            grant update (note) on $S.staff to $R;
            grant insert (id, name) on $S.staff to $R;
            grant delete on $S.staff to $R;)")
                                        .replace(QStringLiteral("$R"), m_role));
        pgdesk::core::ConnectionProfile p = pgdesk::test::profile();
        p.name = QStringLiteral("grants");
        p.user = m_role;
        m_pool = pgdesk::core::Pool::create(p, QStringLiteral("pw"));
    }

    void cleanupTestCase() {
        m_pool.reset();
        m_scratch.reset(); // before the role: the schema's grants name it
        sql(QStringLiteral("drop owned by $R; drop role if exists $R"));
    }

    void readableColumnsAndEditableCells() {
        auto journal =
            std::make_shared<pgdesk::core::ChangeJournal>(m_dir.filePath(QStringLiteral("j.sqlite")));
        TableBrowser b(m_pool, m_schema, QStringLiteral("staff"));
        b.editor()->setJournal(journal);
        QSignalSpy loaded(&b, &TableBrowser::pageLoaded);
        QVERIFY(loaded.wait(15000));
        PageModel* m = b.model();
        QAbstractItemModelTester tester(m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(m->columnCount(), 3);
        QCOMPARE(col(m, QStringLiteral("salary")), -1);
        QCOMPARE(m->rowCount(), 2);
        auto* hidden = b.findChild<QLabel*>(QStringLiteral("hiddenColumnsLabel"));
        QVERIFY(hidden);
        QVERIFY(!hidden->isHidden());
        QVERIFY2(hidden->text().contains(QLatin1String("salary")), qPrintable(hidden->text()));
        QVERIFY(b.editor()->readOnlyReason().isEmpty());

        // Rows read from the server: only note (UPDATE granted on it alone).
        QVERIFY(editable(m, 0, QStringLiteral("note")));
        QVERIFY(!editable(m, 0, QStringLiteral("name")));
        QVERIFY(!editable(m, 0, QStringLiteral("id")));

        // The edit applies, guarded by the value as read.
        QVERIFY(m->setData(m->index(0, col(m, QStringLiteral("note"))), QStringLiteral("edited")));
        QSignalSpy applied(b.editor(), &pgdesk::ui::TableEditor::applied);
        b.editor()->applyStaged();
        QVERIFY(applied.wait(15000));
        QCOMPARE(sql(QStringLiteral("select note from $S.staff where id = 1")), QStringLiteral("edited"));

        // Deleting needs a readable row version (DELETE is granted): refused with the reason, nothing staged.
        QVERIFY(loaded.wait(15000) || m->rowCount() == 2);
        b.editor()->deleteRows({1}, true);
        auto* error = b.findChild<QLabel*>(QStringLiteral("editErrorLabel"));
        QVERIFY(error && !error->isHidden());
        QVERIFY2(error->text().contains(QLatin1String("row version")), qPrintable(error->text()));
        QVERIFY(b.editor()->session()->isEmpty());

        // A new row: the columns the role may INSERT.
        b.editor()->addRow();
        const int added = m->rowCount() - 1;
        QVERIFY(editable(m, added, QStringLiteral("id")));
        QVERIFY(editable(m, added, QStringLiteral("name")));
        QVERIFY(!editable(m, added, QStringLiteral("note")));
        b.editor()->session()->clear();
    }
};

PGDESK_UI_TEST_MAIN(TestColumnGrants)
#include "tst_columngrants.moc"
