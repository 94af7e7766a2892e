// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The `locks --format json` contract: what each statement would lock and rewrite, for `pgdesk-cli locks` and
// the agent gateway's analyze_locks (one shape, whoever asks).

#include <pgdesk/core/schema/lockanalysis.h>

#include <QJsonArray>
#include <QJsonObject>

namespace pgdesk::cli {

QJsonArray locksJson(const QList<core::RelationLock>& locks);
// One statement: sql, line, operation, recognized, transactional, locks, rewrites, scans, estimated_seconds,
// notes, safer; and the trace's findings when `traced`.
QJsonObject statementJson(const core::StatementLocks& s, int line, bool traced);
// Every statement of `script` as analysed, each with its 1-based line in the script.
QJsonArray scriptLocksJson(const QString& script, const QList<core::StatementLocks>& statements, bool traced);
// The 1-based line of `offset` in `script`.
int lineOfOffset(const QString& script, qsizetype offset);

} // namespace pgdesk::cli
