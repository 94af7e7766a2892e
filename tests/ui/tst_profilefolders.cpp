// SPDX-License-Identifier: GPL-3.0-or-later
// The connection manager's folders (a tree over the profiles' folder field; drag onto a folder moves and
// saves; collapsed folders remembered) and its Export… / Import… of profiles without secrets.
#include "uitestmain.h"
#include <pgdesk/core/profiles/profilestore.h>
#include <pgdesk/core/profiles/secretstore.h>
#include <pgdesk/ui/common/uisettings.h>
#include <pgdesk/ui/connect/connectiondialog.h>
#include <pgdesk/ui/connect/profiletreemodel.h>

#include "../../ui/src/connect/profileitemdelegate.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QFile>
#include <QMimeData>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <memory>

using pgdesk::core::ConnectionProfile;
using pgdesk::core::ProfileStore;
using pgdesk::ui::ConnectionDialog;
using pgdesk::ui::ProfileTreeModel;

namespace {

ConnectionProfile profile(const QString& name, const QString& folder) {
    ConnectionProfile p;
    p.name = name;
    p.host = QStringLiteral("db.example");
    p.database = QStringLiteral("app");
    p.folder = folder;
    return p;
}

void resetStore(const QList<ConnectionProfile>& profiles) {
    ProfileStore store;
    for (const auto& p : store.profiles())
        store.remove(p.name);
    for (const auto& p : profiles)
        store.add(p);
    store.save();
}

QString folderOf(const QString& name) {
    return ProfileStore().get(name).folder; // what is on disk
}

} // namespace

class TestProfileFolders final : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("pgdesk"));
        QCoreApplication::setApplicationName(QStringLiteral("pgdesk"));
    }

    void treeOfFolders() {
        ProfileTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProfiles({profile(QStringLiteral("b"), QStringLiteral("Clients/Acme")),
                           profile(QStringLiteral("a"), {}),
                           profile(QStringLiteral("c"), QStringLiteral("Clients"))},
                          {QStringLiteral("Empty")});
        // Top level: folders first (Clients, Empty), then the profile a.
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Clients"));
        QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("Empty"));
        QCOMPARE(model.index(2, 0).data().toString(), QStringLiteral("a"));
        const QModelIndex clients = model.indexOfFolder(QStringLiteral("Clients"));
        QCOMPARE(model.rowCount(clients), 2); // Acme, then c
        const QModelIndex acme = model.indexOfFolder(QStringLiteral("Clients/Acme"));
        QCOMPARE(acme.parent(), clients);
        QCOMPARE(model.indexOfProfile(QStringLiteral("b")).parent(), acme);
        QCOMPARE(model.profileRow(model.indexOfProfile(QStringLiteral("b"))), 0);
        QCOMPARE(model.profileRow(acme), -1);
        QCOMPARE(model.folders(), (QStringList{QStringLiteral("Clients"), QStringLiteral("Clients/Acme"),
                                               QStringLiteral("Empty")}));
        QVERIFY(model.flags(model.indexOfProfile(QStringLiteral("a"))) & Qt::ItemIsDragEnabled);
        QVERIFY(model.flags(acme) & Qt::ItemIsDropEnabled);
        QVERIFY(!(model.flags(model.indexOfProfile(QStringLiteral("a"))) & Qt::ItemIsDropEnabled));
        model.setProfiles({});
        QCOMPARE(model.rowCount(), 0);
    }

    // The environment swatch and the profile's name are side by side, never one over the other, in both
    // reading directions.
    void swatchBesideTheName() {
        ConnectionProfile prod = profile(QStringLiteral("production db"), {});
        prod.environment = pgdesk::core::Environment::Production;
        resetStore({prod});
        for (const Qt::LayoutDirection direction : {Qt::LeftToRight, Qt::RightToLeft}) {
            QApplication::setLayoutDirection(direction);
            ConnectionDialog d;
            d.show();
            QVERIFY(QTest::qWaitForWindowExposed(&d));
            auto* view = d.findChild<QTreeView*>();
            QVERIFY(view);
            auto* delegate = qobject_cast<pgdesk::ui::ProfileItemDelegate*>(view->itemDelegate());
            QVERIFY(delegate);
            const QModelIndex index = d.folders()->indexOfProfile(QStringLiteral("production db"));
            QVERIFY(index.isValid());
            QVERIFY(!index.data(Qt::DecorationRole).value<QIcon>().isNull());
            QStyleOptionViewItem option;
            option.initFrom(view);
            option.widget = view;
            option.rect = view->visualRect(index);
            option.decorationSize = view->iconSize().isValid()
                                        ? view->iconSize()
                                        : QSize(view->style()->pixelMetric(QStyle::PM_SmallIconSize),
                                                view->style()->pixelMetric(QStyle::PM_SmallIconSize));
            option.features |= QStyleOptionViewItem::HasDisplay | QStyleOptionViewItem::HasDecoration;
            QStyleOptionViewItem full = option;
            full.index = index;
            full.icon = index.data(Qt::DecorationRole).value<QIcon>();
            full.text = index.data().toString();
            const QRect swatch =
                view->style()->subElementRect(QStyle::SE_ItemViewItemDecoration, &full, view);
            const QRect text = delegate->textRect(option, index);
            QVERIFY(!swatch.isEmpty());
            QVERIFY2(!text.intersects(swatch), qPrintable(QStringLiteral("text %1,%2 %3 wide; swatch %4,%5")
                                                              .arg(text.left())
                                                              .arg(text.top())
                                                              .arg(text.width())
                                                              .arg(swatch.left())
                                                              .arg(swatch.top())));
            QCOMPARE_GT(text.width(), option.rect.width() / 2);
        }
        QApplication::setLayoutDirection(Qt::LeftToRight);
    }

    // A profile dropped onto a folder is saved there; onto the top level, out of every folder.
    void dropMovesAndSaves() {
        resetStore({profile(QStringLiteral("alpha"), {}),
                    profile(QStringLiteral("beta"), QStringLiteral("Clients"))});
        pgdesk::ui::UiSettings::setEmptyProfileFolders({});
        ConnectionDialog d;
        QAbstractItemModelTester tester(d.folders(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        ProfileTreeModel* model = d.folders();
        const QModelIndex alpha = model->indexOfProfile(QStringLiteral("alpha"));
        std::unique_ptr<QMimeData> data(model->mimeData({alpha}));
        QVERIFY(data);
        const QModelIndex clients = model->indexOfFolder(QStringLiteral("Clients"));
        QVERIFY(model->canDropMimeData(data.get(), Qt::MoveAction, -1, -1, clients));
        QVERIFY(!model->canDropMimeData(data.get(), Qt::MoveAction, -1, -1,
                                        model->indexOfProfile(QStringLiteral("beta"))));
        model->dropMimeData(data.get(), Qt::MoveAction, -1, -1, clients);
        QTRY_COMPARE(folderOf(QStringLiteral("alpha")), QStringLiteral("Clients"));
        QTRY_COMPARE(d.folders()->indexOfProfile(QStringLiteral("alpha")).parent().data().toString(),
                     QStringLiteral("Clients"));
        // Out again, to the top level.
        std::unique_ptr<QMimeData> back(model->mimeData({model->indexOfProfile(QStringLiteral("alpha"))}));
        model->dropMimeData(back.get(), Qt::MoveAction, -1, -1, {});
        QTRY_COMPARE(folderOf(QStringLiteral("alpha")), QString());
        // Renaming a folder moves what is in it.
        QVERIFY(d.renameFolder(QStringLiteral("Clients"), QStringLiteral("Customers")));
        QCOMPARE(folderOf(QStringLiteral("beta")), QStringLiteral("Customers"));
    }

    // A folder collapsed stays collapsed in the next dialog; the others open.
    void collapseRemembered() {
        resetStore({profile(QStringLiteral("one"), QStringLiteral("Kept open")),
                    profile(QStringLiteral("two"), QStringLiteral("Folded"))});
        pgdesk::ui::UiSettings::setCollapsedProfileFolders({});
        {
            ConnectionDialog d;
            d.show();
            QVERIFY(QTest::qWaitForWindowExposed(&d));
            const QModelIndex folded = d.folders()->indexOfFolder(QStringLiteral("Folded"));
            QVERIFY(d.list()->isExpanded(folded));
            d.list()->collapse(folded);
            QCOMPARE(pgdesk::ui::UiSettings::collapsedProfileFolders(),
                     QStringList{QStringLiteral("Folded")});
        }
        ConnectionDialog again;
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QVERIFY(!again.list()->isExpanded(again.folders()->indexOfFolder(QStringLiteral("Folded"))));
        QVERIFY(again.list()->isExpanded(again.folders()->indexOfFolder(QStringLiteral("Kept open"))));
    }

    // Export… writes no password; Import… brings the profiles back (asking nothing when they are new).
    void exportImportWithoutSecrets() {
        ConnectionProfile prod = profile(QStringLiteral("prod"), QStringLiteral("Clients/Acme"));
        prod.environment = pgdesk::core::Environment::Production;
        resetStore({prod});
        const QString secret = QStringLiteral("Pa55-w0rd-secret");
        pgdesk::core::SecretStore::instance().setPassword(QStringLiteral("prod"), secret);
        const QString path = m_dir.filePath(QStringLiteral("profiles.json"));
        {
            ConnectionDialog d;
            QVERIFY(d.exportProfilesTo(path));
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(!text.contains(secret.toUtf8()));
        QVERIFY(!text.contains("password"));
        QVERIFY(text.contains("production"));
        resetStore({});
        ConnectionDialog d;
        QVERIFY(d.importProfilesFrom(path));
        const ConnectionProfile back = ProfileStore().get(QStringLiteral("prod"));
        QCOMPARE(back.environment, pgdesk::core::Environment::Production);
        QCOMPARE(back.folder, QStringLiteral("Clients/Acme"));
        QVERIFY(d.folders()->indexOfProfile(QStringLiteral("prod")).isValid());
        // Existing names: replaced when asked to.
        QVERIFY(d.importProfilesFrom(path, true));
        QCOMPARE(ProfileStore().profiles().size(), 1);
    }
};

PGDESK_UI_TEST_MAIN(TestProfileFolders)
#include "tst_profilefolders.moc"
