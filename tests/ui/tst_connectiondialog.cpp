// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectiondialogtest.h"
#include "uitestmain.h"
#include <pgdesk/ui/connect/connectfeature.h>

#include <pgdesk/core/session/roundtrips.h>

class TestConnectionDialog final : public QObject {
    Q_OBJECT

private slots:
    void listModelPassesTheTesterAndSummarises() {
        ProfileListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ConnectionProfile a;
        a.name = QStringLiteral("sales");
        a.user = QStringLiteral("ålice");
        a.host = QStringLiteral("db.example.com");
        a.port = 6543;
        a.database = QStringLiteral("we\"ird; drop table x;--");
        ConnectionProfile b;
        b.name = QStringLiteral("Ünïcode \"local\"");
        ConnectionProfile c;
        c.name = QStringLiteral("svc");
        c.service = QStringLiteral("billing");
        model.setProfiles({a, b, c});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("sales"));
        QCOMPARE(model.index(0, 0).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("ålice@db.example.com:6543/we\"ird; drop table x;--"));
        QCOMPARE(model.index(1, 0).data(ProfileListModel::SummaryRole).toString(),
                 QStringLiteral("local socket"));
        QCOMPARE(model.index(2, 0).data(Qt::ToolTipRole).toString(), QStringLiteral("service billing"));
        QCOMPARE(model.rowOf(QStringLiteral("Ünïcode \"local\"")), 1);
        QCOMPARE(model.rowOf(QStringLiteral("nope")), -1);
        model.setProfiles({c});
        QCOMPARE(model.rowCount(), 1);
        model.setProfiles({});
        QCOMPARE(model.rowCount(), 0);
    }

    void createEditDuplicateDeleteRoundTripThroughTheFile() {
        resetStore({});
        ConnectionDialog d;
        QAbstractItemModelTester tester(d.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QVERIFY(child<QLabel>(&d, "emptyHint")->isVisible());
        QVERIFY(!d.connectButton()->isEnabled());

        child<QPushButton>(&d, "newButton")->click();
        QCOMPARE(diskStore().profiles().size(), 1);
        QCOMPARE(d.selectedProfileName(), QStringLiteral("New connection"));
        QVERIFY(!d.saveButton()->isEnabled()); // nothing changed yet

        const QString name = QStringLiteral("Ünïcode 'prod' \"x\"; --");
        retype(child<QLineEdit>(&d, "name"), name);
        retype(child<QLineEdit>(&d, "host"), QStringLiteral("127.0.0.1"));
        retype(child<QLineEdit>(&d, "port"), QStringLiteral("6543"));
        retype(child<QLineEdit>(&d, "database"), QStringLiteral("we\"ird; drop table x;--"));
        retype(child<QLineEdit>(&d, "user"), QStringLiteral("ålice"));
        retype(child<QLineEdit>(&d, "applicationName"), QString()); // empty stays empty, not "pgdesk"
        child<QComboBox>(&d, "sslMode")
            ->setCurrentIndex(child<QComboBox>(&d, "sslMode")->findData("require"));
        child<QSpinBox>(&d, "poolSize")->setValue(7);
        child<QSpinBox>(&d, "maxOverflow")->setValue(-1);
        child<QDoubleSpinBox>(&d, "poolTimeout")->setValue(2.5);
        child<QSpinBox>(&d, "recycle")->setValue(300);
        child<QCheckBox>(&d, "prePing")->setChecked(true);
        child<QCheckBox>(&d, "lifo")->setChecked(true);
        child<QSpinBox>(&d, "statementTimeout")->setValue(1500);
        child<QSpinBox>(&d, "lockTimeout")->setValue(2500);
        child<QComboBox>(&d, "isolation")->setCurrentIndex(2);
        child<QCheckBox>(&d, "readOnly")->setChecked(true);
        child<QCheckBox>(&d, "echo")->setChecked(true);
        child<QCheckBox>(&d, "hideParameters")->setChecked(true);
        child<QCheckBox>(&d, "pooler")->setChecked(true);
        QVERIFY(d.isDirty());
        QVERIFY(d.saveButton()->isEnabled());
        d.saveButton()->click();
        QTRY_VERIFY(d.statusText().startsWith(QStringLiteral("Saved")));

        ProfileStore disk = diskStore();
        QCOMPARE(disk.profiles().size(), 1); // renamed, not added
        QVERIFY(!disk.find(QStringLiteral("New connection")));
        const ConnectionProfile saved = disk.get(name);
        QCOMPARE(saved.host, QStringLiteral("127.0.0.1"));
        QCOMPARE(saved.port, 6543);
        QCOMPARE(saved.database, QStringLiteral("we\"ird; drop table x;--"));
        QCOMPARE(saved.user, QStringLiteral("ålice"));
        QCOMPARE(saved.applicationName, QString());
        QCOMPARE(saved.sslMode, QStringLiteral("require"));
        QCOMPARE(saved.pool.size, 7);
        QCOMPARE(saved.pool.maxOverflow, -1);
        QCOMPARE(saved.pool.timeoutSeconds, 2.5);
        QCOMPARE(saved.pool.recycleSeconds, 300);
        QVERIFY(saved.pool.prePing && saved.pool.useLifo);
        QCOMPARE(saved.statementTimeoutMs, 1500);
        QCOMPARE(saved.lockTimeoutMs, 2500);
        QCOMPARE(saved.isolation, pgdesk::core::IsolationLevel::Serializable);
        QVERIFY(saved.readOnly && saved.echo && saved.hideParameters);
        QCOMPARE(saved.pooler, pgdesk::core::PoolerMode::Transaction);
        QCOMPARE(d.model()->index(0, 0).data().toString(), name);

        // Reopening shows what is on disk.
        {
            ConnectionDialog again;
            QCOMPARE(again.selectedProfileName(), name);
            QCOMPARE(child<QLineEdit>(&again, "database")->text(),
                     QStringLiteral("we\"ird; drop table x;--"));
            QCOMPARE(again.editor()->profile(), saved);
        }

        child<QPushButton>(&d, "duplicateButton")->click();
        const QString copyName = name + QStringLiteral(" (copy)");
        QCOMPARE(d.selectedProfileName(), copyName);
        disk = diskStore();
        QCOMPARE(disk.profiles().size(), 2);
        ConnectionProfile copy = disk.get(copyName);
        copy.name = name;
        QCOMPARE(copy, saved);
        child<QPushButton>(&d, "duplicateButton")->click();
        QCOMPARE(d.selectedProfileName(), name + QStringLiteral(" (copy 2)"));
        QVERIFY(diskStore().find(name + QStringLiteral(" (copy 2)")));

        // Delete asks first; "No" keeps the profile.
        answerNextMessageBox(QMessageBox::No);
        child<QPushButton>(&d, "deleteButton")->click();
        QCOMPARE(diskStore().profiles().size(), 3);
        answerNextMessageBox(QMessageBox::Yes);
        child<QPushButton>(&d, "deleteButton")->click();
        QCOMPARE(diskStore().profiles().size(), 2);
        QVERIFY(!diskStore().find(name + QStringLiteral(" (copy 2)")));
        QVERIFY(d.deleteProfile(false));
        QVERIFY(d.deleteProfile(false));
        QVERIFY(diskStore().profiles().isEmpty());
        QCOMPARE(d.model()->rowCount(), 0);
        QVERIFY(child<QLabel>(&d, "emptyHint")->isVisible());
    }

    void invalidFieldsAreShownInlineAndBlockSave() {
        resetStore({clusterProfile(QStringLiteral("Other"))});
        ConnectionDialog d;
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        d.newProfile();
        auto* error = child<QLabel>(&d, "validationError");
        auto* name = child<QLineEdit>(&d, "name");
        auto* port = child<QLineEdit>(&d, "port");
        QVERIFY(!error->isVisible());

        retype(name, QStringLiteral("   "));
        QVERIFY(error->isVisible());
        QVERIFY(error->text().contains(QStringLiteral("name")));
        QVERIFY(!d.saveButton()->isEnabled());
        QVERIFY(!d.connectButton()->isEnabled());
        QVERIFY(!d.save());

        retype(name, QStringLiteral("Other"));
        QVERIFY(error->text().contains(QStringLiteral("already called “Other”")));
        QVERIFY(!d.saveButton()->isEnabled());

        retype(name, QStringLiteral("Fine"));
        QVERIFY(!error->isVisible());
        QVERIFY(d.saveButton()->isEnabled());
        for (const QString& bad :
             {QStringLiteral("70000"), QStringLiteral("0"), QStringLiteral("-1"), QStringLiteral("abc")}) {
            retype(port, bad);
            QVERIFY2(error->isVisible() && error->text().contains(QStringLiteral("port")), qPrintable(bad));
            QVERIFY(!d.saveButton()->isEnabled());
            QVERIFY(!d.testButton()->isEnabled());
        }
        retype(port, QString()); // empty: libpq's default
        QVERIFY(!error->isVisible());
        retype(port, QStringLiteral("65535"));
        QVERIFY(d.saveButton()->isEnabled());
        QVERIFY(d.save());
        QTRY_VERIFY(!d.statusText().startsWith(QStringLiteral("Saving")));
        QCOMPARE(diskStore().get(QStringLiteral("Fine")).port, 65535);
        QVERIFY(diskStore().find(QStringLiteral("Other"))); // the other one untouched
    }

    // The Pool page in plain words: no class or option names of the library the pool imitates.
    void poolPageSpeaksPlainWords() {
        pgdesk::ui::ProfileEditor editor;
        auto* page = child<QWidget>(&editor, "poolPage");
        QStringList texts = visibleTexts(page);
        for (auto* spin : page->findChildren<QAbstractSpinBox*>())
            texts << spin->specialValueText();
        QVERIFY(countContaining(texts, QStringLiteral("Connections kept")) > 0); // the scan sees the labels
        for (const char* word :
             {"QueuePool", "SQLAlchemy", "pool_", "overflow", "LIFO", "FIFO", "pre-ping", "pre_ping"})
            for (const QString& text : std::as_const(texts))
                QVERIFY2(!text.contains(QLatin1String(word), Qt::CaseInsensitive), qPrintable(text));
        // Every field says what it does, the timed ones in which unit.
        for (const char* name : {"poolSize", "maxOverflow", "poolTimeout", "recycle", "prePing", "lifo"})
            QVERIFY2(!child<QWidget>(page, name)->toolTip().isEmpty(), name);
        for (const char* name : {"poolTimeout", "recycle"})
            QVERIFY(child<QWidget>(page, name)->toolTip().contains(QStringLiteral("seconds")));
    }

    void testConnectionShowsTheServerVersion() {
        resetStore({clusterProfile(QStringLiteral("Cluster"))});
        const QString version = pgdesk::test::psql(QStringLiteral("show server_version"));
        QVERIFY(version.startsWith(QStringLiteral("15.")));
        ConnectionDialog d;
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QCOMPARE(d.selectedProfileName(), QStringLiteral("Cluster"));
        d.testButton()->click();
        QVERIFY(d.isTesting());
        QVERIFY(child<QProgressBar>(&d, "busy")->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!d.isTesting(), 15000);
        QVERIFY(!child<QProgressBar>(&d, "busy")->isVisible());
        QVERIFY2(
            d.testResultText().startsWith(QStringLiteral("Connected to PostgreSQL %1 as postgres, database "
                                                         "pgdesk_demo")
                                              .arg(version)),
            qPrintable(d.testResultText()));
    }

    void failedTestsAreExplainedWithoutBlockingTheEventLoop() {
        SilentServer closed(false);
        SilentServer silent;
        ConnectionProfile refused = authProfile(QStringLiteral("Refused"));
        refused.port = closed.port();
        ConnectionProfile hanging = authProfile(QStringLiteral("Hanging"));
        hanging.port = silent.port();
        hanging.connectTimeoutSeconds = 2;
        resetStore({refused, hanging, authProfile(QStringLiteral("NoPassword"))});
        ConnectionDialog d;
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));

        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, [&ticks] { ++ticks; });
        ticker.start(10);

        QCOMPARE(d.selectedProfileName(), QStringLiteral("Refused"));
        d.testButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!d.isTesting(), 15000);
        QVERIFY2(d.testResultText().startsWith(QStringLiteral("Could not reach the server")),
                 qPrintable(d.testResultText()));
        QVERIFY2(d.testResultText().contains(QStringLiteral("refused")), qPrintable(d.testResultText()));

        // A server that never answers: the test takes connect_timeout (2 s) while the GUI thread goes on.
        d.selectProfile(QStringLiteral("Hanging"));
        QCOMPARE(d.selectedProfileName(), QStringLiteral("Hanging"));
        ticks = 0;
        pgdesk::core::ThreadRoundTrips gui;
        QElapsedTimer clock;
        clock.start();
        d.testButton()->click();
        QVERIFY2(gui.count() == 0, "the click connected on the GUI thread");
        QVERIFY(d.isTesting());
        QTRY_VERIFY_WITH_TIMEOUT(!d.isTesting(), 15000);
        const qint64 took = clock.elapsed();
        qInfo("silent server: test took %lld ms; the 10 ms GUI timer fired %d times meanwhile", took, ticks);
        QVERIFY2(took >= 1500, qPrintable(QString::number(took)));
        // A blocked GUI thread would have let the 10 ms timer fire about once.
        QVERIFY2(ticks >= took / 10 / 3,
                 qPrintable(QStringLiteral("%1 ticks in %2 ms").arg(ticks).arg(took)));
        QVERIFY2(d.testResultText().startsWith(QStringLiteral("Could not reach the server")),
                 qPrintable(d.testResultText()));
        QVERIFY2(d.testResultText().contains(QStringLiteral("timeout")), qPrintable(d.testResultText()));

        // A second click cancels; the late answer is dropped.
        d.testButton()->click();
        QVERIFY(d.isTesting());
        QCOMPARE(d.testButton()->text().remove(QLatin1Char('&')), QStringLiteral("Cancel test"));
        d.testButton()->click();
        QVERIFY(!d.isTesting());
        QCOMPARE(d.testResultText(), QStringLiteral("Test cancelled."));
        QTest::qWait(2800);
        QCOMPARE(d.testResultText(), QStringLiteral("Test cancelled."));

        // Editing during a test drops its answer: it would describe other settings.
        d.testButton()->click();
        QVERIFY(d.isTesting());
        child<QSpinBox>(&d, "poolSize")->setValue(3);
        QVERIFY(!d.isTesting());
        const QString afterEdit = d.testResultText();
        QVERIFY(afterEdit.contains(QStringLiteral("changed")));
        QTest::qWait(2800);
        QCOMPARE(d.testResultText(), afterEdit);
        d.saveButton()->click(); // leave nothing unsaved for the switch below
        QTRY_VERIFY(d.statusText().startsWith(QStringLiteral("Saved")));

        // No password for a role that needs one: the login is refused, said in plain words.
        d.selectProfile(QStringLiteral("NoPassword"));
        d.testButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!d.isTesting(), 15000);
        QVERIFY2(d.testResultText().startsWith(QStringLiteral("The server refused the login")),
                 qPrintable(d.testResultText()));
    }

    void passwordIsSavedOnlyWhenTicked() {
        const QString name = QStringLiteral("Auth ü");
        const QString password = pgdesk::test::cluster().authPassword;
        resetStore({authProfile(name)});
        ConnectionDialog d;
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        auto* field = child<QLineEdit>(&d, "password");
        auto* box = child<QCheckBox>(&d, "savePassword");
        QTRY_VERIFY(d.editor()->passwordState() == pgdesk::ui::ProfileEditor::PasswordState::None);
        QVERIFY(!box->isChecked());

        // Typed, unticked: this session only.
        retype(field, password);
        QVERIFY(d.save());
        QTRY_VERIFY(d.statusText().startsWith(QStringLiteral("Saved")));
        QVERIFY(!keychainPassword(name));
        QCOMPARE(configFilesContaining(password.toUtf8()), QStringList());
        QCOMPARE(field->text(), QString());
        QVERIFY(d.editor()->passwordState() == pgdesk::ui::ProfileEditor::PasswordState::Session);
        d.testButton()->click(); // the session's password works
        QTRY_VERIFY_WITH_TIMEOUT(!d.isTesting(), 15000);
        QVERIFY2(d.testResultText().startsWith(QStringLiteral("Connected")), qPrintable(d.testResultText()));

        // Ticked: into the keychain (read by another program), still never into the file.
        box->setChecked(true);
        QVERIFY(d.save());
        QTRY_VERIFY(d.statusText().startsWith(QStringLiteral("Saved")));
        QCOMPARE(keychainPassword(name), std::optional<QString>(password));
        QCOMPARE(pgdesk::core::SecretStore::instance().password(name), std::optional<QString>(password));
        QCOMPARE(configFilesContaining(password.toUtf8()), QStringList());
        QVERIFY(d.editor()->passwordState() == pgdesk::ui::ProfileEditor::PasswordState::Keychain);
        {
            ConnectionDialog again; // a fresh dialog finds it and ticks the box
            QTRY_VERIFY(again.editor()->passwordState() ==
                        pgdesk::ui::ProfileEditor::PasswordState::Keychain);
            QVERIFY(child<QCheckBox>(&again, "savePassword")->isChecked());
        }

        // Renamed: the password follows.
        retype(child<QLineEdit>(&d, "name"), name + QStringLiteral(" 2"));
        QVERIFY(d.save());
        QTRY_VERIFY(d.statusText().startsWith(QStringLiteral("Saved")));
        QVERIFY(!keychainPassword(name));
        QCOMPARE(keychainPassword(name + QStringLiteral(" 2")), std::optional<QString>(password));

        // Unticked: the saved copy goes.
        box->setChecked(false);
        QVERIFY(d.save());
        QTRY_VERIFY(d.statusText().startsWith(QStringLiteral("Saved")));
        QVERIFY(!keychainPassword(name + QStringLiteral(" 2")));
        QVERIFY(!pgdesk::core::SecretStore::instance().password(name + QStringLiteral(" 2")));
        QCOMPARE(configFilesContaining(password.toUtf8()), QStringList());
    }

    void mainWindowOpensTheManagerAndConnectsTheChosenProfile() {
        resetStore({authProfile(QStringLiteral("A first")), clusterProfile(QStringLiteral("Cluster"))});
        pgdesk::ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* action = w.findChild<QAction*>(QStringLiteral("manageConnectionsAction"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+O")));
        action->trigger();
        ConnectionDialog* d = pgdesk::ui::ConnectFeature::of(w)->connectionDialog();
        QVERIFY(d);
        QTRY_VERIFY(d->isVisible());
        action->trigger(); // a second trigger raises the same dialog
        QCOMPARE(pgdesk::ui::ConnectFeature::of(w)->connectionDialog(), d);
        d->selectProfile(QStringLiteral("Cluster"));
        d->connectButton()->click();
        QTRY_VERIFY(!pgdesk::ui::ConnectFeature::of(w)->connectionDialog());
        QTRY_VERIFY_WITH_TIMEOUT(w.connectionStatus().contains(QStringLiteral("PostgreSQL 15")), 15000);
        QVERIFY(w.connectionStatus().startsWith(QStringLiteral("Cluster · postgres@pgdesk_demo")));
    }

    // Renaming the profile the window works on: the status bar and the title show the new name at once.
    void renamingTheOpenProfileRenamesTheWindow() {
        resetStore({clusterProfile(QStringLiteral("Cluster")), clusterProfile(QStringLiteral("Other"))});
        pgdesk::ui::MainWindow w;
        w.show();
        w.openProfile(QStringLiteral("Cluster"));
        QTRY_VERIFY_WITH_TIMEOUT(w.connectionStatus().contains(QStringLiteral("PostgreSQL 15")), 15000);
        QVERIFY(w.windowTitle().startsWith(QStringLiteral("Cluster")));
        w.manageConnections();
        ConnectionDialog* d = pgdesk::ui::ConnectFeature::of(w)->connectionDialog();
        QVERIFY(d);
        QTRY_VERIFY(d->isVisible());
        d->selectProfile(QStringLiteral("Cluster"));
        retype(child<QLineEdit>(d, "name"), QStringLiteral("Cluster renamed"));
        QVERIFY(d->save());
        QTRY_VERIFY(d->statusText().startsWith(QStringLiteral("Saved")));
        QVERIFY2(w.connectionStatus().startsWith(QStringLiteral("Cluster renamed · postgres@pgdesk_demo")),
                 qPrintable(w.connectionStatus()));
        QVERIFY2(w.windowTitle().startsWith(QStringLiteral("Cluster renamed")), qPrintable(w.windowTitle()));
        // Renaming another profile leaves the window's alone.
        d->selectProfile(QStringLiteral("Other"));
        retype(child<QLineEdit>(d, "name"), QStringLiteral("Other renamed"));
        QVERIFY(d->save());
        QTRY_VERIFY(d->statusText().startsWith(QStringLiteral("Saved")));
        QVERIFY(w.connectionStatus().startsWith(QStringLiteral("Cluster renamed · ")));
        QVERIFY(w.windowTitle().startsWith(QStringLiteral("Cluster renamed")));
    }

    void serverAskingForAPasswordPromptsForIt() {
        const QString name = QStringLiteral("Prompted");
        resetStore({authProfile(name)});
        pgdesk::ui::MainWindow w;
        w.show();
        w.openProfile(name);
        QTRY_VERIFY_WITH_TIMEOUT(pgdesk::ui::ConnectFeature::of(w)->passwordPrompt() &&
                                     pgdesk::ui::ConnectFeature::of(w)->passwordPrompt()->isVisible(),
                                 15000);
        QPointer<pgdesk::ui::PasswordPrompt> first = pgdesk::ui::ConnectFeature::of(w)->passwordPrompt();
        QCOMPARE(first->profileName(), name);
        QVERIFY(!first->saveBox()->isChecked());
        first->passwordEdit()->setText(QStringLiteral("wrong password"));
        first->accept();
        // A wrong one is asked for again, in a new prompt.
        QTRY_VERIFY_WITH_TIMEOUT(!first && pgdesk::ui::ConnectFeature::of(w)->passwordPrompt() &&
                                     pgdesk::ui::ConnectFeature::of(w)->passwordPrompt()->isVisible(),
                                 15000);
        pgdesk::ui::PasswordPrompt* prompt = pgdesk::ui::ConnectFeature::of(w)->passwordPrompt();
        prompt->passwordEdit()->setText(pgdesk::test::cluster().authPassword);
        prompt->accept();
        QTRY_VERIFY_WITH_TIMEOUT(w.connectionStatus().contains(QStringLiteral("PostgreSQL 15")), 15000);
        QVERIFY(w.connectionStatus().startsWith(name));
        QVERIFY(!keychainPassword(name)); // not ticked: not saved
        QCOMPARE(configFilesContaining(pgdesk::test::cluster().authPassword.toUtf8()), QStringList());

        QVERIFY(pgdesk::ui::PasswordPrompt::isPasswordRequest(
            QStringLiteral("ERROR 28000: fe_sendauth: no password supplied")));
        QVERIFY(!pgdesk::ui::PasswordPrompt::isPasswordRequest(QStringLiteral("connection refused")));
    }
};

PGDESK_UI_TEST_MAIN(TestConnectionDialog)
#include "tst_connectiondialog.moc"
