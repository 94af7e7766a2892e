// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "modelcolumns.h"
#include "privatecluster.h"
#include "scratchschema.h"
#include "testcluster.h"

#include <pgdesk/core/editing/changejournal.h>
#include <pgdesk/core/session/dsn.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/browse/tablebrowser.h>
#include <pgdesk/ui/edit/editsession.h>
#include <pgdesk/ui/edit/tableeditor.h>
#include <pgdesk/ui/grid/griddelegate.h>
#include <pgdesk/ui/grid/pagemodel.h>

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDialog>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using pgdesk::core::ChangeJournal;
using pgdesk::test::psql;
using pgdesk::ui::EditSession;
using pgdesk::ui::PageModel;
using pgdesk::ui::TableBrowser;
using pgdesk::ui::TableEditor;

// How the grid draws a cell: fonts and colours are its delegate's (GridDelegate), not the model's.
inline QStyleOptionViewItem gridStyle(const TableBrowser& b, const QModelIndex& index) {
    return qobject_cast<pgdesk::ui::GridDelegate*>(b.view()->itemDelegate())->styleFor(index);
}

// Editing in the table grid against the real server (tst_tableediting: cells; tst_tablerows: rows, tabs and
// the journal). Each suite works in a private schema so that the tests sharing the demo database are not
// disturbed.
class TableEditingFixture {
protected:
    std::optional<pgdesk::test::ScratchSchema> m_scratch; // first: dropped after the pool is gone
    std::shared_ptr<pgdesk::core::Pool> m_pool;
    QString m_schema = QStringLiteral("tst_edit_%1").arg(QCoreApplication::applicationPid());
    const QString m_soft = QStringLiteral("pösts; \"soft\"");
    QTemporaryDir m_dir;
    std::shared_ptr<ChangeJournal> m_journal;

    QString sql(const QString& text) { return psql(QString(text).replace(QStringLiteral("$S"), m_schema)); }

    std::unique_ptr<TableBrowser> open(const QString& table) {
        auto b = std::make_unique<TableBrowser>(m_pool, m_schema, table);
        b->editor()->setJournal(m_journal); // before the table is known (the load replies later)
        return b;
    }
    // The test server as `pgdesk --dsn …` opens it: a profile without a name.
    static pgdesk::core::ConnectionProfile dsnProfile() {
        return pgdesk::core::parseDsn(pgdesk::test::conninfo()).profile;
    }
    static bool waitLoaded(TableBrowser& b) {
        QSignalSpy spy(&b, &TableBrowser::pageLoaded);
        return spy.wait(15000);
    }
    static int col(const PageModel* m, const QString& name) { return pgdesk::test::columnNamed(m, name); }
    // The model row whose id is `id`, or -1.
    static int rowOf(const PageModel* m, int id) {
        const int c = col(m, QStringLiteral("id"));
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->index(r, c).data(Qt::EditRole).toString() == QString::number(id))
                return r;
        return -1;
    }
    static QModelIndex cell(const PageModel* m, int id, const QString& column) {
        return m->index(rowOf(m, id), col(m, column));
    }
    // Applies without the dialog and waits for the outcome and the reload after it.
    static bool applyAndWait(TableBrowser& b, const char* outcome = "applied") {
        QSignalSpy loaded(&b, &TableBrowser::pageLoaded);
        QSignalSpy done(b.editor(), QByteArray("2").append(outcome).append("()").constData());
        b.editor()->applyStaged();
        if (!done.wait(15000))
            return false;
        return !loaded.isEmpty() || loaded.wait(15000);
    }
    template <class T> static T* waitForChild(QWidget* parent, const QString& name) {
        T* found = nullptr;
        (void)QTest::qWaitFor([&] { return (found = parent->findChild<T*>(name)) != nullptr; }, 5000);
        return found;
    }

    // initTestCase(): a journal in a temporary folder, a pool, and the schema's tables.
    bool setUp() {
        if (!m_dir.isValid())
            return false;
        m_journal = std::make_shared<ChangeJournal>(m_dir.filePath(QStringLiteral("journal.sqlite")));
        m_pool = pgdesk::core::Pool::create(pgdesk::test::profile());
        m_scratch.emplace(m_schema, QStringLiteral(R"(
            create table $S.items (id int primary key, name text, note text, flag boolean not null default false,
                                   qty int, doubled int generated always as (id * 2) stored,
                                   "odd ""col""; --" text);
            insert into $S.items (id, name, note, qty) select i, 'item ' || i, 'note ' || i, i from generate_series(1, 250) i;
            create table $S."pösts; ""soft""" (id int primary key, title text, deleted_at timestamptz);
            insert into $S."pösts; ""soft""" (id, title) select i, 'post ' || i from generate_series(1, 5) i;
            create table $S.keyless (a int, b text);
            insert into $S.keyless values (1, 'x'), (1, 'x');)"));
        return true;
    }
    // init(): a failed test may leave staged changes in the journal; they would be offered to (and lock)
    // the next.
    void clearJournal() {
        for (const QString& table : {QStringLiteral("items"), m_soft, QStringLiteral("keyless")}) {
            m_journal->clear(QStringLiteral("test"), pgdesk::core::qualifiedTableText(m_schema, table));
            m_journal->clear(pgdesk::core::journalKey(dsnProfile()),
                             pgdesk::core::qualifiedTableText(m_schema, table));
        }
    }
};
