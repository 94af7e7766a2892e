// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/browse/queryspec.h>

#include <QString>
#include <QStringList>

#include <optional>

namespace pgdesk::ui {

// `pgdesk [--profile NAME | --dsn DSN] [--open TABLE [--filter "COLUMN OPERATION [VALUE]"]... [--any]
//  [--search TEXT] [--sort COLUMN[:asc|:desc]]... [--deleted active|deleted|all]]` — the view options
// are those of `pgdesk-cli browse` and apply to the opened table.
struct StartupOptions {
    QString profile;
    QString dsn;
    QString openTable;
    core::FilterGroup filter;
    QString search;
    QList<core::SortKey> sort;
    std::optional<core::SoftDeleteScope> scope;
    QString error; // non-empty when the arguments are wrong
};

StartupOptions parseStartupOptions(const QStringList& arguments);

} // namespace pgdesk::ui
