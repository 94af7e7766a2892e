// SPDX-License-Identifier: GPL-3.0-or-later
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/admin/backupdialog.h>
#include <pgdesk/ui/admin/maintenancedialog.h>
#include <pgdesk/ui/admin/restoredialog.h>
#include <pgdesk/ui/browse/filterbar.h>
#include <pgdesk/ui/browse/tablebrowser.h>
#include <pgdesk/ui/common/productionconfirmdialog.h>
#include <pgdesk/ui/common/translations.h>
#include <pgdesk/ui/common/uisettings.h>
#include <pgdesk/ui/connect/connectiondialog.h>
#include <pgdesk/ui/connect/profileeditor.h>
#include <pgdesk/ui/edit/tableeditor.h>
#include <pgdesk/ui/shell/aboutdialog.h>
#include <pgdesk/ui/shell/mainwindow.h>
#include <pgdesk/ui/shell/preferencesdialog.h>
#include <pgdesk/ui/transfer/exportdialog.h>

#include <QApplication>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <memory>

using pgdesk::ui::installTranslations;
using pgdesk::ui::TableBrowser;

// The translations are built in and take over the whole UI: German and Persian text, Qt's own buttons
// with them, and Persian mirrored right to left (grid, filter bar, dialogs).
class TestTranslations final : public QObject {
    Q_OBJECT

    std::shared_ptr<pgdesk::core::Pool> m_pool;

    static QStringList menuTitles(const pgdesk::ui::MainWindow& w) {
        QStringList titles;
        for (QAction* a : w.menuBar()->actions())
            titles << a->text();
        return titles;
    }
    std::unique_ptr<TableBrowser> openCustomer() {
        auto b = std::make_unique<TableBrowser>(m_pool, QStringLiteral("public"), QStringLiteral("customer"));
        QSignalSpy loaded(b.get(), &TableBrowser::pageLoaded);
        if (!loaded.wait(15000))
            return nullptr;
        return b;
    }

private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("pgdesk"));
        QCoreApplication::setApplicationName(QStringLiteral("pgdesk"));
        m_pool = pgdesk::core::Pool::create(pgdesk::test::profile());
    }
    void cleanup() { installTranslations(QStringLiteral("en")); }

    void builtIn() {
        for (const QString& language : pgdesk::ui::UiSettings::languages())
            QVERIFY2(QFile::exists(QStringLiteral(":/i18n/pgdesk_%1.qm").arg(language)),
                     qPrintable(language));
        QVERIFY(!installTranslations(QStringLiteral("xx")));
    }

    // English is the source language; its plural forms are installed in every program on start.
    void englishPlurals() {
        QCOMPARE(pgdesk::ui::TableEditor::tr("%1 staged change(s)", nullptr, 1),
                 QStringLiteral("%1 staged change"));
        QCOMPARE(pgdesk::ui::TableEditor::tr("%1 staged change(s)", nullptr, 3),
                 QStringLiteral("%1 staged changes"));
        QCOMPARE(pgdesk::ui::TableBrowser::tr("%n rows", nullptr, 1), QStringLiteral("1 row"));
    }

    // No dialog shows a literal "&": a label's mnemonic needs a buddy (QFormLayout::addRow gives one only
    // to a single widget), and a title or plain text has none, in every language.
    void noLiteralAmpersands() {
        const auto literal = [](const QString& text) {
            QString t = text;
            t.replace(QStringLiteral("&&"), QString());
            return t.contains(QLatin1Char('&'));
        };
        const QStringList languages = pgdesk::ui::UiSettings::languages();
        QVERIFY(languages.contains(QStringLiteral("de")) && languages.contains(QStringLiteral("fa")));
        for (const QString& language : languages) {
            QVERIFY(installTranslations(language));
            std::vector<std::unique_ptr<QWidget>> dialogs;
            dialogs.emplace_back(std::make_unique<pgdesk::ui::BackupDialog>(m_pool));
            dialogs.emplace_back(std::make_unique<pgdesk::ui::RestoreDialog>(m_pool));
            dialogs.emplace_back(std::make_unique<pgdesk::ui::ProfileEditor>());
            dialogs.emplace_back(std::make_unique<pgdesk::ui::ConnectionDialog>());
            dialogs.emplace_back(std::make_unique<pgdesk::ui::PreferencesDialog>());
            dialogs.emplace_back(std::make_unique<pgdesk::ui::AboutDialog>(pgdesk::ui::SessionDiagnostics{}));
            dialogs.emplace_back(std::make_unique<pgdesk::ui::MaintenanceDialog>(
                pgdesk::test::profile(), std::nullopt, QStringLiteral("public"), QStringLiteral("customer")));
            dialogs.emplace_back(std::make_unique<pgdesk::ui::ProductionConfirmDialog>(QStringLiteral("db"),
                                                                                       QStringLiteral("x")));
            dialogs.emplace_back(
                std::make_unique<pgdesk::ui::ExportDialog>(m_pool, pgdesk::core::QuerySpec{}));
            for (const auto& dialog : dialogs) {
                dialog->show();
                QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
                QVERIFY2(!literal(dialog->windowTitle()), qPrintable(language + dialog->windowTitle()));
                for (QLabel* label : dialog->findChildren<QLabel*>()) {
                    if (label->textFormat() == Qt::RichText || Qt::mightBeRichText(label->text()))
                        continue;
                    QVERIFY2(
                        !literal(label->text()) || label->buddy(),
                        qPrintable(QStringLiteral("%1 %2: \"%3\"")
                                       .arg(language, QString::fromLatin1(dialog->metaObject()->className()),
                                            label->text())));
                }
                dialog->hide();
            }
        }
    }

    void german() {
        QVERIFY(installTranslations(QStringLiteral("de")));
        QCOMPARE(QGuiApplication::layoutDirection(), Qt::LeftToRight);
        pgdesk::ui::MainWindow window;
        const QStringList menus = menuTitles(window);
        QVERIFY2(menus.contains(QStringLiteral("&Datei")) && menus.contains(QStringLiteral("&Bearbeiten")),
                 qPrintable(menus.join(QLatin1Char(' '))));
        QCOMPARE(window.connectionStatus(), QStringLiteral("Nicht verbunden"));
        QCOMPARE(pgdesk::ui::TableEditor::tr("%1 staged change(s)", nullptr, 1),
                 QStringLiteral("%1 vorgemerkte Änderung"));
        QCOMPARE(pgdesk::ui::TableEditor::tr("%1 staged change(s)", nullptr, 2),
                 QStringLiteral("%1 vorgemerkte Änderungen"));
        // Qt's own strings come with it (qtbase_de.qm).
        pgdesk::ui::PreferencesDialog dialog;
        auto* cancel = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Cancel);
        QCOMPARE(cancel->text().remove(QLatin1Char('&')), QStringLiteral("Abbrechen"));
        QCOMPARE(QLocale().language(), QLocale::German);
    }

    void persianMirrors() {
        QVERIFY(installTranslations(QStringLiteral("fa")));
        QCOMPARE(QGuiApplication::layoutDirection(), Qt::RightToLeft);
        pgdesk::ui::MainWindow window;
        QVERIFY2(menuTitles(window).contains(QStringLiteral("&پرونده")),
                 qPrintable(menuTitles(window).join(' ')));
        auto b = openCustomer();
        QVERIFY(b);
        b->resize(1000, 600);
        b->show();
        QVERIFY(QTest::qWaitForWindowExposed(b.get()));
        QVERIFY(b->isRightToLeft());
        // The grid: row numbers on the right, the first column right of the second.
        QTableView* view = b->view();
        QVERIFY(view->verticalHeader()->geometry().left() > view->viewport()->geometry().left());
        QVERIFY(view->columnViewportPosition(0) > view->columnViewportPosition(1));
        // The filter bar: the quick search starts on the right half.
        QLineEdit* search = b->filterBar()->searchEdit();
        QVERIFY(search->isRightToLeft());
        QVERIFY2(search->mapTo(b.get(), QPoint(search->width(), 0)).x() > b->width() / 2,
                 qPrintable(QString::number(search->mapTo(b.get(), QPoint(0, 0)).x())));
        // A dialog: labels right of their fields.
        pgdesk::ui::PreferencesDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* nullText = dialog.findChild<QLineEdit*>(QStringLiteral("nullText"));
        QLabel* label = nullptr;
        for (auto* l : dialog.findChildren<QLabel*>())
            if (l->buddy() == nullText)
                label = l;
        QVERIFY(label);
        QVERIFY(label->geometry().left() > nullText->geometry().left());
        QVERIFY(!label->text().contains(QLatin1String("NULL shown")));
        installTranslations(QStringLiteral("en"));
        QCOMPARE(QGuiApplication::layoutDirection(), Qt::LeftToRight);
    }
};

PGDESK_UI_TEST_MAIN(TestTranslations)
#include "tst_translations.moc"
