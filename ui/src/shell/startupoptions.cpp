// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/shell/startupoptions.h>

#include <pgdesk/core/base/errors.h>

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
        else if (a == QLatin1String("--filter")) {
            try {
                o.filter.conditions << core::conditionFromText(value());
            } catch (const core::Error& e) {
                o.error = e.message();
            }
        } else if (a == QLatin1String("--any"))
            o.filter.logic = core::FilterGroup::Logic::Or;
        else if (a == QLatin1String("--search"))
            o.search = value();
        else if (a == QLatin1String("--sort"))
            o.sort << core::sortKeyFromText(value());
        else if (a == QLatin1String("--deleted")) {
            o.scope = core::softDeleteScopeFromName(value());
            if (!o.scope)
                o.error = QCoreApplication::translate("pgdesk", "--deleted wants active, deleted or all");
        } else
            o.error = QCoreApplication::translate("pgdesk", "unknown argument %1").arg(a);
    }
    const bool viewOptions = !o.filter.isEmpty() || !o.search.isEmpty() || !o.sort.isEmpty() || o.scope;
    if (viewOptions && o.openTable.isEmpty())
        o.error = QCoreApplication::translate("pgdesk",
                                              "--filter, --search, --sort and --deleted need --open TABLE");
    if (!o.profile.isEmpty() && !o.dsn.isEmpty())
        o.error = QCoreApplication::translate("pgdesk", "give either --profile or --dsn, not both");
    return o;
}

} // namespace pgdesk::ui
