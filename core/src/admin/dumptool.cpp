// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/admin/dumptool.h>
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/sshtunnel.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace pgdesk::core {

namespace {

int majorOf(int version) {
    return version / 10000;
}

// Before 10 the major version had two parts (9.6).
QString majorText(int version) {
    return version >= 100000 ? QString::number(version / 10000)
                             : QStringLiteral("%1.%2").arg(version / 10000).arg(version / 100 % 100);
}

// libpq's keywords and the variables it reads them from (libpq docs, "Environment Variables").
const QHash<QString, QString>& environmentVariables() {
    static const QHash<QString, QString> names{
        {QStringLiteral("host"), QStringLiteral("PGHOST")},
        {QStringLiteral("hostaddr"), QStringLiteral("PGHOSTADDR")},
        {QStringLiteral("port"), QStringLiteral("PGPORT")},
        {QStringLiteral("dbname"), QStringLiteral("PGDATABASE")},
        {QStringLiteral("user"), QStringLiteral("PGUSER")},
        {QStringLiteral("passfile"), QStringLiteral("PGPASSFILE")},
        {QStringLiteral("service"), QStringLiteral("PGSERVICE")},
        {QStringLiteral("options"), QStringLiteral("PGOPTIONS")},
        {QStringLiteral("application_name"), QStringLiteral("PGAPPNAME")},
        {QStringLiteral("sslmode"), QStringLiteral("PGSSLMODE")},
        {QStringLiteral("requiressl"), QStringLiteral("PGREQUIRESSL")},
        {QStringLiteral("sslcompression"), QStringLiteral("PGSSLCOMPRESSION")},
        {QStringLiteral("sslcert"), QStringLiteral("PGSSLCERT")},
        {QStringLiteral("sslkey"), QStringLiteral("PGSSLKEY")},
        {QStringLiteral("sslrootcert"), QStringLiteral("PGSSLROOTCERT")},
        {QStringLiteral("sslcrl"), QStringLiteral("PGSSLCRL")},
        {QStringLiteral("sslcrldir"), QStringLiteral("PGSSLCRLDIR")},
        {QStringLiteral("sslsni"), QStringLiteral("PGSSLSNI")},
        {QStringLiteral("requirepeer"), QStringLiteral("PGREQUIREPEER")},
        {QStringLiteral("ssl_min_protocol_version"), QStringLiteral("PGSSLMINPROTOCOLVERSION")},
        {QStringLiteral("ssl_max_protocol_version"), QStringLiteral("PGSSLMAXPROTOCOLVERSION")},
        {QStringLiteral("gssencmode"), QStringLiteral("PGGSSENCMODE")},
        {QStringLiteral("krbsrvname"), QStringLiteral("PGKRBSRVNAME")},
        {QStringLiteral("gsslib"), QStringLiteral("PGGSSLIB")},
        {QStringLiteral("connect_timeout"), QStringLiteral("PGCONNECT_TIMEOUT")},
        {QStringLiteral("client_encoding"), QStringLiteral("PGCLIENTENCODING")},
        {QStringLiteral("target_session_attrs"), QStringLiteral("PGTARGETSESSIONATTRS")},
        {QStringLiteral("load_balance_hosts"), QStringLiteral("PGLOADBALANCEHOSTS")},
        {QStringLiteral("channel_binding"), QStringLiteral("PGCHANNELBINDING")},
        {QStringLiteral("require_auth"), QStringLiteral("PGREQUIREAUTH")},
        {QStringLiteral("gssdelegation"), QStringLiteral("PGGSSDELEGATION")},
        {QStringLiteral("sslcertmode"), QStringLiteral("PGSSLCERTMODE")},
    };
    return names;
}

// Keywords no variable carries that only tune the connection: left out rather than put on a command line.
bool isTuningOnly(const QString& keyword) {
    return keyword.startsWith(QLatin1String("keepalives")) || keyword == QLatin1String("tcp_user_timeout");
}

// pg_restore and psql take --dbname as a connection string when it holds '=' or a URI prefix.
QString databaseArgument(const QString& database) {
    if (!database.contains(QLatin1Char('=')) && !database.startsWith(QLatin1String("postgres://")) &&
        !database.startsWith(QLatin1String("postgresql://")))
        return database;
    QString escaped = database;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QStringLiteral("dbname='%1'").arg(escaped);
}

QString absolute(const QString& path) {
    return QFileInfo(path).absoluteFilePath();
}

} // namespace

QString dumpFormatName(DumpFormat format) {
    switch (format) {
    case DumpFormat::Custom:
        return QStringLiteral("custom");
    case DumpFormat::Plain:
        return QStringLiteral("plain");
    case DumpFormat::Directory:
        return QStringLiteral("directory");
    }
    return {};
}

DumpFormat dumpFormatFromString(const QString& text) {
    for (DumpFormat f : {DumpFormat::Custom, DumpFormat::Plain, DumpFormat::Directory})
        if (text.compare(dumpFormatName(f), Qt::CaseInsensitive) == 0)
            return f;
    throwConfigurationError(
        QStringLiteral("format"),
        QStringLiteral("unknown backup format \"%1\" (custom, plain or directory)").arg(text));
}

DumpFormat detectDumpFormat(const QString& path) {
    if (path.isEmpty())
        return DumpFormat::Plain; // no file chosen yet (and QFile warns when asked to open no name)
    const QFileInfo info(path);
    if (info.isDir())
        return DumpFormat::Directory;
    QFile file(path);
    if (file.open(QIODevice::ReadOnly) && file.read(5) == "PGDMP")
        return DumpFormat::Custom;
    return DumpFormat::Plain;
}

QString DumpCommand::displayText(bool withEnvironment) const {
    QStringList words;
    if (withEnvironment)
        for (const auto& [name, value] : environment)
            words << name + QLatin1Char('=') + shellQuote(value);
    words << shellQuote(program);
    for (const QString& argument : arguments)
        words << shellQuote(argument);
    return words.join(QLatin1Char(' '));
}

QStringList dumpSearchFolders() {
    QStringList folders;
    for (const QString& folder : qEnvironmentVariable("PATH").split(QLatin1Char(':'), Qt::SkipEmptyParts))
        folders << folder;
    QDir root(QStringLiteral("/usr/lib/postgresql"));
    QList<std::pair<double, QString>> versions;
    for (const QString& entry : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool ok = false;
        const double major = entry.toDouble(&ok);
        if (ok)
            versions.append({major, root.filePath(entry) + QStringLiteral("/bin")});
    }
    std::sort(versions.begin(), versions.end(),
              [](const auto& a, const auto& b) { return a.first > b.first; });
    for (const auto& [major, folder] : versions)
        folders << folder;
    return folders;
}

int parseProgramVersion(const QString& versionOutput) {
    static const QRegularExpression pattern(
        QStringLiteral(R"(\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?(?:\.(\d+))?)"));
    const auto match = pattern.match(versionOutput);
    if (!match.hasMatch())
        return 0;
    const int major = match.captured(1).toInt();
    const int second = match.captured(2).toInt();
    if (major >= 10)
        return major * 10000 + second;
    return major * 10000 + second * 100 + match.captured(3).toInt();
}

QString versionNumText(int version) {
    if (version >= 100000)
        return QStringLiteral("%1.%2").arg(version / 10000).arg(version % 10000);
    return QStringLiteral("%1.%2.%3").arg(version / 10000).arg(version / 100 % 100).arg(version % 100);
}

std::optional<DumpProgram> probeDumpProgram(const QString& name, const QString& path) {
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(path, {QStringLiteral("--version")});
    if (!process.waitForFinished(5000)) {
        process.kill();
        process.waitForFinished(1000);
        return std::nullopt;
    }
    const int version = parseProgramVersion(QString::fromUtf8(process.readAll()));
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0 || version == 0)
        return std::nullopt;
    return DumpProgram{name, path, version, versionNumText(version)};
}

DumpProgram findDumpProgram(const QString& name, int serverVersion, const QStringList& folders) {
    std::optional<DumpProgram> best;
    QSet<QString> seen;
    for (const QString& folder : folders) {
        const QFileInfo file(QDir(folder).filePath(name));
        if (!file.isFile() || !file.isExecutable())
            continue;
        const QString canonical = file.canonicalFilePath();
        if (seen.contains(canonical))
            continue;
        seen.insert(canonical);
        const auto program = probeDumpProgram(name, file.absoluteFilePath());
        if (program && (!best || program->version > best->version))
            best = program;
    }
    const QString package = serverVersion > 0
                                ? QStringLiteral("postgresql-client-%1").arg(majorText(serverVersion))
                                : QStringLiteral("postgresql-client");
    if (!best)
        throwConfigurationError(
            name, QStringLiteral("%1 was not found on PATH nor in /usr/lib/postgresql/*/bin: install %2")
                      .arg(name, package));
    if (serverVersion > 0 && majorOf(best->version) < majorOf(serverVersion))
        throwConfigurationError(
            name, QStringLiteral("%1 %2 (%3) is older than the server (%4): install %5")
                      .arg(name, best->versionText, best->path, versionNumText(serverVersion), package));
    return *best;
}

QString dumpNamePattern(const QString& name) {
    // Inside double quotes pg_dump matches every character literally (no case folding, no . * ? …);
    // a double quote is written twice.
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString dumpTablePattern(const DumpTable& table) {
    return dumpNamePattern(table.schema) + QLatin1Char('.') + dumpNamePattern(table.name);
}

QString shellQuote(const QString& word) {
    static const QRegularExpression safe(QStringLiteral(R"(^[A-Za-z0-9_@%+=:,./-]+$)"));
    if (safe.match(word).hasMatch())
        return word;
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QList<std::pair<QString, QString>> dumpEnvironment(const ConnectionProfile& profile,
                                                   const QString& database) {
    QList<std::pair<QString, QString>> environment;
    bool databaseSet = false;
    for (const auto& [keyBytes, valueBytes] : profile.connectionParameters()) {
        const QString key = QString::fromUtf8(keyBytes);
        QString value = QString::fromUtf8(valueBytes);
        if (key == QLatin1String("dbname")) {
            value = database;
            databaseSet = true;
        }
        if (isTuningOnly(key))
            continue;
        if (isSecretOption(key))
            throwConfigurationError(key,
                                    QStringLiteral("%1 cannot be handed to pg_dump without putting a secret "
                                                   "on its command line: remove it from the profile")
                                        .arg(key));
        const auto variable = environmentVariables().constFind(key);
        if (variable == environmentVariables().constEnd())
            throwConfigurationError(key,
                                    QStringLiteral("the connection setting %1 has no environment variable "
                                                   "to hand it to pg_dump with")
                                        .arg(key));
        if (!value.isEmpty())
            environment.append({variable.value(), value});
    }
    if (!databaseSet && !database.isEmpty())
        environment.append({QStringLiteral("PGDATABASE"), database});
    return environment;
}

void routeThroughTunnel(DumpCommand& command, const ConnectionProfile& profile) {
    if (!profile.ssh.enabled())
        return;
    QString database;
    for (const auto& [name, value] : std::as_const(command.environment))
        if (name == QLatin1String("PGDATABASE"))
            database = value;
    auto tunnel = SshTunnel::forProfile(profile); // the session's own while its pool lives
    const int localPort = tunnel->ensureUp();
    command.environment = dumpEnvironment(SshTunnel::throughTunnel(profile, localPort), database);
    command.tunnel = std::move(tunnel);
}

DumpCommand backupCommand(const DumpProgram& pgDump, const ConnectionProfile& profile,
                          const BackupOptions& options, const QString& outputPath) {
    if (outputPath.isEmpty())
        throwConfigurationError(QStringLiteral("output"), QStringLiteral("no output path given"));
    if (!options.schemas.isEmpty() && !options.tables.isEmpty())
        throwConfigurationError(
            QStringLiteral("tables"),
            QStringLiteral("choose schemas or tables, not both (pg_dump ignores the schemas "
                           "when tables are named)"));
    if (options.jobs < 1)
        throwConfigurationError(QStringLiteral("jobs"), QStringLiteral("jobs must be at least 1"));
    if (options.jobs > 1 && options.format != DumpFormat::Directory)
        throwConfigurationError(QStringLiteral("jobs"),
                                QStringLiteral("parallel jobs need the directory format"));
    if (options.compression > 9 || options.compression < -1)
        throwConfigurationError(QStringLiteral("compression"),
                                QStringLiteral("compression must be between 0 and 9"));
    if (options.compression >= 0 && options.format == DumpFormat::Plain)
        throwConfigurationError(
            QStringLiteral("compression"),
            QStringLiteral("a plain backup is not compressed (choose custom or directory)"));

    DumpCommand command;
    command.kind = DumpKind::Backup;
    command.program = pgDump.path;
    command.outputPath = absolute(outputPath);
    command.environment = dumpEnvironment(profile, profile.database);
    QStringList& a = command.arguments;
    a << QStringLiteral("--format=%1").arg(dumpFormatName(options.format))
      << QStringLiteral("--file=%1").arg(command.outputPath) << QStringLiteral("--verbose")
      << QStringLiteral("--no-password");
    if (options.jobs > 1)
        a << QStringLiteral("--jobs=%1").arg(options.jobs);
    if (options.compression >= 0)
        a << QStringLiteral("--compress=%1").arg(options.compression);
    if (options.content == DumpContent::SchemaOnly)
        a << QStringLiteral("--schema-only");
    else if (options.content == DumpContent::DataOnly)
        a << QStringLiteral("--data-only");
    if (options.noOwner)
        a << QStringLiteral("--no-owner");
    if (options.noPrivileges)
        a << QStringLiteral("--no-privileges");
    // A schema or table that is not there fails the backup instead of leaving it out silently.
    if (!options.schemas.isEmpty() || !options.tables.isEmpty())
        a << QStringLiteral("--strict-names");
    for (const QString& schema : options.schemas)
        a << QStringLiteral("--schema=%1").arg(dumpNamePattern(schema));
    for (const DumpTable& table : options.tables)
        a << QStringLiteral("--table=%1").arg(dumpTablePattern(table));
    return command;
}

DumpCommand restoreCommand(const DumpProgram& program, const ConnectionProfile& profile,
                           const RestoreOptions& options, DumpFormat format, const QString& inputPath) {
    if (options.database.isEmpty())
        throwConfigurationError(QStringLiteral("database"),
                                QStringLiteral("name the database to restore into"));
    if (inputPath.isEmpty())
        throwConfigurationError(QStringLiteral("input"), QStringLiteral("no backup file given"));
    DumpCommand command;
    command.program = program.path;
    command.inputPath = absolute(inputPath);
    command.environment = dumpEnvironment(profile, options.database);
    QStringList& a = command.arguments;
    if (format == DumpFormat::Plain) {
        if (options.clean)
            throwConfigurationError(QStringLiteral("clean"),
                                    QStringLiteral("a plain backup is restored as written: --clean is chosen "
                                                   "when it is made (pg_dump --clean)"));
        if (options.noOwner)
            throwConfigurationError(
                QStringLiteral("no_owner"),
                QStringLiteral("a plain backup is restored as written: --no-owner is chosen "
                               "when it is made"));
        command.kind = DumpKind::PlainRestore;
        a << QStringLiteral("--no-psqlrc") << QStringLiteral("--no-password")
          << QStringLiteral("--set=ON_ERROR_STOP=1");
        if (options.singleTransaction)
            a << QStringLiteral("--single-transaction");
        a << QStringLiteral("--dbname=%1").arg(databaseArgument(options.database))
          << QStringLiteral("--file=%1").arg(command.inputPath);
        return command;
    }
    command.kind = DumpKind::Restore;
    a << QStringLiteral("--format=%1").arg(dumpFormatName(format))
      << QStringLiteral("--dbname=%1").arg(databaseArgument(options.database)) << QStringLiteral("--verbose")
      << QStringLiteral("--no-password") << QStringLiteral("--exit-on-error");
    if (options.singleTransaction)
        a << QStringLiteral("--single-transaction");
    if (options.clean)
        a << QStringLiteral("--clean") << QStringLiteral("--if-exists");
    if (options.noOwner)
        a << QStringLiteral("--no-owner");
    a << command.inputPath;
    return command;
}

int dumpTableCount(Connection& connection, const BackupOptions& options) {
    if (options.content == DumpContent::SchemaOnly)
        return 0;
    QJsonArray schemas, tables;
    for (const QString& schema : options.schemas)
        schemas.append(schema);
    for (const DumpTable& table : options.tables)
        tables.append(QJsonArray{table.schema, table.name});
    // The tables pg_dump writes data for: ordinary tables (partitions included) outside the system schemas
    // and not belonging to an extension.
    const Result result = connection.exec(
        QStringLiteral(
            "SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = "
            "c.relnamespace "
            "WHERE c.relkind = 'r' AND n.nspname <> 'information_schema' AND n.nspname !~ '^pg_' "
            "AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d WHERE d.classid = "
            "'pg_catalog.pg_class'::regclass "
            "AND d.objid = c.oid AND d.deptype = 'e') "
            "AND ((json_array_length($1::json) = 0 AND json_array_length($2::json) = 0) "
            "OR n.nspname IN (SELECT json_array_elements_text($1::json)) "
            "OR (n.nspname, c.relname) IN (SELECT e->>0, e->>1 FROM json_array_elements($2::json) e))"),
        {param(QString::fromUtf8(QJsonDocument(schemas).toJson(QJsonDocument::Compact))),
         param(QString::fromUtf8(QJsonDocument(tables).toJson(QJsonDocument::Compact)))});
    return result.text(0, 0).toInt();
}

int archiveTableCount(const QString& pgRestorePath, DumpFormat format, const QString& path) {
    int count = 0;
    if (format == DumpFormat::Plain) {
        // With the lexer: a COPY whose table name holds a newline spans two lines.
        const PlainScriptCheck check = checkPlainScript(path);
        return check.readable ? check.copyBlocks : -1;
    }
    QProcess process;
    process.start(pgRestorePath, {QStringLiteral("--list"), absolute(path)});
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        process.kill();
        process.waitForFinished(1000);
        return -1;
    }
    for (const QByteArray& line : process.readAllStandardOutput().split('\n'))
        if (!line.startsWith(';') && line.contains(" TABLE DATA "))
            ++count;
    return count;
}

} // namespace pgdesk::core
