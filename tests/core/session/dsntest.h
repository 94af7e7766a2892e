// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What tst_dsnparse (no server) and tst_dsn (the server) share.
#include <pgdesk/core/profiles/connectionprofile.h>

#include <QByteArray>
#include <QFile>
#include <QJsonDocument>
#include <QString>
#include <QTest>

namespace pgdesk::test {

inline QString describe(const core::ConnectionProfile& p) {
    return QString::fromUtf8(QJsonDocument(p.toJson()).toJson(QJsonDocument::Compact));
}

inline void writeFile(const QString& path, const QByteArray& bytes, QFile::Permissions mode) {
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(f.errorString()));
    f.write(bytes);
    f.close();
    QVERIFY(f.setPermissions(mode));
}

// Restores an environment variable when the test ends, pass or fail.
class EnvGuard final {
public:
    explicit EnvGuard(const char* name)
        : m_name(name)
        , m_had(qEnvironmentVariableIsSet(name))
        , m_value(qgetenv(name)) {}
    ~EnvGuard() {
        if (m_had)
            qputenv(m_name, m_value);
        else
            qunsetenv(m_name);
    }
    EnvGuard(const EnvGuard&) = delete;
    EnvGuard& operator=(const EnvGuard&) = delete;

private:
    const char* m_name;
    bool m_had;
    QByteArray m_value;
};

} // namespace pgdesk::test
