// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <initializer_list>

namespace pgdesk::core::ddl {

// One significant token of a statement (comments left out), with what the rules compare: the upper-case
// text of a word, and an identifier's name as the server folds it.
struct Token {
    QString text;  // as written
    QString upper; // words upper-cased, everything else as written
    bool word = false;
    bool quoted = false; // "…"
    bool isOp(QChar c) const { return !word && !quoted && text.size() == 1 && text[0] == c; }
};

QList<Token> significantTokens(const QString& statement);

// A forward reader over the tokens of one statement (or of one ALTER TABLE action).
class Cursor final {
public:
    explicit Cursor(QList<Token> tokens)
        : m_tokens(std::move(tokens)) {}

    bool atEnd() const { return m_pos >= m_tokens.size(); }
    const Token* peek(qsizetype ahead = 0) const {
        return m_pos + ahead < m_tokens.size() ? &m_tokens[m_pos + ahead] : nullptr;
    }
    bool isWord(const char* upper, qsizetype ahead = 0) const;
    // Takes the words when they come next, in order; nothing otherwise.
    bool accept(std::initializer_list<const char*> words);
    bool acceptOp(QChar c);
    void skip(qsizetype n = 1) { m_pos = std::min(m_pos + n, m_tokens.size()); }
    // Skips a parenthesised group when one starts here.
    void skipParens();
    // ident(.ident)*: unquoted parts lower-cased, quoted ones as written; empty when no name is here.
    QStringList name();
    // Whether a word appears anywhere from here on (outside nothing: a plain search).
    bool containsWord(const char* upper) const;
    // The lower-case names of the calls (word followed by "(") from here on.
    QStringList functionCalls() const;
    // The rest split at commas outside parentheses.
    QList<QList<Token>> splitAtCommas() const;
    QList<Token> rest() const { return m_tokens.mid(m_pos); }
    QString restText() const; // the rest's tokens joined by spaces

private:
    QList<Token> m_tokens;
    qsizetype m_pos = 0;
};

// An identifier as the server takes it: "Ab" stays Ab, Ab becomes ab.
QString foldIdentifier(const Token& t);

} // namespace pgdesk::core::ddl
