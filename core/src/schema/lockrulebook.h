// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "schema/ddltokens.h"

#include <pgdesk/core/schema/lockanalysis.h>

#include <QCoreApplication>
#include <QHash>

namespace pgdesk::core::lockrules {

inline QString tr(const char* text) {
    return QCoreApplication::translate("pgdesk::core::LockRules", text);
}

// What one statement's rules write into its StatementLocks: locks (strongest per relation), rewrites and
// scans (on the tables with storage), notes and the safer pattern.
class Rules final {
public:
    Rules(LockFacts& facts, StatementLocks& out, int version)
        : m_facts(facts)
        , m_out(out)
        , m_version(version) {}

    std::optional<RelationFacts> resolve(const QStringList& parts) {
        if (parts.isEmpty())
            return std::nullopt;
        return m_facts.relation(parts);
    }
    void lock(const RelationFacts& r, LockMode mode) {
        for (RelationLock& l : m_out.locks)
            if (l.relation == r.name) {
                l.mode = std::max(l.mode, mode);
                return;
            }
        m_out.locks << RelationLock{r.name, mode, r.bytes};
        m_bytes.insert(r.name, r.bytes);
    }
    // The lock on a table and, unless ONLY, on every partition under it (ALTER TABLE, LOCK, TRUNCATE and
    // CREATE INDEX recurse).
    void lockTree(const RelationFacts& r, LockMode mode, bool only = false) {
        lock(r, mode);
        if (r.kind == 'p' && !only)
            for (const RelationFacts& p : m_facts.partitions(r))
                lock(p, mode);
    }
    // Rewrites and scans land on the tables with storage: a partitioned table's leaves.
    void rewrite(const RelationFacts& r, bool only = false) { mark(m_out.rewrites, r, only); }
    void scan(const RelationFacts& r, bool only = false) { mark(m_out.scans, r, only); }
    void note(const QString& text) {
        if (!m_out.notes.contains(text))
            m_out.notes << text;
    }
    void safer(const QString& text) {
        if (m_out.safer.isEmpty())
            m_out.safer = text;
        else if (!m_out.safer.contains(text))
            m_out.safer += QLatin1Char('\n') + text;
    }
    LockFacts& facts() { return m_facts; }
    void outsideTransaction() { m_out.transactional = false; }
    int version() const { return m_version; }

    void finish() {
        // A rewrite reads every row too: listed once, as a rewrite.
        for (const QString& r : std::as_const(m_out.rewrites))
            m_out.scans.removeAll(r);
        double seconds = 0;
        for (const QString& r : std::as_const(m_out.rewrites))
            seconds += std::max<qint64>(0, m_bytes.value(r, 0)) / kRewriteBytesPerSecond;
        for (const QString& r : std::as_const(m_out.scans))
            seconds += std::max<qint64>(0, m_bytes.value(r, 0)) / kScanBytesPerSecond;
        m_out.seconds = seconds;
    }

private:
    void mark(QStringList& list, const RelationFacts& r, bool only) {
        QList<RelationFacts> targets{r};
        if (r.kind == 'p')
            targets = only ? QList<RelationFacts>{} : m_facts.partitions(r);
        for (const RelationFacts& t : targets) {
            if (t.kind == 'p' || t.kind == 'v' || t.kind == 'f')
                continue;
            m_bytes.insert(t.name, t.bytes);
            if (!list.contains(t.name))
                list << t.name;
        }
    }

    LockFacts& m_facts;
    StatementLocks& m_out;
    int m_version;
    QHash<QString, qint64> m_bytes;
};

// Rules of relations other than tables (lockrulesobjects.cpp): ALTER INDEX, ALTER SEQUENCE, CREATE [OR
// REPLACE] VIEW, and what a query reads.
void alterIndex(ddl::Cursor& c, Rules& r, StatementLocks& out);
void alterSequence(ddl::Cursor& c, Rules& r, StatementLocks& out);
void createView(ddl::Cursor& c, Rules& r, StatementLocks& out);
// From the cursor on, the relations a query reads (named after FROM and JOIN, and after a comma in a FROM
// list): locked with AccessShare, only against being dropped or changed; `run` when the query runs now
// (CREATE TABLE … AS): then a partitioned table's partitions are locked too, and each is read whole.
void queryReads(ddl::Cursor& c, Rules& r, bool run);
// CREATE | ALTER | DROP PUBLICATION and SUBSCRIPTION (`verb` already taken).
void publication(ddl::Cursor& c, Rules& r, StatementLocks& out, const QString& verb);
void subscription(ddl::Cursor& c, Rules& r, StatementLocks& out, const QString& verb);

} // namespace pgdesk::core::lockrules
