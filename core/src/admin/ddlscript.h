// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/admin/loadorder.h>

#include <QJsonArray>
#include <QStringList>

namespace pgdesk::core {
class Result;
}

// Assembling a CREATE script (internal to core): its sections, the objects ordered by their dependencies,
// and the statements of each kind of object the catalog statements of ddlsql.h read.
namespace pgdesk::core::ddlscript {

// The sections of a script, in the order they load. `objects` holds the types, functions, aggregates,
// operators, casts, sequences, tables and views, in the order of their dependencies.
struct Sections {
    QStringList header, schemas, extensions, objects, familyMembers, ownedBy, indexes, foreignKeys, triggers,
        security, publications, comments, owners, grants, defaultPrivileges, eventTriggers;

    QString join() const {
        QString out;
        for (const QStringList* s : {&header, &schemas, &extensions, &objects, &familyMembers, &ownedBy,
                                     &indexes, &foreignKeys, &triggers, &security, &publications, &comments,
                                     &owners, &grants, &defaultPrivileges, &eventTriggers}) {
            if (s->isEmpty())
                continue;
            out += s->join(QLatin1Char('\n'));
            out += QStringLiteral("\n\n");
        }
        return out.trimmed() + QLatin1Char('\n');
    }
};

// The objects of a script's first part, ordered by their dependencies when the script is assembled.
struct Objects {
    QList<LoadOrderItem> items;
    QList<QStringList> statements;

    void add(const char* catalog, qint64 oid, int rank, const QStringList& sql) {
        items << LoadOrderItem{QLatin1String(catalog) + QLatin1Char(':') + QString::number(oid), rank, oid};
        statements << sql;
    }
};

// Ranks: where a tie (no dependency either way) puts an object.
enum Rank {
    TypeRank,
    DomainRank,
    FunctionRank,
    AggregateRank,
    OperatorRank,
    FamilyRank,
    ClassRank,
    CastRank,
    SequenceRank,
    TableRank,
    ViewRank
};

// pg_get_viewdef ends the query with ';' (and maybe a newline).
QString withoutSemicolon(QString sql);
// GRANTs that rebuild an ACL as it is (see ddlscript.cpp); `columns` makes them column privileges.
void appendGrants(QStringList& out, const QString& object, const QString& owner, bool aclNull,
                  const QJsonArray& acl, const QString& columns = {});
void appendComment(QStringList& out, const QString& what, const QString& literal);

// Each kind from its ddlsql statement's result: the object itself into `objects` (or a section of its
// own), its comment, owner and grants into theirs.
void addAggregates(const Result& result, Objects& objects, Sections& s);
void addOperators(const Result& result, Objects& objects, Sections& s);
void addOperatorFamilies(const Result& result, Objects& objects, Sections& s);
void addOperatorClasses(const Result& result, Objects& objects, Sections& s);
void addCasts(const Result& result, Objects& objects, Sections& s);
void addDefaultPrivileges(const Result& result, Sections& s);
void addEventTriggers(const Result& result, Sections& s);
void addPublications(const Result& result, Sections& s);

} // namespace pgdesk::core::ddlscript
