// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/profiles/secretstore.h>

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <thread>

using namespace pgdesk::core;

// Runs with D-Bus pointing nowhere (set in main() before anything starts): no Secret Service, so
// SecretStore must say so and keep passwords in memory, never in a file.
class TestSecretStoreNoKeychain final : public QObject {
    Q_OBJECT
private slots:
    void keychainUnavailable() {
        QElapsedTimer timer;
        timer.start();
        auto& store = SecretStore::instance();
        QVERIFY(!store.keychainAvailable());
        QVERIFY(!store.lastError().isEmpty());
        QVERIFY2(timer.elapsed() < 10000, "probing a missing bus must not hang");
    }

    void passwordsStayInMemory() {
        auto& store = SecretStore::instance();
        QVERIFY(!store.password(QStringLiteral("p")));
        store.setPassword(QStringLiteral("p"), QStringLiteral("in-memory-secret"));
        QVERIFY2(store.lastError().contains(QStringLiteral("memory")), qPrintable(store.lastError()));
        QVERIFY(!store.lastError().contains(QStringLiteral("in-memory-secret")));
        QCOMPARE(store.password(QStringLiteral("p")),
                 std::optional<QString>(QStringLiteral("in-memory-secret")));
        store.setPassword(QStringLiteral("p"), QStringLiteral("replaced"));
        QCOMPARE(store.password(QStringLiteral("p")), std::optional<QString>(QStringLiteral("replaced")));
        store.setPassword(QStringLiteral("q"), QStringLiteral("session"), false);
        QCOMPARE(store.password(QStringLiteral("q")), std::optional<QString>(QStringLiteral("session")));
        store.removePassword(QStringLiteral("p"));
        QVERIFY(!store.password(QStringLiteral("p")));
        QCOMPARE(store.password(QStringLiteral("q")), std::optional<QString>(QStringLiteral("session")));
    }

    void fromAnotherThread() {
        auto& store = SecretStore::instance();
        std::optional<QString> seen;
        std::thread t([&] {
            store.setPassword(QStringLiteral("t"), QStringLiteral("thread-secret"));
            seen = store.password(QStringLiteral("t"));
        });
        t.join();
        QCOMPARE(seen, std::optional<QString>(QStringLiteral("thread-secret")));
        QCOMPARE(store.password(QStringLiteral("t")), seen);
    }

    // No insecure fallback: nothing under HOME holds the passwords.
    void nothingWrittenToDisk() {
        const QString home = QDir::homePath();
        QVERIFY2(home.startsWith(QStringLiteral("/tmp/")), "run through ctest (run-isolated.sh)");
        QDirIterator it(home, QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = f.readAll();
            QVERIFY2(!bytes.contains("replaced") && !bytes.contains("thread-secret") &&
                         !bytes.contains("session"),
                     qPrintable(f.fileName()));
        }
    }
};

int main(int argc, char** argv) {
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/pgdesk-no-bus");
    QCoreApplication app(argc, argv);
    TestSecretStoreNoKeychain test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_secretstore_nokeychain.moc"
