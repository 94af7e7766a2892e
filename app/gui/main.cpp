// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/session/version.h>
#include <pgdesk/ui/browse/browsefeature.h>
#include <pgdesk/ui/common/theme.h>
#include <pgdesk/ui/common/translations.h>
#include <pgdesk/ui/common/uisettings.h>
#include <pgdesk/ui/connect/sshpromptdialog.h>
#include <pgdesk/ui/shell/mainwindow.h>
#include <pgdesk/ui/shell/startupoptions.h>

#include <QApplication>
#include <QIcon>
#include <QTextStream>

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("pgdesk")); // QSettings: ~/.config/pgdesk/pgdesk.conf
    QApplication::setApplicationName(QStringLiteral("pgdesk"));
    QApplication::setApplicationDisplayName(QStringLiteral("PgDesk"));
    QApplication::setApplicationVersion(pgdesk::core::pgdeskVersion());
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/pgdesk/icons/pgdesk.svg")));

    // Before any window exists: the language (the preference, else the system's) and the theme.
    pgdesk::ui::installTranslations(pgdesk::ui::UiSettings::effectiveLanguage());
    pgdesk::ui::applyTheme(pgdesk::ui::UiSettings::theme());
    // SSH passwords, passphrases and unknown host keys are asked in the window.
    pgdesk::ui::SshPromptDialog::installAsPrompter();

    const auto options = pgdesk::ui::parseStartupOptions(QApplication::arguments().mid(1));
    if (!options.error.isEmpty()) {
        QTextStream(stderr)
            << "pgdesk: " << options.error
            << "\nUsage: pgdesk [--profile NAME | --dsn DSN] [--open TABLE [--filter \"COLUMN OPERATION "
               "[VALUE]\"]... [--any] [--search TEXT] [--sort COLUMN[:asc|:desc]]... "
               "[--deleted active|deleted|all]]\n";
        return 2;
    }
    pgdesk::ui::MainWindow window;
    pgdesk::ui::BrowseFeature::of(window)->setTableToOpen(
        options.openTable, {options.filter, options.search, options.sort, options.scope});
    window.show();
    if (!options.profile.isEmpty())
        window.openProfile(options.profile);
    else if (!options.dsn.isEmpty())
        window.openDsn(options.dsn);
    else
        window.manageConnections(); // nothing to connect to yet: pick or make a profile
    return app.exec();
}
