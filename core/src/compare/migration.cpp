// SPDX-License-Identifier: GPL-3.0-or-later
// Planning a migration: what changes, in which order (the source's dependencies for what is made, the
// target's for what goes), and the steps of types, routines, sequences and views.
#include "compare/migrationbuilder.h"

#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/session/version.h>

#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace pgdesk::core {

namespace migration {

Builder::Builder(const SchemaSnapshot& source, const SchemaSnapshot& target, const MigrationOptions& options,
                 Migration& out)
    : m_source(source)
    , m_target(target)
    , m_options(options)
    , m_out(out) {
}

QString Builder::qualified(const QString& name) const {
    return quoteIdentifier(m_target.schema) + QLatin1Char('.') + quoteIdentifier(name);
}

void Builder::add(const QString& sql, const QString& description, bool destructive) {
    DesignStatement s;
    s.sql = sql.endsWith(QLatin1Char(';')) ? sql.chopped(1) : sql;
    s.description = description;
    s.destructive = destructive;
    for (const QString& literal : std::as_const(m_newEnumLiterals))
        if (sql.contains(literal)) {
            // A value ALTER TYPE … ADD VALUE added cannot be used before the commit.
            s.phase = DesignStatement::Phase::After;
            if (s.description.isEmpty())
                s.description = QStringLiteral("uses the enum value %1 this migration adds: after the commit")
                                    .arg(literal);
            break;
        }
    m_out.statements << s;
}

void Builder::addOutside(const QString& sql, const QString& description) {
    DesignStatement s;
    s.sql = sql.endsWith(QLatin1Char(';')) ? sql.chopped(1) : sql;
    s.description = description;
    s.phase = DesignStatement::Phase::Outside;
    m_out.statements << s;
}

void Builder::comment(const QString& what, const QString& from, const QString& to) {
    if (from != to)
        add(QStringLiteral("COMMENT ON %1 IS %2;")
                .arg(what, to.isEmpty() ? QStringLiteral("NULL") : stringLiteral(to)));
}

void Builder::grants(const QString& object, const QString& from, const QString& to, const QString& column) {
    if (from == to)
        return;
    const QStringList before = from.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const QStringList after = to.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const QString columns = column.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(column);
    // "grantee PRIVILEGE[ WITH GRANT OPTION]": revoked whole, then granted as the source has it.
    QSet<QString> revoked;
    const auto parts = [](const QString& line) {
        const QString grantee = line.section(QLatin1Char(' '), 0, 0);
        const QString privilege = line.section(QLatin1Char(' '), 1, 1);
        return std::pair{grantee, privilege};
    };
    for (const QString& line : before)
        if (!after.contains(line)) {
            const auto [grantee, privilege] = parts(line);
            add(QStringLiteral("REVOKE %1%2 ON %3 FROM %4;").arg(privilege, columns, object, grantee));
            revoked << grantee + QLatin1Char(' ') + privilege;
        }
    for (const QString& line : after) {
        const auto [grantee, privilege] = parts(line);
        if (!before.contains(line) || revoked.contains(grantee + QLatin1Char(' ') + privilege))
            add(QStringLiteral("GRANT %1%2 ON %3 TO %4%5;")
                    .arg(privilege, columns, object, grantee,
                         line.endsWith(QLatin1String(" WITH GRANT OPTION"))
                             ? QStringLiteral(" WITH GRANT OPTION")
                             : QString()));
    }
}

} // namespace migration

namespace {

using migration::Builder;

QString routineKeyword(const FunctionShape& f) {
    if (f.kind == QLatin1String("p"))
        return QStringLiteral("PROCEDURE");
    if (f.kind == QLatin1String("a"))
        return QStringLiteral("AGGREGATE");
    return QStringLiteral("FUNCTION");
}

// A routine's argument types as DROP and COMMENT name it: "*" for an aggregate of none.
QString routineArguments(const FunctionShape& f) {
    return f.identityArguments.isEmpty() && f.kind == QLatin1String("a") ? QStringLiteral("*")
                                                                         : f.identityArguments;
}

QString typeKeyword(const TypeShape& t) {
    return t.kind == QLatin1String("d") ? QStringLiteral("DOMAIN") : QStringLiteral("TYPE");
}

// "CREATE OR REPLACE FUNCTION f(" (the snapshot's form) with the target's schema. The name is as the
// server's quote_ident wrote it: quoted only where it must be. Never left unqualified: the migration's
// search_path starts with pg_catalog, where it would be made.
QString routineDefinition(const Builder& b, const FunctionShape& f) {
    QString sql = f.definition;
    const QString keyword = routineKeyword(f) + QLatin1Char(' ');
    for (const QString& name : {quoteIdentifier(f.name), f.name}) {
        const QString head = name + QLatin1Char('(');
        const qsizetype at = sql.indexOf(keyword + head);
        if (at >= 0) {
            sql.replace(at + keyword.size(), head.size(), b.qualified(f.name) + QLatin1Char('('));
            break;
        }
    }
    return sql.trimmed() + QLatin1Char(';');
}

void createType(Builder& b, const TypeShape& t) {
    const QString q = b.qualified(t.name);
    if (t.kind == QLatin1String("e")) {
        QStringList labels;
        for (const QString& l : t.labels)
            labels << stringLiteral(l);
        b.add(QStringLiteral("CREATE TYPE %1 AS ENUM (%2);").arg(q, labels.join(QStringLiteral(", "))));
    } else if (t.kind == QLatin1String("c")) {
        QStringList attributes;
        for (const auto& [name, type] : t.attributes)
            attributes << quoteIdentifier(name) + QLatin1Char(' ') + type;
        b.add(QStringLiteral("CREATE TYPE %1 AS (%2);").arg(q, attributes.join(QStringLiteral(", "))));
    } else if (t.kind == QLatin1String("r")) {
        b.add(QStringLiteral("CREATE TYPE %1 AS RANGE (SUBTYPE = %2);").arg(q, t.subtype));
    } else {
        QString sql = QStringLiteral("CREATE DOMAIN %1 AS %2").arg(q, t.baseType);
        if (!t.defaultExpression.isEmpty())
            sql += QStringLiteral(" DEFAULT ") + t.defaultExpression;
        if (t.notNull)
            sql += QStringLiteral(" NOT NULL");
        for (const TablePart& c : t.checks)
            sql += QStringLiteral(" CONSTRAINT %1 %2").arg(quoteIdentifier(c.name), c.definition);
        b.add(sql + QLatin1Char(';'));
    }
}

void alterType(Builder& b, const TypeShape& t, const TypeShape& old) {
    const QString q = b.qualified(t.name);
    if (t.kind != old.kind || (t.kind == QLatin1String("r") && t.subtype != old.subtype) ||
        (t.kind == QLatin1String("d") && t.baseType != old.baseType)) {
        b.block(
            QStringLiteral(
                "type %1 changed its kind or base type: PostgreSQL cannot alter that; make it again by hand")
                .arg(quoteIdentifier(t.name)));
        return;
    }
    if (t.kind == QLatin1String("e")) {
        // Values can be added (in their place), never dropped or reordered.
        qsizetype next = 0;
        for (const QString& label : old.labels) {
            next = t.labels.indexOf(label, next);
            if (next < 0) {
                b.block(QStringLiteral(
                            "enum %1 lost or reordered the value %2: PostgreSQL cannot drop an enum value; "
                            "make the type again by hand")
                            .arg(quoteIdentifier(t.name), stringLiteral(label)));
                return;
            }
        }
        for (qsizetype i = 0; i < t.labels.size(); ++i) {
            if (old.labels.contains(t.labels[i]))
                continue;
            const QString place =
                i + 1 < t.labels.size() && old.labels.contains(t.labels[i + 1])
                    ? QStringLiteral(" BEFORE ") + stringLiteral(t.labels[i + 1])
                    : (i > 0 ? QStringLiteral(" AFTER ") + stringLiteral(t.labels[i - 1]) : QString());
            b.add(QStringLiteral("ALTER TYPE %1 ADD VALUE %2%3;").arg(q, stringLiteral(t.labels[i]), place));
            b.enumValueAdded(t.labels[i]);
            b.decide(QStringLiteral(
                         "enum %1 gets the value %2; a statement using it runs after the commit (PostgreSQL "
                         "cannot use a new enum value in the transaction that adds it)")
                         .arg(quoteIdentifier(t.name), stringLiteral(t.labels[i])));
        }
    } else if (t.kind == QLatin1String("c")) {
        for (const auto& [name, type] : old.attributes) {
            bool kept = false;
            for (const auto& a : t.attributes)
                kept = kept || a.first == name;
            if (!kept)
                b.add(QStringLiteral("ALTER TYPE %1 DROP ATTRIBUTE %2;").arg(q, quoteIdentifier(name)),
                      QStringLiteral("drop attribute %1 of type %2 (values stored in it are lost)")
                          .arg(quoteIdentifier(name), quoteIdentifier(t.name)),
                      true);
        }
        for (const auto& [name, type] : t.attributes) {
            QString oldType;
            for (const auto& a : old.attributes)
                if (a.first == name)
                    oldType = a.second;
            if (oldType.isEmpty())
                b.add(
                    QStringLiteral("ALTER TYPE %1 ADD ATTRIBUTE %2 %3;").arg(q, quoteIdentifier(name), type));
            else if (oldType != type)
                b.add(QStringLiteral("ALTER TYPE %1 ALTER ATTRIBUTE %2 TYPE %3;")
                          .arg(q, quoteIdentifier(name), type),
                      QStringLiteral("change the type of attribute %1 of %2 from %3 to %4")
                          .arg(quoteIdentifier(name), quoteIdentifier(t.name), oldType, type),
                      true);
        }
    } else if (t.kind == QLatin1String("d")) {
        if (t.defaultExpression != old.defaultExpression)
            b.add(t.defaultExpression.isEmpty()
                      ? QStringLiteral("ALTER DOMAIN %1 DROP DEFAULT;").arg(q)
                      : QStringLiteral("ALTER DOMAIN %1 SET DEFAULT %2;").arg(q, t.defaultExpression));
        if (t.notNull != old.notNull)
            b.add(QStringLiteral("ALTER DOMAIN %1 %2 NOT NULL;")
                      .arg(q, t.notNull ? QStringLiteral("SET") : QStringLiteral("DROP")));
        for (const TablePart& c : old.checks) {
            bool same = false;
            for (const TablePart& n : t.checks)
                same = same || (n.name == c.name && n.definition == c.definition);
            if (!same)
                b.add(QStringLiteral("ALTER DOMAIN %1 DROP CONSTRAINT %2;").arg(q, quoteIdentifier(c.name)));
        }
        for (const TablePart& c : t.checks) {
            bool same = false;
            for (const TablePart& o : old.checks)
                same = same || (o.name == c.name && o.definition == c.definition);
            if (!same)
                b.add(QStringLiteral("ALTER DOMAIN %1 ADD CONSTRAINT %2 %3;")
                          .arg(q, quoteIdentifier(c.name), c.definition));
        }
    }
}

QString sequenceOptions(const SequenceShape& s) {
    return QStringLiteral("AS %1 INCREMENT BY %2 MINVALUE %3 MAXVALUE %4 START WITH %5 CACHE %6 %7")
        .arg(s.dataType, s.increment, s.min, s.max, s.start, s.cache,
             s.cycle ? QStringLiteral("CYCLE") : QStringLiteral("NO CYCLE"));
}

void createView(Builder& b, const RelationShape& v) {
    QString sql = QStringLiteral("CREATE %1 %2").arg(relationKindName(v.kind).toUpper(), b.qualified(v.name));
    if (!v.options.isEmpty())
        sql += QStringLiteral(" WITH (%1)").arg(v.options);
    QString body = v.viewDefinition;
    while (body.endsWith(QLatin1Char(';')))
        body.chop(1);
    sql += QStringLiteral(" AS\n") + body;
    b.add(sql + QLatin1Char(';'));
}

template <class Shape> QHash<QString, const Shape*> indexByName(const QList<Shape>& shapes) {
    QHash<QString, const Shape*> out;
    for (const Shape& s : shapes)
        out.insert(s.name, &s);
    return out;
}

QHash<QString, const FunctionShape*> routinesBySignature(const QList<FunctionShape>& routines) {
    QHash<QString, const FunctionShape*> out;
    for (const FunctionShape& f : routines)
        out.insert(f.signature(), &f);
    return out;
}

// The keys depending on `changed`, directly or not, along `edges` (dependent → referenced).
QSet<QString> dependentsOf(const QSet<QString>& changed, const DependencyEdges& edges) {
    QHash<QString, QStringList> dependents;
    for (const auto& [dependent, referenced] : edges)
        dependents[referenced] << dependent;
    QSet<QString> out;
    QList<QString> queue(changed.cbegin(), changed.cend());
    while (!queue.isEmpty()) {
        const QString key = queue.takeLast();
        for (const QString& d : dependents.value(key))
            if (!out.contains(d)) {
                out.insert(d);
                queue << d;
            }
    }
    return out;
}

QStringList sameColumns(const RelationShape& r) {
    QStringList out;
    for (const ColumnShape& c : r.columns)
        out << c.name + QLatin1Char(' ') + c.type;
    return out;
}

// The target's relation `name` and the partitions and children under it, at any depth.
QSet<QString> treeOf(const SchemaSnapshot& target, const QString& name) {
    QSet<QString> out{name};
    for (bool grew = true; grew;) {
        grew = false;
        for (const RelationShape& r : target.relations)
            if (!out.contains(r.name) && !r.parents.isEmpty() &&
                std::any_of(out.cbegin(), out.cend(), [&r](const QString& n) {
                    const QStringList parents = migration::parentNames(r.parents);
                    return std::any_of(parents.cbegin(), parents.cend(),
                                       [&n](const QString& p) { return migration::plainName(p) == n; });
                })) {
                out << r.name;
                grew = true;
            }
    }
    return out;
}

// The table a foreign key's definition references ("FOREIGN KEY (a) REFERENCES p(id) …"), plain.
QString referencedTable(const QString& definition) {
    static const QRegularExpression references(
        QStringLiteral(R"(REFERENCES ((?:"(?:[^"]|"")+"|[^\s(]+))\()"));
    const auto m = references.match(definition);
    return m.hasMatch() ? migration::plainName(m.captured(1)) : QString();
}

// The source's tables to make again (with the target's they replace): their partition key differs. One
// under another that is made again goes with it; one that inheritance children or other tables' foreign keys
// still need is a blocker instead.
template <class OldRelation>
QList<std::pair<const RelationShape*, const RelationShape*>>
remadeTables(Builder& b, const SchemaSnapshot& source, const OldRelation& oldRelation) {
    const SchemaSnapshot& target = b.target();
    const auto keyText = [](const RelationShape& r) {
        return r.partitionKey.isEmpty() ? QStringLiteral("none") : r.partitionKey;
    };
    QList<std::pair<const RelationShape*, const RelationShape*>> candidates;
    for (const RelationShape& s : source.relations)
        if (const RelationShape* t = oldRelation(s.name);
            t && !s.isView() && !t->isView() && s.partitionKey != t->partitionKey)
            candidates.append(std::pair{&s, t});
    QList<std::pair<const RelationShape*, const RelationShape*>> out;
    for (const auto& candidate : candidates) {
        const RelationShape* s = candidate.first; // no structured binding: lambdas below capture them
        const RelationShape* t = candidate.second;
        const bool underAnother = std::any_of(candidates.cbegin(), candidates.cend(), [&](const auto& c) {
            return c.second != t && treeOf(target, c.second->name).contains(t->name);
        });
        if (underAnother)
            continue;
        const QSet<QString> tree = treeOf(target, t->name);
        QStringList needed;
        for (const RelationShape& r : target.relations) {
            if (tree.contains(r.name) && r.name != t->name && !r.isPartition())
                needed << QStringLiteral("%1 inherits it").arg(quoteIdentifier(r.name));
            if (!tree.contains(r.name))
                for (const TablePart& k : r.constraints)
                    if (k.kind == QLatin1String("f") && tree.contains(referencedTable(k.definition)))
                        needed << QStringLiteral("foreign key %1 of %2 references it")
                                      .arg(quoteIdentifier(k.name), quoteIdentifier(r.name));
        }
        if (needed.isEmpty()) {
            out.append(std::pair{s, t});
            continue;
        }
        b.block(
            QStringLiteral("table %1 changed its partition key (%2 → %3), which PostgreSQL cannot change in "
                           "place; it is made again only when nothing else needs it, and %4")
                .arg(quoteIdentifier(s->name), keyText(*t), keyText(*s), needed.join(QStringLiteral(", "))));
    }
    return out;
}

} // namespace

bool Migration::hasDestructive() const {
    return std::any_of(statements.cbegin(), statements.cend(),
                       [](const DesignStatement& s) { return s.destructive; });
}

QStringList Migration::sessionSettings() const {
    // The order the snapshot printed its definitions under (pg_catalog first): a name the target schema
    // shares with a catalog function means here what it meant there.
    return {QStringLiteral("SET search_path = pg_catalog, %1;").arg(quoteIdentifier(targetSchema)),
            QStringLiteral("SET check_function_bodies = false;")};
}

QString Migration::script(const QString& title, int lockTimeoutMs) const {
    QStringList out{QStringLiteral("-- %1").arg(sqlCommentText(title)),
                    QStringLiteral("-- PgDesk %1").arg(pgdeskVersion())};
    for (const QString& d : decisions)
        out << QStringLiteral("-- Decision: ") + sqlCommentText(d);
    for (const QString& b : blockers)
        out << QStringLiteral("-- CANNOT RUN: ") + sqlCommentText(b);
    if (statements.isEmpty()) {
        out << QStringLiteral("-- Nothing differs.");
        return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
    }
    out << sessionSettings() << QStringLiteral("BEGIN;")
        << QStringLiteral("SET LOCAL lock_timeout = '%1ms';").arg(lockTimeoutMs);
    const auto write = [&](const DesignStatement& s) {
        if (s.destructive)
            out << QStringLiteral("-- DESTRUCTIVE: ") + sqlCommentText(s.description);
        else if (!s.description.isEmpty() && s.phase != DesignStatement::Phase::Transaction)
            out << QStringLiteral("-- ") + sqlCommentText(s.description);
        out << s.sql + QLatin1Char(';');
    };
    for (const DesignStatement& s : statements)
        if (s.phase == DesignStatement::Phase::Transaction)
            write(s);
    out << QStringLiteral("COMMIT;");
    bool later = false;
    for (const DesignStatement& s : statements)
        if (s.phase != DesignStatement::Phase::Transaction) {
            if (!later)
                out << QStringLiteral("-- After the commit, each on its own:");
            later = true;
            write(s);
        }
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

Migration planMigration(const SchemaSnapshot& source, const SchemaSnapshot& target,
                        const MigrationOptions& options) {
    Migration m;
    m.sourceSchema = source.schema;
    m.targetSchema = target.schema;
    Builder b(source, target, options, m);
    b.decide(
        QStringLiteral("column order is no difference; owners are not compared; objects of extensions are "
                       "left to CREATE EXTENSION"));

    // Extensions first: the objects made below may use their types and functions. One only in the target is
    // dropped last, once nothing of the script uses it.
    for (const QString& e : source.extensions) {
        const QString version = source.extensionVersions.value(e);
        const QString versionClause =
            version.isEmpty() ? QString() : QStringLiteral(" VERSION ") + stringLiteral(version);
        if (!target.extensions.contains(e))
            b.add(QStringLiteral("CREATE EXTENSION IF NOT EXISTS %1 WITH SCHEMA %2%3;")
                      .arg(quoteIdentifier(e), quoteIdentifier(target.schema), versionClause));
        else if (!version.isEmpty() && target.extensionVersions.value(e) != version) {
            b.add(QStringLiteral("ALTER EXTENSION %1 UPDATE TO %2;")
                      .arg(quoteIdentifier(e), stringLiteral(version)));
            b.decide(QStringLiteral("extension %1 goes from version %2 to %3: the target's server needs the "
                                    "extension's scripts for that step (packages rarely ship a way back)")
                         .arg(quoteIdentifier(e), target.extensionVersions.value(e), version));
        }
    }

    // Collations next (columns and indexes use them); one changed cannot be altered, nor dropped while used.
    for (const CollationShape& c : source.collations) {
        const auto old = std::find_if(target.collations.cbegin(), target.collations.cend(),
                                      [&c](const CollationShape& t) { return t.name == c.name; });
        if (old == target.collations.cend())
            b.add(QStringLiteral("CREATE COLLATION %1 (%2);").arg(b.qualified(c.name), c.definition));
        else if (old->definition != c.definition)
            b.block(QStringLiteral("collation %1 changed (%2 → %3): PostgreSQL cannot alter a collation, and "
                                   "the columns and indexes using it must be moved off it by hand first")
                        .arg(quoteIdentifier(c.name), old->definition, c.definition));
        b.comment(QStringLiteral("COLLATION ") + b.qualified(c.name),
                  old == target.collations.cend() ? QString() : old->comment, c.comment);
    }

    const auto sourceRelations = indexByName(source.relations);
    auto targetRelations = indexByName(target.relations);
    const auto sourceTypes = indexByName(source.types);
    const auto targetTypes = indexByName(target.types);
    const auto sourceSequences = indexByName(source.sequences);
    const auto targetSequences = indexByName(target.sequences);
    const auto sourceRoutines = routinesBySignature(source.functions);
    const auto targetRoutines = routinesBySignature(target.functions);

    // A table gone and one with the same columns in its place: renamed (its rows kept).
    QHash<QString, QString> renamedFrom; // source name → target name
    for (const RelationShape& t : target.relations) {
        if (sourceRelations.contains(t.name) || t.isView() || !options.renames)
            continue;
        for (const RelationShape& s : source.relations)
            if (!targetRelations.contains(s.name) && !s.isView() && !renamedFrom.contains(s.name) &&
                sameColumns(s) == sameColumns(t) && s.kind == t.kind) {
                renamedFrom.insert(s.name, t.name);
                b.decide(QStringLiteral(
                             "table %1 is taken as renamed to %2 (the same columns): renaming keeps its rows")
                             .arg(quoteIdentifier(t.name), quoteIdentifier(s.name)));
                break;
            }
    }
    const auto oldRelation = [&](const QString& sourceName) -> const RelationShape* {
        return targetRelations.value(renamedFrom.value(sourceName, sourceName));
    };

    // A table whose partition key changed (or that became partitioned, or stopped being) is made again, its
    // rows set aside and put back; the target's partitions under it go with it and come back as the source
    // has them. Not when something outside that tree still needs it: then it is named as a blocker.
    const QList<std::pair<const RelationShape*, const RelationShape*>> remade =
        remadeTables(b, source, oldRelation);
    QSet<QString> remadeTree; // target names
    for (const auto& [s, t] : remade)
        remadeTree += treeOf(target, t->name);

    // Equal shapes have equal texts; others by their texts (column order is no difference), each made once
    // (it was made three times a relation: a tenth of a 2,000-table compare).
    QHash<const RelationShape*, QString> texts;
    const auto differs = [&texts](const RelationShape& a, const RelationShape& b) {
        if (a == b)
            return false;
        for (const RelationShape* r : {&a, &b})
            if (!texts.contains(r))
                texts.insert(r, relationText(*r));
        return texts.value(&a) != texts.value(&b);
    };

    // What changes shape, and so the target's views (and routines that must be made again) over it.
    QSet<QString> changed;
    for (const RelationShape& t : target.relations) {
        const QString sourceName = renamedFrom.key(t.name, t.name);
        const RelationShape* s = sourceRelations.value(sourceName);
        if (!s || differs(*s, t) || sourceName != t.name || remadeTree.contains(t.name))
            changed << QStringLiteral("relation:") + t.name;
    }
    for (const QString& name : std::as_const(remadeTree))
        targetRelations.remove(name);
    QSet<QString> recreatedRoutines;
    for (const FunctionShape& f : target.functions) {
        const FunctionShape* s = sourceRoutines.value(f.signature());
        if (!s)
            changed << QStringLiteral("function:") + f.signature();
        else if (s->definition != f.definition && (s->result != f.result || s->arguments != f.arguments ||
                                                   s->kind != f.kind || f.kind == QLatin1String("a"))) {
            changed << QStringLiteral("function:") + f.signature();
            recreatedRoutines << f.signature();
        }
    }
    for (const TypeShape& t : target.types)
        if (!sourceTypes.contains(t.name) || typeText(*sourceTypes.value(t.name)) != typeText(t))
            changed << QStringLiteral("type:") + t.name;
    QSet<QString> droppedViews;
    for (const QString& key : dependentsOf(changed, target.dependencies) + changed)
        if (key.startsWith(QLatin1String("relation:")))
            if (const RelationShape* v = targetRelations.value(key.mid(9)); v && v->isView())
                droppedViews << v->name;
    if (!droppedViews.isEmpty()) {
        QStringList names(droppedViews.cbegin(), droppedViews.cend());
        names.sort();
        for (QString& n : names)
            n = quoteIdentifier(n);
        b.decide(
            QStringLiteral("views made again (they hold no data; a materialized view is filled again): %1")
                .arg(names.join(QStringLiteral(", "))));
    }

    // 1. What goes first, in the target's reverse dependency order: views to make again or drop, parts of
    // tables that change, routines that cannot be replaced.
    QList<LoadOrderItem> targetItems;
    for (const RelationShape& v : target.relations)
        if (droppedViews.contains(v.name))
            targetItems << LoadOrderItem{QStringLiteral("relation:") + v.name, 0, targetItems.size()};
    const QList<qsizetype> targetOrder = loadOrder(targetItems, target.dependencies);
    for (qsizetype i = targetOrder.size() - 1; i >= 0; --i) {
        const RelationShape* v = targetRelations.value(targetItems[targetOrder[i]].key.mid(9));
        b.add(QStringLiteral("DROP %1 %2;").arg(relationKindName(v->kind).toUpper(), b.qualified(v->name)));
    }
    // A table replaced by a view of its name, or a view by a table: the old one goes (a table with its rows,
    // marked; a view above, with the views over it) and the new one is made as if the target had none.
    QSet<QString> replacedTables;
    for (const RelationShape& s : source.relations) {
        const RelationShape* t = targetRelations.value(s.name);
        if (!t || s.isView() == t->isView() || renamedFrom.contains(s.name))
            continue;
        if (!t->isView()) {
            b.add(QStringLiteral("DROP TABLE %1;").arg(b.qualified(t->name)),
                  QStringLiteral("drop table %1 to make a view of its name (its rows are lost)")
                      .arg(quoteIdentifier(t->name)),
                  true);
            replacedTables << t->name;
        }
        targetRelations.remove(s.name);
    }
    // A sequence both sides keep whose target owner (OWNED BY) the script drops would go with it: detached
    // first, and given the source's owner, if any, once every column exists.
    QSet<QString> detachedSequences;
    for (const SequenceShape& t : target.sequences) {
        if (t.ownedTable.isEmpty() || !sourceSequences.contains(t.name))
            continue;
        const RelationShape* kept = sourceRelations.value(renamedFrom.key(t.ownedTable, t.ownedTable));
        if (!kept || !oldRelation(kept->name) || (!kept->column(t.ownedColumn) && !kept->isPartition())) {
            b.add(QStringLiteral("ALTER SEQUENCE %1 OWNED BY NONE;").arg(b.qualified(t.name)));
            detachedSequences << t.name;
        }
    }
    const auto holder = [](qsizetype i) { return QStringLiteral("pgdesk_rows_%1").arg(i + 1); };
    for (qsizetype i = 0; i < remade.size(); ++i)
        b.setRowsAside(*remade[i].first, *remade[i].second, holder(i));
    for (const RelationShape& s : source.relations)
        if (const RelationShape* t = oldRelation(s.name); t && !s.isView() && !t->isView())
            b.dropTableParts(s, *t);
    for (const QString& signature : std::as_const(recreatedRoutines)) {
        const FunctionShape* f = targetRoutines.value(signature);
        b.add(QStringLiteral("DROP %1 %2.%3(%4);")
                  .arg(routineKeyword(*f), quoteIdentifier(target.schema), quoteIdentifier(f->name),
                       routineArguments(*f)));
    }

    // 2. What is made or changed, in the source's dependency order.
    enum Rank { TypeRank, RoutineRank, SequenceRank, TableRank, ViewRank };
    QList<LoadOrderItem> items;
    QList<std::function<void()>> steps;
    const auto item = [&](const QString& key, int rank, std::function<void()> step) {
        items << LoadOrderItem{key, rank, items.size()};
        steps << std::move(step);
    };
    for (const TypeShape& t : source.types) {
        const TypeShape* old = targetTypes.value(t.name);
        if (!old)
            item(QStringLiteral("type:") + t.name, TypeRank, [&b, &t] { createType(b, t); });
        else if (typeText(t) != typeText(*old))
            item(QStringLiteral("type:") + t.name, TypeRank, [&b, &t, old] { alterType(b, t, *old); });
    }
    for (const FunctionShape& f : source.functions) {
        const FunctionShape* old = targetRoutines.value(f.signature());
        if (old && old->definition == f.definition && !recreatedRoutines.contains(f.signature()))
            continue;
        item(QStringLiteral("function:") + f.signature(), RoutineRank,
             [&b, &f] { b.add(routineDefinition(b, f)); });
    }
    for (const SequenceShape& s : source.sequences) {
        const SequenceShape* old = targetSequences.value(s.name);
        if (!old)
            item(QStringLiteral("sequence:") + s.name, SequenceRank, [&b, &s] {
                b.add(QStringLiteral("CREATE SEQUENCE %1 %2;").arg(b.qualified(s.name), sequenceOptions(s)));
            });
        else if (sequenceOptions(s) != sequenceOptions(*old))
            item(QStringLiteral("sequence:") + s.name, SequenceRank, [&b, &s] {
                b.add(QStringLiteral("ALTER SEQUENCE %1 %2;").arg(b.qualified(s.name), sequenceOptions(s)));
            });
    }
    for (const RelationShape& r : source.relations) {
        const RelationShape* old = oldRelation(r.name);
        const QString key = QStringLiteral("relation:") + r.name;
        if (r.isView()) {
            if (!old || droppedViews.contains(old->name))
                item(key, ViewRank, [&b, &r] { createView(b, r); });
        } else if (!old) {
            item(key, TableRank, [&b, &r] { b.createTable(r); });
        } else if (differs(r, *old) || old->name != r.name) {
            item(key, TableRank, [&b, &r, old] {
                if (old->name != r.name)
                    b.add(QStringLiteral("ALTER TABLE %1 RENAME TO %2;")
                              .arg(b.qualified(old->name), quoteIdentifier(r.name)));
                b.changeParents(r, *old, false);
                b.alterColumns(r, *old);
                b.changeParents(r, *old, true);
            });
        }
    }
    for (qsizetype i : loadOrder(items, source.dependencies))
        steps[i]();
    for (qsizetype i = 0; i < remade.size(); ++i)
        b.putRowsBack(*remade[i].first, *remade[i].second, holder(i));

    // 3. Every table exists: keys, then foreign keys, indexes, triggers, policies, comments and grants;
    // views' and the other objects' comments and grants; sequences' owners.
    for (bool foreignKeys : {false, true})
        for (const RelationShape& r : source.relations) {
            const RelationShape* old = oldRelation(r.name);
            if (r.isView()) {
                if (!foreignKeys && (!old || droppedViews.contains(old->name)))
                    b.tableParts(r, nullptr, false);
                else if (!foreignKeys && old)
                    b.tableParts(r, old, false);
            } else if (!old || differs(r, *old) || old->name != r.name) {
                b.tableParts(r, old, foreignKeys);
            }
        }
    for (const SequenceShape& s : source.sequences) {
        const SequenceShape* old = targetSequences.value(s.name);
        if (s.ownedBy != (old && !detachedSequences.contains(s.name) ? old->ownedBy : QString()))
            b.add(QStringLiteral("ALTER SEQUENCE %1 OWNED BY %2;")
                      .arg(b.qualified(s.name), s.ownedBy.isEmpty() ? QStringLiteral("NONE") : s.ownedBy));
        b.comment(QStringLiteral("SEQUENCE ") + b.qualified(s.name), old ? old->comment : QString(),
                  s.comment);
        b.grants(QStringLiteral("SEQUENCE ") + b.qualified(s.name), old ? old->acl : QString(), s.acl);
    }
    for (const TypeShape& t : source.types) {
        const TypeShape* old = targetTypes.value(t.name);
        b.comment(typeKeyword(t) + QLatin1Char(' ') + b.qualified(t.name), old ? old->comment : QString(),
                  t.comment);
        // A new type has the defaults: USAGE for PUBLIC.
        b.grants(QStringLiteral("TYPE ") + b.qualified(t.name),
                 old ? old->acl : QStringLiteral("PUBLIC USAGE"), t.acl);
    }
    for (const FunctionShape& f : source.functions) {
        const FunctionShape* old =
            recreatedRoutines.contains(f.signature()) ? nullptr : targetRoutines.value(f.signature());
        const QString what =
            QStringLiteral("%1 %2(%3)").arg(routineKeyword(f), b.qualified(f.name), routineArguments(f));
        b.comment(what, old ? old->comment : QString(), f.comment);
        // A routine made (again) has the defaults: EXECUTE for PUBLIC. ROUTINE covers every kind.
        b.grants(QStringLiteral("ROUTINE %1(%2)").arg(b.qualified(f.name), f.identityArguments),
                 old ? old->acl : QStringLiteral("PUBLIC EXECUTE"), f.acl);
    }

    // 4. What only the target has, in its reverse dependency order: tables (their rows are lost), routines,
    // sequences, types.
    QList<LoadOrderItem> gone;
    QList<std::function<void()>> drops;
    QSet<QString> tablesGone; // and with them the sequences their columns own
    for (const RelationShape& t : target.relations)
        if (!sourceRelations.contains(t.name) && renamedFrom.key(t.name).isEmpty() && !t.isView())
            tablesGone << t.name;
    for (const RelationShape& t : target.relations)
        if (tablesGone.contains(t.name) && !remadeTree.contains(t.name) &&
            // a partition of a parent that goes goes with it
            !(t.isPartition() && !sourceRelations.contains(t.parents) &&
              targetRelations.contains(t.parents))) {
            gone << LoadOrderItem{QStringLiteral("relation:") + t.name, 3, gone.size()};
            drops << [&b, &t] {
                b.add(QStringLiteral("DROP TABLE %1;").arg(b.qualified(t.name)),
                      QStringLiteral("drop table %1 (its rows are lost)").arg(quoteIdentifier(t.name)), true);
            };
        }
    for (const FunctionShape& f : target.functions)
        if (!sourceRoutines.contains(f.signature())) {
            gone << LoadOrderItem{QStringLiteral("function:") + f.signature(), 1, gone.size()};
            drops << [&b, &f, &target] {
                b.add(QStringLiteral("DROP %1 %2.%3(%4);")
                          .arg(routineKeyword(f), quoteIdentifier(target.schema), quoteIdentifier(f.name),
                               routineArguments(f)));
            };
        }
    for (const SequenceShape& s : target.sequences)
        if (!sourceSequences.contains(s.name) && !b.dropsSequence(s.name)) {
            // Owned by a column the script drops (with its table or alone): PostgreSQL drops it then, and
            // a DROP SEQUENCE after that would stop the script.
            if (!s.ownedTable.isEmpty() &&
                (tablesGone.contains(s.ownedTable) || replacedTables.contains(s.ownedTable) ||
                 remadeTree.contains(s.ownedTable) || b.dropsColumn(s.ownedTable, s.ownedColumn))) {
                b.decide(QStringLiteral("sequence %1 goes with %2.%3, which owns it")
                             .arg(quoteIdentifier(s.name), quoteIdentifier(s.ownedTable),
                                  quoteIdentifier(s.ownedColumn)));
                continue;
            }
            gone << LoadOrderItem{QStringLiteral("sequence:") + s.name, 2, gone.size()};
            drops << [&b, &s] {
                b.add(QStringLiteral("DROP SEQUENCE %1;").arg(b.qualified(s.name)),
                      QStringLiteral("drop sequence %1 (its current value is lost)")
                          .arg(quoteIdentifier(s.name)),
                      true);
            };
        }
    for (const TypeShape& t : target.types)
        if (!sourceTypes.contains(t.name)) {
            gone << LoadOrderItem{QStringLiteral("type:") + t.name, 0, gone.size()};
            drops <<
                [&b, &t] { b.add(QStringLiteral("DROP %1 %2;").arg(typeKeyword(t), b.qualified(t.name))); };
        }
    const QList<qsizetype> goneOrder = loadOrder(gone, target.dependencies);
    for (qsizetype i = goneOrder.size() - 1; i >= 0; --i)
        drops[goneOrder[i]]();
    for (const CollationShape& c : target.collations)
        if (std::none_of(source.collations.cbegin(), source.collations.cend(),
                         [&c](const CollationShape& s) { return s.name == c.name; }))
            b.add(QStringLiteral("DROP COLLATION %1;").arg(b.qualified(c.name)));
    // Without CASCADE: what still uses the extension's types or functions stops the script, not lost.
    for (const QString& e : target.extensions)
        if (!source.extensions.contains(e))
            b.add(QStringLiteral("DROP EXTENSION %1;").arg(quoteIdentifier(e)),
                  QStringLiteral(
                      "drop extension %1 (its types, functions and operators go, and any data held in "
                      "its types)")
                      .arg(quoteIdentifier(e)),
                  true);
    return m;
}

} // namespace pgdesk::core
