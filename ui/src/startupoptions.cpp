#include <pgdesk/ui/startupoptions.h>

#include <QCoreApplication>

namespace pgdesk::ui {

StartupOptions parseStartupOptions(const QStringList& arguments) {
    StartupOptions o;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& a = arguments[i];
        auto value = [&]() -> QString {
            if (i + 1 < arguments.size())
                return arguments[++i];
            o.error = QCoreApplication::translate("pgdesk", "%1 needs a value").arg(a);
            return {};
        };
        if (a == QLatin1String("--profile"))
            o.profile = value();
        else if (a == QLatin1String("--dsn"))
            o.dsn = value();
        else if (a == QLatin1String("--open"))
            o.openTable = value();
        else
            o.error = QCoreApplication::translate("pgdesk", "unknown argument %1").arg(a);
    }
    if (!o.profile.isEmpty() && !o.dsn.isEmpty())
        o.error = QCoreApplication::translate("pgdesk", "give either --profile or --dsn, not both");
    return o;
}

} // namespace pgdesk::ui
