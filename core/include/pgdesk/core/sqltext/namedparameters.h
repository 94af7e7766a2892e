// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/base/param.h>

#include <QList>
#include <QMap>
#include <QString>

namespace pgdesk::core {

// One `:name` placeholder in a statement: where the colon is and how long `:name` is (QString indexes).
struct NamedParameter {
    QString name; // without the colon
    qsizetype start = 0;
    qsizetype length = 0;
};

// Pure: the `:name` placeholders of one statement (name: a letter or _ then letters, digits, _), found with
// the statement lexer, so never inside strings, comments, dollar quotes or quoted identifiers. Not
// placeholders: `::` casts, named-argument `:=`, and a colon directly inside a subscript's brackets, which
// is an array slice (`a[1:n]`, `a[lo:hi]`; write `a[(:lo):(:hi)]` for parameters there). ARRAY[…]
// constructors are not subscripts: `ARRAY[:a, :b]` has two.
QList<NamedParameter> findNamedParameters(const QString& sql);

// A statement ready for Connection::exec(sql, params).
struct BoundStatement {
    QString sql;
    Params params;
    // Each `:name` replaced by `$n`: where, in sql and in the original statement.
    struct Replacement {
        qsizetype boundStart = 0;
        qsizetype boundLength = 0;
        qsizetype originalStart = 0;
        qsizetype originalLength = 0;
    };
    QList<Replacement> replacements;
    // Where the character at `boundIndex` of sql was in the original statement (a character of a `$n`: its
    // placeholder's colon), so the server's error position can point into what the user wrote.
    qsizetype originalIndex(qsizetype boundIndex) const;
};

// Pure: rewrites the `:name` placeholders of one statement to `$n` and lists the values in order, so they
// travel as bound parameters and never as SQL text. A name used twice gets the same `$n`; named
// placeholders are numbered after the highest `$k` the statement already has. `values` holds names
// ("customer") and positions ("1" for `$1`); std::nullopt is NULL. Values the statement does not use are
// ignored. Throws ConfigurationError (field "parameters") naming the first placeholder without a value:
// "no value for parameter :customer" / "no value for parameter $2". Used by the CLI's `query --param`, the
// query tool's runs (ScriptRunner) and what-if plans.
BoundStatement bindNamedParameters(const QString& sql, const QMap<QString, Param>& values);

// Pure: the names and positions ("customer", "1") a statement refers to, in order of first use.
QStringList parameterNames(const QString& sql);

// Pure: parameterNames() of a statement whose placeholders are the caller's to bind, else none: the `$n`
// of PREPARE are the prepared statement's, and those of CREATE [OR REPLACE] FUNCTION / PROCEDURE (a
// SQL-standard body: RETURN $1, BEGIN ATOMIC … END) are the routine's arguments.
QStringList boundParameterNames(const QString& sql);

} // namespace pgdesk::core
