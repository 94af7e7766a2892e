// SPDX-License-Identifier: GPL-3.0-or-later
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/browse/filterbar.h>
#include <pgdesk/ui/browse/tablebrowser.h>
#include <pgdesk/ui/connect/connectiondialog.h>
#include <pgdesk/ui/connect/passwordprompt.h>
#include <pgdesk/ui/edit/batchdialog.h>
#include <pgdesk/ui/edit/valueeditordialog.h>
#include <pgdesk/ui/query/querytool.h>
#include <pgdesk/ui/shell/mainwindow.h>
#include <pgdesk/ui/shell/preferencesdialog.h>
#include <pgdesk/ui/transfer/exportdialog.h>

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// Every control of the main windows and dialogs has a name a screen reader can say (its accessible name,
// its label's text through the label's buddy, or its own text), and Tab reaches every control of a dialog.
class TestAccessibility final : public QObject {
    Q_OBJECT

    std::shared_ptr<pgdesk::core::Pool> m_pool;
    QTemporaryDir m_dir;

    // Parts of a composite control (a combo's line edit and list, a spin box's line edit, a view's
    // viewport, headers and scroll bars) are announced through their control.
    static bool isPart(QWidget* w) {
        if (qobject_cast<QHeaderView*>(w) || qobject_cast<QScrollBar*>(w) || qobject_cast<QTabBar*>(w))
            return true;
        for (QWidget* p = w->parentWidget(); p; p = p->parentWidget()) {
            if (qobject_cast<QComboBox*>(p) || qobject_cast<QAbstractSpinBox*>(p))
                return true;
            if (p->isWindow())
                break;
        }
        if (auto* area = qobject_cast<QAbstractScrollArea*>(w->parentWidget()); area && area->viewport() == w)
            return true;
        return w->inherits("QComboBoxPrivateContainer");
    }
    static bool isControl(QWidget* w) { return (w->focusPolicy() & Qt::TabFocus) && !isPart(w); }
    static QString describe(QWidget* w) {
        return QStringLiteral("%1 \"%2\"").arg(QLatin1String(w->metaObject()->className()), w->objectName());
    }
    static bool meaningful(const QString& text) {
        return std::any_of(text.begin(), text.end(), [](QChar c) { return c.isLetter(); });
    }
    // What assistive technology announces: the accessible name, else a label pointing at the control
    // (its buddy: the "labelled by" relation), else the control's own text. Not for combo boxes: on
    // Linux their accessible "name" is just the current item.
    static bool hasName(QWidget* w) {
        if (meaningful(w->accessibleName()))
            return true;
        QAccessibleInterface* a = QAccessible::queryAccessibleInterface(w);
        if (!a)
            return false;
        for (const auto& [other, relation] : a->relations(QAccessible::Label)) {
            if (meaningful(other->text(QAccessible::Name)))
                return true;
        }
        return !qobject_cast<QComboBox*>(w) && meaningful(a->text(QAccessible::Name));
    }
    // The controls under `root` without a meaningful name (glyphs like ▶ or |◀ say nothing).
    static QStringList unnamed(QWidget* root) {
        QStringList missing;
        for (QWidget* w : root->findChildren<QWidget*>()) {
            if (!isControl(w) || w->window() != root->window())
                continue;
            if (!hasName(w))
                missing << describe(w);
        }
        return missing;
    }
    // Tab from the first control around the whole dialog: every visible, enabled control is reached.
    static QStringList unreachable(QWidget* dialog) {
        QSet<QWidget*> reached;
        for (int i = 0; i < 200; ++i) {
            QWidget* focus = QApplication::focusWidget();
            if (!focus)
                return {QStringLiteral("nothing has the focus")};
            reached.insert(focus);
            QTest::keyClick(focus, Qt::Key_Tab);
        }
        QStringList missing;
        for (QWidget* w : dialog->findChildren<QWidget*>()) {
            if (isControl(w) && w->isVisible() && w->isEnabled() && !reached.contains(w) &&
                !(w->focusProxy() && reached.contains(w->focusProxy())))
                missing << describe(w);
        }
        return missing;
    }
    static void showActive(QWidget* w) {
        w->show();
        w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w));
    }
    std::unique_ptr<pgdesk::ui::TableBrowser> openTable(const QString& name) {
        auto b = std::make_unique<pgdesk::ui::TableBrowser>(m_pool, QStringLiteral("public"), name);
        QSignalSpy loaded(b.get(), &pgdesk::ui::TableBrowser::pageLoaded);
        if (!loaded.wait(15000))
            return nullptr;
        return b;
    }

private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("pgdesk"));
        QCoreApplication::setApplicationName(QStringLiteral("pgdesk"));
        QVERIFY(m_dir.isValid());
        m_pool = pgdesk::core::Pool::create(pgdesk::test::profile());
    }

    void preferences() {
        pgdesk::ui::PreferencesDialog dialog;
        QVERIFY2(unnamed(&dialog).isEmpty(), qPrintable(unnamed(&dialog).join(QStringLiteral("; "))));
        showActive(&dialog);
        const QStringList missing = unreachable(&dialog);
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral("; "))));
    }

    void connectionManager() {
        pgdesk::ui::ConnectionDialog dialog(nullptr, m_dir.filePath(QStringLiteral("profiles.json")));
        dialog.newProfile();
        QVERIFY2(unnamed(&dialog).isEmpty(), qPrintable(unnamed(&dialog).join(QStringLiteral("; "))));
        showActive(&dialog);
        const QStringList missing = unreachable(&dialog);
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral("; "))));
    }

    void tableBrowserAndFilterBar() {
        auto b = openTable(QStringLiteral("customer"));
        QVERIFY(b);
        b->filterBar()->addEmptyCondition();
        b->filterBar()->addEmptyCondition();
        QVERIFY2(unnamed(b.get()).isEmpty(), qPrintable(unnamed(b.get()).join(QStringLiteral("; "))));
    }

    void exportAndBatch() {
        auto b = openTable(QStringLiteral("customer"));
        QVERIFY(b);
        pgdesk::ui::ExportDialog exporter(m_pool, b->spec());
        QVERIFY2(unnamed(&exporter).isEmpty(), qPrintable(unnamed(&exporter).join(QStringLiteral("; "))));
        pgdesk::ui::BatchDialog* batch = b->openBatchDialog();
        QVERIFY(batch);
        QVERIFY2(unnamed(batch).isEmpty(), qPrintable(unnamed(batch).join(QStringLiteral("; "))));
        showActive(batch);
        const QStringList missing = unreachable(batch);
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral("; "))));
        batch->close();
    }

    void queryTool() {
        pgdesk::ui::QueryTool tool(m_pool, QStringLiteral("a11y"), nullptr,
                                   m_dir.filePath(QStringLiteral("history.sqlite")));
        QVERIFY2(unnamed(&tool).isEmpty(), qPrintable(unnamed(&tool).join(QStringLiteral("; "))));
    }

    void smallDialogs() {
        pgdesk::ui::PasswordPrompt prompt(QStringLiteral("Demo"), QStringLiteral("28P01"));
        QVERIFY2(unnamed(&prompt).isEmpty(), qPrintable(unnamed(&prompt).join(QStringLiteral("; "))));
        pgdesk::ui::ValueEditorDialog editor(pgdesk::ui::ValueEditorDialog::Kind::Json, QStringLiteral("doc"),
                                             QStringLiteral("jsonb"), QStringLiteral("{}"));
        QVERIFY2(unnamed(&editor).isEmpty(), qPrintable(unnamed(&editor).join(QStringLiteral("; "))));
    }

    void mainWindow() {
        pgdesk::ui::MainWindow window;
        QVERIFY2(unnamed(&window).isEmpty(), qPrintable(unnamed(&window).join(QStringLiteral("; "))));
    }
};

PGDESK_UI_TEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
