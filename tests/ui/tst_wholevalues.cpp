// SPDX-License-Identifier: GPL-3.0-or-later
// A table tab's pages bring long values cut (16 Ki characters): the cell shows the beginning, marked, and
// never opens an editor on it; copying, viewing, filtering by, double-click editing and saving load the
// whole value first (on a worker, by the row's key) and then work on every character; NULL and DEFAULT
// replace a cut value without loading it; a row deleted meanwhile is reported, not half-loaded.
#include "scratchschema.h"
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/browse/filterbar.h>
#include <pgdesk/ui/browse/tablebrowser.h>
#include <pgdesk/ui/edit/tableeditor.h>
#include <pgdesk/ui/edit/valueeditordialog.h>
#include <pgdesk/ui/grid/pagemodel.h>
#include <pgdesk/ui/grid/valueviewer.h>

#include <QApplication>
#include <QClipboard>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTextCursor>

using namespace pgdesk;
using pgdesk::ui::PageModel;
using pgdesk::ui::TableBrowser;

class TestWholeValues final : public QObject {
    Q_OBJECT

    std::optional<pgdesk::test::ScratchSchema> m_scratch; // first: dropped after the pool is gone
    std::shared_ptr<core::Pool> m_pool;
    QString m_schema;
    QString m_body; // row 1's body, whole

    static bool waitLoaded(TableBrowser& b) {
        QSignalSpy spy(&b, &TableBrowser::pageLoaded);
        return spy.wait(15000);
    }
    static int col(const PageModel* m, const char* name) {
        for (int c = 0; c < m->columnCount(); ++c)
            if (m->page().columns[c].name == QLatin1String(name))
                return c;
        return -1;
    }
    std::unique_ptr<TableBrowser> open() {
        auto b = std::make_unique<TableBrowser>(m_pool, m_schema, QStringLiteral("docs"));
        b->resize(900, 500);
        b->show();
        if (!waitLoaded(*b))
            return nullptr;
        return b;
    }

private slots:
    void initTestCase() {
        m_pool = core::Pool::create(pgdesk::test::profile());
        m_schema = QStringLiteral("tst_whole_%1").arg(QCoreApplication::applicationPid());
        m_scratch.emplace(
            m_schema,
            QStringLiteral("create table %1.docs (id int primary key, body text, blob bytea, doc jsonb,"
                           " note text default 'fresh');"
                           "insert into %1.docs values"
                           " (1, repeat('é', 40000) || 'END', decode(repeat('00ff', 20000), 'hex'),"
                           "  (select jsonb_agg(g) from generate_series(1, 5000) g), 'short'),"
                           " (2, 'small', '\\x01', '[1]', 'x')")
                .arg(m_schema));
        m_body = QString(40000, QChar(0xE9)) + QStringLiteral("END"); // over a line edit's 32,767
    }

    void cutCellsAreMarkedAndNotEditableInPlace() {
        auto b = open();
        QVERIFY(b);
        PageModel* m = b->model();
        const QModelIndex body = m->index(0, col(m, "body"));
        const QModelIndex blob = m->index(0, col(m, "blob"));
        QVERIFY(m->isCut(0, body.column()) && m->isCut(0, blob.column()) && m->isCut(0, col(m, "doc")));
        QVERIFY(!m->isCut(0, col(m, "note")) && !m->isCut(1, body.column()));
        QVERIFY(body.data(PageModel::IsCutRole).toBool());
        QCOMPARE(m->value(0, body.column())->size(), 16384);
        QVERIFY(body.data().toString().endsWith(QStringLiteral(" …")));
        QVERIFY2(body.data(Qt::ToolTipRole).toString().contains(QLocale().toString(16384)),
                 qPrintable(body.data(Qt::ToolTipRole).toString()));
        // bytea: the whole size, from the server, and the first bytes.
        QVERIFY2(
            blob.data().toString().startsWith(QLocale().toString(40000) + QLatin1String(" bytes  00 ff")),
            qPrintable(blob.data().toString()));
        QVERIFY(!(m->flags(body) & Qt::ItemIsEditable));
        QVERIFY(m->canStage(body));
        QVERIFY(m->flags(m->index(0, col(m, "note"))) & Qt::ItemIsEditable);
    }

    void copyAndViewLoadTheWholeValue() {
        auto b = open();
        QVERIFY(b);
        PageModel* m = b->model();
        const QModelIndex body = m->index(0, col(m, "body"));
        QApplication::clipboard()->clear();
        b->view()->setCurrentIndex(body);
        b->view()->selectionModel()->select(body, QItemSelectionModel::ClearAndSelect);
        b->copySelection(false);
        QTRY_COMPARE_WITH_TIMEOUT(QApplication::clipboard()->text(), m_body + QLatin1Char('\n'), 10000);
        QVERIFY(!m->isCut(0, body.column()));
        QVERIFY(m->flags(body) & Qt::ItemIsEditable); // whole now: editable in place

        const QModelIndex blob = m->index(0, col(m, "blob"));
        b->viewValue(blob);
        QTRY_VERIFY_WITH_TIMEOUT(b->findChild<ui::ValueViewer*>() != nullptr, 10000);
        QCOMPARE(m->value(0, blob.column())->size(), 2 + 2 * 40000);
    }

    void filterByACutValueUsesTheWholeValue() {
        auto b = open();
        QVERIFY(b);
        PageModel* m = b->model();
        const int doc = col(m, "doc");
        const QString whole =
            pgdesk::test::psql(QStringLiteral("select doc::text from %1.docs where id = 1").arg(m_schema));
        QVERIFY(whole.size() > 16384);
        b->filterByCell(m->index(0, doc), false);
        QTRY_VERIFY_WITH_TIMEOUT(!b->filterBar()->filter().conditions.isEmpty(), 10000);
        QCOMPARE(b->filterBar()->filter().conditions.last().values, QStringList{whole});
    }

    // Double-click on a cut cell loads it and then opens the editor on the whole text: for a value this
    // long the dialog (a line edit holds 32,767 characters and would cut it); OK stages every character.
    void doubleClickEditsTheWholeValue() {
        auto b = open();
        QVERIFY(b);
        PageModel* m = b->model();
        const QModelIndex body = m->index(0, col(m, "body"));
        emit b->view()->doubleClicked(body);
        QTRY_VERIFY_WITH_TIMEOUT(!m->isCut(0, body.column()), 10000);
        ui::ValueEditorDialog* dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = b->findChild<ui::ValueEditorDialog*>()) != nullptr, 5000);
        QCOMPARE(dialog->kind(), ui::ValueEditorDialog::Kind::Text);
        QCOMPARE(dialog->value(), m_body);
        dialog->editor()->moveCursor(QTextCursor::End);
        dialog->editor()->insertPlainText(QStringLiteral("!"));
        dialog->accept();
        QCOMPARE(m->value(0, body.column()), std::optional<QString>(m_body + QLatin1Char('!')));
        QVERIFY(m->index(0, body.column()).data(PageModel::IsEditedRole).toBool());
        QVERIFY(b->editor()->undo()); // nothing staged is left for the next test's tab to be offered
    }

    // Which editor a text cell gets, and what the dialog refuses to change silently.
    void editorsKeepValuesExact() {
        QCOMPARE(ui::ValueEditorDialog(ui::ValueEditorDialog::Kind::Text, QStringLiteral("c"),
                                       QStringLiteral("text"), QStringLiteral("a\u00a0b\u2028c"))
                     .value(),
                 QStringLiteral("a\u00a0b\u2028c")); // no-break space and line separator kept
        ui::ValueEditorDialog json(ui::ValueEditorDialog::Kind::Json, QStringLiteral("c"),
                                   QStringLiteral("jsonb"), QStringLiteral("{\"a\": \"x\u00a0y\"}"));
        QVERIFY(json.isValid());
        QCOMPARE(json.value(), QStringLiteral("{\"a\": \"x\u00a0y\"}"));
        // Carriage returns would become line feeds: shown read-only, OK disabled.
        ui::ValueEditorDialog crlf(ui::ValueEditorDialog::Kind::Text, QStringLiteral("c"),
                                   QStringLiteral("text"), QStringLiteral("line 1\r\nline 2"));
        QVERIFY(crlf.editor()->isReadOnly());
        QVERIFY(!crlf.isValid());
        QVERIFY(!crlf.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled());
    }

    // The viewer shows a long line broken (a text view lays out a line whole, freezing the window) and the
    // beginning of a huge value; Copy always takes the exact, whole text.
    void viewerBreaksLongLinesAndCopiesExactly() {
        const QString line =
            QString(10000, QLatin1Char('a')) + QStringLiteral("\nshort\n") + QString(5000, QLatin1Char('b'));
        ui::ValueViewer v(QStringLiteral("c"), QStringLiteral("text"), line);
        const QStringList lines = v.shownText().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 6); // 4096 + 4096 + 1808, "short", 4096 + 904
        QCOMPARE(lines.join(QString()), QString(line).remove(QLatin1Char('\n')));
        QVERIFY(v.findChild<QLabel*>()->text().contains(QLocale().toString(4096)));
        QApplication::clipboard()->clear();
        for (QPushButton* button : v.findChildren<QPushButton*>())
            if (button->text() == QLatin1String("Copy"))
                button->click();
        QCOMPARE(QApplication::clipboard()->text(), line);
        const QString huge(300 * 1024, QLatin1Char('x'));
        ui::ValueViewer big(QStringLiteral("c"), QStringLiteral("text"), huge);
        QCOMPARE(big.shownText().remove(QLatin1Char('\n')).size(), 256 * 1024);
        QVERIFY(big.findChild<QLabel*>()->text().contains(QLocale().toString(300 * 1024)));
        const QString small = QStringLiteral("short\ntext");
        QCOMPARE(ui::ValueViewer(QStringLiteral("c"), QStringLiteral("text"), small).shownText(), small);
    }

    // NULL and DEFAULT replace the value without needing it; a row deleted before its value loads is
    // reported and nothing is half-loaded.
    void replaceWithoutLoadingAndDeletedRows() {
        auto b = open();
        QVERIFY(b);
        PageModel* m = b->model();
        const QModelIndex body = m->index(0, col(m, "body"));
        QSignalSpy loading(b.get(), &TableBrowser::loadFailed);
        b->editor()->setNull(body);
        QVERIFY(!m->value(0, body.column()));
        QVERIFY(m->index(0, body.column()).data(PageModel::IsEditedRole).toBool());
        QTest::qWait(300); // a load, had one started, would have come back by now
        QVERIFY(m->isCut(0, body.column()) && m->isCut(0, col(m, "blob"))); // nothing was loaded
        QVERIFY(m->setDefault(m->index(0, col(m, "doc"))));
        QVERIFY(m->isDefault(m->index(0, col(m, "doc"))));
        QVERIFY(b->editor()->undo() && b->editor()->undo());

        pgdesk::test::psql(QStringLiteral("delete from %1.docs where id = 1").arg(m_schema));
        QSignalSpy failed(b.get(), &TableBrowser::loadFailed);
        b->viewValue(m->index(0, col(m, "blob")));
        QVERIFY(failed.wait(10000));
        QVERIFY2(failed.first().first().toString().contains(QLatin1String("deleted")),
                 qPrintable(failed.first().first().toString()));
        QVERIFY(m->isCut(0, col(m, "blob")));
        QVERIFY(!b->findChild<ui::ValueViewer*>());
    }
};

PGDESK_UI_TEST_MAIN(TestWholeValues)
#include "tst_wholevalues.moc"
