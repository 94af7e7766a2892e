// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/profiles/profilestore.h>
#include <pgdesk/core/session/dsn.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace pgdesk::core;

namespace {

int fileMode(const QString& path) {
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

void writeAll(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

// A profile with every field away from its default (extra options sorted by key, as JSON keeps them).
ConnectionProfile fullProfile(const QString& name, int n) {
    ConnectionProfile p;
    p.name = name;
    p.service = QStringLiteral("svc%1").arg(n);
    p.host = QStringLiteral("db%1.example.com").arg(n);
    p.port = 5400 + n;
    p.database = QStringLiteral("app db ünïcode %1").arg(n);
    p.user = QStringLiteral("user%1").arg(n);
    p.sslMode = QStringLiteral("verify-full");
    p.sslRootCert = QStringLiteral("/r%1.crt").arg(n);
    p.sslCert = QStringLiteral("/c%1.crt").arg(n);
    p.sslKey = QStringLiteral("/c%1.key").arg(n);
    p.sslCrl = QStringLiteral("/c%1.crl").arg(n);
    p.applicationName = QStringLiteral("app %1").arg(n);
    p.connectTimeoutSeconds = 3 + n;
    p.statementTimeoutMs = 1000 * n + 1;
    p.lockTimeoutMs = 500 * n + 3;
    p.isolation = n % 2 ? IsolationLevel::Serializable : IsolationLevel::ReadCommitted;
    p.readOnly = true;
    p.echo = true;
    p.hideParameters = true;
    p.keepalives = false;
    p.extraOptions = {{QStringLiteral("options"), QStringLiteral("-c search_path=s%1").arg(n)},
                      {QStringLiteral("target_session_attrs"), QStringLiteral("read-write")}};
    p.pool.size = 2 + n;
    p.pool.maxOverflow = -1;
    p.pool.timeoutSeconds = 2.5;
    p.pool.recycleSeconds = 600;
    p.pool.prePing = true;
    p.pool.useLifo = true;
    return p;
}

QStringList badFiles(const QString& dir) {
    return QDir(dir).entryList({QStringLiteral("profiles.json.bad-*")}, QDir::Files, QDir::Name);
}

} // namespace

class TestProfileStore final : public QObject {
    Q_OBJECT
private slots:
    void defaultPathIsInXdgConfigHome() {
        const QString xdg = qEnvironmentVariable("XDG_CONFIG_HOME");
        QVERIFY2(!xdg.isEmpty(), "run through ctest (run-isolated.sh sets XDG_CONFIG_HOME)");
        QCOMPARE(ProfileStore::defaultPath(), xdg + QStringLiteral("/pgdesk/profiles.json"));
        QCOMPARE(ProfileStore().path(), ProfileStore::defaultPath());
    }

    void missingFileIsEmpty() {
        QTemporaryDir dir;
        ProfileStore store(dir.filePath(QStringLiteral("profiles.json")));
        QVERIFY(store.profiles().isEmpty());
        QVERIFY(store.warning().isEmpty());
        QVERIFY(!QFile::exists(store.path())); // loading never creates the file
    }

    void saveLoadRoundTrip() {
        const QString path = ProfileStore::defaultPath();
        QFile::remove(path);
        QList<ConnectionProfile> profiles = {fullProfile(QStringLiteral("prod"), 1),
                                             fullProfile(QStringLiteral("Ünïcode name"), 2),
                                             fullProfile(QStringLiteral("with \"quotes\" / slash"), 3)};
        ConnectionProfile minimal;
        minimal.name = QStringLiteral("minimal");
        profiles << minimal;
        {
            ProfileStore store;
            for (const auto& p : profiles)
                store.upsert(p);
            store.save();
        }
        // Folder created (private), file private.
        QCOMPARE(fileMode(QFileInfo(path).absolutePath()), 0700);
        QCOMPARE(fileMode(path), 0600);
        ProfileStore again;
        QVERIFY(again.warning().isEmpty());
        QCOMPARE(again.profiles().size(), profiles.size());
        for (qsizetype i = 0; i < profiles.size(); ++i)
            QVERIFY2(again.profiles()[i] == profiles[i],
                     qPrintable(QString::fromUtf8(QJsonDocument(again.profiles()[i].toJson()).toJson())));
        QCOMPARE(again.get(QStringLiteral("prod")), profiles[0]);
        QVERIFY(again.find(QStringLiteral("minimal")));
        QVERIFY(!again.find(QStringLiteral("nope")));
    }

    void fileFormat() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("profiles.json"));
        ProfileStore store(path);
        store.upsert(fullProfile(QStringLiteral("a"), 1));
        store.save();
        const QByteArray bytes = readAll(path);
        QVERIFY(bytes.contains("\n    \"")); // indented, readable
        const QJsonObject root = QJsonDocument::fromJson(bytes).object();
        QCOMPARE(root.value(QStringLiteral("format")).toString(), QStringLiteral("pgdesk-profiles"));
        QCOMPARE(root.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(root.value(QStringLiteral("profiles")).toArray().size(), 1);
        QCOMPARE(root.value(QStringLiteral("profiles")).toArray().first().toObject(),
                 fullProfile(QStringLiteral("a"), 1).toJson());
    }

    // Every save leaves a complete, parsable, private file and no temporary files behind.
    void atomicWrite() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/folder/profiles.json"));
        ProfileStore store(path);
        for (int i = 0; i < 20; ++i) {
            store.upsert(fullProfile(QStringLiteral("p%1").arg(i), i));
            if (i % 3 == 0)
                store.remove(QStringLiteral("p%1").arg(i - 1));
            store.save();
            QVERIFY(QFile::exists(path));
            QCOMPARE(fileMode(path), 0600);
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(readAll(path), &error);
            QCOMPARE(error.error, QJsonParseError::NoError);
            QCOMPARE(doc.object().value(QStringLiteral("profiles")).toArray().size(),
                     store.profiles().size());
            QCOMPARE(QDir(QFileInfo(path).absolutePath()).entryList(QDir::Files | QDir::Hidden),
                     QStringList{QStringLiteral("profiles.json")});
        }
        // A file that was made world-readable meanwhile goes back to 0600.
        QFile::setPermissions(path,
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther | QFile::ReadGroup);
        store.save();
        QCOMPARE(fileMode(path), 0600);
        QCOMPARE(ProfileStore(path).profiles(), store.profiles());
    }

    void badFileMovedAside_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not json") << QByteArray("{\"format\": \"pgdesk-profiles\", \"version\": 1, \"profi")
                                  << "not valid JSON";
        QTest::newRow("binary garbage") << QByteArray("\x00\xff\xfe garbage\n", 12) << "not valid JSON";
        QTest::newRow("array") << QByteArray("[]") << "not a JSON object";
        QTest::newRow("foreign format")
            << QByteArray(R"({"format":"other-app","version":1,"profiles":[]})") << "format";
        QTest::newRow("newer version")
            << QByteArray(R"({"format":"pgdesk-profiles","version":2,"profiles":[]})") << "version 2";
        QTest::newRow("version missing")
            << QByteArray(R"({"format":"pgdesk-profiles","profiles":[]})") << "version";
        QTest::newRow("profiles not a list")
            << QByteArray(R"({"format":"pgdesk-profiles","version":1,"profiles":{}})") << "not an array";
        QTest::newRow("invalid profile")
            << QByteArray(
                   R"({"format":"pgdesk-profiles","version":1,"profiles":[{"name":"x","sslmode":"nah"}]})")
            << "sslmode";
        QTest::newRow("duplicate names")
            << QByteArray(
                   R"({"format":"pgdesk-profiles","version":1,"profiles":[{"name":"x"},{"name":"x"}]})")
            << "two profiles";
        QTest::newRow("empty name")
            << QByteArray(R"({"format":"pgdesk-profiles","version":1,"profiles":[{"name":""}]})") << "name";
    }

    void badFileMovedAside() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("profiles.json"));
        writeAll(path, bytes);
        ProfileStore store(path);
        QVERIFY(store.profiles().isEmpty());
        const QStringList bad = badFiles(dir.path());
        QCOMPARE(bad.size(), 1);
        QVERIFY(QRegularExpression(QStringLiteral("^profiles\\.json\\.bad-\\d{8}-\\d{6}$"))
                    .match(bad.first())
                    .hasMatch());
        const QString moved = dir.filePath(bad.first());
        QCOMPARE(readAll(moved), bytes); // the user's bytes, exactly
        QVERIFY(!QFile::exists(path));
        QVERIFY2(store.warning().contains(moved), qPrintable(store.warning()));
        QVERIFY2(store.warning().contains(reason), qPrintable(store.warning()));
        // The CLI and GUI call load() again after constructing: the warning must survive that.
        store.load();
        QVERIFY(store.warning().contains(moved));
        // Saving starts a new file and never touches the moved one.
        store.upsert(fullProfile(QStringLiteral("fresh"), 1));
        store.save();
        QCOMPARE(readAll(moved), bytes);
        QCOMPARE(ProfileStore(path).profiles().size(), 1);
    }

    void twoBadFilesInOneSecondBothKept() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("profiles.json"));
        writeAll(path, "first");
        ProfileStore a(path);
        writeAll(path, "second");
        ProfileStore b(path);
        QStringList contents;
        for (const QString& f : badFiles(dir.path()))
            contents << QString::fromUtf8(readAll(dir.filePath(f)));
        contents.sort();
        QCOMPARE(contents, QStringList({QStringLiteral("first"), QStringLiteral("second")}));
    }

    void namesMustBeNonEmptyAndUnique() {
        QTemporaryDir dir;
        ProfileStore store(dir.filePath(QStringLiteral("profiles.json")));
        ConnectionProfile p;
        for (const QString& name : {QString(), QStringLiteral("   ")}) {
            p.name = name;
            try {
                store.upsert(p);
                QFAIL("empty name accepted");
            } catch (const ConfigurationError& e) {
                QCOMPARE(e.info().field, QStringLiteral("name"));
            }
        }
        p.name = QStringLiteral("one");
        store.add(p);
        try {
            store.add(p);
            QFAIL("duplicate accepted");
        } catch (const ConfigurationError& e) {
            QCOMPARE(e.info().field, QStringLiteral("name"));
            QVERIFY(e.message().contains(QStringLiteral("one")));
        }
        p.host = QStringLiteral("changed");
        store.upsert(p); // replaces, never duplicates
        QCOMPARE(store.profiles().size(), 1);
        QCOMPARE(store.get(QStringLiteral("one")).host, QStringLiteral("changed"));
        // Names are case-sensitive, like the keychain keys derived from them.
        p.name = QStringLiteral("ONE");
        store.add(p);
        QCOMPARE(store.profiles().size(), 2);
    }

    void invalidProfileRejected() {
        QTemporaryDir dir;
        ProfileStore store(dir.filePath(QStringLiteral("profiles.json")));
        ConnectionProfile p;
        p.name = QStringLiteral("x");
        p.port = 70000;
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, store.upsert(p));
        QVERIFY(store.profiles().isEmpty());
    }

    void removeProfile() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("profiles.json"));
        ProfileStore store(path);
        store.upsert(fullProfile(QStringLiteral("a"), 1));
        store.upsert(fullProfile(QStringLiteral("b"), 2));
        store.save();
        QVERIFY(store.remove(QStringLiteral("a")));
        QVERIFY(!store.remove(QStringLiteral("a")));
        QVERIFY(!store.remove(QStringLiteral("never")));
        store.save();
        ProfileStore again(path);
        QCOMPARE(again.profiles().size(), 1);
        QCOMPARE(again.profiles().first().name, QStringLiteral("b"));
    }

    void getMissingThrowsNotFound() {
        QTemporaryDir dir;
        ProfileStore store(dir.filePath(QStringLiteral("profiles.json")));
        try {
            store.get(QStringLiteral("ghost"));
            QFAIL("found a ghost");
        } catch (const NotFound& e) {
            QCOMPARE(e.kind(), ErrorKind::NotFound);
            QVERIFY2(e.message().contains(QStringLiteral("no profile named \"ghost\"")),
                     qPrintable(e.message()));
        }
    }

    void noPasswordInFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("profiles.json"));
        const QString secret = QStringLiteral("Sup3r-s3cret-пароль");
        ParsedDsn parsed =
            parseDsn(QStringLiteral("host=h user=u password='%1' options='-c search_path=x'").arg(secret));
        QCOMPARE(parsed.password, std::optional<QString>(secret));
        parsed.profile.name = QStringLiteral("from dsn");
        ProfileStore store(path);
        store.upsert(parsed.profile);
        // A password smuggled in as an extra option is refused.
        ConnectionProfile sneaky = parsed.profile;
        sneaky.name = QStringLiteral("sneaky");
        sneaky.extraOptions.append({QStringLiteral("password"), secret});
        try {
            store.upsert(sneaky);
            QFAIL("stored a password");
        } catch (const ConfigurationError& e) {
            QCOMPARE(e.info().field, QStringLiteral("password"));
            QVERIFY(!e.message().contains(secret));
        }
        QVERIFY(!QJsonDocument(sneaky.toJson()).toJson().contains(secret.toUtf8()));
        // So is the client key's passphrase, which a DSN may carry as sslpassword.
        ParsedDsn withKey = parseDsn(QStringLiteral("host=h user=u sslkey=/k sslpassword='%1'").arg(secret));
        withKey.profile.name = QStringLiteral("key passphrase");
        QVERIFY(!QJsonDocument(withKey.profile.toJson()).toJson().contains(secret.toUtf8()));
        try {
            store.upsert(withKey.profile);
            QFAIL("stored an sslpassword");
        } catch (const ConfigurationError& e) {
            QCOMPARE(e.info().field, QStringLiteral("sslpassword"));
            QVERIFY(!e.message().contains(secret));
        }
        store.save();
        const QByteArray bytes = readAll(path);
        QVERIFY(!bytes.isEmpty());
        QVERIFY(!bytes.contains(secret.toUtf8()));
        QVERIFY(!bytes.contains("password"));
    }
};

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
