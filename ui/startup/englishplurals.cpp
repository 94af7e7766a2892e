// SPDX-License-Identifier: GPL-3.0-or-later
// Compiled into every program that links pgdesk_ui (an INTERFACE source, see ui/CMakeLists.txt), so that it
// runs without being referenced: the English plural forms of the "%n row(s)" messages ("1 row", "2 rows")
// come from translations/pgdesk_en.ts, which holds only those. A language's translation installed later
// (pgdesk::ui::installTranslations) is asked first.
#include <QCoreApplication>
#include <QTranslator>

namespace {

void installEnglishPlurals() {
    auto* translator = new QTranslator(QCoreApplication::instance());
    if (translator->load(QStringLiteral(":/i18n/pgdesk_en.qm")))
        QCoreApplication::installTranslator(translator);
    else
        delete translator;
}

} // namespace

Q_COREAPP_STARTUP_FUNCTION(installEnglishPlurals)
