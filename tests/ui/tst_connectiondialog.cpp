#include "testcluster.h"

#include <pgdesk/core/profilestore.h>
#include <pgdesk/core/secretstore.h>
#include <pgdesk/ui/connectiondialog.h>
#include <pgdesk/ui/mainwindow.h>
#include <pgdesk/ui/passwordprompt.h>
#include <pgdesk/ui/profileeditor.h>
#include <pgdesk/ui/profilelistmodel.h>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPointer>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using pgdesk::core::ConnectionProfile;
using pgdesk::core::ProfileStore;
using pgdesk::ui::ConnectionDialog;
using pgdesk::ui::ProfileListModel;

namespace {

// A TCP socket on 127.0.0.1 that completes the handshake (the kernel does) but never answers, so a
// connection attempt waits until connect_timeout. With listening=false the port is closed again.
class SilentServer {
public:
    explicit SilentServer(bool listening = true) {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = 0;
        ::bind(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
        socklen_t length = sizeof address;
        ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&address), &length);
        m_port = ntohs(address.sin_port);
        if (listening) {
            ::listen(m_fd, 8);
        } else {
            ::close(m_fd);
            m_fd = -1;
        }
    }
    ~SilentServer() {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    SilentServer(const SilentServer&) = delete;
    SilentServer& operator=(const SilentServer&) = delete;
    int port() const { return m_port; }

private:
    int m_fd = -1;
    int m_port = 0;
};

ProfileStore diskStore() {
    return ProfileStore(); // reads the file again: what is on disk, not what a dialog holds
}

QByteArray profileFile() {
    QFile f(ProfileStore::defaultPath());
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

template <class T> T* child(QObject* parent, const char* name) {
    T* found = parent->findChild<T*>(QString::fromLatin1(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

// Types into a line edit the way a user does (textEdited fires), replacing what was there.
void retype(QLineEdit* edit, const QString& text) {
    edit->selectAll();
    edit->del();
    edit->insert(text);
}

// Clicks a button of the next message box once it is up (QMessageBox::question runs its own loop).
void answerNextMessageBox(QMessageBox::StandardButton answer) {
    auto* poll = new QTimer;
    QObject::connect(poll, &QTimer::timeout, poll, [poll, answer] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            box->button(answer)->click();
            poll->deleteLater();
        }
    });
    poll->start(20);
}

// Every piece of text a widget under `root` shows (or offers to screen readers).
QStringList visibleTexts(QWidget* root) {
    QStringList texts{root->windowTitle(), root->toolTip()};
    for (QWidget* w : root->findChildren<QWidget*>()) {
        texts << w->toolTip() << w->accessibleName() << w->accessibleDescription() << w->windowTitle();
        if (auto* edit = qobject_cast<QLineEdit*>(w))
            texts << edit->displayText() << edit->placeholderText();
        if (auto* label = qobject_cast<QLabel*>(w))
            texts << label->text();
        if (auto* button = qobject_cast<QAbstractButton*>(w))
            texts << button->text();
        if (auto* combo = qobject_cast<QComboBox*>(w))
            for (int i = 0; i < combo->count(); ++i)
                texts << combo->itemText(i);
        if (auto* spin = qobject_cast<QAbstractSpinBox*>(w))
            texts << spin->text();
        if (auto* view = qobject_cast<QAbstractItemView*>(w); view && view->model())
            for (int r = 0; r < view->model()->rowCount(); ++r)
                for (int role :
                     {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(ProfileListModel::SummaryRole)})
                    texts << view->model()->index(r, 0).data(role).toString();
    }
    return texts;
}

int countContaining(const QStringList& texts, const QString& needle) {
    int n = 0;
    for (const QString& t : texts)
        if (t.contains(needle))
            ++n;
    return n;
}

// What the Secret Service itself holds for a profile, read by another program.
std::optional<QString> keychainPassword(const QString& profile) {
    QProcess p;
    p.start(QStringLiteral("secret-tool"),
            {QStringLiteral("lookup"), QStringLiteral("server"), QStringLiteral("PgDesk"),
             QStringLiteral("user"), QStringLiteral("profile/") + profile});
    if (!p.waitForFinished(20000))
        qFatal("secret-tool did not finish");
    const QByteArray out = p.readAllStandardOutput();
    if (p.exitCode() != 0 || out.isEmpty())
        return std::nullopt;
    return QString::fromUtf8(out);
}

// Files under the config folder (profiles.json and anything beside it) that contain `needle`.
QStringList configFilesContaining(const QByteArray& needle) {
    QStringList hits;
    const QString root = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            hits << f.fileName();
    }
    return hits;
}

void resetStore(const QList<ConnectionProfile>& profiles) {
    ProfileStore store;
    for (const auto& p : store.profiles())
        store.remove(p.name);
    for (const auto& p : profiles)
        store.add(p);
    store.save();
}

ConnectionProfile clusterProfile(const QString& name) {
    ConnectionProfile p = pgdesk::test::profile();
    p.name = name;
    return p;
}

// The scram-sha-256 role over TCP: the server asks for its password.
ConnectionProfile authProfile(const QString& name) {
    ConnectionProfile p;
    p.name = name;
    p.host = QStringLiteral("127.0.0.1");
    p.port = pgdesk::test::cluster().port;
    p.user = pgdesk::test::cluster().authUser;
    p.database = QStringLiteral("postgres");
    return p;
}

} // namespace

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
        QElapsedTimer clock;
        clock.start();
        d.testButton()->click();
        QVERIFY2(clock.elapsed() < 100, "the click blocked the GUI thread");
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

    void mainWindowOpensTheManagerAndConnectsTheChosenProfile() {
        resetStore({authProfile(QStringLiteral("A first")), clusterProfile(QStringLiteral("Cluster"))});
        pgdesk::ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* action = w.findChild<QAction*>(QStringLiteral("manageConnectionsAction"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+O")));
        action->trigger();
        ConnectionDialog* d = w.connectionDialog();
        QVERIFY(d);
        QTRY_VERIFY(d->isVisible());
        action->trigger(); // a second trigger raises the same dialog
        QCOMPARE(w.connectionDialog(), d);
        d->selectProfile(QStringLiteral("Cluster"));
        d->connectButton()->click();
        QTRY_VERIFY(!w.connectionDialog());
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
        ConnectionDialog* d = w.connectionDialog();
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
        QTRY_VERIFY_WITH_TIMEOUT(w.passwordPrompt() && w.passwordPrompt()->isVisible(), 15000);
        QPointer<pgdesk::ui::PasswordPrompt> first = w.passwordPrompt();
        QCOMPARE(first->profileName(), name);
        QVERIFY(!first->saveBox()->isChecked());
        first->passwordEdit()->setText(QStringLiteral("wrong password"));
        first->accept();
        // A wrong one is asked for again, in a new prompt.
        QTRY_VERIFY_WITH_TIMEOUT(!first && w.passwordPrompt() && w.passwordPrompt()->isVisible(), 15000);
        pgdesk::ui::PasswordPrompt* prompt = w.passwordPrompt();
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

QTEST_MAIN(TestConnectionDialog)
#include "tst_connectiondialog.moc"
