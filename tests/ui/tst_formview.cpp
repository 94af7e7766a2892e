// SPDX-License-Identifier: GPL-3.0-or-later
// The form view of a row against the real server: type-aware editors, NULL / DEFAULT, previous / next, and
// edits staged in the grid's session and applied with the rest.
#include "tableeditingfixture.h"
#include "uitestmain.h"

#include <pgdesk/ui/edit/formview.h>

#include <QComboBox>
#include <QScrollBar>
#include <QTextEdit>
#include <QToolButton>

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
        auto* doubled = qobject_cast<QTextEdit*>(form->editor(QStringLiteral("doubled")));
        QVERIFY(doubled && doubled->isReadOnly());
        QCOMPARE(doubled->toPlainText(), QStringLiteral("6"));
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
        form->findChild<QAbstractButton*>(QStringLiteral("formNull:note"))->click();
        form->findChild<QAbstractButton*>(QStringLiteral("formDefault:qty"))->click();
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

    // The newcomer's complaint: a 470 px dialog, every value cut, NULL/DEFAULT taking half the width. The
    // form is wide and resizable, the values get most of it, the buttons are as wide as their word, and a
    // long read-only value (a key without spaces, too) wraps instead of scrolling sideways.
    void wideWithValuesWrapped() {
        const QString token = QStringLiteral("0123456789abcdef").repeated(8); // 128 chars, no space
        sql(QStringLiteral("update $S.items set note = '%1 ' || repeat('long words ', 150) where id = 5")
                .arg(token));
        auto b = open(QStringLiteral("items"));
        b->resize(900, 600);
        b->show();
        QVERIFY(waitLoaded(*b));
        PageModel* m = b->model();
        b->view()->setCurrentIndex(cell(m, 5, QStringLiteral("name")));
        FormView* form = b->editor()->openFormView();
        QVERIFY(form);
        QVERIFY(QTest::qWaitForWindowExposed(form));
        QVERIFY2(form->width() >= 720, qPrintable(QString::number(form->width())));
        QVERIFY(form->isSizeGripEnabled());
        QVERIFY(form->maximumWidth() > form->width());

        QWidget* name = form->editor(QStringLiteral("name"));
        auto* null = form->findChild<QAbstractButton*>(QStringLiteral("formNull:name"));
        auto* byDefault = form->findChild<QAbstractButton*>(QStringLiteral("formDefault:name"));
        QVERIFY(name && null && byDefault);
        // The value takes most of the row; the two buttons together less than a third of the value.
        QVERIFY2(name->width() > form->width() / 2, qPrintable(QString::number(name->width())));
        QVERIFY2(null->width() + byDefault->width() < name->width() / 3,
                 qPrintable(QStringLiteral("%1 + %2").arg(null->width()).arg(byDefault->width())));
        QVERIFY(null->width() <= null->fontMetrics().horizontalAdvance(QStringLiteral("NULL")) + 24);

        // Over 1000 characters: shown read-only (edited in the value editor), wrapped, whole to the limit.
        auto* note = qobject_cast<QTextEdit*>(form->editor(QStringLiteral("note")));
        QVERIFY(note && note->isReadOnly());
        QVERIFY(note->toPlainText().startsWith(token));
        QCOMPARE(note->horizontalScrollBar()->maximum(), 0);
        QVERIFY(note->height() >= 3 * note->fontMetrics().lineSpacing());
        QVERIFY(note->width() > form->width() / 2);
        form->close();
        sql(QStringLiteral("update $S.items set note = 'note 5' where id = 5"));
    }
};

PGDESK_UI_TEST_MAIN(TestFormView)
#include "tst_formview.moc"
