// SPDX-License-Identifier: GPL-3.0-or-later
// The form view of a row against the real server: type-aware editors, NULL / DEFAULT, previous / next, and
// edits staged in the grid's session and applied with the rest.
#include "tableeditingfixture.h"
#include "uitestmain.h"

#include <pgdesk/ui/formview.h>

#include <QComboBox>

using pgdesk::ui::FormView;

class TestFormView final : public QObject, private TableEditingFixture {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(setUp()); }
    void init() { clearJournal(); }

    void editsAndApplies() {
        auto b = open(QStringLiteral("items"));
        QAbstractItemModelTester tester(b->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitLoaded(*b));
        PageModel* m = b->model();
        b->view()->setCurrentIndex(cell(m, 3, QStringLiteral("name")));
        FormView* form = b->editor()->openFormView();
        QVERIFY(form);
        QCOMPARE(form->row(), rowOf(m, 3));
        auto* name = qobject_cast<QLineEdit*>(form->editor(QStringLiteral("name")));
        QVERIFY(name);
        QCOMPARE(name->text(), QStringLiteral("item 3"));
        // A generated column is shown, never editable; the key is editable like in the grid.
        auto* doubled = qobject_cast<QLineEdit*>(form->editor(QStringLiteral("doubled")));
        QVERIFY(doubled && doubled->isReadOnly());
        QCOMPARE(doubled->text(), QStringLiteral("6"));
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("from the form"));
        // A boolean is a true/false choice, not a text field that wants "t".
        auto* flag = qobject_cast<QComboBox*>(form->editor(QStringLiteral("flag")));
        QVERIFY(flag);
        QCOMPARE(flag->currentText(), QStringLiteral("false"));
        flag->setCurrentIndex(flag->findText(QStringLiteral("true")));
        form->next(); // leaving the row stages its edits
        QCOMPARE(form->row(), rowOf(m, 4));
        QCOMPARE(b->editor()->session()->size(), 1);
        QCOMPARE(cell(m, 3, QStringLiteral("flag")).data(Qt::EditRole).toString(), QStringLiteral("t"));
        QCOMPARE(cell(m, 3, QStringLiteral("name")).data(Qt::EditRole).toString(),
                 QStringLiteral("from the form"));
        // NULL and DEFAULT buttons on row 4; an untouched field stages nothing.
        form->findChild<QPushButton*>(QStringLiteral("formNull:note"))->click();
        form->findChild<QPushButton*>(QStringLiteral("formDefault:qty"))->click();
        QVERIFY(cell(m, 4, QStringLiteral("qty")).data(PageModel::IsDefaultRole).toBool());
        form->previous();
        QCOMPARE(form->row(), rowOf(m, 3));
        QCOMPARE(qobject_cast<QLineEdit*>(form->editor(QStringLiteral("name")))->text(),
                 QStringLiteral("from the form"));
        QCOMPARE(b->editor()->session()->size(), 2);
        QVERIFY(applyAndWait(*b));
        QCOMPARE(sql(QStringLiteral(
                     "select concat_ws('|', (select name || ' ' || flag from $S.items where id = 3), "
                     "note is null, qty is null) from $S.items where id = 4")),
                 QStringLiteral("from the form true|t|t"));
        form->close();
    }
};

PGDESK_UI_TEST_MAIN(TestFormView)
#include "tst_formview.moc"
