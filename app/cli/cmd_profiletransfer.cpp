#include "commands.h"
#include "exitcodes.h"
#include "output.h"

#include <pgdesk/core/errors.h>
#include <pgdesk/core/profilestore.h>
#include <pgdesk/core/profiletransfer.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace pgdesk::cli {

// profiles export [NAME]...: the profiles (all, or those named, in that order) as JSON on standard output,
// never with a password.
int profilesExport(Invocation& inv, const QStringList& names) {
    for (const QString& n : names)
        if (n.startsWith(QLatin1String("--")))
            throw UsageError{QStringLiteral("profiles export: unknown option %1").arg(n)};
    core::ProfileStore store;
    store.load();
    QList<core::ConnectionProfile> chosen;
    if (names.isEmpty())
        chosen = store.profiles();
    for (const QString& n : names)
        chosen << store.get(n); // NotFound (exit 6) names it
    inv.out << QString::fromUtf8(core::exportProfiles(chosen));
    return ExitOk;
}

// profiles import FILE|- [--replace]: adds a file's profiles; existing names refused unless --replace.
int profilesImport(Invocation& inv, const QStringList& args) {
    QString path;
    bool replace = false;
    for (const QString& a : args) {
        if (a == QLatin1String("--replace"))
            replace = true;
        else if ((a.startsWith(QLatin1String("--")) && a != QLatin1String("-")) || !path.isEmpty())
            throw UsageError{QStringLiteral("profiles import: unexpected argument \"%1\"").arg(a)};
        else
            path = a;
    }
    if (path.isEmpty())
        throw UsageError{QStringLiteral("profiles import FILE.json [--replace]")};
    QFile file;
    const bool ok = path == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                               : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!ok)
        throw UsageError{QStringLiteral("cannot read %1: %2").arg(path, file.errorString())};
    const QList<core::ConnectionProfile> profiles = core::parseProfileExport(file.readAll());
    core::ProfileStore store;
    store.load();
    const QStringList replaced = core::importProfiles(store, profiles, replace);
    store.save();
    QStringList names;
    for (const auto& p : profiles)
        names << p.name;
    if (parseFormat(inv.global.format, {Format::Table, Format::Json}) == Format::Json)
        printJson(inv.out, QJsonObject{{QStringLiteral("imported"), QJsonArray::fromStringList(names)},
                                       {QStringLiteral("replaced"), QJsonArray::fromStringList(replaced)}});
    else
        inv.out << "imported " << names.size() << " profile(s): " << names.join(QStringLiteral(", "))
                << (replaced.isEmpty()
                        ? QString()
                        : QStringLiteral(" (replaced: %1)").arg(replaced.join(QStringLiteral(", "))))
                << '\n';
    return ExitOk;
}

} // namespace pgdesk::cli
