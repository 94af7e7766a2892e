// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/dsn.h>
#include <pgdesk/core/session/servicefile.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace pgdesk::core {

namespace {

struct Section {
    QString name;
    int line = 0;
    QStringList keys;
    QStringList conninfo; // key='value' pairs
};

[[noreturn]] void syntaxError(const QString& path, int line, const QString& what) {
    throwConfigurationError(
        QStringLiteral("dsn"),
        QStringLiteral("syntax error in service file \"%1\", line %2: %3").arg(path).arg(line).arg(what));
}

} // namespace

QStringList serviceFileLocations() {
    QStringList files;
    const QString user = qEnvironmentVariable("PGSERVICEFILE");
    files << (user.isEmpty() ? QDir::homePath() + QStringLiteral("/.pg_service.conf") : user);
    const QString sysconf = qEnvironmentVariable("PGSYSCONFDIR");
    files << (sysconf.isEmpty() ? QStringLiteral("/etc/postgresql-common") : sysconf) +
                 QStringLiteral("/pg_service.conf");
    return files;
}

QList<ConnectionProfile> readServiceFile(const QString& path) {
    QFile file(path);
    if (!QFileInfo::exists(path))
        throwError(ErrorKind::NotFound, QStringLiteral("service file \"%1\" does not exist").arg(path));
    if (!file.open(QIODevice::ReadOnly))
        throwConfigurationError(
            QStringLiteral("service_file"),
            QStringLiteral("cannot read service file \"%1\": %2").arg(path, file.errorString()));

    QList<Section> sections;
    QSet<QString> seen;
    bool inSection = false; // false before the first section and inside a repeated one (libpq skips both)
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (line.startsWith(QLatin1Char('['))) {
            const auto close = line.indexOf(QLatin1Char(']'));
            if (close < 2)
                syntaxError(path, lineNumber, QStringLiteral("expected [service name]"));
            const QString name = line.mid(1, close - 1);
            // libpq uses the first section of a name and never reads a repeated one.
            inSection = !seen.contains(name);
            if (inSection) {
                seen.insert(name);
                sections.append({name, lineNumber, {}, {}});
            }
            continue;
        }
        if (!inSection)
            continue;
        const auto eq = line.indexOf(QLatin1Char('='));
        if (eq < 0)
            syntaxError(path, lineNumber, QStringLiteral("expected keyword=value"));
        // libpq takes the keyword literally: "host = x" names a keyword "host ", which does not exist.
        const QString key = line.left(eq);
        if (key.isEmpty() || std::any_of(key.begin(), key.end(), [](QChar c) { return c.isSpace(); }))
            syntaxError(path, lineNumber, QStringLiteral("invalid keyword \"%1\"").arg(key));
        Section& s = sections.last();
        if (key == QLatin1String("service"))
            throwConfigurationError(QStringLiteral("service"),
                                    QStringLiteral("service \"%1\" in \"%2\", line %3: nested service "
                                                   "specifications are not supported")
                                        .arg(s.name, path)
                                        .arg(lineNumber));
        if (s.keys.contains(key))
            continue; // the first setting wins, as in libpq
        s.keys << key;
        s.conninfo << key + QLatin1Char('=') + quoteConninfoValue(line.mid(eq + 1));
    }

    QList<ConnectionProfile> profiles;
    for (const Section& s : sections) {
        ConnectionProfile base;
        base.name = s.name;
        try {
            profiles.append(parseDsn(s.conninfo.join(QLatin1Char(' ')), base).profile);
        } catch (const ConfigurationError& e) {
            ErrorInfo info = e.info();
            info.message = QStringLiteral("service \"%1\" in \"%2\" (line %3): %4")
                               .arg(s.name, path)
                               .arg(s.line)
                               .arg(info.message);
            throwError(info);
        }
    }
    return profiles;
}

} // namespace pgdesk::core
