// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/schema/tabledesign.h>
#include <pgdesk/core/session/writeunlock.h>

#include <QList>
#include <QSet>
#include <QString>

namespace pgdesk::core {

class Connection;

struct SchemaApplyOptions {
    int lockTimeoutMs = 5000; // a statement waiting longer for its lock fails: the table is busy
    WriteAccess access;       // the production guard's key (empty: refused on a production profile)
    QSet<int> confirmed;      // the indexes of the destructive statements the user confirmed, each
    QString table; // "schema"."table" (quoted) the statements change: names the sessions in the way
};

struct SchemaStepOutcome {
    int index = 0;
    bool done = false;
    QString error; // the step that failed after the commit
};

struct SchemaApplyResult {
    bool committed = false;         // the transaction's statements are in
    QList<SchemaStepOutcome> steps; // every statement, in order
    QString failure; // the first step after the commit that failed; the ones after it did not run
};

// Applies a design's statements: the Transaction ones in one transaction under lock_timeout (all or none:
// a failure rolls back and throws, nothing changed), then the After and Outside ones one by one, each
// reported (the After ones under lock_timeout too; a CONCURRENTLY build waits for older transactions as
// long as it takes, blocking nobody). Refuses before anything is sent when a destructive statement is not
// confirmed (ConfigurationError) or a production profile has no key (the guard's refusal). A lock timeout is
// reported as "the table is busy", naming the sessions holding locks on it.
class SchemaApplier final {
public:
    explicit SchemaApplier(Connection& connection);
    SchemaApplyResult apply(const QList<DesignStatement>& statements, const SchemaApplyOptions& options);

private:
    Connection& m_connection;
};

} // namespace pgdesk::core
