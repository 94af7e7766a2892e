// SPDX-License-Identifier: GPL-3.0-or-later
#include "specoptions.h"

#include <algorithm>

namespace pgdesk::cli {

namespace {

qint64 parseNumber(const QString& option, const QString& text) {
    bool ok = false;
    const qint64 n = text.toLongLong(&ok);
    if (!ok || n < 1)
        throw UsageError{QStringLiteral("%1 wants a positive number, got \"%2\"").arg(option, text)};
    return n;
}

} // namespace

bool parseSpecOption(const QStringList& args, qsizetype& i, core::QuerySpec& spec) {
    const QString& arg = args.at(i);
    const auto value = [&] { return optionValue(args, i); };
    if (arg == QLatin1String("--filter")) {
        spec.filter.conditions << core::conditionFromText(value());
    } else if (arg == QLatin1String("--any")) {
        spec.filter.logic = core::FilterGroup::Logic::Or;
    } else if (arg == QLatin1String("--search")) {
        spec.search = value();
    } else if (arg == QLatin1String("--sort")) {
        spec.sort << core::sortKeyFromText(value());
    } else if (arg == QLatin1String("--deleted")) {
        const auto scope = core::softDeleteScopeFromName(value());
        if (!scope)
            throw UsageError{QStringLiteral("--deleted wants active, deleted or all")};
        spec.scope = *scope;
    } else {
        return false;
    }
    return true;
}

bool parsePageOption(const QStringList& args, qsizetype& i, core::QuerySpec& spec) {
    const QString& arg = args.at(i);
    const auto value = [&] { return optionValue(args, i); };
    if (arg == QLatin1String("--page"))
        spec.page.pageNumber = parseNumber(arg, value());
    else if (arg == QLatin1String("--after"))
        spec.page.afterCursor = value();
    else if (arg == QLatin1String("--before"))
        spec.page.beforeCursor = value();
    else if (arg == QLatin1String("--last"))
        spec.page.last = true;
    else if (arg == QLatin1String("--page-size"))
        spec.page.pageSize = int(std::min<qint64>(parseNumber(arg, value()), 100000));
    else
        return false;
    return true;
}

QStringList parseColumnList(const QString& option, const QString& text) {
    QStringList columns;
    QString current;
    bool quoted = false;    // inside "…"
    bool wasQuoted = false; // this name was quoted: its spaces are its own
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c != QLatin1Char('"'))
                current += c;
            else if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"'))
                current += text.at(++i);
            else
                quoted = false;
        } else if (c == QLatin1Char('"') && current.trimmed().isEmpty()) {
            current.clear();
            quoted = wasQuoted = true;
        } else if (c == QLatin1Char(',')) {
            columns << (wasQuoted ? current : current.trimmed());
            current.clear();
            wasQuoted = false;
        } else if (!wasQuoted || !c.isSpace()) {
            if (wasQuoted)
                throw UsageError{
                    QStringLiteral("%1: text after a quoted column name in \"%2\"").arg(option, text)};
            current += c;
        }
    }
    if (quoted)
        throw UsageError{QStringLiteral("%1: unterminated quoted column name in \"%2\"").arg(option, text)};
    columns << (wasQuoted ? current : current.trimmed());
    return columns;
}

QChar parseDelimiter(const QString& text) {
    if (text == QLatin1String("\\t") || text.compare(QLatin1String("tab"), Qt::CaseInsensitive) == 0)
        return QLatin1Char('\t');
    if (text.size() != 1)
        throw UsageError{
            QStringLiteral("--delimiter wants one character (or \\t / tab), got \"%1\"").arg(text)};
    return text.front();
}

} // namespace pgdesk::cli
