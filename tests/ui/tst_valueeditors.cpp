// SPDX-License-Identifier: GPL-3.0-or-later
#include "modelcolumns.h"
#include "scratchschema.h"
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/editing/changejournal.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/browse/tablebrowser.h>
#include <pgdesk/ui/edit/editsession.h>
#include <pgdesk/ui/edit/tableeditor.h>
#include <pgdesk/ui/edit/valueeditordialog.h>
#include <pgdesk/ui/grid/pagemodel.h>

#include <QCalendarWidget>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using pgdesk::ui::PageModel;
using pgdesk::ui::TableBrowser;
using pgdesk::ui::TableEditor;
using pgdesk::ui::ValueEditorDialog;

// Type-aware cell editors on the real server: enum drop-down, date/timestamp text with a calendar that
// keeps microseconds and time zone, JSON and array dialogs, bytea from and to files; every value applied
// and compared on the server.
class TestValueEditors final : public QObject {
    Q_OBJECT

    std::optional<pgdesk::test::ScratchSchema> m_scratch; // first: dropped after the pool is gone
    QTemporaryDir m_dir;
    std::shared_ptr<pgdesk::core::Pool> m_pool;
    std::shared_ptr<pgdesk::core::ChangeJournal> m_journal;
    QString m_schema = QStringLiteral("value_editors");

    QString sql(const QString& text) const {
        return pgdesk::test::psql(QString(text).replace(QStringLiteral("$S"), m_schema));
    }
    static int col(const PageModel* m, const QString& name) { return pgdesk::test::columnNamed(m, name); }
    std::unique_ptr<TableBrowser> open() {
        auto b = std::make_unique<TableBrowser>(m_pool, m_schema, QStringLiteral("t"));
        b->editor()->setJournal(m_journal);
        b->resize(1000, 500);
        b->show();
        QSignalSpy loaded(b.get(), &TableBrowser::pageLoaded);
        if (!loaded.wait(15000))
            return nullptr;
        return b;
    }
    static bool apply(TableBrowser& b) {
        QSignalSpy applied(b.editor(), &TableEditor::applied);
        b.editor()->applyStaged();
        return applied.wait(15000);
    }
    template <class T> static T* waitForChild(QWidget* parent, const QString& name = {}) {
        T* found = nullptr;
        (void)QTest::qWaitFor([&] { return (found = parent->findChild<T*>(name)) != nullptr; }, 5000);
        return found;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_journal = std::make_shared<pgdesk::core::ChangeJournal>(m_dir.filePath(QStringLiteral("j.sqlite")));
        m_pool = pgdesk::core::Pool::create(pgdesk::test::profile());
        m_scratch.emplace(m_schema, QStringLiteral(R"(
            create type $S.mood as enum ('sad', 'ok', 'happy');
            create table $S.t (id int primary key, m $S.mood, d date, ts timestamptz, doc jsonb, tags text[],
                               data bytea);
            insert into $S.t values (1, 'ok', '2024-02-29', '2024-02-29 23:59:59.123456+00', '{"a": 1}',
                                     '{one,"two words"}', decode('00ff', 'hex'));)"));
    }

    void arrayLiteralsRoundTrip() {
        const auto parsed =
            pgdesk::ui::parseArrayLiteral(QStringLiteral("{a,\"b c\",NULL,\"NULL\",\"q\\\"x\\\\y\",  z }"));
        QVERIFY(parsed);
        QCOMPARE(parsed->size(), 6);
        QCOMPARE(parsed->at(1), std::optional<QString>(QStringLiteral("b c")));
        QVERIFY(!parsed->at(2));
        QCOMPARE(parsed->at(3), std::optional<QString>(QStringLiteral("NULL")));
        QCOMPARE(parsed->at(4), std::optional<QString>(QStringLiteral("q\"x\\y")));
        QCOMPARE(parsed->at(5), std::optional<QString>(QStringLiteral("z")));
        QCOMPARE(pgdesk::ui::arrayLiteral(*parsed),
                 QStringLiteral("{\"a\",\"b c\",NULL,\"NULL\",\"q\\\"x\\\\y\",\"z\"}"));
        QCOMPARE(pgdesk::ui::parseArrayLiteral(QStringLiteral("{}"))->size(), 0);
        QVERIFY(!pgdesk::ui::parseArrayLiteral(QStringLiteral("{{1,2},{3,4}}"))); // nested: not this editor
        QVERIFY(!pgdesk::ui::parseArrayLiteral(QStringLiteral("not an array")));
        QVERIFY(pgdesk::ui::isValidJson(QStringLiteral("42")));
        QVERIFY(pgdesk::ui::isValidJson(QStringLiteral("\"text\"")));
        QVERIFY(pgdesk::ui::isValidJson(QStringLiteral("{\"a\": [1, 2.50, null]}")));
        QVERIFY(!pgdesk::ui::isValidJson(QStringLiteral("{\"a\": }")));
        QVERIFY(!pgdesk::ui::isValidJson(QStringLiteral("1 2")));
        QVERIFY(!pgdesk::ui::isValidJson(QString()));
    }

    void enumDropDown() {
        auto b = open();
        QVERIFY(b && b->editor()->isEditable());
        const QModelIndex cell = b->model()->index(0, col(b->model(), QStringLiteral("m")));
        b->view()->setCurrentIndex(cell);
        b->view()->edit(cell);
        auto* box = waitForChild<QComboBox>(b->view()->viewport());
        QVERIFY(box);
        QCOMPARE(box->count(), 3);
        QCOMPARE(box->itemText(0), QStringLiteral("sad"));
        QCOMPARE(box->currentText(), QStringLiteral("ok"));
        box->setCurrentIndex(box->findText(QStringLiteral("happy")));
        QTest::keyClick(box, Qt::Key_Return); // the view commits on its next turn
        QTRY_COMPARE_WITH_TIMEOUT(cell.data(Qt::EditRole).toString(), QStringLiteral("happy"), 5000);
        QVERIFY(cell.data(PageModel::IsEditedRole).toBool());
        QVERIFY(apply(*b));
        QCOMPARE(sql(QStringLiteral("select m from $S.t where id = 1")), QStringLiteral("happy"));
    }

    // The calendar replaces the date only: microseconds and the zone stay exactly as they were.
    void timestampKeepsMicroseconds() {
        auto b = open();
        QVERIFY(b);
        const QModelIndex cell = b->model()->index(0, col(b->model(), QStringLiteral("ts")));
        b->view()->setCurrentIndex(cell);
        b->view()->edit(cell);
        auto* calendar = waitForChild<QCalendarWidget>(b->view()->viewport());
        QVERIFY(calendar);
        auto* line = calendar->parentWidget()->findChild<QLineEdit*>();
        QVERIFY(line);
        QCOMPARE(line->text(), QStringLiteral("2024-02-29 23:59:59.123456+00"));
        emit calendar->clicked(QDate(2031, 12, 31));
        QCOMPARE(line->text(), QStringLiteral("2031-12-31 23:59:59.123456+00"));
        QTest::keyClick(line, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(cell.data(PageModel::IsEditedRole).toBool(), 5000);
        QVERIFY(apply(*b));
        QCOMPARE(sql(QStringLiteral("select ts = '2031-12-31 23:59:59.123456+00' from $S.t where id = 1")),
                 QStringLiteral("t"));
    }

    void jsonDialogValidatesAndKeepsTheText() {
        auto b = open();
        QVERIFY(b);
        const QModelIndex cell = b->model()->index(0, col(b->model(), QStringLiteral("doc")));
        b->view()->setCurrentIndex(cell);
        b->view()->edit(cell); // no inline editor: the dialog opens
        auto* dialog = waitForChild<ValueEditorDialog>(b.get(), QStringLiteral("valueEditor"));
        QVERIFY(dialog);
        QCOMPARE(dialog->kind(), ValueEditorDialog::Kind::Json);
        QCOMPARE(dialog->editor()->toPlainText(), QStringLiteral("{\"a\": 1}"));
        auto* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        dialog->editor()->setPlainText(QStringLiteral("{\"a\": }"));
        QVERIFY(!ok->isEnabled());
        const QString exact =
            QStringLiteral("{\"big\": 12345678901234567890.000000000001, \"ü\": [true, null]}");
        dialog->editor()->setPlainText(exact);
        QVERIFY(ok->isEnabled());
        ok->click();
        QCOMPARE(cell.data(Qt::EditRole).toString(), exact);
        QVERIFY(apply(*b));
        QCOMPARE(sql(QStringLiteral("select doc->>'big' from $S.t where id = 1")),
                 QStringLiteral("12345678901234567890.000000000001"));
    }

    void arrayDialogOneElementPerLine() {
        auto b = open();
        QVERIFY(b);
        const QModelIndex cell = b->model()->index(0, col(b->model(), QStringLiteral("tags")));
        auto* dialog = b->editor()->editValue(cell);
        QVERIFY(dialog);
        QCOMPARE(dialog->editor()->toPlainText(), QStringLiteral("one\ntwo words"));
        dialog->editor()->setPlainText(QStringLiteral("x\nNULL\n\"NULL\"\nq\"uote\\ \n"));
        dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
        QVERIFY(apply(*b));
        QCOMPARE(
            sql(QStringLiteral("select tags is not distinct from array['x', NULL, 'NULL', 'q\"uote\\ ', ''] "
                               "from $S.t where id = 1")),
            QStringLiteral("t"));
    }

    void byteaFromAndToFiles() {
        auto b = open();
        QVERIFY(b);
        QByteArray bytes;
        for (int i = 0; i < 256; ++i)
            bytes.append(char(i));
        bytes.append(QByteArray(100000, '\x5c'));
        const QString in = m_dir.filePath(QStringLiteral("in.bin"));
        QFile f(in);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size());
        f.close();
        const QModelIndex cell = b->model()->index(0, col(b->model(), QStringLiteral("data")));
        QVERIFY(b->editor()->loadFromFile(cell, in));
        QVERIFY(apply(*b));
        QCOMPARE(sql(QStringLiteral("select md5(data) from $S.t where id = 1")),
                 QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Md5).toHex()));
        const QString out = m_dir.filePath(QStringLiteral("out.bin"));
        // Once the tab has reloaded the row, the cell shows the server's bytes: only their beginning (the
        // page cuts long values) with the whole size. Saving loads them all first.
        QTRY_VERIFY_WITH_TIMEOUT(b->model()->isCut(0, cell.column()), 10000);
        QVERIFY(
            b->model()
                ->index(0, cell.column())
                .data()
                .toString()
                .startsWith(QLocale().toString(qlonglong(bytes.size())) + QLatin1String(" bytes  00 01 02")));
        QVERIFY(!(b->model()->flags(cell) & Qt::ItemIsEditable)); // no editor on a prefix
        QVERIFY(b->model()->canStage(cell));                      // but a new value may replace it
        QVERIFY(b->editor()->saveToFile(cell, out));
        QTRY_VERIFY_WITH_TIMEOUT(!b->model()->isCut(0, cell.column()), 10000);
        QCOMPARE(b->model()->value(0, cell.column()).value_or(QString()).size(), 2 + 2 * bytes.size());
        QVERIFY(b->model()->flags(cell) & Qt::ItemIsEditable);
        QFile back(out);
        QVERIFY(back.open(QIODevice::ReadOnly));
        QCOMPARE(back.readAll(), bytes);
        QVERIFY(!b->editor()->loadFromFile(cell, m_dir.filePath(QStringLiteral("missing.bin"))));
    }
};

PGDESK_UI_TEST_MAIN(TestValueEditors)
#include "tst_valueeditors.moc"
