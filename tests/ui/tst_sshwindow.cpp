// SPDX-License-Identifier: GPL-3.0-or-later
// The window's side of SSH tunnels: the profile editor's SSH page, ssh's questions asked in dialogs on
// the GUI thread (an unknown host key, a key's passphrase), a table opened through the tunnel under the
// offscreen platform, the tunnel's health beside the pool figures, and Reconnect after ssh was killed.
#include "connectiondialogtest.h"
#include "sshfixture.h"
#include "uitestmain.h"

#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/session/sshtunnel.h>
#include <pgdesk/ui/browse/tablebrowser.h>
#include <pgdesk/ui/connect/poolstatuswidget.h>
#include <pgdesk/ui/connect/profileeditor.h>
#include <pgdesk/ui/connect/sshpromptdialog.h>
#include <pgdesk/ui/grid/pagemodel.h>

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <signal.h>

using pgdesk::core::SshTunnelState;
using pgdesk::test::sshFixture;
using pgdesk::test::sshProfile;
using pgdesk::ui::SshPromptDialog;
using pgdesk::ui::TableBrowser;

namespace {

// Answers the SSH dialogs as a user would, clicking and typing in them, and records what they showed.
class DialogAnswerer final : public QObject {
public:
    QString passphrase;
    QString hostKeyButton = QStringLiteral("acceptOnce");
    QStringList shown; // "hostkey: …" / "secret: …", ssh's words as the dialog showed them

    DialogAnswerer() {
        connect(&m_timer, &QTimer::timeout, this, &DialogAnswerer::poll);
        m_timer.start(50);
    }

private:
    void poll() {
        for (QWidget* w : QApplication::topLevelWidgets()) {
            auto* dialog = qobject_cast<SshPromptDialog*>(w);
            // Marked on the dialog itself: the next one may well live at the same address.
            if (!dialog || !dialog->isVisible() || dialog->property("answered").toBool())
                continue;
            dialog->setProperty("answered", true);
            const QString text = dialog->findChild<QLabel*>(QStringLiteral("sshPromptText"))->text();
            if (auto* secret = dialog->findChild<QLineEdit*>(QStringLiteral("sshSecret"))) {
                shown << QStringLiteral("secret: ") + text;
                QTest::keyClicks(secret, passphrase);
                dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
            } else {
                shown << QStringLiteral("hostkey: ") + text;
                dialog->findChild<QPushButton*>(hostKeyButton)->click();
            }
        }
    }

    QTimer m_timer;
};

QString ownConfig(const QTemporaryDir& dir) {
    QFile known(dir.filePath(QStringLiteral("known_hosts")));
    known.open(QIODevice::WriteOnly); // empty: the target's key is unknown
    QFile config(dir.filePath(QStringLiteral("ssh_config")));
    config.open(QIODevice::WriteOnly);
    config.write("Host *\n  UserKnownHostsFile " + known.fileName().toUtf8() +
                 "\n  GlobalKnownHostsFile /dev/null\n");
    return config.fileName();
}

bool waitLoaded(TableBrowser& b) {
    QSignalSpy spy(&b, &TableBrowser::pageLoaded);
    return spy.wait(20000);
}

} // namespace

class TestSshWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        pgdesk::test::tagSshProcesses();
        QVERIFY(sshFixture().targetPort > 0);
        SshPromptDialog::installAsPrompter();
    }

    void editorRoundTripsTheSshPage() {
        pgdesk::ui::ProfileEditor editor;
        auto profile = sshProfile(QStringLiteral("ssh-editor"));
        profile.ssh.jumpHosts = {QStringLiteral("gate.example.com"), QStringLiteral("admin@inner:2222")};
        profile.ssh.hostKeyPolicy = pgdesk::core::SshHostKeyPolicy::Strict;
        editor.setProfile(profile);
        QCOMPARE(editor.profile().ssh, profile.ssh);
        auto* page = editor.findChild<QWidget*>(QStringLiteral("sshPage"));
        QVERIFY(page);
        QCOMPARE(editor.tabs()->tabText(editor.tabs()->indexOf(page)), QStringLiteral("SSH"));
        QCOMPARE(page->findChild<QLineEdit*>(QStringLiteral("sshJumpHosts"))->text(),
                 QStringLiteral("gate.example.com, admin@inner:2222"));

        // Typed as a user would: the fields become the profile's settings.
        auto* host = page->findChild<QLineEdit*>(QStringLiteral("sshHost"));
        host->selectAll();
        QTest::keyClicks(host, QStringLiteral("pgdesk-bastion"));
        auto* port = page->findChild<QSpinBox*>(QStringLiteral("sshPort"));
        port->setValue(0);
        QCOMPARE(editor.profile().ssh.host, QStringLiteral("pgdesk-bastion"));
        QCOMPARE(editor.profile().ssh.port, 0);
        QVERIFY(editor.isValid());

        // Ticked without a host is an error, not a silent direct connection; unticked keeps no SSH.
        host->selectAll();
        QTest::keyClick(host, Qt::Key_Backspace);
        QVERIFY(editor.validationError().contains(QStringLiteral("SSH host")));
        auto* enabled = page->findChild<QCheckBox*>(QStringLiteral("sshEnabled"));
        enabled->setChecked(false);
        QVERIFY(editor.isValid());
        QVERIFY(!editor.profile().ssh.enabled());
        QVERIFY(!host->isEnabled());

        editor.setProfile(pgdesk::test::profile());
        QVERIFY(!enabled->isChecked());
        QVERIFY(!editor.profile().ssh.enabled());
    }

    // Through the window: the unknown host key and the key's passphrase are asked in dialogs (on the GUI
    // thread, while the tunnel starts on a worker), the table opens through the tunnel, and the status bar
    // shows the tunnel up. Killed mid-session, the tab shows "Connection lost"; Reconnect restarts ssh.
    void tableThroughTheTunnelWithReconnect() {
        QTemporaryDir dir;
        auto profile = sshProfile(QStringLiteral("ssh-window"));
        profile.ssh.identityFile = sshFixture().dir + QStringLiteral("/id_pass");
        profile.ssh.configFile = ownConfig(dir);
        DialogAnswerer answerer;
        answerer.passphrase = sshFixture().passphrase;
        auto pool = pgdesk::core::Pool::create(profile);
        QVERIFY(pool->tunnel());
        pgdesk::ui::PoolStatusWidget status;
        status.setPool(pool);
        QVERIFY(status.text().contains(QStringLiteral("SSH not started")));

        TableBrowser b(pool, QStringLiteral("public"), QStringLiteral("customer"));
        b.show();
        QVERIFY(waitLoaded(b));
        QCOMPARE(b.model()->rowCount(), 100);
        QCOMPARE(answerer.shown.size(), 2);
        QVERIFY2(answerer.shown.at(0).startsWith(QStringLiteral("hostkey: ")),
                 qPrintable(answerer.shown.at(0)));
        QVERIFY2(answerer.shown.at(0).contains(QStringLiteral("SHA256:")), qPrintable(answerer.shown.at(0)));
        QVERIFY2(answerer.shown.at(1).startsWith(QStringLiteral("secret: ")) &&
                     answerer.shown.at(1).contains(QStringLiteral("id_pass")),
                 qPrintable(answerer.shown.at(1)));

        status.refresh();
        QCOMPARE(status.property("sshState").toString(), QStringLiteral("up"));
        QVERIFY2(status.text().contains(QStringLiteral("SSH up")), qPrintable(status.text()));
        QVERIFY2(status.toolTip().contains(QStringLiteral("127.0.0.1:")), qPrintable(status.toolTip()));

        const auto up = pool->tunnel()->status();
        QCOMPARE(::kill(pid_t(up.pid), SIGKILL), 0);
        QTRY_COMPARE(pool->tunnel()->status().state, SshTunnelState::Down);
        status.refresh();
        QCOMPARE(status.property("sshState").toString(), QStringLiteral("down"));

        QSignalSpy failed(&b, &TableBrowser::loadFailed);
        b.reload();
        QVERIFY(failed.wait(20000));
        QVERIFY(b.reconnectButton()->isVisible());
        QVERIFY2(b.findChild<QLabel*>(QStringLiteral("messageLabel"))
                     ->text()
                     .startsWith(QStringLiteral("Connection lost")),
                 qPrintable(b.findChild<QLabel*>(QStringLiteral("messageLabel"))->text()));

        // Reconnect: the passphrase is asked again (it was not remembered), the host key accepted once is
        // asked again too, and the tab loads through a new ssh.
        b.reconnectButton()->click();
        QVERIFY(waitLoaded(b));
        QVERIFY(!b.reconnectButton()->isVisible());
        QCOMPARE(b.model()->rowCount(), 100);
        const auto restarted = pool->tunnel()->status();
        QCOMPARE(restarted.state, SshTunnelState::Up);
        QCOMPARE(restarted.restarts, 1);
        QVERIFY(restarted.pid != up.pid);
        QCOMPARE(answerer.shown.size(), 4);
        status.refresh();
        QVERIFY2(status.toolTip().contains(QStringLiteral("restarted 1 time")), qPrintable(status.toolTip()));
    }

    // Refused in the dialog: the tab names the hop, and no connection reaches the server.
    void refusedHostKeyNamedInTheTab() {
        QTemporaryDir dir;
        auto profile = sshProfile(QStringLiteral("ssh-window-refused"));
        profile.ssh.configFile = ownConfig(dir);
        DialogAnswerer answerer;
        answerer.hostKeyButton = QStringLiteral("refuse");
        auto pool = pgdesk::core::Pool::create(profile);
        TableBrowser b(pool, QStringLiteral("public"), QStringLiteral("customer"));
        QSignalSpy failed(&b, &TableBrowser::loadFailed);
        QVERIFY(failed.wait(20000));
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral("SSH host key not accepted")),
                 qPrintable(failed.first().first().toString()));
        QCOMPARE(answerer.shown.size(), 1);
    }

    // "Test connection" on a profile whose SSH server refuses the forward: the hop is named, not the
    // database's host and port, which were never tried. The editor shows the profile's SSH settings.
    void testConnectionNamesTheSshHop() {
        auto profile = sshProfile(QStringLiteral("ssh-test-button"));
        profile.ssh.port = sshFixture().noforwardPort;
        connectiondialogtest::resetStore({profile});
        pgdesk::ui::ConnectionDialog d;
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QCOMPARE(d.selectedProfileName(), QStringLiteral("ssh-test-button"));
        QCOMPARE(connectiondialogtest::child<QSpinBox>(&d, "sshPort")->value(), sshFixture().noforwardPort);
        QVERIFY(connectiondialogtest::child<QCheckBox>(&d, "sshEnabled")->isChecked());
        d.testButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!d.isTesting(), 20000);
        QVERIFY2(d.testResultText().startsWith(QStringLiteral("The SSH tunnel could not be opened")),
                 qPrintable(d.testResultText()));
        QVERIFY2(d.testResultText().contains(QStringLiteral("SSH forwarding refused")),
                 qPrintable(d.testResultText()));
    }

    void noSshProcessLeft() { QCOMPARE(pgdesk::test::waitForNoTaggedSsh(), 0); }
};

PGDESK_UI_TEST_MAIN(TestSshWindow)
#include "tst_sshwindow.moc"
