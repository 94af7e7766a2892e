// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/common/translations.h>

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace pgdesk::ui {

namespace {
// Qt turns the whole layout right to left when the translation of this says "RTL" (Persian does).
[[maybe_unused]] const char* const kLayoutDirection =
    QT_TRANSLATE_NOOP("QGuiApplication", "QT_LAYOUT_DIRECTION");

QTranslator* s_own = nullptr;
QTranslator* s_qt = nullptr;

void drop(QTranslator*& translator) {
    if (!translator)
        return;
    QCoreApplication::removeTranslator(translator);
    delete translator;
    translator = nullptr;
}
} // namespace

bool installTranslations(const QString& language) {
    drop(s_own);
    drop(s_qt);
    const QLocale locale(language);
    if (QLocale::system().language() != locale.language())
        QLocale::setDefault(locale);
    else
        QLocale::setDefault(QLocale::system());
    if (language == QLatin1String("en"))
        return true; // the source language (its plural forms are always installed)
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        s_qt = qt.release();
        QCoreApplication::installTranslator(s_qt);
    }
    auto own = std::make_unique<QTranslator>();
    if (!own->load(QStringLiteral(":/i18n/pgdesk_%1.qm").arg(language)))
        return false;
    s_own = own.release();
    QCoreApplication::installTranslator(s_own);
    return true;
}

} // namespace pgdesk::ui
