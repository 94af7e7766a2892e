// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectiondialogtest.h"
#include "uitestmain.h"

// The connection manager and DSNs: a pasted DSN or URI fills the fields (never showing its password), Enter
// in the DSN box only fills them, pg_service.conf files import as profiles.
class TestConnectionDsn final : public QObject {
    Q_OBJECT

private slots:
    void pastedDsnFillsFieldsAndNeverShowsThePassword() {
        resetStore({});
        ConnectionDialog d;
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        d.newProfile();
        child<QSpinBox>(&d, "poolSize")->setValue(9); // not part of a DSN: kept
        const QString secret = QStringLiteral("s3crét-Ü");
        d.dsnEdit()->setText(QStringLiteral("postgresql://alice:s3cr%C3%A9t-%C3%9C@db.example.com:6543/sales"
                                            "?sslmode=require&application_name=reports&connect_timeout=7"));
        child<QPushButton>(&d, "fillButton")->click();
        QCOMPARE(child<QLineEdit>(&d, "host")->text(), QStringLiteral("db.example.com"));
        QCOMPARE(child<QLineEdit>(&d, "port")->text(), QStringLiteral("6543"));
        QCOMPARE(child<QLineEdit>(&d, "database")->text(), QStringLiteral("sales"));
        QCOMPARE(child<QLineEdit>(&d, "user")->text(), QStringLiteral("alice"));
        QCOMPARE(child<QLineEdit>(&d, "applicationName")->text(), QStringLiteral("reports"));
        QCOMPARE(child<QSpinBox>(&d, "connectTimeout")->value(), 7);
        QCOMPARE(child<QComboBox>(&d, "sslMode")->currentData().toString(), QStringLiteral("require"));
        QCOMPARE(child<QSpinBox>(&d, "poolSize")->value(), 9);
        // Not named by the user ("New connection"): named after the connection.
        QCOMPARE(child<QLineEdit>(&d, "name")->text(), QStringLiteral("alice@db.example.com:6543/sales"));
        auto* password = child<QLineEdit>(&d, "password");
        QCOMPARE(password->echoMode(), QLineEdit::Password);
        QCOMPARE(password->text(), secret);
        QVERIFY(d.dsnMessage().contains(QStringLiteral("********")));
        QVERIFY(d.isDirty());
        const QStringList texts = visibleTexts(&d);
        QCOMPARE(countContaining(texts, QStringLiteral("s3cr")), 0);
        QVERIFY(countContaining(texts, QStringLiteral("db.example.com")) > 0); // the scan does see the fields

        // A second DSN replaces the connection fields; what it leaves out goes back to the defaults.
        QVERIFY(d.fillFromDsn(QStringLiteral("host=/tmp dbname='we\\'ird' user=bob")));
        QCOMPARE(child<QLineEdit>(&d, "host")->text(), QStringLiteral("/tmp"));
        QCOMPARE(child<QLineEdit>(&d, "database")->text(), QStringLiteral("we'ird"));
        QCOMPARE(child<QLineEdit>(&d, "port")->text(), QString());
        QCOMPARE(child<QComboBox>(&d, "sslMode")->currentData().toString(), QString());
        QCOMPARE(password->text(), secret); // no password in this DSN: the typed one stays

        // Errors in plain words, inline, with the password masked even where libpq quotes the text. (A
        // DSN that fails stays in its box for the user to correct; fillFromDsn() is given it directly.)
        for (const QString& bad : {QStringLiteral("postgresql://bob:topsecret99@host:notaport/db"),
                                   QStringLiteral("host=x password=topsecret99 bogus=1"),
                                   QStringLiteral("host=x password=topsecret99 dbname")}) {
            QVERIFY(!d.fillFromDsn(bad));
            QVERIFY2(d.dsnMessage().startsWith(QStringLiteral("This DSN could not be read")),
                     qPrintable(d.dsnMessage()));
            QCOMPARE(countContaining(visibleTexts(&d), QStringLiteral("topsecret99")), 0);
        }
        QVERIFY(!d.fillFromDsn(QStringLiteral("postgresql://bob@host:notaport/db")));
        QVERIFY2(d.dsnMessage().contains(QStringLiteral("port")), qPrintable(d.dsnMessage()));
        QVERIFY(!d.fillFromDsn(QStringLiteral("host=x bogus=1")));
        QVERIFY2(d.dsnMessage().contains(QStringLiteral("bogus")), qPrintable(d.dsnMessage()));
        QCOMPARE(child<QLineEdit>(&d, "host")->text(), QStringLiteral("/tmp")); // a bad DSN changes nothing

        // Saved unticked: the password never reaches the profile file.
        QVERIFY(d.fillFromDsn(QStringLiteral("postgresql://alice:s3cr%C3%A9t-%C3%9C@db.example.com/sales")));
        QVERIFY(d.save());
        QTRY_VERIFY(d.statusText().startsWith(QStringLiteral("Saved")));
        QVERIFY(!profileFile().isEmpty());
        QVERIFY(!profileFile().contains(secret.toUtf8()));
        QVERIFY(!profileFile().contains("s3cr"));
        QVERIFY(!keychainPassword(QStringLiteral("alice@db.example.com/sales")));
        QCOMPARE(diskStore().profiles().size(), 1); // "New connection" renamed, not kept beside it
        QVERIFY(diskStore().find(QStringLiteral("alice@db.example.com/sales")));
        QCOMPARE(countContaining(visibleTexts(&d), QStringLiteral("s3cr")), 0);
    }

    // Enter in the DSN box fills the fields and nothing else (it used to save a "New connection" profile,
    // press Connect and switch the window): nothing saved, no Connect, the dialog stays open.
    void enterInTheDsnBoxOnlyFillsTheFields() {
        resetStore({});
        const QByteArray empty = profileFile();
        ConnectionDialog d;
        QSignalSpy accepted(&d, &QDialog::accepted);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        const auto enterDsn = [&d](const QString& dsn, int key = Qt::Key_Return) {
            d.dsnEdit()->setFocus();
            QTest::keyClicks(d.dsnEdit(), dsn);
            QTest::keyClick(d.dsnEdit(), Qt::Key(key),
                            key == Qt::Key_Enter ? Qt::KeypadModifier : Qt::NoModifier);
            QTest::qWait(50); // a queued accept or save would come now
        };
        enterDsn(QStringLiteral("postgresql://alice@db.example.com:6543/sales?sslmode=require"));
        QVERIFY(d.isVisible());
        QCOMPARE(accepted.count(), 0);
        QCOMPARE(profileFile(), empty);
        QVERIFY(diskStore().profiles().isEmpty());
        QVERIFY(d.isDraft());
        QVERIFY(d.isDirty());
        QCOMPARE(d.selectedProfileName(), QString());
        QVERIFY(child<QWidget>(&d, "profileEditor")->isVisible());
        QCOMPARE(child<QLineEdit>(&d, "host")->text(), QStringLiteral("db.example.com"));
        QCOMPARE(child<QLineEdit>(&d, "port")->text(), QStringLiteral("6543"));
        QCOMPARE(child<QLineEdit>(&d, "database")->text(), QStringLiteral("sales"));
        QCOMPARE(child<QLineEdit>(&d, "user")->text(), QStringLiteral("alice"));
        QCOMPARE(child<QComboBox>(&d, "sslMode")->currentData().toString(), QStringLiteral("require"));
        QCOMPARE(child<QLineEdit>(&d, "name")->text(), QStringLiteral("alice@db.example.com:6543/sales"));
        QVERIFY(d.dsnEdit()->text().isEmpty());
        QVERIFY(d.saveButton()->isEnabled());

        // Keypad Enter too; a name the dialog made up follows the next DSN.
        enterDsn(QStringLiteral("host=/tmp dbname=other user=bob"), Qt::Key_Enter);
        QCOMPARE(accepted.count(), 0);
        QCOMPARE(profileFile(), empty);
        QCOMPARE(child<QLineEdit>(&d, "name")->text(), QStringLiteral("bob@/tmp/other"));
        // A name the user typed stays.
        retype(child<QLineEdit>(&d, "name"), QStringLiteral("Reports"));
        enterDsn(QStringLiteral("postgresql://carol@h2/db2"));
        QCOMPARE(child<QLineEdit>(&d, "name")->text(), QStringLiteral("Reports"));
        QCOMPARE(child<QLineEdit>(&d, "host")->text(), QStringLiteral("h2"));
        QCOMPARE(profileFile(), empty);

        // Save writes the draft; Enter on a saved profile fills its fields without saving them either.
        QVERIFY(d.save());
        QTRY_VERIFY(d.statusText().startsWith(QStringLiteral("Saved")));
        QVERIFY(!d.isDraft());
        QCOMPARE(d.selectedProfileName(), QStringLiteral("Reports"));
        QCOMPARE(diskStore().get(QStringLiteral("Reports")).database, QStringLiteral("db2"));
        const QByteArray saved = profileFile();
        enterDsn(QStringLiteral("postgresql://dave@h3/db3"));
        QCOMPARE(child<QLineEdit>(&d, "host")->text(), QStringLiteral("h3"));
        QVERIFY(d.isDirty());
        QCOMPARE(profileFile(), saved);
        // Enter on the focused Fill button fills too, and no more.
        d.dsnEdit()->setText(QStringLiteral("postgresql://erin@h4/db4"));
        auto* fill = child<QPushButton>(&d, "fillButton");
        fill->setFocus();
        QTest::keyClick(fill, Qt::Key_Return);
        QTest::qWait(50);
        QCOMPARE(child<QLineEdit>(&d, "host")->text(), QStringLiteral("h4"));
        QCOMPARE(profileFile(), saved);
        QCOMPARE(accepted.count(), 0);
        QVERIFY(d.isVisible());
    }

    void importsServicesFromAFile() {
        ConnectionProfile existing;
        existing.name = QStringLiteral("existing");
        existing.host = QStringLiteral("keep.me");
        resetStore({existing});
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("pg_service.conf"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("# services\n"
                                  "[billing]\nhost=127.0.0.1\nport=%1\ndbname=pgdesk_demo\nuser=postgres\n"
                                  "password=filesecret123\n\n"
                                  "[Ünïcode svc]\nhost=/tmp\ndbname=we\"ird\n\n"
                                  "[existing]\nhost=other.host\n")
                       .arg(pgdesk::test::cluster().port)
                       .toUtf8());
        file.close();
        ConnectionDialog d;
        d.show();
        QCOMPARE(d.importServiceFile(path), 2);
        QVERIFY2(d.statusText().contains(QStringLiteral("Imported 2")), qPrintable(d.statusText()));
        QVERIFY(d.statusText().contains(QStringLiteral("existing")));
        QCOMPARE(d.selectedProfileName(), QStringLiteral("billing"));
        const ProfileStore disk = diskStore();
        QCOMPARE(disk.profiles().size(), 3);
        const ConnectionProfile billing = disk.get(QStringLiteral("billing"));
        QCOMPARE(billing.host, QStringLiteral("127.0.0.1"));
        QCOMPARE(billing.port, pgdesk::test::cluster().port);
        QCOMPARE(billing.database, QStringLiteral("pgdesk_demo"));
        QCOMPARE(disk.get(QStringLiteral("Ünïcode svc")).database, QStringLiteral("we\"ird"));
        QCOMPARE(disk.get(QStringLiteral("existing")).host, QStringLiteral("keep.me"));
        QVERIFY(!profileFile().contains("filesecret123"));
        QCOMPARE(d.model()->rowCount(), 3);

        // The imported profile connects.
        d.testButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!d.isTesting(), 15000);
        QVERIFY2(d.testResultText().startsWith(QStringLiteral("Connected")), qPrintable(d.testResultText()));

        QCOMPARE(d.importServiceFile(dir.filePath(QStringLiteral("missing.conf"))), 0);
        QVERIFY2(d.statusText().contains(QStringLiteral("does not exist")), qPrintable(d.statusText()));
        QCOMPARE(diskStore().profiles().size(), 3);
    }
};

PGDESK_UI_TEST_MAIN(TestConnectionDsn)
#include "tst_connectiondsn.moc"
