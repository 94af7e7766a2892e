// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/common/uisettings.h>

#include <QLocale>
#include <QSettings>

namespace pgdesk::ui {

namespace {
// Every preference key lives here (window layout and sessions stay with MainWindow).
const QString kPageSize = QStringLiteral("browser/pageSize");
const QString kNullText = QStringLiteral("grid/nullText");
const QString kDateTime = QStringLiteral("grid/dateTimeDisplay");
const QString kFont = QStringLiteral("grid/font");
const QString kConfirmApply = QStringLiteral("editing/confirmBeforeApply");
const QString kConfirmSweeping = QStringLiteral("queryTool/confirmSweeping");
const QString kVimMode = QStringLiteral("queryTool/vimMode");
const QString kSlotAlertMegabytes = QStringLiteral("replication/slotAlertMegabytes");
const QString kTheme = QStringLiteral("appearance/theme");
const QString kLanguage = QStringLiteral("appearance/language");
const QString kCtid = QStringLiteral("editByCtid/%1/%2");
constexpr int kDefaultPageSize = 100;
} // namespace

UiSettings* UiSettings::instance() {
    static UiSettings* settings = new UiSettings; // lives as long as the process; no parent to outlive
    return settings;
}

void UiSettings::notifyChanged() {
    emit changed();
}

QList<int> UiSettings::pageSizeChoices() {
    return {50, 100, 500, 1000, 0};
}

int UiSettings::pageSize() {
    const int rows = QSettings().value(kPageSize, kDefaultPageSize).toInt();
    return pageSizeChoices().contains(rows) ? rows : kDefaultPageSize;
}

void UiSettings::setPageSize(int rows) {
    QSettings().setValue(kPageSize, rows);
}

QString UiSettings::nullText() {
    return QSettings().value(kNullText, QStringLiteral("NULL")).toString();
}

void UiSettings::setNullText(const QString& text) {
    QSettings().setValue(kNullText, text);
}

UiSettings::DateTimeDisplay UiSettings::dateTimeDisplay() {
    return QSettings().value(kDateTime).toString() == QLatin1String("locale") ? DateTimeDisplay::Locale
                                                                              : DateTimeDisplay::AsSent;
}

void UiSettings::setDateTimeDisplay(DateTimeDisplay display) {
    QSettings().setValue(kDateTime, display == DateTimeDisplay::Locale ? QStringLiteral("locale")
                                                                       : QStringLiteral("as-sent"));
}

bool UiSettings::hasGridFont() {
    return !QSettings().value(kFont).toString().isEmpty();
}

QFont UiSettings::gridFont() {
    QFont font;
    const QString text = QSettings().value(kFont).toString();
    if (text.isEmpty() || !font.fromString(text))
        return {};
    return font;
}

void UiSettings::setGridFont(const QFont& font) {
    if (font.resolveMask() == 0 || font.family().isEmpty())
        QSettings().remove(kFont);
    else
        QSettings().setValue(kFont, font.toString());
}

bool UiSettings::confirmBeforeApply() {
    return QSettings().value(kConfirmApply, true).toBool();
}

void UiSettings::setConfirmBeforeApply(bool confirm) {
    QSettings().setValue(kConfirmApply, confirm);
}

bool UiSettings::confirmSweeping() {
    return QSettings().value(kConfirmSweeping, true).toBool();
}

void UiSettings::setConfirmSweeping(bool confirm) {
    QSettings().setValue(kConfirmSweeping, confirm);
}

bool UiSettings::vimMode() {
    return QSettings().value(kVimMode, false).toBool();
}

void UiSettings::setVimMode(bool on) {
    QSettings().setValue(kVimMode, on);
}

qint64 UiSettings::slotAlertBytes() {
    return QSettings().value(kSlotAlertMegabytes, 1024).toLongLong() * 1024 * 1024;
}

void UiSettings::setSlotAlertBytes(qint64 bytes) {
    QSettings().setValue(kSlotAlertMegabytes, bytes / (1024 * 1024));
}

UiSettings::Theme UiSettings::theme() {
    const QString theme = QSettings().value(kTheme).toString();
    return theme == QLatin1String("dark")    ? Theme::Dark
           : theme == QLatin1String("light") ? Theme::Light
                                             : Theme::System;
}

void UiSettings::setTheme(Theme theme) {
    QSettings().setValue(kTheme, theme == Theme::Dark    ? QStringLiteral("dark")
                                 : theme == Theme::Light ? QStringLiteral("light")
                                                         : QStringLiteral("system"));
}

QStringList UiSettings::languages() {
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fa")};
}

QString UiSettings::language() {
    const QString code = QSettings().value(kLanguage).toString();
    return languages().contains(code) ? code : QString();
}

void UiSettings::setLanguage(const QString& code) {
    QSettings().setValue(kLanguage, languages().contains(code) ? code : QString());
}

QString UiSettings::effectiveLanguage() {
    if (const QString chosen = language(); !chosen.isEmpty())
        return chosen;
    // uiLanguages() follows LANGUAGE/LC_ALL/LC_MESSAGES/LANG on Unix: "de-DE", "de", …
    for (const QString& name : QLocale::system().uiLanguages()) {
        const QString code = name.section(QLatin1Char('-'), 0, 0).toLower();
        if (languages().contains(code))
            return code;
    }
    return QStringLiteral("en");
}

bool UiSettings::editsByCtid(const QString& profile, const QString& qualifiedTable) {
    return QSettings().value(kCtid.arg(profile, qualifiedTable)).toBool();
}

void UiSettings::setEditsByCtid(const QString& profile, const QString& qualifiedTable) {
    QSettings().setValue(kCtid.arg(profile, qualifiedTable), true);
}

QStringList UiSettings::collapsedProfileFolders() {
    return QSettings().value(QStringLiteral("connections/collapsedFolders")).toStringList();
}

void UiSettings::setCollapsedProfileFolders(const QStringList& paths) {
    QSettings().setValue(QStringLiteral("connections/collapsedFolders"), paths);
}

QStringList UiSettings::emptyProfileFolders() {
    return QSettings().value(QStringLiteral("connections/emptyFolders")).toStringList();
}

void UiSettings::setEmptyProfileFolders(const QStringList& paths) {
    QSettings().setValue(QStringLiteral("connections/emptyFolders"), paths);
}

} // namespace pgdesk::ui
