// SPDX-License-Identifier: GPL-3.0-or-later
#include "programs.h"
#include <pgdesk/core/profiles/profilestore.h>
#include <pgdesk/core/profiles/secretstore.h>

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTest>
#include <QThread>

#include <atomic>
#include <thread>
#include <vector>

using namespace pgdesk::core;

namespace {

// Set in a child copy of this program: print the stored password of that profile (hex) and exit.
constexpr const char* kHelperVariable = "PGDESK_SECRETSTORE_HELPER_READ";

struct Lookup {
    bool found = false;
    QString secret;
};

// What the Secret Service itself holds, read by another program. QtKeychain's libsecret backend files
// entries under the attributes server=<service> and user=<key>.
Lookup secretToolLookup(const QString& profile) {
    QProcess p;
    p.start(pgdesk::test::requireProgram(QStringLiteral("secret-tool"), "libsecret-tools"),
            {QStringLiteral("lookup"), QStringLiteral("server"), QStringLiteral("PgDesk"),
             QStringLiteral("user"), QStringLiteral("profile/") + profile});
    if (!p.waitForFinished(20000))
        qFatal("secret-tool did not finish");
    const QByteArray out = p.readAllStandardOutput();
    return {p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0 && !out.isEmpty(),
            QString::fromUtf8(out)};
}

QString secretToolSearch() {
    QProcess p;
    p.start(pgdesk::test::requireProgram(QStringLiteral("secret-tool"), "libsecret-tools"),
            {QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("server"),
             QStringLiteral("PgDesk")});
    p.waitForFinished(20000);
    return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
}

// A fresh process with a fresh SecretStore: proves the password outlives this one.
Lookup freshProcessLookup(const QString& profile) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(kHelperVariable), profile);
    p.setProcessEnvironment(env);
    p.start(QCoreApplication::applicationFilePath(), {});
    if (!p.waitForFinished(30000))
        qFatal("helper did not finish");
    const QByteArray out = p.readAllStandardOutput().trimmed();
    if (p.exitCode() != 0)
        return {};
    return {true, QString::fromUtf8(QByteArray::fromHex(out))};
}

int helperMain() {
    const auto password = SecretStore::instance().password(qEnvironmentVariable(kHelperVariable));
    if (!password)
        return 3;
    fputs(password->toUtf8().toHex().constData(), stdout);
    return 0;
}

// Every regular file under `root` (except `skip`) that contains `needle`.
QStringList filesContaining(const QString& root, const QString& skip, const QByteArray& needle,
                            int* scanned) {
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.startsWith(skip + QLatin1Char('/')) || !it.fileInfo().isFile())
            continue;
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        ++*scanned;
        if (f.readAll().contains(needle))
            hits << path;
    }
    return hits;
}

} // namespace

class TestSecretStore final : public QObject {
    Q_OBJECT
private slots:
    // The harness provides gnome-keyring; no keychain here is a broken environment, not a skip.
    void initTestCase() {
        auto& store = SecretStore::instance();
        QVERIFY2(store.keychainAvailable(), qPrintable(store.lastError()));
        QVERIFY(store.lastError().isEmpty());
    }

    void writeReadOverwriteRemove() {
        auto& store = SecretStore::instance();
        const QString name = QStringLiteral("alpha");
        QVERIFY(!store.password(name));
        QVERIFY(!secretToolLookup(name).found);

        store.setPassword(name, QStringLiteral("first-Secret"));
        QVERIFY2(store.lastError().isEmpty(), qPrintable(store.lastError()));
        QCOMPARE(store.password(name), std::optional<QString>(QStringLiteral("first-Secret")));
        const Lookup stored = secretToolLookup(name);
        QVERIFY2(stored.found, qPrintable(secretToolSearch()));
        QCOMPARE(stored.secret, QStringLiteral("first-Secret"));

        store.setPassword(name, QStringLiteral("second Secret"));
        QVERIFY(store.lastError().isEmpty());
        QCOMPARE(store.password(name), std::optional<QString>(QStringLiteral("second Secret")));
        QCOMPARE(secretToolLookup(name).secret, QStringLiteral("second Secret"));
        QCOMPARE(freshProcessLookup(name).secret, QStringLiteral("second Secret"));

        store.removePassword(name);
        QVERIFY(store.lastError().isEmpty());
        QVERIFY(!store.password(name));
        QVERIFY(!secretToolLookup(name).found);
        QVERIFY(!freshProcessLookup(name).found);
        store.removePassword(name); // removing twice is fine
        QVERIFY(store.lastError().isEmpty());
    }

    void storedUnderPgDeskService() {
        auto& store = SecretStore::instance();
        store.setPassword(QStringLiteral("attrs"), QStringLiteral("attr-secret"));
        const QString listing = secretToolSearch();
        QVERIFY2(listing.contains(QStringLiteral("attribute.server = PgDesk")), qPrintable(listing));
        QVERIFY2(listing.contains(QStringLiteral("attribute.user = profile/attrs")), qPrintable(listing));
        store.removePassword(QStringLiteral("attrs"));
    }

    void unicodePassword() {
        auto& store = SecretStore::instance();
        const QString name = QStringLiteral("ünïcode prófile 日本");
        const QString password = QStringLiteral("пароль 🔑 密码 'q' \"d\" \\ ");
        store.setPassword(name, password);
        QVERIFY(store.lastError().isEmpty());
        QCOMPARE(store.password(name), std::optional<QString>(password));
        QCOMPARE(secretToolLookup(name).secret, password);
        QCOMPARE(freshProcessLookup(name).secret, password);
        store.removePassword(name);
        QVERIFY(!secretToolLookup(name).found);
    }

    void memoryOnly() {
        auto& store = SecretStore::instance();
        const QString name = QStringLiteral("session-only");
        store.setPassword(name, QStringLiteral("saved-before"));
        QVERIFY(secretToolLookup(name).found);
        // persist=false: this process only, and the older keychain copy is gone.
        store.setPassword(name, QStringLiteral("typed-now"), false);
        QVERIFY2(store.lastError().isEmpty(), qPrintable(store.lastError()));
        QCOMPARE(store.password(name), std::optional<QString>(QStringLiteral("typed-now")));
        QVERIFY(!secretToolLookup(name).found);
        QVERIFY(!freshProcessLookup(name).found);
        // Saving it later moves it into the keychain.
        store.setPassword(name, QStringLiteral("now-saved"));
        QCOMPARE(secretToolLookup(name).secret, QStringLiteral("now-saved"));
        QCOMPARE(store.password(name), std::optional<QString>(QStringLiteral("now-saved")));
        store.removePassword(name);
        QVERIFY(!store.password(name));
    }

    // Callers on worker threads (QThread and plain std::thread) at the same time.
    void fromManyThreads() {
        auto& store = SecretStore::instance();
        std::atomic<int> good = 0;
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&store, &good, t] {
                for (int i = 0; i < 3; ++i) {
                    const QString name = QStringLiteral("thread-%1-%2").arg(t).arg(i);
                    const QString password = QStringLiteral("pw-%1-%2").arg(t).arg(i);
                    store.setPassword(name, password);
                    if (store.password(name) == password)
                        ++good;
                    store.removePassword(name);
                    if (!store.password(name))
                        ++good;
                }
            });
        }
        QThread* qthread = QThread::create([&store, &good] {
            store.setPassword(QStringLiteral("qthread"), QStringLiteral("qthread-pw"));
            if (store.password(QStringLiteral("qthread")) == QStringLiteral("qthread-pw"))
                ++good;
        });
        qthread->start();
        for (auto& t : threads)
            t.join();
        QVERIFY(qthread->wait(60000));
        delete qthread;
        QCOMPARE(good.load(), 4 * 3 * 2 + 1);
        QCOMPARE(secretToolLookup(QStringLiteral("qthread")).secret, QStringLiteral("qthread-pw"));
        store.removePassword(QStringLiteral("qthread"));
    }

    // Profiles go to the config file, passwords only to the keychain: no other file holds them.
    void passwordInNoFile() {
        const QString home = QDir::homePath();
        const QString config = qEnvironmentVariable("XDG_CONFIG_HOME");
        const QString data = qEnvironmentVariable("XDG_DATA_HOME");
        QVERIFY2(!config.isEmpty() && !data.isEmpty(), "run through ctest (run-isolated.sh)");
        const QString keyrings = data + QStringLiteral("/keyrings");

        const QString secret = QStringLiteral("Unique-Pässword-%1").arg(QCoreApplication::applicationPid());
        ConnectionProfile p;
        p.name = QStringLiteral("gamma");
        p.host = QStringLiteral("db.example.com");
        p.user = QStringLiteral("gamma_user");
        ProfileStore profiles;
        profiles.upsert(p);
        profiles.save();
        SecretStore::instance().setPassword(p.name, secret);
        QVERIFY(SecretStore::instance().lastError().isEmpty());
        QCOMPARE(secretToolLookup(p.name).secret, secret);

        // gnome-keyring keeps its (encrypted) keyring on disk; that folder, and only it, is skipped.
        QVERIFY2(QDir(keyrings).exists(), qPrintable(keyrings));
        QVERIFY(QFile::exists(ProfileStore::defaultPath()));
        for (const QString& root : {config, data, home}) {
            int scanned = 0;
            const QStringList hits = filesContaining(root, keyrings, secret.toUtf8(), &scanned);
            QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char(' '))));
            QVERIFY(scanned > 0 || root == data);
            const QStringList utf16 = filesContaining(
                root, keyrings, QByteArray(reinterpret_cast<const char*>(secret.utf16()), secret.size() * 2),
                &scanned);
            QVERIFY2(utf16.isEmpty(), qPrintable(utf16.join(QLatin1Char(' '))));
        }
        // The scan does find what is there: the profile's user name is in profiles.json.
        int scanned = 0;
        QCOMPARE(filesContaining(config, keyrings, "gamma_user", &scanned),
                 QStringList{ProfileStore::defaultPath()});
        SecretStore::instance().removePassword(p.name);
    }
};

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet(kHelperVariable))
        return helperMain();
    TestSecretStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_secretstore.moc"
