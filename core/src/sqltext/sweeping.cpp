// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/sqltext/sqlwords.h>

#include <pgdesk/core/sqltext/statementsplitter.h>
#include <pgdesk/core/sqltext/sweeping.h>

#include <QList>

namespace pgdesk::core {

namespace {

using Word = SqlWord;

// A name as written from `i` on (name.name, quoted parts kept), moving i past it.
QString nameAt(const QList<Word>& words, qsizetype& i) {
    QString name;
    while (i < words.size()) {
        name += words[i].raw;
        if (i + 1 < words.size() && words[i + 1].raw == QLatin1String(".")) {
            name += QLatin1Char('.');
            i += 2;
            continue;
        }
        ++i;
        break;
    }
    return name;
}

bool hasTopLevel(const QList<Word>& words, qsizetype from, const char* keyword) {
    for (qsizetype i = from; i < words.size(); ++i)
        if (words[i].depth == 0 && words[i].keyword == QLatin1String(keyword))
            return true;
    return false;
}

} // namespace

std::optional<SweepingStatement> sweepingStatement(const QString& statement) {
    const QList<Word> words = sqlWords(statement);
    qsizetype k = 0;
    while (k < words.size() && words[k].raw == QLatin1String("("))
        ++k;
    if (k >= words.size())
        return std::nullopt;
    if (words[k].keyword == QLatin1String("WITH")) { // the statement after its common table expressions
        for (++k; k < words.size(); ++k) {
            const QString& w = words[k].keyword;
            if (words[k].depth == 0 &&
                (w == QLatin1String("SELECT") || w == QLatin1String("INSERT") ||
                 w == QLatin1String("UPDATE") || w == QLatin1String("DELETE") || w == QLatin1String("MERGE")))
                break;
        }
        if (k >= words.size())
            return std::nullopt;
    }
    const QString& kw = words[k].keyword;
    qsizetype i = k + 1;
    const auto skip = [&](const char* word) {
        if (i < words.size() && words[i].keyword == QLatin1String(word))
            ++i;
    };
    if (kw == QLatin1String("UPDATE") || kw == QLatin1String("DELETE")) {
        if (kw == QLatin1String("DELETE"))
            skip("FROM");
        skip("ONLY");
        const QString target = nameAt(words, i);
        if (hasTopLevel(words, i, "WHERE"))
            return std::nullopt;
        return SweepingStatement{kw == QLatin1String("UPDATE") ? SweepingStatement::Kind::UpdateAll
                                                               : SweepingStatement::Kind::DeleteAll,
                                 target};
    }
    if (kw == QLatin1String("TRUNCATE")) {
        skip("TABLE");
        QStringList targets;
        while (i < words.size()) {
            skip("ONLY");
            if (i >= words.size() || words[i].keyword == QLatin1String("RESTART") ||
                words[i].keyword == QLatin1String("CONTINUE") ||
                words[i].keyword == QLatin1String("CASCADE") || words[i].keyword == QLatin1String("RESTRICT"))
                break;
            targets << nameAt(words, i);
            if (i < words.size() && words[i].raw == QLatin1String("*"))
                ++i;
            if (i < words.size() && words[i].raw == QLatin1String(","))
                ++i;
            else
                break;
        }
        return SweepingStatement{SweepingStatement::Kind::Truncate, targets.join(QStringLiteral(", "))};
    }
    if (kw == QLatin1String("DROP")) {
        // What is dropped, as written after DROP ("TABLE IF EXISTS shop.pets CASCADE"), on one line.
        QStringList rest;
        for (qsizetype w = i; w < words.size(); ++w)
            rest << words[w].raw;
        QString target = rest.join(QLatin1Char(' '));
        target.replace(QStringLiteral(" . "), QStringLiteral("."));
        target.replace(QStringLiteral(" ,"), QStringLiteral(","));
        if (target.size() > 120)
            target = target.left(119) + QChar(0x2026);
        return SweepingStatement{SweepingStatement::Kind::Drop, target};
    }
    return std::nullopt;
}

} // namespace pgdesk::core
