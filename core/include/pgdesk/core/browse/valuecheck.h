// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace pgdesk::core {

class CancelToken;
class Connection;

// Checking values against a column's type before anything is staged (a paste into the grid): the server's
// own input functions decide, so that what passes here is exactly what an apply accepts (dates in every
// DateStyle form, intervals, enums, domains with their CHECKs, arrays, ranges, extension types). A client
// parser would either refuse values PostgreSQL takes or let through some it refuses.
struct InvalidValue {
    qsizetype index = -1; // into the values checked
    QString message;      // the server's ("invalid input syntax for type date: \"2024-02-30\"")
};

// Pure: what an explicit cast lets through but an INSERT or UPDATE refuses: a value longer than a
// character varying(n) / character(n) column (the cast cuts it, the assignment fails unless only blanks go).
std::optional<QString> checkValueLength(const QString& typeName, const QString& value);
// Pure: whether values of this type can be refused at all (text and character varying without a length
// take anything): no round trip for them.
bool typeCanRefuse(const QString& typeName);

// The first of `values` (in order; NULLs always pass) that a column of `typeName` (format_type text as the
// catalog reads it: "numeric(30,10)", "timestamp with time zone", "\"my schema\".mood[]") refuses, or
// nullopt. Distinct values are cast on the server in one statement,
//   select count(v::<type>) from unnest($1::text[]) as t(v)
// and only when that fails, halves of them (a bisection: about log2(n) more statements) to name the first
// bad one. Data exceptions (class 22) and domain CHECKs (23) are refusals; other errors are thrown.
std::optional<InvalidValue> findInvalidValue(Connection& connection, const QString& typeName,
                                             const QList<std::optional<QString>>& values,
                                             const std::shared_ptr<CancelToken>& cancel = {});

} // namespace pgdesk::core
