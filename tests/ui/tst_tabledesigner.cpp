// SPDX-License-Identifier: GPL-3.0-or-later
// The table designer offscreen against the real server: cells edited stage the matching changes (kept across
// a new designer, as across a restart; Undo takes the last back), the SQL page shows the DDL and the lock of
// each statement, Apply asks for the drop by its own tick and then changes the table; a new table is created
// with its key; a busy table is reported and the design stays staged; a production profile's designer does
// not write until unlocked. The lock analysis model under QAbstractItemModelTester.
#include "scratchschema.h"
#include "testcluster.h"
#include "uitestmain.h"

#include "../../ui/src/schema/designcolumnsmodel.h"
#include "../../ui/src/schema/designpolicies.h"
#include "../../ui/src/schema/keydialog.h"

#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/admin/rolesview.h>
#include <pgdesk/ui/common/writeunlockbutton.h>
#include <pgdesk/ui/schema/lockanalysisview.h>
#include <pgdesk/ui/schema/privilegesview.h>
#include <pgdesk/ui/schema/tabledesigner.h>

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using pgdesk::test::psqlValue;
using pgdesk::ui::DesignColumnsModel;
using pgdesk::ui::LockAnalysisModel;
using pgdesk::ui::TableDesigner;

class TestTableDesigner final : public QObject {
    Q_OBJECT
    std::optional<pgdesk::test::ScratchSchema> m_scratch;
    QString m_schema;

    QString columns(const QString& table) {
        return psqlValue(
            QStringLiteral("select string_agg(attname || ':' || format_type(atttypid, atttypmod) || case "
                           "when attnotnull then '!' else '' end, ',' order by attnum) from pg_attribute "
                           "where attrelid = '%1.%2'::regclass and attnum > 0 and not attisdropped")
                .arg(m_schema, table));
    }
    static void waitLoaded(TableDesigner& d) {
        QSignalSpy loaded(&d, &TableDesigner::loaded);
        QVERIFY(loaded.wait(10000));
    }
    // The confirmation of the steps that change data, once it is open.
    static QDialog* confirmDialog(TableDesigner& d) {
        QDialog* dialog = nullptr;
        for (int i = 0; i < 100 && !dialog; ++i) {
            dialog = d.findChild<QDialog*>(QStringLiteral("designConfirmDialog"));
            if (!dialog)
                QTest::qWait(50);
        }
        return dialog;
    }

private slots:
    void initTestCase() {
        m_schema = QStringLiteral("tst_tabledesigner_%1").arg(QCoreApplication::applicationPid());
        m_scratch.emplace(
            m_schema,
            QStringLiteral("create table $S.items (id int primary key, name text, price numeric(8, 2), "
                           "legacy text);"
                           "insert into $S.items select g, 'n' || g, g, 'x' from generate_series(1, 50) g;"
                           "create table $S.busy (id int primary key, v text);"
                           "create table $S.secured (id int primary key, owner text);"
                           "create policy \"read own\" on $S.secured for select using (owner = current_user);"
                           "create policy tidy on $S.secured for delete using (id > 0);"));
    }
    void cleanupTestCase() { m_scratch.reset(); }

    void editStagePreviewApply() {
        auto pool = pgdesk::core::Pool::create(pgdesk::test::profile());
        {
            TableDesigner d(pool, m_schema, QStringLiteral("items"));
            QAbstractItemModelTester tester(d.columnsModel(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
            waitLoaded(d);
            DesignColumnsModel* m = d.columnsModel();
            QCOMPARE(m->rowCount(), 4);
            QVERIFY(!m->setData(m->index(0, DesignColumnsModel::NotNull), Qt::Checked,
                                Qt::CheckStateRole)); // already
            QVERIFY(m->setData(m->index(1, DesignColumnsModel::Name), QStringLiteral("title")));
            QVERIFY(m->setData(m->index(1, DesignColumnsModel::NotNull), Qt::Checked, Qt::CheckStateRole));
            QVERIFY(m->setData(m->index(2, DesignColumnsModel::Type), QStringLiteral("numeric(12,2)")));
            QVERIFY(
                !m->setData(m->index(2, DesignColumnsModel::Type), QStringLiteral("numeric(12,2)"))); // same
            m->addColumn();
            QVERIFY(m->setData(m->index(4, DesignColumnsModel::Name), QStringLiteral("stock")));
            QVERIFY(m->setData(m->index(4, DesignColumnsModel::Type), QStringLiteral("int")));
            QVERIFY(m->setData(m->index(4, DesignColumnsModel::Default), QStringLiteral("0")));
            m->dropColumn(3);
            QCOMPARE(m->rowState(3), DesignColumnsModel::RowState::Dropped);
            QCOMPARE(d.design().changes.size(), 5); // rename, not null, type, one ADD COLUMN, drop
            QCOMPARE(m->columnNames(), (QStringList{"id", "title", "price", "stock"}));
            m->undo(); // the drop
            QCOMPARE(m->rowState(3), DesignColumnsModel::RowState::Existing);
            m->dropColumn(3);
            const QString sql = d.sqlView()->toPlainText();
            QVERIFY2(sql.contains(QStringLiteral("RENAME COLUMN \"name\" TO \"title\"")), qPrintable(sql));
            QVERIFY2(sql.contains(QStringLiteral("ADD COLUMN \"stock\" int DEFAULT 0")), qPrintable(sql));
            QVERIFY2(sql.contains(QStringLiteral("VALIDATE CONSTRAINT")), qPrintable(sql));
            QSignalSpy previewed(&d, &TableDesigner::previewed);
            QVERIFY(previewed.wait(10000));
            LockAnalysisModel* locks = d.lockView()->model();
            QAbstractItemModelTester lockTester(locks,
                                                QAbstractItemModelTester::FailureReportingMode::QtTest);
            bool exclusive = false;
            for (int r = 0; r < locks->rowCount(); ++r)
                exclusive = exclusive || locks->index(r, LockAnalysisModel::Lock).data() ==
                                             QStringLiteral("ACCESS EXCLUSIVE");
            QVERIFY(exclusive);
            QVERIFY2(
                d.lockView()->summaryText().contains(QStringLiteral("7 statements block reads and writes")),
                qPrintable(d.lockView()->summaryText()));
        }
        // A designer opened again (as after a restart) finds the staged design.
        TableDesigner d(pool, m_schema, QStringLiteral("items"));
        waitLoaded(d);
        QCOMPARE(d.design().changes.size(), 5);
        QVERIFY2(d.stateText().contains(QStringLiteral("kept")), qPrintable(d.stateText()));
        QSignalSpy finished(&d, &TableDesigner::applyFinished);
        QSignalSpy applied(&d, &TableDesigner::applied);
        d.apply();
        QDialog* confirm = confirmDialog(d);
        QVERIFY(confirm);
        QPushButton* ok = confirm->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        const QList<QCheckBox*> boxes = confirm->findChildren<QCheckBox*>();
        QCOMPARE(boxes.size(), 2); // the type change and the drop, each on its own
        QVERIFY(!ok->isEnabled());
        boxes[0]->setChecked(true);
        QVERIFY(!ok->isEnabled());
        boxes[1]->setChecked(true);
        ok->click();
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(applied.size(), 1);
        QCOMPARE(columns(QStringLiteral("items")),
                 QStringLiteral("id:integer!,title:text!,price:numeric(12,2),stock:integer"));
        waitLoaded(d); // read again: nothing staged
        QVERIFY(d.design().changes.isEmpty());
        QCOMPARE(d.columnsModel()->rowCount(), 4);
    }

    // Row security in the designer: the switches and the server's policies listed; an edit of roles is one
    // ALTER POLICY, a changed command a drop and a create; a new policy from the dialog (whose clauses follow
    // the command and whose OK waits for a valid policy); a drop; Undo; applied, the catalog has the design.
    void rowSecurityPage() {
        auto pool = pgdesk::core::Pool::create(pgdesk::test::profile());
        TableDesigner d(pool, m_schema, QStringLiteral("secured"));
        waitLoaded(d);
        pgdesk::ui::DesignPoliciesPage* page = d.policiesPage();
        QTreeWidget* list = page->list();
        QCOMPARE(list->topLevelItemCount(), 2);
        QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("read own"));
        QCOMPARE(list->topLevelItem(0)->text(3), QStringLiteral("PUBLIC"));
        QVERIFY(!page->enabledBox()->isChecked());

        page->enabledBox()->setChecked(true);
        QCOMPARE(d.design().changes.size(), 1);
        page->enabledBox()->setChecked(false); // back to the server's: nothing staged
        QVERIFY(d.design().changes.isEmpty());
        page->enabledBox()->setChecked(true);

        pgdesk::core::RowPolicy readOwn = pgdesk::core::RowPolicy{QStringLiteral("read own"),
                                                                  true,
                                                                  {QStringLiteral("postgres")},
                                                                  QStringLiteral("SELECT"),
                                                                  QStringLiteral("(owner = CURRENT_USER)"),
                                                                  {}};
        page->editPolicy(0, readOwn);
        QCOMPARE(list->topLevelItem(0)->text(6), QStringLiteral("changed"));
        QCOMPARE(list->topLevelItem(0)->text(3), QStringLiteral("postgres"));
        pgdesk::core::RowPolicy tidy{
            QStringLiteral("tidy"),     false, {}, QStringLiteral("ALL"), QStringLiteral("id > 0"),
            QStringLiteral("id < 1000")};
        page->editPolicy(1, tidy); // AS and FOR change: drop and create
        QCOMPARE(list->topLevelItemCount(), 3);
        QCOMPARE(list->topLevelItem(1)->text(6), QStringLiteral("dropped"));
        QCOMPARE(list->topLevelItem(2)->text(6), QStringLiteral("new"));
        QCOMPARE(list->topLevelItem(2)->text(1), QStringLiteral("restrictive"));

        // The dialog: INSERT takes no USING, a fragment leaving its parentheses is refused before OK.
        pgdesk::ui::PolicyDialog dialog(pgdesk::core::RowPolicy{}, QStringLiteral("\"s\".\"secured\""));
        QVERIFY(!dialog.okButton()->isEnabled()); // no name
        dialog.findChild<QLineEdit*>(QStringLiteral("policyName"))->setText(QStringLiteral("add's"));
        auto* command = dialog.findChild<QComboBox*>(QStringLiteral("policyCommand"));
        command->setCurrentText(QStringLiteral("INSERT"));
        auto* usingEdit = dialog.findChild<QPlainTextEdit*>(QStringLiteral("policyUsing"));
        auto* check = dialog.findChild<QPlainTextEdit*>(QStringLiteral("policyCheck"));
        QVERIFY(!usingEdit->isEnabled());
        check->setPlainText(QStringLiteral("true) TO x USING (true"));
        QVERIFY(!dialog.okButton()->isEnabled());
        check->setPlainText(QStringLiteral("owner = current_user"));
        dialog.findChild<QLineEdit*>(QStringLiteral("policyRoles"))->setText(QStringLiteral("postgres"));
        QVERIFY(dialog.okButton()->isEnabled());
        QCOMPARE(dialog.previewText(),
                 QStringLiteral("CREATE POLICY \"add's\" ON \"s\".\"secured\" AS PERMISSIVE FOR INSERT TO "
                                "\"postgres\" WITH CHECK (owner = current_user);"));
        page->addPolicy(dialog.policy());
        page->addPolicy(
            pgdesk::core::RowPolicy{QStringLiteral("undone"), true, {}, QStringLiteral("ALL"), {}, {}});
        QCOMPARE(list->topLevelItemCount(), 5);
        d.undo();
        QCOMPARE(list->topLevelItemCount(), 4);
        page->dropPolicy(3); // the staged one is unstaged
        QCOMPARE(list->topLevelItemCount(), 3);
        page->addPolicy(dialog.policy());

        if (const QByteArray dir = qgetenv("PGDESK_SCREENSHOT_DIR"); !dir.isEmpty()) {
            d.findChild<QTabWidget*>()->setCurrentWidget(page);
            d.resize(1000, 520);
            d.show();
            QTest::qWait(300);
            d.grab().save(QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("row-security.png")));
            d.hide();
        }
        const QString sql = d.sqlView()->toPlainText();
        QVERIFY2(sql.contains(QStringLiteral("ENABLE ROW LEVEL SECURITY")), qPrintable(sql));
        QVERIFY2(
            sql.contains(QStringLiteral("ALTER POLICY \"read own\" ON \"%1\".\"secured\" TO \"postgres\"")
                             .arg(m_schema)),
            qPrintable(sql));
        QVERIFY2(sql.contains(QStringLiteral("DROP POLICY \"tidy\"")), qPrintable(sql));
        QSignalSpy finished(&d, &TableDesigner::applyFinished);
        d.apply();
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(
            psqlValue(QStringLiteral("select relrowsecurity || ':' || string_agg(policyname || '/' || "
                                     "permissive || '/' || cmd || '/' || array_to_string(roles, ','), ' ' "
                                     "order by policyname) from pg_policies p join pg_class c on "
                                     "c.oid = '%1.secured'::regclass where schemaname = '%1' and "
                                     "tablename = 'secured' group by relrowsecurity")
                          .arg(m_schema)),
            QStringLiteral("true:add's/PERMISSIVE/INSERT/postgres read own/PERMISSIVE/SELECT/postgres "
                           "tidy/RESTRICTIVE/ALL/public"));
        waitLoaded(d);
        QVERIFY(d.design().changes.isEmpty());
        QCOMPARE(list->topLevelItemCount(), 3);
        QVERIFY(page->enabledBox()->isChecked());
        page->dropPolicy(2);
        QCOMPARE(list->topLevelItem(2)->text(6), QStringLiteral("dropped"));
        page->dropPolicy(2); // dropped again: kept
        QVERIFY(d.design().changes.isEmpty());
    }

    void newTableWithKey() {
        TableDesigner d(pgdesk::core::Pool::create(pgdesk::test::profile()), m_schema, QString());
        waitLoaded(d);
        d.nameEdit()->setText(QStringLiteral("fresh \"one\""));
        emit d.nameEdit()->editingFinished();
        DesignColumnsModel* m = d.columnsModel();
        QCOMPARE(m->rowCount(), 1);
        QVERIFY(m->setData(m->index(0, DesignColumnsModel::Name), QStringLiteral("id")));
        QVERIFY(m->setData(m->index(0, DesignColumnsModel::Type), QStringLiteral("bigint")));
        QVERIFY(m->setData(m->index(0, DesignColumnsModel::Identity), QStringLiteral("always")));
        m->addColumn();
        QVERIFY(m->setData(m->index(1, DesignColumnsModel::Name), QStringLiteral("label")));
        QVERIFY(m->setData(m->index(1, DesignColumnsModel::Collation), QStringLiteral("C")));
        m->addColumn();
        QVERIFY(m->setData(m->index(2, DesignColumnsModel::Name), QStringLiteral("during")));
        QVERIFY(m->setData(m->index(2, DesignColumnsModel::Type), QStringLiteral("int4range")));
        m->addColumn();
        QVERIFY(m->setData(m->index(3, DesignColumnsModel::Name), QStringLiteral("twice")));
        QVERIFY(m->setData(m->index(3, DesignColumnsModel::Type), QStringLiteral("bigint")));
        QVERIFY(m->setData(m->index(3, DesignColumnsModel::Generated), QStringLiteral("id * 2")));
        // The key dialogs: an exclusion constraint, and a foreign key's table picked from the database's.
        pgdesk::ui::KeyDialog exclusion(pgdesk::ui::KeyDialog::Exclusion, m->columnNames(), false);
        exclusion.expressionEdit()->setText(QStringLiteral("during WITH &&"));
        d.addConstraint(exclusion.constraint());
        pgdesk::ui::KeyDialog fk(pgdesk::ui::KeyDialog::ForeignKey, m->columnNames(), false,
                                 {m_schema + QStringLiteral(".items"), m_schema + QStringLiteral(".busy")});
        QCOMPARE(fk.findChild<QComboBox*>(QStringLiteral("keyReferencedTable"))->count(), 2);
        fk.findChild<QComboBox*>(QStringLiteral("keyReferencedTable"))->setCurrentIndex(0);
        QCOMPARE(fk.constraint().refTable, QStringLiteral("items"));
        QCOMPARE(fk.constraint().refSchema, m_schema);
        pgdesk::core::ConstraintSpec pk;
        pk.columns = {QStringLiteral("id")};
        d.addConstraint(pk);
        pgdesk::core::IndexSpec index;
        index.columns = {QStringLiteral("label")};
        d.addIndex(index);
        QVERIFY2(d.sqlView()->toPlainText().startsWith(QStringLiteral("CREATE TABLE")),
                 qPrintable(d.sqlView()->toPlainText()));
        QSignalSpy finished(&d, &TableDesigner::applyFinished);
        d.applyButton()->click();
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(d.stateText()));
        QCOMPARE(columns(QStringLiteral("\"fresh \"\"one\"\"\"")),
                 QStringLiteral("id:bigint!,label:text,during:int4range,twice:bigint"));
        QCOMPARE(
            psqlValue(QStringLiteral(
                          "select string_agg(attidentity::text || attgenerated::text || coalesce(collname, "
                          "'-'), ',' order by attnum) from pg_attribute left join pg_collation c on c.oid = "
                          "attcollation where attrelid = '%1.\"fresh \"\"one\"\"\"'::regclass and attnum > 0")
                          .arg(m_schema)),
            QStringLiteral("a-,C,-,s-"));
        QCOMPARE(
            psqlValue(
                QStringLiteral(
                    "select count(*) from pg_index where indrelid = '%1.\"fresh \"\"one\"\"\"'::regclass")
                    .arg(m_schema)),
            QStringLiteral("3")); // the key, the index, the exclusion
    }

    void busyTableKeepsTheDesign() {
        auto reader = pgdesk::core::Connection::open(pgdesk::test::profile());
        reader.exec(QStringLiteral("begin"));
        reader.exec(QStringLiteral("select count(*) from %1.busy").arg(m_schema));
        TableDesigner d(pgdesk::core::Pool::create(pgdesk::test::profile()), m_schema,
                        QStringLiteral("busy"));
        waitLoaded(d);
        d.findChild<QSpinBox*>(QStringLiteral("designLockTimeout"))->setValue(300);
        DesignColumnsModel* m = d.columnsModel();
        QVERIFY(m->setData(m->index(1, DesignColumnsModel::Name), QStringLiteral("w")));
        QSignalSpy finished(&d, &TableDesigner::applyFinished);
        d.apply();
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY2(d.stateText().contains(QStringLiteral("busy")), qPrintable(d.stateText()));
        QVERIFY2(d.stateText().contains(QString::number(reader.backendPid())), qPrintable(d.stateText()));
        QCOMPARE(d.design().changes.size(), 1);
        reader.exec(QStringLiteral("rollback"));
        QCOMPARE(columns(QStringLiteral("busy")), QStringLiteral("id:integer!,v:text"));
    }

    void productionWritesOnlyWhenUnlocked() {
        auto profile = pgdesk::test::profile();
        profile.environment = pgdesk::core::Environment::Production;
        TableDesigner d(pgdesk::core::Pool::create(profile), m_schema, QStringLiteral("busy"));
        waitLoaded(d);
        QVERIFY(d.unlockButton()->isGuarded());
        QVERIFY(!d.lockView()->traceButton()->isEnabled());
        DesignColumnsModel* m = d.columnsModel();
        QVERIFY(m->setData(m->index(1, DesignColumnsModel::Comment), QStringLiteral("prod")));
        QSignalSpy finished(&d, &TableDesigner::applyFinished);
        d.apply();
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY2(d.stateText().contains(QStringLiteral("production")), qPrintable(d.stateText()));
        QCOMPARE(psqlValue(QStringLiteral("select coalesce(col_description('%1.busy'::regclass, 2), 'none')")
                               .arg(m_schema)),
                 QStringLiteral("none"));
        d.unlockButton()->setUnlocked(true);
        d.apply();
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.last().first().toBool(), qPrintable(d.stateText()));
        QCOMPARE(psqlValue(QStringLiteral("select col_description('%1.busy'::regclass, 2)").arg(m_schema)),
                 QStringLiteral("prod"));
    }

    // The matrix: a tick is a GRANT, applied; the cell then reads what has_table_privilege says.
    void privilegeMatrix() {
        const QString role = QStringLiteral("tst_td_role_%1").arg(QCoreApplication::applicationPid());
        pgdesk::test::psql(QStringLiteral("drop role if exists %1; create role %1").arg(role));
        pgdesk::core::PrivilegeTarget target;
        target.schema = m_schema;
        target.name = QStringLiteral("items");
        pgdesk::ui::PrivilegesView view(pgdesk::core::Pool::create(pgdesk::test::profile()), target);
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&view, &pgdesk::ui::PrivilegesView::loaded);
        QVERIFY(loaded.wait(10000));
        const int row = int(view.model()->matrix().roles.indexOf(role));
        QVERIFY(row >= 0);
        const QModelIndex select = view.model()->index(row, 0); // SELECT
        QCOMPARE(select.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        QVERIFY(view.model()->setData(select, Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(view.statements(),
                 QStringList{
                     QStringLiteral("GRANT SELECT ON TABLE \"%1\".\"items\" TO \"%2\"").arg(m_schema, role)});
        QSignalSpy finished(&view, &pgdesk::ui::PrivilegesView::applyFinished);
        view.applyButton()->click();
        QVERIFY(finished.wait(10000));
        QVERIFY(finished.first().first().toBool());
        QVERIFY(loaded.wait(10000));
        QCOMPARE(
            psqlValue(
                QStringLiteral("select has_table_privilege('%1', '%2.items', 'SELECT')").arg(role, m_schema)),
            QStringLiteral("t"));
        QCOMPARE(view.model()->index(row, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QVERIFY(view.statements().isEmpty());
        pgdesk::test::psql(QStringLiteral("drop owned by %1; drop role %1").arg(role));
    }

    // The role editor: a role created with a password logs in with it; no statement the pool sent (the SQL
    // log's source) holds the password; attributes change; the role is dropped after its question.
    void roleEditor() {
        const QString name = QStringLiteral("tst_td_login_%1").arg(QCoreApplication::applicationPid());
        const QString password = QStringLiteral("pw'%1-ü").arg(QCoreApplication::applicationPid());
        pgdesk::test::psql(QStringLiteral("drop role if exists %1").arg(name));
        auto pool = pgdesk::core::Pool::create(pgdesk::test::profile());
        QStringList sent;
        pool->setStatementObserver(
            [&sent](const QString& sql, const QList<QString>& params) { sent << sql << params; });
        pgdesk::ui::RolesView view(pool);
        QSignalSpy loaded(&view, &pgdesk::ui::RolesView::loaded);
        QVERIFY(loaded.wait(10000));
        QSignalSpy changed(&view, &pgdesk::ui::RolesView::changeFinished);
        pgdesk::core::RoleSpec spec;
        spec.name = name;
        spec.login = true;
        spec.connectionLimit = 2;
        view.applyRole(std::nullopt, spec, password);
        QVERIFY(changed.wait(10000));
        QVERIFY2(changed.first().first().toBool(), qPrintable(view.stateText()));
        auto profile = pgdesk::test::profile();
        profile.user = name;
        QCOMPARE(pgdesk::core::Connection::open(profile, password)
                     .exec(QStringLiteral("select current_user"))
                     .text(0, 0),
                 name);
        for (const QString& s : std::as_const(sent))
            QVERIFY2(!s.contains(password), qPrintable(s));
        QVERIFY(loaded.wait(10000));
        pgdesk::core::RoleSpec more = spec;
        more.createDb = true;
        view.applyRole(spec, more, QString());
        QVERIFY(changed.wait(10000));
        QCOMPARE(psqlValue(QStringLiteral(
                               "select rolcreatedb::text || rolconnlimit from pg_roles where rolname = '%1'")
                               .arg(name)),
                 QStringLiteral("true2"));
        QVERIFY(loaded.wait(10000));
        // Memberships: made a member of pg_monitor with the admin option, then not.
        view.changeMembership(true, QStringLiteral("pg_monitor"), name, true);
        QVERIFY(changed.wait(10000));
        QCOMPARE(
            psqlValue(QStringLiteral("select admin_option from pg_auth_members where member = '%1'::regrole")
                          .arg(name)),
            QStringLiteral("t"));
        QVERIFY(loaded.wait(10000));
        view.changeMembership(false, QStringLiteral("pg_monitor"), name, false);
        QVERIFY(changed.wait(10000));
        QCOMPARE(psqlValue(QStringLiteral("select count(*) from pg_auth_members where member = '%1'::regrole")
                               .arg(name)),
                 QStringLiteral("0"));
        QVERIFY(loaded.wait(10000));
        QVERIFY(view.selectRole(name));
        view.dropRole();
        QMessageBox* question = nullptr;
        QTRY_VERIFY((question = view.findChild<QMessageBox*>(QStringLiteral("dropRoleQuestion"))));
        for (QAbstractButton* b : question->buttons())
            if (question->buttonRole(b) == QMessageBox::DestructiveRole)
                b->click();
        QVERIFY(changed.wait(10000));
        QCOMPARE(psqlValue(QStringLiteral("select count(*) from pg_roles where rolname = '%1'").arg(name)),
                 QStringLiteral("0"));
    }

    void summaryWords() {
        pgdesk::core::StatementLocks s;
        s.recognized = true;
        s.locks = {{QStringLiteral("public.t"), pgdesk::core::LockMode::AccessExclusive, 1 << 30}};
        s.rewrites = {QStringLiteral("public.t")};
        s.seconds = 10.2;
        pgdesk::core::StatementLocks outside;
        outside.recognized = true;
        outside.transactional = false;
        const QString text = LockAnalysisModel::summary({s, outside}, false);
        QCOMPARE(text,
                 QStringLiteral("2 statements; 1 statement blocks reads and writes of a table; 1 statement "
                                "rewrites a table; about 10 s of rewriting and scanning; 1 cannot run in a "
                                "transaction block."));
    }
};

PGDESK_UI_TEST_MAIN(TestTableDesigner)
#include "tst_tabledesigner.moc"
