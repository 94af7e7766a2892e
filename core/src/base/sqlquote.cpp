// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/sqlquote.h>

namespace pgdesk::core {

QString stringLiteral(const QString& text) {
    if (text.contains(QChar(0)))
        throwError(ErrorKind::Data, QStringLiteral("Text with a NUL character cannot be stored."));
    return QLatin1Char('\'') + QString(text).replace(QLatin1Char('\''), QLatin1String("''")) +
           QLatin1Char('\'');
}

QString quoteIdentifier(const QString& identifier) {
    QString quoted = identifier;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString quoteLiteralPure(const QString& value) {
    QString body = value;
    body.replace(QLatin1Char('\''), QLatin1String("''"));
    if (!value.contains(QLatin1Char('\\')))
        return QLatin1Char('\'') + body + QLatin1Char('\'');
    body.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    return QStringLiteral("E'") + body + QLatin1Char('\'');
}

QString arrayLiteral(const QStringList& elements) {
    QString out = QStringLiteral("{");
    for (qsizetype i = 0; i < elements.size(); ++i) {
        if (elements.at(i).isNull())
            throwError(ErrorKind::Data, QStringLiteral("NULL elements are not supported in filter lists"));
        QString e = elements.at(i);
        e.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        e.replace(QLatin1Char('"'), QLatin1String("\\\""));
        if (i > 0)
            out += QLatin1Char(',');
        out += QLatin1Char('"') + e + QLatin1Char('"');
    }
    return out + QLatin1Char('}');
}

QString escapeLike(const QString& text) {
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('%') || c == QLatin1Char('_'))
            out += QLatin1Char('\\');
        out += c;
    }
    return out;
}

QString sqlCommentText(const QString& text) {
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const QChar before = i > 0 ? text.at(i - 1) : QChar();
        switch (c.unicode()) {
        case '\\':
            out += QLatin1String("\\\\");
            continue;
        case '\n':
            out += QLatin1String("\\n");
            continue;
        case '\r':
            out += QLatin1String("\\r");
            continue;
        case '\v':
            out += QLatin1String("\\v");
            continue;
        case '\f':
            out += QLatin1String("\\f");
            continue;
        case '*': // "/*" would open a nested block comment
        case '/': // "*/" would close one
            if (before == (c == QLatin1Char('*') ? QLatin1Char('/') : QLatin1Char('*')))
                out += QLatin1Char('\\');
            out += c;
            continue;
        default:
            break;
        }
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != '\t') || u == 0x7f || u == 0x85 || u == 0x2028 || u == 0x2029)
            out += QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

QString querySource(const QString& sql) {
    QString body = sql;
    while (!body.isEmpty() && (body.back().isSpace() || body.back() == QLatin1Char(';')))
        body.chop(1);
    if (body.trimmed().isEmpty())
        throwError(ErrorKind::Configuration, QStringLiteral("the query is empty"));
    return QStringLiteral("(\n") + body + QStringLiteral("\n) AS \"q\"");
}

} // namespace pgdesk::core
