// SPDX-License-Identifier: GPL-3.0-or-later
#include "modelcolumns.h"
#include "scratchschema.h"
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/browse/tablebrowser.h>
#include <pgdesk/ui/common/filechooser.h>
#include <pgdesk/ui/common/theme.h>
#include <pgdesk/ui/common/uisettings.h>
#include <pgdesk/ui/edit/editsession.h>
#include <pgdesk/ui/edit/tableeditor.h>
#include <pgdesk/ui/grid/celltext.h>
#include <pgdesk/ui/grid/griddelegate.h>
#include <pgdesk/ui/grid/pagemodel.h>
#include <pgdesk/ui/shell/mainwindow.h>
#include <pgdesk/ui/shell/preferencesdialog.h>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QFileDialog>
#include <QFontComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStyle>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cmath>
#include <memory>

using pgdesk::test::psql;
using pgdesk::ui::CellMark;
using pgdesk::ui::chooseFileToSave;
using pgdesk::ui::fileDialogStart;
using pgdesk::ui::PageModel;
using pgdesk::ui::rememberFileDialogChoice;
using pgdesk::ui::TableBrowser;
using pgdesk::ui::UiSettings;

namespace {
// WCAG relative luminance and contrast ratio (4.5 is the minimum for body text).
double luminance(const QColor& c) {
    const auto channel = [](double v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}
double contrast(const QColor& a, const QColor& b) {
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}
} // namespace

// Each preference has its effect: on new tabs, on open tabs (live), and only on display.
class TestPreferences final : public QObject {
    Q_OBJECT

    std::optional<pgdesk::test::ScratchSchema> m_scratch; // first: dropped after the pool is gone
    std::shared_ptr<pgdesk::core::Pool> m_pool;
    QString m_schema = QStringLiteral("tst_prefs_%1").arg(QCoreApplication::applicationPid());

    QString sql(const QString& text) { return psql(QString(text).replace(QStringLiteral("$S"), m_schema)); }
    std::unique_ptr<TableBrowser> open() {
        return std::make_unique<TableBrowser>(m_pool, m_schema, QStringLiteral("items"));
    }
    static bool waitLoaded(TableBrowser& b) {
        QSignalSpy spy(&b, &TableBrowser::pageLoaded);
        return spy.wait(15000);
    }
    static int col(const PageModel* m, const QString& name) { return pgdesk::test::columnNamed(m, name); }
    // The model index of a row's column (rows come ordered by id).
    static QModelIndex cell(const PageModel* m, int id, const QString& column) {
        const int idColumn = col(m, QStringLiteral("id"));
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->index(r, idColumn).data(Qt::EditRole).toString() == QString::number(id))
                return m->index(r, col(m, column));
        return {};
    }

private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("pgdesk"));
        QCoreApplication::setApplicationName(QStringLiteral("pgdesk"));
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany)); // a known short date format
        m_pool = pgdesk::core::Pool::create(pgdesk::test::profile());
        m_scratch.emplace(m_schema, QStringLiteral(R"(
            create table $S.items (id int primary key, note text, born date, seen timestamp);
            insert into $S.items select i, case when i % 2 = 0 then 'note ' || i end, date '2024-03-05',
                                        timestamp '2024-03-05 14:03:01.25' from generate_series(1, 120) i;)"));
    }
    void init() { QSettings().clear(); }
    void cleanupTestCase() { QSettings().clear(); }

    void defaults() {
        QCOMPARE(UiSettings::pageSize(), 100);
        QCOMPARE(UiSettings::nullText(), QStringLiteral("NULL"));
        QCOMPARE(UiSettings::dateTimeDisplay(), UiSettings::DateTimeDisplay::AsSent);
        QVERIFY(!UiSettings::hasGridFont());
        QVERIFY(UiSettings::confirmBeforeApply());
        QVERIFY(UiSettings::confirmSweeping());
        QCOMPARE(UiSettings::theme(), UiSettings::Theme::System);
        QCOMPARE(UiSettings::language(), QString());
    }

    void pageSizeOfNewTabs() {
        UiSettings::setPageSize(50);
        auto b = open();
        QVERIFY(waitLoaded(*b));
        QCOMPARE(b->model()->rowCount(), 50);
        QCOMPARE(b->spec().page.pageSize, 50);
        UiSettings::setPageSize(0);
        auto scrolling = open();
        QVERIFY(waitLoaded(*scrolling));
        QVERIFY(scrolling->isContinuous());
        QVERIFY(scrolling->model()->isWindowed());
        UiSettings::setPageSize(123); // not a choice: the default
        QCOMPARE(UiSettings::pageSize(), 100);
        // A tab's own page size stays the tab's: the preference for new tabs is unchanged.
        auto* box = b->findChild<QComboBox*>();
        for (QComboBox* c : b->findChildren<QComboBox*>())
            if (c->accessibleName() == QLatin1String("Page size"))
                box = c;
        QVERIFY(box && box->accessibleName() == QLatin1String("Page size"));
        const int fiveHundred = box->findData(500);
        QVERIFY(fiveHundred >= 0);
        box->setCurrentIndex(fiveHundred);
        emit box->activated(fiveHundred);
        QCOMPARE(b->spec().page.pageSize, 500);
        QCOMPARE(UiSettings::pageSize(), 100);
    }

    // File dialogs start in the documents folder (else home), never the process's working directory, then
    // where the user last chose a file; a real dialog (offscreen: Qt's own) opens there.
    void fileDialogsStartWhereTheUserWas() {
        const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        const QString first = fileDialogStart();
        QVERIFY2(first == documents || first == QDir::homePath(), qPrintable(first));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        rememberFileDialogChoice(dir.filePath(QStringLiteral("old.json")));
        QCOMPARE(fileDialogStart(QStringLiteral("plan.json")), dir.filePath(QStringLiteral("plan.json")));
        QWidget parent;
        QString shown;
        QTimer::singleShot(0, [&shown] {
            auto* d = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
            if (!d)
                return;
            shown = d->directory().absolutePath();
            d->reject();
        });
        QCOMPARE(chooseFileToSave(&parent, QStringLiteral("Save"), QStringLiteral("plan.json")), QString());
        QCOMPARE(shown, QDir(dir.path()).absolutePath());
        QCOMPARE(fileDialogStart(), dir.path()); // a cancelled dialog remembers nothing
    }

    void nullTextShownLive() {
        auto b = open();
        QVERIFY(waitLoaded(*b));
        const QModelIndex note = cell(b->model(), 1, QStringLiteral("note"));
        QCOMPARE(note.data().toString(), QStringLiteral("NULL"));
        UiSettings::setNullText(QStringLiteral("∅ null"));
        QSignalSpy repainted(b->model(), &PageModel::dataChanged);
        UiSettings::instance()->notifyChanged();
        QVERIFY(!repainted.isEmpty());
        QCOMPARE(note.data().toString(), QStringLiteral("∅ null"));
        QVERIFY(note.data(PageModel::IsNullRole).toBool());
        QVERIFY(!note.data(Qt::EditRole).isValid()); // still NULL, not that text
        QCOMPARE(cell(b->model(), 2, QStringLiteral("note")).data().toString(), QStringLiteral("note 2"));
        auto fresh = open();
        QVERIFY(waitLoaded(*fresh));
        QCOMPARE(cell(fresh->model(), 1, QStringLiteral("note")).data().toString(), QStringLiteral("∅ null"));
    }

    void dateTimeDisplayOnly() {
        auto b = open();
        QVERIFY(waitLoaded(*b));
        const QModelIndex born = cell(b->model(), 1, QStringLiteral("born"));
        const QModelIndex seen = cell(b->model(), 1, QStringLiteral("seen"));
        QCOMPARE(born.data().toString(), QStringLiteral("2024-03-05"));
        QCOMPARE(seen.data().toString(), QStringLiteral("2024-03-05 14:03:01.25"));
        UiSettings::setDateTimeDisplay(UiSettings::DateTimeDisplay::Locale);
        UiSettings::instance()->notifyChanged();
        QCOMPARE(born.data().toString(), QStringLiteral("05.03.24"));
        QCOMPARE(seen.data().toString(), QStringLiteral("05.03.24 14:03:01"));
        // Editing and copying keep PostgreSQL's text; the tooltip shows it.
        QCOMPARE(seen.data(Qt::EditRole).toString(), QStringLiteral("2024-03-05 14:03:01.25"));
        QCOMPARE(seen.data(Qt::ToolTipRole).toString(), QStringLiteral("2024-03-05 14:03:01.25"));
        QCOMPARE(cell(b->model(), 1, QStringLiteral("id")).data().toString(), QStringLiteral("1"));
        // The pure formatter: zone offsets kept, anything not ISO left alone.
        const QLocale de(QLocale::German, QLocale::Germany);
        QCOMPARE(pgdesk::ui::localDateTimeText(QStringLiteral("2024-12-31 23:59:59.999+05:30"),
                                               QStringLiteral("timestamp with time zone"), de),
                 std::optional<QString>(QStringLiteral("31.12.24 23:59:59 +05:30")));
        QCOMPARE(pgdesk::ui::localDateTimeText(QStringLiteral("infinity"), QStringLiteral("date"), de),
                 std::nullopt);
        QCOMPARE(pgdesk::ui::localDateTimeText(QStringLiteral("0044-03-15 BC"), QStringLiteral("date"), de),
                 std::nullopt);
        QCOMPARE(pgdesk::ui::localDateTimeText(QStringLiteral("2024-03-05"), QStringLiteral("text"), de),
                 std::nullopt);
        QCOMPARE(
            pgdesk::ui::localDateTimeText(QStringLiteral("2024-03-05 10:00:00"), QStringLiteral("date"), de),
            std::nullopt);
        const QLocale us(QLocale::English, QLocale::UnitedStates);
        const QString american =
            pgdesk::ui::localDateTimeText(QStringLiteral("2024-03-05 14:03:01"),
                                          QStringLiteral("timestamp without time zone"), us)
                .value_or(QString());
        QVERIFY2(american.startsWith(QLatin1String("3/5/24 2:03:01")) &&
                     american.endsWith(QLatin1String("PM")),
                 qPrintable(american));
    }

    void gridFontLive() {
        auto b = open();
        QVERIFY(waitLoaded(*b));
        QFont font(QStringLiteral("DejaVu Sans Mono"));
        font.setPointSize(17);
        UiSettings::setGridFont(font);
        QVERIFY(UiSettings::hasGridFont());
        UiSettings::instance()->notifyChanged();
        QCOMPARE(b->view()->font().pointSize(), 17);
        QCOMPARE(b->view()->font().family(), QStringLiteral("DejaVu Sans Mono"));
        QVERIFY(b->view()->verticalHeader()->defaultSectionSize() >= QFontMetrics(font).height());
        auto fresh = open();
        QCOMPARE(fresh->view()->font().pointSize(), 17);
        UiSettings::setGridFont({});
        UiSettings::instance()->notifyChanged();
        QVERIFY(!UiSettings::hasGridFont());
        QCOMPARE(b->view()->font(), QApplication::font());
    }

    void confirmBeforeApply() {
        auto b = open();
        QVERIFY(waitLoaded(*b));
        // On (the default): Ctrl+S shows the preview and writes nothing yet.
        QVERIFY(b->model()->setData(cell(b->model(), 3, QStringLiteral("note")), QStringLiteral("asked")));
        b->editor()->apply();
        auto* preview = b->findChild<QDialog*>(QStringLiteral("applyPreview"));
        QVERIFY(preview);
        QCOMPARE(b->editor()->session()->size(), 1);
        preview->reject();
        QTRY_VERIFY(!b->findChild<QDialog*>(QStringLiteral("applyPreview")));
        QCOMPARE(sql(QStringLiteral("select note is null from $S.items where id = 3")), QStringLiteral("t"));
        // Off: applied at once, no dialog.
        UiSettings::setConfirmBeforeApply(false);
        QSignalSpy applied(b->editor(), &pgdesk::ui::TableEditor::applied);
        b->editor()->apply();
        QVERIFY(!b->findChild<QDialog*>(QStringLiteral("applyPreview")));
        QVERIFY(applied.wait(15000));
        QCOMPARE(sql(QStringLiteral("select note from $S.items where id = 3")), QStringLiteral("asked"));
    }

    void themesStayReadable() {
        const QString originalStyle = QApplication::style()->name();
        const QPalette originalPalette = QApplication::palette();
        for (auto theme : {UiSettings::Theme::Dark, UiSettings::Theme::Light}) {
            pgdesk::ui::applyTheme(theme);
            QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
            QCOMPARE(pgdesk::ui::isDarkPalette(), theme == UiSettings::Theme::Dark);
            const QPalette p = QApplication::palette();
            const QColor text = p.color(QPalette::Text);
            const char* name = theme == UiSettings::Theme::Dark ? "dark" : "light";
            QVERIFY2(contrast(text, p.color(QPalette::Base)) >= 7, name);
            QVERIFY2(contrast(p.color(QPalette::Disabled, QPalette::Text), p.color(QPalette::Base)) >= 3,
                     name);
            for (auto mark : {CellMark::Edited, CellMark::NewRow, CellMark::NewRowUnset,
                              CellMark::DeletePending, CellMark::RestorePending, CellMark::Conflict}) {
                const QColor background = pgdesk::ui::cellBackground(mark);
                QVERIFY2(contrast(text, background) >= 4.5,
                         qPrintable(QStringLiteral("%1: mark %2 %3 under %4 (%5)")
                                        .arg(QLatin1String(name))
                                        .arg(int(mark))
                                        .arg(background.name(), text.name())
                                        .arg(contrast(text, background))));
                QVERIFY2(background != p.color(QPalette::Base), name); // still marked
            }
            for (const QColor& c : {pgdesk::ui::errorColor(), pgdesk::ui::warningColor(),
                                    pgdesk::ui::successColor(), pgdesk::ui::infoColor()})
                QVERIFY2(contrast(c, p.color(QPalette::Window)) >= 4.5,
                         qPrintable(c.name() + QLatin1String(name)));
        }
        // The grid's staged cells take their color from the palette in force.
        auto b = open();
        QVERIFY(waitLoaded(*b));
        const QModelIndex note = cell(b->model(), 5, QStringLiteral("note"));
        QVERIFY(b->model()->setData(note, QStringLiteral("edited")));
        pgdesk::ui::applyTheme(UiSettings::Theme::Dark);
        const auto* delegate = qobject_cast<pgdesk::ui::GridDelegate*>(b->view()->itemDelegate());
        const auto background = [&] { return delegate->styleFor(note).backgroundBrush.color(); };
        QCOMPARE(background(), pgdesk::ui::cellBackground(CellMark::Edited));
        QVERIFY(background().lightnessF() < 0.5);
        pgdesk::ui::applyTheme(UiSettings::Theme::Light);
        QVERIFY(background().lightnessF() > 0.5);
        b->editor()->session()->clear();
        // Following the system again: the platform's style and palette as they were.
        pgdesk::ui::applyTheme(UiSettings::Theme::System);
        QCOMPARE(QApplication::style()->name(), originalStyle);
        QCOMPARE(QApplication::palette().color(QPalette::Base), originalPalette.color(QPalette::Base));
    }

    void dialogSavesAndTellsTheTabs() {
        pgdesk::ui::MainWindow window;
        pgdesk::ui::PreferencesDialog* dialog = window.openPreferences();
        QVERIFY(dialog);
        QCOMPARE(dialog->findChild<QComboBox*>(QStringLiteral("pageSize"))->currentData().toInt(), 100);
        auto* pageSize = dialog->findChild<QComboBox*>(QStringLiteral("pageSize"));
        pageSize->setCurrentIndex(pageSize->findData(500));
        dialog->findChild<QLineEdit*>(QStringLiteral("nullText"))->setText(QStringLiteral("(null)"));
        auto* dateTime = dialog->findChild<QComboBox*>(QStringLiteral("dateTimeDisplay"));
        dateTime->setCurrentIndex(dateTime->findData(int(UiSettings::DateTimeDisplay::Locale)));
        auto* customFont = dialog->findChild<QCheckBox*>(QStringLiteral("customFont"));
        QVERIFY(!dialog->findChild<QFontComboBox*>(QStringLiteral("fontFamily"))->isEnabled());
        customFont->setChecked(true);
        QVERIFY(dialog->findChild<QFontComboBox*>(QStringLiteral("fontFamily"))->isEnabled());
        dialog->findChild<QSpinBox*>(QStringLiteral("fontSize"))->setValue(15);
        dialog->findChild<QCheckBox*>(QStringLiteral("confirmApply"))->setChecked(false);
        dialog->findChild<QCheckBox*>(QStringLiteral("confirmSweeping"))->setChecked(false);
        auto* theme = dialog->findChild<QComboBox*>(QStringLiteral("theme"));
        theme->setCurrentIndex(theme->findData(int(UiSettings::Theme::Dark)));
        auto* language = dialog->findChild<QComboBox*>(QStringLiteral("language"));
        language->setCurrentIndex(language->findData(QStringLiteral("fa")));
        QSignalSpy changed(UiSettings::instance(), &UiSettings::changed);
        dialog->accept();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(UiSettings::pageSize(), 500);
        QCOMPARE(UiSettings::nullText(), QStringLiteral("(null)"));
        QCOMPARE(UiSettings::dateTimeDisplay(), UiSettings::DateTimeDisplay::Locale);
        QVERIFY(UiSettings::hasGridFont());
        QCOMPARE(UiSettings::gridFont().pointSize(), 15);
        QVERIFY(!UiSettings::confirmBeforeApply());
        QVERIFY(!UiSettings::confirmSweeping());
        QCOMPARE(UiSettings::theme(), UiSettings::Theme::Dark);
        QVERIFY(pgdesk::ui::isDarkPalette()); // applied at once
        QCOMPARE(UiSettings::language(), QStringLiteral("fa"));
        QCOMPARE(UiSettings::effectiveLanguage(), QStringLiteral("fa"));
        // Stored where the README says: pgdesk.conf under the config folder.
        QVERIFY2(QSettings().fileName().endsWith(QLatin1String("pgdesk/pgdesk.conf")),
                 qPrintable(QSettings().fileName()));
        pgdesk::ui::applyTheme(UiSettings::Theme::System);

        // Ctrl+, opens it from the window.
        QTRY_VERIFY(!window.findChild<pgdesk::ui::PreferencesDialog*>()); // the first one is gone
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_Comma, Qt::ControlModifier);
        QTRY_VERIFY(window.findChild<pgdesk::ui::PreferencesDialog*>());
    }
};

PGDESK_UI_TEST_MAIN(TestPreferences)
#include "tst_preferences.moc"
