// SPDX-License-Identifier: GPL-3.0-or-later
// The window and the profile editor with a password command or Kerberos: the command's token opens a
// session, a refused one is reported without a password prompt, and the editor keeps the settings.
#include "connectiondialogtest.h"
#include "uitestmain.h"

#include <pgdesk/ui/connect/commandtrustdialog.h>
#include <pgdesk/ui/connect/connectfeature.h>
#include <pgdesk/ui/connect/connectiondialog.h>
#include <pgdesk/ui/connect/profileeditor.h>
#include <pgdesk/ui/shell/mainwindow.h>

#include <QPlainTextEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QTemporaryDir>

class TestLoginChoices final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    static ConnectionProfile withCommand(const QString& name, const QString& command) {
        ConnectionProfile p = authProfile(name);
        p.passwordCommand = command;
        return p;
    }

private slots:
    void theCommandsTokenOpensTheSession() {
        const QString name = QStringLiteral("Token");
        resetStore({withCommand(
            name, QStringLiteral("printf '%s\\n' '%1'").arg(pgdesk::test::cluster().authPassword))});
        pgdesk::ui::MainWindow w;
        w.show();
        w.openProfile(name);
        QTRY_VERIFY_WITH_TIMEOUT(w.connectionStatus().contains(QStringLiteral("PostgreSQL 15")), 15000);
        QVERIFY(!pgdesk::ui::ConnectFeature::of(w)->passwordPrompt());
        QVERIFY(!keychainPassword(name)); // the token is never stored
    }

    void aRefusedTokenIsNoReasonToPrompt() {
        const QString name = QStringLiteral("Stale token");
        resetStore({withCommand(name, QStringLiteral("echo expired-token"))});
        pgdesk::ui::MainWindow w;
        w.show();
        w.openProfile(name);
        QTRY_VERIFY_WITH_TIMEOUT(w.connectionStatus().contains(QStringLiteral("Not connected")), 15000);
        QTest::qWait(200); // a prompt would open right after the failure
        QVERIFY(!pgdesk::ui::ConnectFeature::of(w)->passwordPrompt());
    }

    void aFailingCommandIsShownInPlainWords() {
        const QString name = QStringLiteral("No credentials");
        resetStore({withCommand(name, QStringLiteral("echo 'Unable to locate credentials' >&2; exit 255"))});
        pgdesk::ui::MainWindow w;
        w.show();
        w.openProfile(name);
        QTRY_VERIFY_WITH_TIMEOUT(w.statusBar()->currentMessage().contains(
                                     QStringLiteral("The password command failed (exit 255)")),
                                 15000);
        // Its messages may hold the secret: not shown, the user is told to run it.
        QVERIFY(!w.statusBar()->currentMessage().contains(QStringLiteral("Unable to locate credentials")));
        QVERIFY(!pgdesk::ui::ConnectFeature::of(w)->passwordPrompt());
    }

    // A profile imported with a password command: nothing runs until the user has seen the command in the
    // confirmation and trusted it; Cancel connects nothing, Trust is saved in the profile and connects.
    void anImportedCommandIsShownAndTrustedFirst() {
        const QString name = QStringLiteral("Imported token");
        const QString marker = m_dir.filePath(QStringLiteral("ran"));
        ConnectionProfile p = withCommand(name, QStringLiteral("touch '%1'\nprintf '%s\\n' '%2'")
                                                    .arg(marker, pgdesk::test::cluster().authPassword));
        p.untrustedCommands = true;
        resetStore({p});
        pgdesk::ui::MainWindow w;
        w.show();
        w.openProfile(name);
        auto* dialog = w.findChild<pgdesk::ui::CommandTrustDialog*>(QStringLiteral("commandTrustDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(dialog->commandsView()->toPlainText(),
                 QStringLiteral("password_command:\n") + p.passwordCommand);
        dialog->reject();
        QTest::qWait(500);
        QVERIFY(!QFile::exists(marker));
        QVERIFY(diskStore().get(name).untrustedCommands);
        QVERIFY(!w.connectionStatus().contains(QStringLiteral("PostgreSQL")));

        w.openProfile(name);
        QTRY_VERIFY(
            (dialog = w.findChild<pgdesk::ui::CommandTrustDialog*>(QStringLiteral("commandTrustDialog"))));
        dialog->trustButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(w.connectionStatus().contains(QStringLiteral("PostgreSQL 15")), 15000);
        QVERIFY(QFile::exists(marker));
        QVERIFY(!diskStore().get(name).untrustedCommands);
    }

    // The connection manager's Test asks the same before running an imported profile's command.
    void testConnectionAsksBeforeAnImportedCommand() {
        const QString name = QStringLiteral("Imported test");
        const QString marker = m_dir.filePath(QStringLiteral("tested"));
        ConnectionProfile p = withCommand(name, QStringLiteral("touch '%1'\nprintf '%s\\n' '%2'")
                                                    .arg(marker, pgdesk::test::cluster().authPassword));
        p.untrustedCommands = true;
        resetStore({p});
        pgdesk::ui::ConnectionDialog d;
        d.show();
        d.selectProfile(name);
        d.testButton()->click();
        pgdesk::ui::CommandTrustDialog* trust = nullptr;
        QTRY_VERIFY((trust = d.findChild<pgdesk::ui::CommandTrustDialog*>()) && trust->isVisible());
        QVERIFY(trust->commandsView()->toPlainText().contains(p.passwordCommand));
        trust->reject();
        QTest::qWait(500);
        QVERIFY(!QFile::exists(marker));
        QVERIFY(diskStore().get(name).untrustedCommands);

        d.testButton()->click();
        QTRY_VERIFY((trust = d.findChild<pgdesk::ui::CommandTrustDialog*>()) && trust->isVisible());
        trust->trustButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(d.testResultText().contains(QStringLiteral("PostgreSQL 15")), 15000);
        QVERIFY(QFile::exists(marker));
        QVERIFY(!diskStore().get(name).untrustedCommands);
    }

    void kerberosNeverPrompts() {
        const QString name = QStringLiteral("Kerberos");
        ConnectionProfile p = authProfile(name);
        p.authentication = pgdesk::core::Authentication::Kerberos;
        p.gssEncMode = QStringLiteral("disable"); // the test cluster has no KDC: the login is refused
        resetStore({p});
        pgdesk::ui::MainWindow w;
        w.show();
        w.openProfile(name);
        QTRY_VERIFY_WITH_TIMEOUT(w.connectionStatus().contains(QStringLiteral("Not connected")), 15000);
        QTest::qWait(200);
        QVERIFY(!pgdesk::ui::ConnectFeature::of(w)->passwordPrompt());
    }

    void theEditorKeepsTheSettings() {
        pgdesk::ui::ProfileEditor editor;
        ConnectionProfile p;
        p.name = QStringLiteral("corp");
        p.authentication = pgdesk::core::Authentication::Kerberos;
        p.gssEncMode = QStringLiteral("require");
        p.krbSrvName = QStringLiteral("pgsvc");
        editor.setProfile(p);
        QCOMPARE(editor.profile(), p);
        QVERIFY(!child<QLineEdit>(&editor, "password")->isEnabled());
        QVERIFY(!child<QLineEdit>(&editor, "passwordCommand")->isEnabled());

        auto* authentication = child<QComboBox>(&editor, "authentication");
        authentication->setCurrentIndex(
            authentication->findData(int(pgdesk::core::Authentication::Password)));
        QVERIFY(child<QLineEdit>(&editor, "passwordCommand")->isEnabled());
        retype(child<QLineEdit>(&editor, "passwordCommand"), QStringLiteral("vault read -field=password x"));
        child<QSpinBox>(&editor, "passwordCommandTimeout")->setValue(30);
        const ConnectionProfile edited = editor.profile();
        QCOMPARE(edited.authentication, pgdesk::core::Authentication::Password);
        QCOMPARE(edited.passwordCommand, QStringLiteral("vault read -field=password x"));
        QCOMPARE(edited.passwordCommandTimeoutSeconds, 30);
        QCOMPARE(edited.gssEncMode, QStringLiteral("require"));
        QCOMPARE(edited.krbSrvName, QStringLiteral("pgsvc"));
    }
};

PGDESK_UI_TEST_MAIN(TestLoginChoices)
#include "tst_loginchoices.moc"
