// SPDX-License-Identifier: GPL-3.0-or-later
// GUI model benchmark (make bench): opens a big table in a real grid under the offscreen platform and
// times what a user waits for, printing one JSON line. Two models on the same data in the same run:
//
//   --model pgdesk           PgDesk's TableBrowser: pages fetched by keyset on a worker thread
//   --model pgdesk-scroll    the same in continuous scrolling ("Scroll"): blocks fetched as rows come into
//                            view; "100 pages" is the same 10,000 rows scrolled back a screen at a time
//   --model qsqltablemodel   Qt's QSqlTableModel on the QPSQL driver, what a Qt developer would use
//
// Figures: first_rows_ms (window shown → first rows in the view, connecting included), last_page_ms
// (→ the last rows shown), scroll_ms (100 pages of rows scrolled back from there), and peak_rss_kb
// (VmHWM: the process's peak resident memory after all of it).
#include <pgdesk/core/session/dsn.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/browse/tablebrowser.h>
#include <pgdesk/ui/grid/pagemodel.h>
#include <pgdesk/ui/grid/resultscroller.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlTableModel>
#include <QTableView>

#include <cstdio>

namespace {

qint64 peakRssKb() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

[[noreturn]] void fail(const QString& message) {
    std::fprintf(stderr, "bench-gui: %s\n", qPrintable(message));
    std::exit(1);
}

bool waitLoaded(pgdesk::ui::TableBrowser& browser) {
    QSignalSpy loaded(&browser, &pgdesk::ui::TableBrowser::pageLoaded);
    QSignalSpy failed(&browser, &pgdesk::ui::TableBrowser::loadFailed);
    while (loaded.isEmpty() && failed.isEmpty())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    if (!failed.isEmpty())
        fail(failed.first().first().toString());
    return true;
}

QJsonObject runPgDesk(const pgdesk::core::ConnectionProfile& profile, const QString& table, int pages) {
    QJsonObject result;
    QElapsedTimer timer;
    timer.start();
    auto pool = pgdesk::core::Pool::create(profile);
    pgdesk::ui::TableBrowser browser(pool, QStringLiteral("public"), table);
    browser.resize(1200, 800);
    browser.show();
    waitLoaded(browser);
    QCoreApplication::processEvents();
    result[QStringLiteral("first_rows_ms")] = double(timer.nsecsElapsed()) / 1e6;
    result[QStringLiteral("rows_shown")] = browser.model()->rowCount();

    timer.restart();
    browser.lastPage();
    waitLoaded(browser);
    browser.view()->scrollToBottom();
    QCoreApplication::processEvents();
    result[QStringLiteral("last_page_ms")] = double(timer.nsecsElapsed()) / 1e6;
    result[QStringLiteral("last_value")] =
        browser.model()->index(browser.model()->rowCount() - 1, 0).data().toString();

    timer.restart();
    for (int i = 0; i < pages; ++i) {
        browser.previousPage();
        waitLoaded(browser);
        browser.view()->scrollToTop();
        QCoreApplication::processEvents();
    }
    result[QStringLiteral("scroll_ms")] = double(timer.nsecsElapsed()) / 1e6;
    result[QStringLiteral("range")] = browser.rangeText();
    return result;
}

// Continuous scrolling: every visible row loaded (not a placeholder).
bool visibleLoaded(const pgdesk::ui::TableBrowser& browser) {
    const QTableView* view = browser.view();
    const int top = view->rowAt(0);
    int bottom = view->rowAt(view->viewport()->height() - 1);
    if (top < 0)
        return false;
    if (bottom < 0)
        bottom = browser.model()->rowCount() - 1;
    for (int r = top; r <= bottom; ++r) {
        if (browser.model()->index(r, 0).data(pgdesk::ui::PageModel::IsPlaceholderRole).toBool())
            return false;
    }
    return true;
}

void waitVisible(pgdesk::ui::TableBrowser& browser) {
    QSignalSpy failed(&browser, &pgdesk::ui::TableBrowser::loadFailed);
    QCoreApplication::processEvents();
    while (!visibleLoaded(browser)) {
        if (!failed.isEmpty())
            fail(failed.first().first().toString());
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
}

QJsonObject runPgDeskScroll(const pgdesk::core::ConnectionProfile& profile, const QString& table, int pages) {
    QJsonObject result;
    QElapsedTimer timer;
    timer.start();
    auto pool = pgdesk::core::Pool::create(profile);
    pgdesk::ui::TableBrowser browser(pool, QStringLiteral("public"), table);
    browser.setPageSize(0);
    browser.resize(1200, 800);
    browser.show();
    waitLoaded(browser);
    waitVisible(browser);
    result[QStringLiteral("first_rows_ms")] = double(timer.nsecsElapsed()) / 1e6;
    result[QStringLiteral("rows_shown")] = browser.model()->resultRowCount();

    timer.restart();
    browser.lastPage();
    waitVisible(browser);
    result[QStringLiteral("last_page_ms")] = double(timer.nsecsElapsed()) / 1e6;
    result[QStringLiteral("last_value")] =
        browser.model()->index(browser.model()->rowCount() - 1, 0).data().toString();

    timer.restart();
    const qint64 target = browser.scroller()->topRow() - pages * 100;
    while (browser.scroller()->topRow() > std::max<qint64>(0, target)) {
        browser.previousPage();
        waitVisible(browser);
    }
    result[QStringLiteral("scroll_ms")] = double(timer.nsecsElapsed()) / 1e6;
    result[QStringLiteral("range")] = browser.rangeText();
    result[QStringLiteral("rows_held")] = browser.model()->window()->heldRows();
    return result;
}

QJsonObject runQSqlTableModel(const pgdesk::core::ConnectionProfile& profile, const QString& table,
                              int pages) {
    QJsonObject result;
    QElapsedTimer timer;
    timer.start();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"));
    db.setHostName(profile.host);
    db.setPort(profile.port);
    db.setUserName(profile.user);
    db.setDatabaseName(profile.database);
    if (!db.open())
        fail(db.lastError().text());
    QSqlTableModel model;
    model.setTable(table);
    model.setEditStrategy(QSqlTableModel::OnManualSubmit);
    QTableView view;
    view.setModel(&model);
    view.resize(1200, 800);
    view.show();
    if (!model.select()) // QPSQL reads the whole result into memory here
        fail(model.lastError().text());
    QCoreApplication::processEvents();
    result[QStringLiteral("first_rows_ms")] = double(timer.nsecsElapsed()) / 1e6;
    result[QStringLiteral("rows_shown")] = model.rowCount();

    timer.restart();
    while (model.canFetchMore())
        model.fetchMore();
    view.scrollToBottom();
    QCoreApplication::processEvents();
    result[QStringLiteral("last_page_ms")] = double(timer.nsecsElapsed()) / 1e6;
    result[QStringLiteral("last_value")] = model.index(model.rowCount() - 1, 0).data().toString();

    timer.restart();
    QScrollBar* bar = view.verticalScrollBar();
    for (int i = 0; i < pages; ++i) {
        bar->setValue(bar->value() - 100); // one 100-row page up
        QCoreApplication::processEvents();
    }
    result[QStringLiteral("scroll_ms")] = double(timer.nsecsElapsed()) / 1e6;
    return result;
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("dsn"), QStringLiteral("Connection string"), QStringLiteral("DSN")});
    parser.addOption({QStringLiteral("table"), QStringLiteral("Table in schema public"),
                      QStringLiteral("NAME"), QStringLiteral("pgbench_accounts")});
    parser.addOption({QStringLiteral("model"), QStringLiteral("pgdesk, pgdesk-scroll or qsqltablemodel"),
                      QStringLiteral("MODEL"), QStringLiteral("pgdesk")});
    parser.addOption({QStringLiteral("pages"), QStringLiteral("Pages to scroll back"), QStringLiteral("N"),
                      QStringLiteral("100")});
    parser.process(app);
    const auto parsed = pgdesk::core::parseDsn(parser.value(QStringLiteral("dsn")));
    const QString table = parser.value(QStringLiteral("table"));
    const int pages = parser.value(QStringLiteral("pages")).toInt();
    const QString model = parser.value(QStringLiteral("model"));
    QJsonObject result =
        model == QLatin1String("qsqltablemodel")  ? runQSqlTableModel(parsed.profile, table, pages)
        : model == QLatin1String("pgdesk-scroll") ? runPgDeskScroll(parsed.profile, table, pages)
                                                  : runPgDesk(parsed.profile, table, pages);
    result[QStringLiteral("model")] = parser.value(QStringLiteral("model"));
    result[QStringLiteral("peak_rss_kb")] = peakRssKb();
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}
