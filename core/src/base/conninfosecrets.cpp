// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/base/conninfosecrets.h>

#include <QByteArray>
#include <QList>

#include <algorithm>

namespace pgdesk::core {

namespace {

const QString kMask = QStringLiteral("********");

struct Span {
    qsizetype start;
    qsizetype end;
};

QString replaceSpans(QString text, QList<Span> spans) {
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.start > b.start; });
    for (const Span& s : spans)
        text.replace(s.start, s.end - s.start, kMask);
    return text;
}

QString maskUri(const QString& dsn, qsizetype prefixLength) {
    QList<Span> spans;
    const qsizetype n = dsn.size();
    // Like libpq: user info ends at the first '@' that comes before any '/'.
    qsizetype at = prefixLength;
    while (at < n && dsn[at] != QLatin1Char('@') && dsn[at] != QLatin1Char('/'))
        ++at;
    qsizetype queryFrom = prefixLength;
    if (at < n && dsn[at] == QLatin1Char('@')) {
        const qsizetype colon = dsn.indexOf(QLatin1Char(':'), prefixLength);
        if (colon >= 0 && colon < at && colon + 1 < at)
            spans.append({colon + 1, at});
        queryFrom = at + 1;
    }
    const qsizetype question = dsn.indexOf(QLatin1Char('?'), queryFrom);
    if (question >= 0) {
        qsizetype start = question + 1;
        while (start <= n) {
            qsizetype end = dsn.indexOf(QLatin1Char('&'), start);
            if (end < 0)
                end = n;
            const qsizetype eq = dsn.indexOf(QLatin1Char('='), start);
            if (eq >= 0 && eq < end) {
                const QByteArray key = QByteArray::fromPercentEncoding(dsn.mid(start, eq - start).toUtf8());
                if (isSecretOption(QString::fromUtf8(key)) && eq + 1 < end)
                    spans.append({eq + 1, end});
            }
            start = end + 1;
        }
    }
    return replaceSpans(dsn, spans);
}

// Mirrors libpq's conninfo_parse() closely enough to find where each value starts and ends.
QString maskKeyValue(const QString& dsn) {
    QList<Span> spans;
    const qsizetype n = dsn.size();
    qsizetype i = 0;
    auto skipSpace = [&] {
        while (i < n && dsn[i].isSpace())
            ++i;
    };
    while (i < n) {
        skipSpace();
        if (i >= n)
            break;
        const qsizetype keyStart = i;
        while (i < n && !dsn[i].isSpace() && dsn[i] != QLatin1Char('='))
            ++i;
        const QString key = dsn.mid(keyStart, i - keyStart);
        skipSpace();
        if (i >= n || dsn[i] != QLatin1Char('='))
            break; // malformed; nothing further can be told apart reliably
        ++i;
        skipSpace();
        const qsizetype valueStart = i;
        if (i < n && dsn[i] == QLatin1Char('\'')) {
            ++i;
            while (i < n) {
                if (dsn[i] == QLatin1Char('\\')) {
                    i += 2;
                } else if (dsn[i] == QLatin1Char('\'')) {
                    ++i;
                    break;
                } else {
                    ++i;
                }
            }
        } else {
            while (i < n && !dsn[i].isSpace())
                i += dsn[i] == QLatin1Char('\\') ? 2 : 1;
        }
        i = std::min(i, n);
        if (isSecretOption(key) && i > valueStart)
            spans.append({valueStart, i});
    }
    return replaceSpans(dsn, spans);
}

} // namespace

bool isSecretOption(const QString& keyword) {
    return keyword == QLatin1String("password") || keyword == QLatin1String("sslpassword");
}

QString maskDsnPassword(const QString& dsn) {
    for (const auto& prefix : {QStringLiteral("postgresql://"), QStringLiteral("postgres://")})
        if (dsn.startsWith(prefix))
            return maskUri(dsn, prefix.size());
    return maskKeyValue(dsn);
}

} // namespace pgdesk::core
