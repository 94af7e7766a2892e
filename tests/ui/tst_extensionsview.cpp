// SPDX-License-Identifier: GPL-3.0-or-later
// The extensions view (offscreen, a private cluster): installed first, filtered; hstore installed into a
// hostile schema at an older version through the dialog (the statement shown as it runs), updated to the
// newest; a drop whose dependents (a column of its type, a view) are listed and need CASCADE, cancelled
// with nothing dropped, then dropped with them; production asks for the database's name; the menu.
#include "privatecluster.h"
#include "uitestmain.h"

#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/common/productionconfirmdialog.h>
#include <pgdesk/ui/server/extensionsview.h>
#include <pgdesk/ui/server/replicationview.h>
#include <pgdesk/ui/server/serverfeature.h>
#include <pgdesk/ui/shell/mainwindow.h>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

#include <memory>

using namespace pgdesk;
using namespace pgdesk::ui;

class TestExtensionsView final : public QObject {
    Q_OBJECT

    std::unique_ptr<test::PrivateCluster> m_cluster;

    template <class T> static T* visibleChild(QWidget* parent, const QString& name = {}) {
        for (int i = 0; i < 100; ++i, QTest::qWait(50))
            for (T* c : parent->findChildren<T*>(name))
                if (c->isVisible())
                    return c;
        return nullptr;
    }
    QString installed(const QString& name) {
        return m_cluster
            ->psql(QStringLiteral("select extversion from pg_extension where extname = '%1'").arg(name))
            .trimmed();
    }
    static bool loadedOnce(ExtensionsView& view) {
        QSignalSpy loaded(&view, &ExtensionsView::loaded);
        return loaded.wait(15000);
    }
    static QPushButton* button(ExtensionsView& view, const char* name) {
        return view.findChild<QPushButton*>(QLatin1String(name));
    }
    static void ok(QDialog* dialog) {
        dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
    }

private slots:
    void initTestCase() {
        m_cluster = std::make_unique<test::PrivateCluster>();
        QVERIFY2(m_cluster->isStarted(), qPrintable(m_cluster->error()));
        QVERIFY(!m_cluster->psql(QStringLiteral("create schema \"ext\"\"s\"")).isNull());
    }

    void installUpdateDrop() {
        ExtensionsView view(core::Pool::create(m_cluster->profile()));
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.resize(1000, 600);
        view.show();
        QVERIFY(loadedOnce(view));
        QCOMPARE(view.model()->index(0, 0).data().toString(), QStringLiteral("plpgsql"));
        QVERIFY(view.model()->rowCount() > 20);
        view.filterEdit()->setText(QStringLiteral("(KEY, value)")); // in hstore's description, any case
        QCOMPARE(view.filterModel()->rowCount(), 1);
        QVERIFY(view.select(QStringLiteral("hstore")));
        QVERIFY(button(view, "installExtensionButton")->isEnabled());
        QVERIFY(!button(view, "dropExtensionButton")->isEnabled());
        QSignalSpy applied(&view, &ExtensionsView::applied);

        button(view, "installExtensionButton")->click();
        auto* install = visibleChild<ExtensionDialog>(&view);
        QVERIFY(install);
        install->schemaEdit()->setText(QStringLiteral("ext\"s"));
        install->versionBox()->setEditText(QStringLiteral("1.7"));
        QCOMPARE(install->preview()->toPlainText(),
                 QStringLiteral("CREATE EXTENSION \"hstore\" SCHEMA \"ext\"\"s\" VERSION '1.7';"));
        ok(install);
        QVERIFY(applied.wait(10000));
        QCOMPARE(installed(QStringLiteral("hstore")), QStringLiteral("1.7"));
        QVERIFY(loadedOnce(view));

        QVERIFY(view.select(QStringLiteral("hstore")));
        QVERIFY(button(view, "updateExtensionButton")->isEnabled());
        QVERIFY(view.filterModel()->index(0, 0).data(Qt::ForegroundRole).isValid()); // an update is there
        button(view, "updateExtensionButton")->click();
        auto* update = visibleChild<ExtensionDialog>(&view);
        QVERIFY(update);
        QCOMPARE(update->preview()->toPlainText(),
                 QStringLiteral("ALTER EXTENSION \"hstore\" UPDATE TO '1.8';"));
        ok(update);
        QVERIFY(applied.wait(10000));
        QCOMPARE(installed(QStringLiteral("hstore")), QStringLiteral("1.8"));
        QVERIFY(loadedOnce(view));

        // What depends on it is listed; without CASCADE no statement; cancelled, nothing dropped.
        QVERIFY(!m_cluster
                     ->psql(QStringLiteral("create table kv (id int, attrs \"ext\"\"s\".hstore); "
                                           "create view kv_keys as select \"ext\"\"s\".akeys(attrs) from kv"))
                     .isNull());
        QVERIFY(view.select(QStringLiteral("hstore")));
        button(view, "dropExtensionButton")->click();
        auto* drop = visibleChild<ExtensionDialog>(&view);
        QVERIFY(drop);
        QStringList listed;
        for (int i = 0; i < drop->dependentList()->count(); ++i)
            listed << drop->dependentList()->item(i)->text();
        QVERIFY2(listed.contains(QStringLiteral("column attrs of table kv")), qPrintable(listed.join(", ")));
        QVERIFY2(listed.contains(QStringLiteral("view kv_keys")), qPrintable(listed.join(", ")));
        QVERIFY(!drop->isAcceptable());
        drop->cascadeBox()->setChecked(true);
        QCOMPARE(drop->preview()->toPlainText(), QStringLiteral("DROP EXTENSION \"hstore\" CASCADE;"));
        drop->reject();
        QTest::qWait(200);
        QCOMPARE(installed(QStringLiteral("hstore")), QStringLiteral("1.8"));

        QVERIFY(view.select(QStringLiteral("hstore")));
        button(view, "dropExtensionButton")->click();
        drop = visibleChild<ExtensionDialog>(&view);
        QVERIFY(drop);
        drop->cascadeBox()->setChecked(true);
        ok(drop);
        QVERIFY(applied.wait(10000));
        QCOMPARE(installed(QStringLiteral("hstore")), QString());
        QCOMPARE(m_cluster->psql(QStringLiteral("select count(*) from pg_views where viewname = 'kv_keys'"))
                     .trimmed(),
                 QStringLiteral("0"));
    }

    void productionAsksForTheName() {
        core::ConnectionProfile production = m_cluster->profile();
        production.environment = core::Environment::Production;
        ExtensionsView view(core::Pool::create(production));
        view.show();
        QVERIFY(loadedOnce(view));
        QSignalSpy applied(&view, &ExtensionsView::applied);
        QVERIFY(view.select(QStringLiteral("citext")));
        button(view, "installExtensionButton")->click();
        auto* install = visibleChild<ExtensionDialog>(&view);
        QVERIFY(install);
        ok(install);
        auto* confirm = visibleChild<ProductionConfirmDialog>(&view);
        QVERIFY(confirm);
        QVERIFY(!confirm->isConfirmable());
        confirm->reject();
        QTest::qWait(200);
        QCOMPARE(applied.size(), 0);
        QCOMPARE(installed(QStringLiteral("citext")), QString());
    }

    void menuOpensOneTab() {
        MainWindow window;
        QVERIFY(window.findChild<QAction*>(QStringLiteral("extensionsAction")));
        window.openDsn(QStringLiteral("host=%1 port=%2 user=postgres dbname=postgres")
                           .arg(m_cluster->dir())
                           .arg(m_cluster->port()));
        QTRY_VERIFY_WITH_TIMEOUT(window.connectionStatus().contains(QStringLiteral("PostgreSQL")), 10000);
        ExtensionsView* view = ServerFeature::of(window)->openExtensions();
        QVERIFY(view);
        QCOMPARE(ServerFeature::of(window)->openExtensions(), view);
        window.close();
    }
};

PGDESK_UI_TEST_MAIN(TestExtensionsView)
#include "tst_extensionsview.moc"
