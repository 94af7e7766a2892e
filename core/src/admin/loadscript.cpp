// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin/loadscript.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/sqlquote.h>

#include <QFile>
#include <QRegularExpression>

#include <algorithm>

namespace pgdesk::core {

// Names in `OWNER TO r` and `GRANT … TO r, …` / `REVOKE … FROM r` of a script: roles its objects need.
QStringList rolesNamedBy(const QList<SqlStatement>& statements) {
    static const QRegularExpression owner(
        QStringLiteral(R"re(\bOWNER\s+TO\s+("(?:[^"]|"")+"|[A-Za-z_][\w$]*))re"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression grantee(
        QStringLiteral(
            R"re(\b(?:TO|FROM)\s+((?:(?:GROUP\s+)?(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)\s*,?\s*)+))re"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression name(QStringLiteral(R"re("((?:[^"]|"")+)"|([A-Za-z_][\w$]*))re"));
    QStringList roles;
    const auto add = [&roles](const QRegularExpressionMatch& m) {
        const QString role = m.captured(1).isEmpty()
                                 ? m.captured(2).toLower()
                                 : m.captured(1).replace(QStringLiteral("\"\""), QStringLiteral("\""));
        static const QStringList keywords{"group",        "public", "current_user", "session_user",
                                          "current_role", "with",   "grant",        "option",
                                          "granted",      "by",     "cascade",      "restrict"};
        if (!keywords.contains(role) && !roles.contains(role))
            roles << role;
    };
    for (const SqlStatement& s : statements) {
        for (auto it = owner.globalMatch(s.text); it.hasNext();)
            add(name.match(it.next().captured(1)));
        if (s.keyword != QLatin1String("GRANT") && s.keyword != QLatin1String("REVOKE"))
            continue;
        for (auto it = grantee.globalMatch(s.text); it.hasNext();)
            for (auto names = name.globalMatch(it.next().captured(1)); names.hasNext();)
                add(names.next());
    }
    return roles;
}

QList<ExtensionStatement> extensionStatements(const QList<SqlStatement>& statements) {
    QList<ExtensionStatement> out;
    for (const SqlStatement& s : statements) {
        if (s.keyword != QLatin1String("CREATE"))
            continue;
        SqlLexState state;
        QStringList words; // keywords upper case, identifiers as written (quoted ones unquoted)
        for (const SqlToken& t : tokenizeSql(s.text, state)) {
            const QString text = s.text.mid(t.start, t.length);
            if (t.type == SqlTokenType::Comment)
                continue;
            const bool quoted = t.type == SqlTokenType::QuotedIdentifier || t.type == SqlTokenType::String;
            words << (quoted ? text.mid(1, text.size() - 2) : text);
        }
        if (words.size() < 3 || words[1].compare(QLatin1String("EXTENSION"), Qt::CaseInsensitive) != 0)
            continue;
        ExtensionStatement e{s.offset, s.text.size(), {}, {}, {}};
        qsizetype i = 2;
        if (words.size() > 5 && words[2].compare(QLatin1String("IF"), Qt::CaseInsensitive) == 0)
            i = 5;
        e.name = words.value(i++);
        for (; i + 1 < words.size(); ++i) {
            if (words[i].compare(QLatin1String("SCHEMA"), Qt::CaseInsensitive) == 0)
                e.schema = words[i + 1];
            else if (words[i].compare(QLatin1String("VERSION"), Qt::CaseInsensitive) == 0)
                e.version = words[i + 1];
        }
        out << e;
    }
    return out;
}

// ALTER … OWNER TO name, SET / RESET SESSION AUTHORIZATION: what a sandbox's load leaves out.
bool changesOwnerOrAuthorization(const SqlStatement& s) {
    SqlLexState state;
    QStringList words;
    for (const SqlToken& t : tokenizeSql(s.text, state))
        if (t.type != SqlTokenType::Comment)
            words << s.text.mid(t.start, t.length).toUpper();
    if (words.size() >= 3 && (words[0] == QLatin1String("SET") || words[0] == QLatin1String("RESET")) &&
        words[1] == QLatin1String("SESSION") && words[2] == QLatin1String("AUTHORIZATION"))
        return true;
    return words.size() >= 4 && words[0] == QLatin1String("ALTER") &&
           words[words.size() - 3] == QLatin1String("OWNER") &&
           words[words.size() - 2] == QLatin1String("TO");
}

void writeLoadScript(const QString& path, const QString& script, const QList<SqlStatement>& statements,
                     const QString& helperSchema, const std::function<bool(const SqlStatement&)>& leaveOut) {
    struct Replacement {
        qsizetype offset;
        qsizetype length;
        QString text;
    };
    QList<Replacement> replaced;
    for (const ExtensionStatement& e : extensionStatements(statements))
        replaced.append({e.offset, e.length,
                         QStringLiteral("SELECT %1.create_extension(%2, %3, %4)")
                             .arg(helperSchema, stringLiteral(e.name), stringLiteral(e.schema),
                                  stringLiteral(e.version))});
    for (const SqlStatement& st : statements)
        if (leaveOut(st))
            replaced.append({st.offset, st.text.size(), QStringLiteral("SELECT NULL")});
    std::sort(replaced.begin(), replaced.end(),
              [](const Replacement& a, const Replacement& b) { return a.offset > b.offset; });
    QString rewritten = script;
    for (const Replacement& r : replaced)
        rewritten.replace(r.offset, r.length, r.text);
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(rewritten.toUtf8()) < 0 || !out.flush())
        throwError(ErrorKind::Configuration,
                   QStringLiteral("cannot write %1: %2").arg(out.fileName(), out.errorString()));
}

} // namespace pgdesk::core
