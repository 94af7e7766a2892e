// SPDX-License-Identifier: GPL-3.0-or-later
#include "locksjson.h"

namespace pgdesk::cli {

QJsonArray locksJson(const QList<core::RelationLock>& locks) {
    QJsonArray out;
    for (const core::RelationLock& l : locks) {
        QJsonObject o{{QStringLiteral("relation"), l.relation},
                      {QStringLiteral("mode"), core::lockModeName(l.mode)}};
        if (l.bytes >= 0)
            o.insert(QStringLiteral("bytes"), double(l.bytes));
        out << o;
    }
    return out;
}

QJsonObject statementJson(const core::StatementLocks& s, int line, bool traced) {
    QJsonObject o{{QStringLiteral("sql"), s.sql},
                  {QStringLiteral("line"), line},
                  {QStringLiteral("operation"), s.operation},
                  {QStringLiteral("recognized"), s.recognized},
                  {QStringLiteral("transactional"), s.transactional},
                  {QStringLiteral("locks"), locksJson(s.locks)},
                  {QStringLiteral("rewrites"), QJsonArray::fromStringList(s.rewrites)},
                  {QStringLiteral("scans"), QJsonArray::fromStringList(s.scans)},
                  {QStringLiteral("estimated_seconds"), s.seconds},
                  {QStringLiteral("notes"), QJsonArray::fromStringList(s.notes)},
                  {QStringLiteral("safer"), s.safer}};
    if (traced) {
        QJsonObject t{{QStringLiteral("traced"), s.traced},
                      {QStringLiteral("locks"), locksJson(s.tracedLocks)},
                      {QStringLiteral("rewrites"), QJsonArray::fromStringList(s.tracedRewrites)},
                      {QStringLiteral("scans"), QJsonArray::fromStringList(s.tracedScans)},
                      {QStringLiteral("sequences_advanced"), QJsonArray::fromStringList(s.tracedSequences)},
                      {QStringLiteral("disagreements"), QJsonArray::fromStringList(s.disagreements)}};
        if (!s.traceNote.isEmpty())
            t.insert(QStringLiteral("note"), s.traceNote);
        o.insert(QStringLiteral("trace"), t);
    }
    return o;
}

int lineOfOffset(const QString& script, qsizetype offset) {
    return int(script.left(offset).count(QLatin1Char('\n'))) + 1;
}

QJsonArray scriptLocksJson(const QString& script, const QList<core::StatementLocks>& statements,
                           bool traced) {
    QJsonArray out;
    for (const core::StatementLocks& s : statements)
        out << statementJson(s, lineOfOffset(script, s.offset), traced);
    return out;
}

} // namespace pgdesk::cli
