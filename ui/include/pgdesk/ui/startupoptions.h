#pragma once

#include <QString>
#include <QStringList>

namespace pgdesk::ui {

// `pgdesk [--profile NAME | --dsn DSN] [--open TABLE]`
struct StartupOptions {
    QString profile;
    QString dsn;
    QString openTable;
    QString error; // non-empty when the arguments are wrong
};

StartupOptions parseStartupOptions(const QStringList& arguments);

} // namespace pgdesk::ui
