// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/completion/snippets.h>

#include <pgdesk/core/base/errors.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>
#include <climits>

namespace pgdesk::core {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("pgdesk::core::Snippets", text);
}

bool isDigit(QChar c) {
    return c >= u'0' && c <= u'9';
}

} // namespace

SnippetExpansion expandSnippet(const QString& body) {
    SnippetExpansion out;
    QHash<int, QString> defaults; // a number's text, for its later places
    bool end = false;
    const qsizetype n = body.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = body[i];
        if (c == u'\\' && i + 1 < n && (body[i + 1] == u'$' || body[i + 1] == u'\\' || body[i + 1] == u'}')) {
            out.text += body[++i];
            continue;
        }
        if (c != u'$' || i + 1 >= n) {
            out.text += c;
            continue;
        }
        qsizetype j = i + 1;
        QString defaultText;
        bool braced = false;
        if (body[j] == u'{' && j + 1 < n && isDigit(body[j + 1])) {
            braced = true;
            ++j;
        }
        if (!isDigit(body[j])) {
            out.text += c;
            continue;
        }
        int number = 0;
        while (j < n && isDigit(body[j]) && number < 1000)
            number = number * 10 + (body[j++].unicode() - u'0');
        if (braced) {
            if (j < n && body[j] == u':') {
                for (++j; j < n && body[j] != u'}'; ++j) {
                    if (body[j] == u'\\' && j + 1 < n &&
                        (body[j + 1] == u'}' || body[j + 1] == u'\\' || body[j + 1] == u'$'))
                        ++j;
                    defaultText += body[j];
                }
            }
            if (j >= n || body[j] != u'}') { // not closed: text as written
                out.text += c;
                continue;
            }
            ++j;
        }
        if (defaultText.isEmpty())
            defaultText = defaults.value(number);
        else if (!defaults.contains(number))
            defaults.insert(number, defaultText);
        out.stops << SnippetExpansion::Stop{number, out.text.size(), defaultText.size()};
        out.text += defaultText;
        end = end || number == 0;
        i = j - 1;
    }
    if (!end)
        out.stops << SnippetExpansion::Stop{0, out.text.size(), 0};
    std::stable_sort(out.stops.begin(), out.stops.end(), [](const auto& a, const auto& b) {
        return (a.number == 0 ? INT_MAX : a.number) < (b.number == 0 ? INT_MAX : b.number);
    });
    return out;
}

Snippet parseSnippetFile(const QString& baseName, const QString& text) {
    static const QRegularExpression kHeader(QStringLiteral("^--\\s*(name|prefix|description)\\s*:\\s*(.*)$"),
                                            QRegularExpression::CaseInsensitiveOption);
    Snippet s;
    QStringList lines = QString(text).remove(u'\r').split(u'\n');
    qsizetype first = 0;
    for (; first < lines.size(); ++first) {
        const QRegularExpressionMatch m = kHeader.match(lines[first].trimmed());
        if (!m.hasMatch())
            break;
        const QString key = m.captured(1).toLower();
        const QString value = m.captured(2).trimmed();
        if (key == QLatin1String("name"))
            s.name = value;
        else if (key == QLatin1String("prefix"))
            s.prefix = value;
        else
            s.description = value;
    }
    lines = lines.mid(first);
    while (!lines.isEmpty() && lines.last().trimmed().isEmpty())
        lines.removeLast();
    s.body = lines.join(u'\n');
    if (s.name.isEmpty())
        s.name = baseName;
    if (s.prefix.isEmpty())
        s.prefix = QString(s.name).replace(u' ', u'_');
    return s;
}

QString snippetFileText(const Snippet& s) {
    QString out = QStringLiteral("-- name: %1\n-- prefix: %2\n").arg(s.name, s.prefix);
    if (!s.description.isEmpty())
        out += QStringLiteral("-- description: %1\n").arg(s.description);
    return out + s.body + u'\n';
}

QString defaultSnippetFolder() {
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/pgdesk/snippets");
}

QList<Snippet> loadSnippets(const QString& folder) {
    QList<Snippet> out = shippedSnippets();
    const QDir dir(folder);
    for (const QString& file :
         dir.entryList({QStringLiteral("*.sql")}, QDir::Files | QDir::Readable, QDir::Name)) {
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        Snippet s = parseSnippetFile(file.chopped(4), QString::fromUtf8(f.readAll()));
        s.path = f.fileName();
        out.removeIf([&](const Snippet& o) { return o.prefix == s.prefix; });
        out << s;
    }
    std::sort(out.begin(), out.end(), [](const Snippet& a, const Snippet& b) { return a.prefix < b.prefix; });
    return out;
}

QString saveSnippet(const Snippet& s, const QString& folder) {
    static const QRegularExpression kWord(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    if (!kWord.match(s.prefix).hasMatch())
        throwConfigurationError(
            QStringLiteral("prefix"),
            tr("A snippet's prefix is one word (letters, digits, _), not \"%1\".").arg(s.prefix));
    if (!QDir().mkpath(folder))
        throwOutputError(folder, tr("the folder cannot be made"));
    const QString path = QDir(folder).filePath(s.prefix + QStringLiteral(".sql"));
    QSaveFile file(path);
    const QByteArray data = snippetFileText(s).toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        throwOutputError(path, file.errorString());
    return path;
}

} // namespace pgdesk::core
