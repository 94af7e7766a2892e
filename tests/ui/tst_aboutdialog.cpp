// SPDX-License-Identifier: GPL-3.0-or-later
#include "programs.h"
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/profiles/profilestore.h>
#include <pgdesk/core/profiles/secretstore.h>
#include <pgdesk/core/session/version.h>
#include <pgdesk/ui/common/errorlog.h>
#include <pgdesk/ui/query/queryfeature.h>
#include <pgdesk/ui/query/querytool.h>
#include <pgdesk/ui/shell/aboutdialog.h>
#include <pgdesk/ui/shell/mainwindow.h>

#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QSysInfo>
#include <QTest>

using pgdesk::ui::AboutDialog;
using pgdesk::ui::ErrorLog;
using pgdesk::ui::SessionDiagnostics;

namespace {

// Every label's text in the dialog, as a person reads it.
QString shownText(const QWidget* dialog) {
    QStringList texts;
    for (const QLabel* label : dialog->findChildren<QLabel*>())
        texts << label->text();
    return texts.join(QLatin1Char('\n'));
}

QAction* helpAction(const pgdesk::ui::MainWindow& w, const char* name) {
    return w.menuBar()->findChild<QAction*>(QLatin1String(name));
}

} // namespace

class TestAboutDialog final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("pgdesk"));
        QCoreApplication::setApplicationName(QStringLiteral("pgdesk"));
    }

    void init() { ErrorLog::instance().clear(); }

    // The dialog shows PgDesk's, Qt's and libpq's versions, and the libpq one is the library that runs.
    void showsTheVersions() {
        AboutDialog d(SessionDiagnostics{});
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        const QString text = shownText(&d);
        QVERIFY2(text.contains(QStringLiteral("PgDesk ") + pgdesk::core::pgdeskVersion()), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Qt ") + QString::fromLatin1(qVersion())), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("libpq ") + pgdesk::core::libpqVersion()), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Not connected")), qPrintable(text));
        QCOMPARE(pgdesk::core::pgdeskVersion().count(QLatin1Char('.')), 2);

        // PQlibVersion() against what dpkg says of libpq5 ("15.14-0+deb12u1" for 15.14).
        QProcess dpkg;
        dpkg.start(pgdesk::test::requireProgram(QStringLiteral("dpkg-query"), "dpkg"),
                   {QStringLiteral("-W"), QStringLiteral("-f=${Version}"), QStringLiteral("libpq5")});
        QVERIFY(dpkg.waitForFinished(10000));
        const QString packaged = QString::fromUtf8(dpkg.readAllStandardOutput());
        QVERIFY2(packaged.startsWith(pgdesk::core::libpqVersion() + QLatin1Char('-')),
                 qPrintable(packaged + QStringLiteral(" vs ") + pgdesk::core::libpqVersion()));

        AboutDialog connected(SessionDiagnostics{std::nullopt, QStringLiteral("15.7")});
        QVERIFY(connected.versionsText().contains(QStringLiteral("PostgreSQL server 15.7")));
        QVERIFY(!connected.versionsText().contains(QStringLiteral("Not connected")));
    }

    // The report has the versions, the OS, the profile's settings and the latest errors, never a secret.
    void diagnosticsNeverContainAPassword() {
        pgdesk::core::ConnectionProfile p;
        p.name = QStringLiteral("Diag");
        p.host = QStringLiteral("db.diagnostics.example");
        p.port = 6543;
        p.user = QStringLiteral("diag_user");
        p.database = QStringLiteral("shop");
        p.extraOptions = {{QStringLiteral("password"), QStringLiteral("pw-S3cret-one")},
                          {QStringLiteral("sslpassword"), QStringLiteral("pw-S3cret-two")},
                          {QStringLiteral("target_session_attrs"), QStringLiteral("read-write")}};
        ErrorLog::instance().record(QStringLiteral("relation \"nope\" does not exist (SQLSTATE 42P01)"));

        const QString text = AboutDialog::diagnosticsText({p, QStringLiteral("15.7")});
        for (const QString& expected :
             {pgdesk::core::pgdeskVersion(), QString::fromLatin1(qVersion()), pgdesk::core::libpqVersion(),
              QSysInfo::prettyProductName(), QStringLiteral("PostgreSQL 15.7"),
              QStringLiteral("db.diagnostics.example"), QStringLiteral("6543"), QStringLiteral("diag_user"),
              QStringLiteral("read-write"), QStringLiteral("relation \"nope\" does not exist")})
            QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" missing in:\n") + text));
        QVERIFY2(!text.contains(QStringLiteral("S3cret")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("sslpassword")), qPrintable(text)); // not even its name

        const QString offline = AboutDialog::diagnosticsText({});
        QVERIFY(offline.contains(QStringLiteral("not connected")));
        QVERIFY(!offline.contains(QStringLiteral("db.diagnostics.example")));
    }

    // At most the last 20 messages are kept; the same message in a row takes one slot with a count.
    void errorLogIsBounded() {
        ErrorLog& log = ErrorLog::instance();
        for (int i = 0; i < 25; ++i)
            log.record(QStringLiteral("error %1").arg(i));
        log.record(QStringLiteral("error 24"));
        log.record(QStringLiteral("error 24"));
        log.record(QString(5000, QLatin1Char('x')));
        const auto entries = log.entries();
        QCOMPARE(int(entries.size()), ErrorLog::Capacity);
        QCOMPARE(entries.front().message, QStringLiteral("error 6"));
        QCOMPARE(entries[18].message, QStringLiteral("error 24"));
        QCOMPARE(entries[18].repeats, 3);
        QVERIFY(log.lines()[18].endsWith(QStringLiteral("error 24 (×3)")));
        QCOMPARE(entries.back().message.size(), ErrorLog::MaxMessageLength + 1);
    }

    // The window end to end on the real cluster: a failed connection and a query tool's SQL error are
    // logged, a profile with a password connects, Help ▸ Copy diagnostics and the About dialog's button copy
    // its host and the server's version and the failure, never the password.
    void windowCopiesDiagnostics() {
        const auto& cluster = pgdesk::test::cluster();
        pgdesk::core::ConnectionProfile profile;
        profile.name = QStringLiteral("Diagnostics");
        profile.host = QStringLiteral("127.0.0.1");
        profile.port = cluster.port;
        profile.user = cluster.authUser;
        profile.database = QStringLiteral("postgres");
        pgdesk::core::ProfileStore store;
        store.upsert(profile);
        store.save();
        pgdesk::core::SecretStore::instance().setPassword(profile.name, cluster.authPassword);

        pgdesk::ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(helpAction(w, "aboutAction"));
        QAction* copyAction = helpAction(w, "copyDiagnosticsAction");
        QVERIFY(copyAction);

        w.openDsn(QStringLiteral("host=%1 port=%2 user=%3 dbname=no_such_database_diag")
                      .arg(cluster.host)
                      .arg(cluster.port)
                      .arg(cluster.user));
        QTRY_VERIFY_WITH_TIMEOUT(
            w.statusBar()->currentMessage().contains(QStringLiteral("no_such_database_diag")), 15000);
        w.openProfile(profile.name);
        QTRY_VERIFY2_WITH_TIMEOUT(w.connectionStatus().contains(QStringLiteral("PostgreSQL")),
                                  qPrintable(w.statusBar()->currentMessage()), 15000);
        const QString server =
            pgdesk::test::psql(QStringLiteral("show server_version")).section(QLatin1Char(' '), 0, 0);
        // A SQL error the query tool shows is logged too.
        pgdesk::ui::QueryTool* tool = pgdesk::ui::QueryFeature::of(w)->openQueryTool();
        QVERIFY(tool);
        QSignalSpy ran(tool, &pgdesk::ui::QueryTool::runFinished);
        tool->setSql(QStringLiteral("select 1 / 0 as diag_division"));
        tool->run();
        QVERIFY(ran.wait(15000));

        QGuiApplication::clipboard()->clear();
        copyAction->trigger();
        const QString copied = QGuiApplication::clipboard()->text();
        for (const QString& expected :
             {QStringLiteral("PostgreSQL ") + server, QStringLiteral("127.0.0.1"),
              QString::number(cluster.port), cluster.authUser, QStringLiteral("no_such_database_diag"),
              QStringLiteral("division by zero"), pgdesk::core::libpqVersion()})
            QVERIFY2(copied.contains(expected),
                     qPrintable(expected + QStringLiteral(" missing in:\n") + copied));
        QVERIFY2(!copied.contains(cluster.authPassword), qPrintable(copied));

        AboutDialog* about = w.showAbout();
        QVERIFY(QTest::qWaitForWindowExposed(about));
        QVERIFY(shownText(about).contains(QStringLiteral("PostgreSQL server ") + server));
        QGuiApplication::clipboard()->clear();
        QSignalSpy copiedSpy(about, &AboutDialog::diagnosticsCopied);
        auto* button = about->findChild<QPushButton*>(QStringLiteral("copyDiagnostics"));
        QVERIFY(button);
        button->click();
        QCOMPARE(copiedSpy.count(), 1);
        QCOMPARE(QGuiApplication::clipboard()->text(), copied);
        QVERIFY(shownText(about).contains(QStringLiteral("copied to the clipboard")));
        about->close();
    }
};

PGDESK_UI_TEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
