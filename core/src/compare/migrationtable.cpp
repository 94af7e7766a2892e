// SPDX-License-Identifier: GPL-3.0-or-later
// A migration's table steps: CREATE TABLE for a new one, ALTER for one on both sides (never dropped and
// created again), and their constraints, indexes, triggers, policies, comments and grants.
#include "compare/migrationbuilder.h"

#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/catalog/relationparts.h>

#include <QRegularExpression>

namespace pgdesk::core::migration {

namespace {

const TablePart* part(const QList<TablePart>& parts, const QString& name) {
    for (const TablePart& p : parts)
        if (p.name == name)
            return &p;
    return nullptr;
}

// Whether a part a table had from its parent stays as its own once it has no parent (DETACH PARTITION, NO
// INHERIT): the source's table has it under that name as it is.
bool keptOnDetach(const QList<TablePart>& source, const TablePart& inherited) {
    const TablePart* s = part(source, inherited.name);
    return s && s->definition == inherited.definition;
}

// pg_get_constraintdef ends a constraint that is not validated with " NOT VALID".
const QLatin1String kNotValid(" NOT VALID");

bool onlyValidationDiffers(const TablePart& source, const TablePart& target) {
    return source.validated && !target.validated && target.definition.endsWith(kNotValid) &&
           target.definition.chopped(kNotValid.size()) == source.definition;
}

// "n=v, m=w" (reloptions) → the names.
QStringList optionNames(const QString& options) {
    QStringList names;
    for (const QString& o : options.split(QStringLiteral(", "), Qt::SkipEmptyParts))
        names << o.section(QLatin1Char('='), 0, 0);
    return names;
}

QList<ColumnShape> localColumns(const RelationShape& r) {
    QList<ColumnShape> out;
    for (const ColumnShape& c : r.columns)
        if (c.isLocal && !r.isPartition())
            out << c;
    return out;
}

qsizetype rankOf(const QList<ColumnShape>& columns, const QString& name) {
    for (qsizetype i = 0; i < columns.size(); ++i)
        if (columns[i].name == name)
            return i;
    return -1;
}

// The columns a remade table's rows keep: both sides have them, and the source does not compute them.
QStringList keptColumns(const RelationShape& table, const RelationShape& old) {
    QStringList out;
    for (const ColumnShape& c : table.columns)
        if (old.column(c.name) && c.generatedExpression.isEmpty())
            out << quoteIdentifier(c.name);
    return out;
}

// What a column sets apart from its CREATE line: its statistics target, and a storage not its type's.
QStringList columnSettings(const QString& table, const ColumnShape& c) {
    QStringList out;
    const QString alter =
        QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 ").arg(table, quoteIdentifier(c.name));
    if (c.statistics >= 0)
        out << alter + QStringLiteral("SET STATISTICS %1;").arg(c.statistics);
    if (c.storage != c.typeStorage)
        out << alter + QStringLiteral("SET STORAGE %1;").arg(storageName(c.storage).toUpper());
    return out;
}

} // namespace

QStringList parentNames(const QString& parents) {
    QStringList out;
    QString current;
    bool quoted = false;
    for (qsizetype i = 0; i < parents.size(); ++i) {
        const QChar c = parents[i];
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        if (!quoted && c == QLatin1Char(',') && parents.mid(i + 1, 1) == QLatin1String(" ")) {
            out << current;
            current.clear();
            ++i;
            continue;
        }
        current += c;
    }
    if (!current.isEmpty())
        out << current;
    return out;
}

QString plainName(const QString& printed) {
    if (printed.size() > 1 && printed.startsWith(QLatin1Char('"')) && printed.endsWith(QLatin1Char('"')))
        return printed.mid(1, printed.size() - 2).replace(QStringLiteral("\"\""), QStringLiteral("\""));
    return printed;
}

bool isSafeTypeChange(const QString& from, const QString& to) {
    if (from == to)
        return true;
    static const QRegularExpression varchar(QStringLiteral("^character varying(?:\\((\\d+)\\))?$"));
    static const QRegularExpression numeric(QStringLiteral("^numeric(?:\\((\\d+),(\\d+)\\))?$"));
    const auto f = varchar.match(from);
    const auto t = varchar.match(to);
    if (f.hasMatch() || from == QLatin1String("text")) {
        if (to == QLatin1String("text") || (t.hasMatch() && t.captured(1).isEmpty()))
            return true;
        return f.hasMatch() && t.hasMatch() && !f.captured(1).isEmpty() &&
               t.captured(1).toInt() >= f.captured(1).toInt();
    }
    const auto nf = numeric.match(from);
    const auto nt = numeric.match(to);
    if (nf.hasMatch() && nt.hasMatch() && !nf.captured(1).isEmpty())
        return nt.captured(1).isEmpty() ||
               (nt.captured(2) == nf.captured(2) && nt.captured(1).toInt() >= nf.captured(1).toInt());
    return false;
}

bool castsDirectly(const SchemaSnapshot& target, const QString& from, const QString& to) {
    static const QRegularExpression modifiers(QStringLiteral("\\(\\s*\\d+\\s*(?:,\\s*\\d+\\s*)?\\)"));
    const auto base = [&](QString type) {
        type.remove(modifiers);
        for (int i = 0; i < 16 && target.domainBases.contains(type); ++i) // a domain over a domain …
            type = QString(target.domainBases.value(type)).remove(modifiers);
        return type;
    };
    QString a = base(from);
    QString b = base(to);
    const bool arrays = a.endsWith(QLatin1String("[]")) && b.endsWith(QLatin1String("[]"));
    if (arrays) { // element by element
        a.chop(2);
        b.chop(2);
    }
    if (a == b || target.casts.contains(a + QLatin1Char('\n') + b))
        return true;
    return !arrays && (target.stringTypes.contains(a) || target.stringTypes.contains(b));
}

void Builder::createTable(const RelationShape& r) {
    const QString q = qualified(r.name);
    if (r.kind == QLatin1String("f")) {
        block(
            QStringLiteral("foreign table %1 is only in the source: foreign tables are not migrated").arg(q));
        return;
    }
    QStringList items;
    QStringList after;
    for (const ColumnShape& c : r.columns) {
        if (r.isPartition() || !c.isLocal)
            continue;
        if (!r.ofType.isEmpty()) {
            QString line = quoteIdentifier(c.name) + QStringLiteral(" WITH OPTIONS");
            if (!c.defaultExpression.isEmpty())
                line += QStringLiteral(" DEFAULT ") + c.defaultExpression;
            if (c.notNull)
                line += QStringLiteral(" NOT NULL");
            if (!c.defaultExpression.isEmpty() || c.notNull)
                items << QStringLiteral("    ") + line;
            continue;
        }
        items << QStringLiteral("    ") + columnDefinition(c);
    }
    for (const TablePart& k : r.constraints) {
        if (k.kind == QLatin1String("f"))
            continue; // after every table exists
        const QString def = QStringLiteral("CONSTRAINT %1 %2").arg(quoteIdentifier(k.name), k.definition);
        if (r.isPartition() || !k.validated)
            after << QStringLiteral("ALTER TABLE ONLY %1 ADD %2;").arg(q, def);
        else
            items << QStringLiteral("    ") + def;
    }
    QString sql = QStringLiteral("CREATE %1TABLE %2")
                      .arg(r.persistence == QLatin1String("u") ? QStringLiteral("UNLOGGED ") : QString(), q);
    const QString body =
        items.isEmpty() ? QString() : QStringLiteral(" (\n%1\n)").arg(items.join(QStringLiteral(",\n")));
    if (r.isPartition())
        sql += QStringLiteral(" PARTITION OF %1 %2").arg(r.parents, r.partitionBound);
    else if (!r.ofType.isEmpty())
        sql += QStringLiteral(" OF ") + r.ofType + body;
    else
        sql += body.isEmpty() ? QStringLiteral(" ()") : body;
    if (!r.isPartition() && !r.parents.isEmpty())
        sql += QStringLiteral(" INHERITS (%1)").arg(r.parents);
    if (!r.partitionKey.isEmpty())
        sql += QStringLiteral(" PARTITION BY ") + r.partitionKey;
    if (!r.options.isEmpty())
        sql += QStringLiteral(" WITH (%1)").arg(r.options);
    add(sql + QLatin1Char(';'));
    for (const QString& a : std::as_const(after))
        add(a);
    // A partition (or child) made from its parent's columns: what it sets apart.
    if (const RelationShape* parent = m_source.relation(r.parents);
        parent && (r.isPartition() || !r.parents.isEmpty()))
        for (const ColumnShape& c : r.columns) {
            const ColumnShape* p = parent->column(c.name);
            if (!p || (c.isLocal && !r.isPartition()))
                continue;
            if (c.defaultExpression != p->defaultExpression && c.generatedExpression.isEmpty())
                add(c.defaultExpression.isEmpty()
                        ? QStringLiteral("ALTER TABLE ONLY %1 ALTER COLUMN %2 DROP DEFAULT;")
                              .arg(q, quoteIdentifier(c.name))
                        : QStringLiteral("ALTER TABLE ONLY %1 ALTER COLUMN %2 SET DEFAULT %3;")
                              .arg(q, quoteIdentifier(c.name), c.defaultExpression));
            if (c.notNull && !p->notNull)
                add(QStringLiteral("ALTER TABLE ONLY %1 ALTER COLUMN %2 SET NOT NULL;")
                        .arg(q, quoteIdentifier(c.name)));
        }
    for (const ColumnShape& c : r.columns)
        for (const QString& sql : columnSettings(q, c))
            add(sql);
}

void Builder::setRowsAside(const RelationShape& r, const RelationShape& old, const QString& holder) {
    const QStringList kept = keptColumns(r, old);
    QStringList lost;
    for (const ColumnShape& c : old.columns)
        if (!r.column(c.name) && c.generatedExpression.isEmpty())
            lost << quoteIdentifier(c.name);
    const auto keyText = [](const RelationShape& t) {
        return t.partitionKey.isEmpty() ? QStringLiteral("none") : t.partitionKey;
    };
    QString description = QStringLiteral("make table %1 again with partition key %2 (it is %3): PostgreSQL "
                                         "cannot change a key in place. ")
                              .arg(quoteIdentifier(r.name), keyText(r), keyText(old));
    if (kept.isEmpty()) {
        add(QStringLiteral("DROP TABLE %1;").arg(qualified(old.name)),
            description + QStringLiteral("None of its columns stays: its rows are lost"), true);
        return;
    }
    description += QStringLiteral("Its rows are copied aside and put back, each into its new partition; a "
                                  "row no partition takes stops the script");
    if (!lost.isEmpty())
        description += QStringLiteral("; the values of %1 are lost").arg(lost.join(QStringLiteral(", ")));
    // ON COMMIT DROP: nothing of it outlives the migration, whatever stops it.
    add(QStringLiteral("CREATE TEMPORARY TABLE %1 ON COMMIT DROP AS SELECT %2 FROM %3;")
            .arg(quoteIdentifier(holder), kept.join(QStringLiteral(", ")), qualified(old.name)));
    add(QStringLiteral("DROP TABLE %1;").arg(qualified(old.name)), description, true);
}

void Builder::putRowsBack(const RelationShape& r, const RelationShape& old, const QString& holder) {
    const QStringList kept = keptColumns(r, old);
    if (kept.isEmpty())
        return;
    const bool always = std::any_of(r.columns.cbegin(), r.columns.cend(), [&old](const ColumnShape& c) {
        return c.identity == QLatin1String("a") && old.column(c.name);
    });
    const QString columns = kept.join(QStringLiteral(", "));
    add(QStringLiteral("INSERT INTO %1 (%2)%3 SELECT %2 FROM pg_temp.%4;")
            .arg(qualified(r.name), columns, always ? QStringLiteral(" OVERRIDING SYSTEM VALUE") : QString(),
                 quoteIdentifier(holder)));
    // The new identity sequences start again at their START: the next row would take a copied row's value.
    for (const ColumnShape& c : r.columns)
        if (!c.identity.isEmpty() && old.column(c.name))
            add(QStringLiteral(
                    "SELECT setval(pg_get_serial_sequence(%1, %2), max(%3)) FROM %4 HAVING max(%3) IS "
                    "NOT NULL;")
                    .arg(stringLiteral(qualified(r.name)), stringLiteral(c.name), quoteIdentifier(c.name),
                         qualified(r.name)));
    add(QStringLiteral("DROP TABLE pg_temp.%1;").arg(quoteIdentifier(holder)));
}

void Builder::dropTableParts(const RelationShape& r, const RelationShape& old) {
    const QString q = qualified(old.name);
    for (const TablePart& k : old.constraints) {
        const TablePart* s = part(r.constraints, k.name);
        if (!s || (s->definition != k.definition && !onlyValidationDiffers(*s, k)))
            add(QStringLiteral("ALTER TABLE %1 DROP CONSTRAINT %2;").arg(q, quoteIdentifier(k.name)));
    }
    for (const TablePart& i : old.indexes) {
        const TablePart* s = part(r.indexes, i.name);
        if (!s || s->definition != i.definition)
            add(QStringLiteral("DROP INDEX %1;").arg(qualified(i.name)));
    }
    for (const TablePart& t : old.triggers) {
        const TablePart* s = part(r.triggers, t.name);
        if (!s || s->definition != t.definition)
            add(QStringLiteral("DROP TRIGGER %1 ON %2;").arg(quoteIdentifier(t.name), q));
    }
    for (const TablePart& p : old.policies) {
        const TablePart* s = part(r.policies, p.name);
        if (!s || s->definition != p.definition)
            add(QStringLiteral("DROP POLICY %1 ON %2;").arg(quoteIdentifier(p.name), q));
    }
}

void Builder::alterColumns(const RelationShape& r, const RelationShape& old) {
    const QString q = qualified(r.name);
    if (r.isPartition() || old.isPartition()) {
        // A partition's columns are its parent's: only what it sets apart can differ.
        for (const ColumnShape& c : r.columns)
            if (const ColumnShape* o = old.column(c.name))
                alterColumn(r, c, *o, old.name);
        return;
    }
    const QList<ColumnShape> now = localColumns(r);
    const QList<ColumnShape> before = localColumns(old);
    QList<ColumnShape> added;
    QList<ColumnShape> dropped;
    for (const ColumnShape& c : now)
        if (!old.column(c.name))
            added << c;
    for (const ColumnShape& c : before)
        if (!r.column(c.name))
            dropped << c;
    // A column gone and one of the same type in its place: renamed.
    for (qsizetype i = 0; m_options.renames && i < added.size();) {
        const ColumnShape& a = added[i];
        qsizetype match = -1;
        for (qsizetype j = 0; j < dropped.size() && match < 0; ++j)
            if (dropped[j].type == a.type && rankOf(before, dropped[j].name) == rankOf(now, a.name))
                match = j;
        if (match < 0) {
            ++i;
            continue;
        }
        ColumnShape renamed = dropped.takeAt(match);
        add(QStringLiteral("ALTER TABLE %1 RENAME COLUMN %2 TO %3;")
                .arg(q, quoteIdentifier(renamed.name), quoteIdentifier(a.name)));
        decide(QStringLiteral(
                   "column %1.%2 is taken as renamed to %3 (same type, same place): renaming keeps its data")
                   .arg(quoteIdentifier(r.name), quoteIdentifier(renamed.name), quoteIdentifier(a.name)));
        renamed.name = a.name;
        alterColumn(r, a, renamed, old.name);
        added.removeAt(i);
    }
    for (const ColumnShape& d : std::as_const(dropped)) {
        m_droppedColumns << old.name + QChar(0) + d.name;
        add(QStringLiteral("ALTER TABLE %1 DROP COLUMN %2;").arg(q, quoteIdentifier(d.name)),
            QStringLiteral("drop column %1.%2 (its data is lost)")
                .arg(quoteIdentifier(r.name), quoteIdentifier(d.name)),
            true);
    }
    // Changed before the new ones come: a column made again (a generation expression) keeps its place
    // among the old ones.
    for (const ColumnShape& c : now)
        if (const ColumnShape* o = old.column(c.name); o && o->isLocal)
            alterColumn(r, c, *o, old.name);
    for (const ColumnShape& a : std::as_const(added)) {
        const bool needsValue = a.notNull && a.defaultExpression.isEmpty() && a.identity.isEmpty() &&
                                a.generatedExpression.isEmpty() &&
                                (!m_options.hasRows || m_options.hasRows(r.name));
        if (!needsValue) {
            add(QStringLiteral("ALTER TABLE %1 ADD COLUMN %2;").arg(q, columnDefinition(a)));
            for (const QString& sql : columnSettings(q, a))
                add(sql);
            continue;
        }
        const QString key = r.name + QLatin1Char('.') + a.name;
        if (!m_options.fillValues.contains(key)) {
            block(QStringLiteral(
                      "column %1.%2 is NOT NULL without a default, and the table has rows: it needs a value "
                      "for them")
                      .arg(quoteIdentifier(r.name), quoteIdentifier(a.name)));
            needValue(r.name, a.name);
            continue;
        }
        ColumnShape filled = a;
        filled.defaultExpression = m_options.fillValues.value(key);
        add(QStringLiteral("ALTER TABLE %1 ADD COLUMN %2;").arg(q, columnDefinition(filled)));
        add(QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 DROP DEFAULT;").arg(q, quoteIdentifier(a.name)));
        for (const QString& sql : columnSettings(q, a))
            add(sql);
        decide(QStringLiteral("column %1.%2 is filled with %3 in the rows the table has")
                   .arg(quoteIdentifier(r.name), quoteIdentifier(a.name), filled.defaultExpression));
    }
}

void Builder::changeParents(const RelationShape& r, const RelationShape& old, bool after) {
    const QString q = qualified(r.name);
    const bool samePartition = r.isPartition() && old.isPartition() && r.parents == old.parents &&
                               r.partitionBound == old.partitionBound;
    if (!after) {
        if (old.isPartition() && !samePartition) {
            add(QStringLiteral("ALTER TABLE %1 DETACH PARTITION %2;").arg(old.parents, q),
                r.isPartition()
                    ? QString()
                    : QStringLiteral("detach partition %1 from %2 (its rows leave the partitioned "
                                     "table)")
                          .arg(quoteIdentifier(r.name), old.parents),
                !r.isPartition());
            // The parent's constraints and indexes stay on a detached table as its own: those the source's
            // table does not have as they are go (tableParts makes the source's; an attach in place gives
            // them back, matching ones reused).
            if (!r.isPartition()) {
                for (const TablePart& k : old.inheritedConstraints)
                    if (!keptOnDetach(r.constraints, k))
                        add(QStringLiteral("ALTER TABLE %1 DROP CONSTRAINT %2;")
                                .arg(q, quoteIdentifier(k.name)));
                for (const TablePart& i : old.inheritedIndexes)
                    if (!keptOnDetach(r.indexes, i))
                        add(QStringLiteral("DROP INDEX %1;").arg(qualified(i.name)));
            }
        }
        if (!old.isPartition() && !old.parents.isEmpty()) {
            const QStringList now = r.isPartition() ? QStringList() : parentNames(r.parents);
            for (const QString& p : parentNames(old.parents))
                if (!now.contains(p))
                    add(QStringLiteral("ALTER TABLE %1 NO INHERIT %2;").arg(q, p),
                        QStringLiteral("%1 no longer inherits %2 (its rows leave what %2 reads)")
                            .arg(quoteIdentifier(r.name), p),
                        true);
            // Inheriting nothing any more, its inherited checks are its own, as after a detach.
            if (r.parents.isEmpty())
                for (const TablePart& k : old.inheritedConstraints)
                    if (!keptOnDetach(r.constraints, k))
                        add(QStringLiteral("ALTER TABLE %1 DROP CONSTRAINT %2;")
                                .arg(q, quoteIdentifier(k.name)));
        }
        if (!old.ofType.isEmpty() && old.ofType != r.ofType)
            add(QStringLiteral("ALTER TABLE %1 NOT OF;").arg(q));
        return;
    }
    if (!r.ofType.isEmpty() && old.ofType != r.ofType)
        add(QStringLiteral("ALTER TABLE %1 OF %2;").arg(q, r.ofType));
    if (!r.isPartition() && !r.parents.isEmpty()) {
        const QStringList before = old.isPartition() ? QStringList() : parentNames(old.parents);
        const QStringList now = parentNames(r.parents);
        if (std::any_of(now.cbegin(), now.cend(),
                        [&before](const QString& p) { return !before.contains(p); }))
            // INHERIT wants the parent's columns on the table already: they stay its own too (PostgreSQL has
            // no way to make a column inherited only, as CREATE TABLE … INHERITS does).
            for (const ColumnShape& c : r.columns)
                if (!c.isLocal && !old.column(c.name) &&
                    std::none_of(before.cbegin(), before.cend(), [&](const QString& p) {
                        const RelationShape* kept = m_source.relation(plainName(p));
                        return now.contains(p) && kept && kept->column(c.name);
                    })) {
                    add(QStringLiteral("ALTER TABLE %1 ADD COLUMN %2;").arg(q, columnDefinition(c)));
                    decide(QStringLiteral("column %1.%2 is added to the table before it inherits it, and so "
                                          "stays its own column as well")
                               .arg(quoteIdentifier(r.name), quoteIdentifier(c.name)));
                }
        for (const QString& p : now)
            if (!before.contains(p))
                add(QStringLiteral("ALTER TABLE %1 INHERIT %2;").arg(q, p));
    }
    if (r.isPartition() && !samePartition) {
        // ATTACH wants the parent's CHECK constraints on the table already (they merge into the inherited
        // ones); a table that was a partition of that parent kept them.
        const RelationShape* parent = m_source.relation(plainName(r.parents));
        const bool kept = old.isPartition() && old.parents == r.parents;
        if (parent && !kept)
            for (const TablePart& k : parent->constraints)
                if (k.kind == QLatin1String("c") && !part(old.constraints, k.name))
                    add(QStringLiteral("ALTER TABLE %1 ADD CONSTRAINT %2 %3;")
                            .arg(q, quoteIdentifier(k.name), k.definition));
        add(QStringLiteral("ALTER TABLE %1 ATTACH PARTITION %2 %3;").arg(r.parents, q, r.partitionBound));
    }
}

void Builder::alterColumn(const RelationShape& r, const ColumnShape& c, const ColumnShape& old,
                          const QString& oldTable) {
    const QString q = qualified(r.name);
    const QString alter = QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 ").arg(q, quoteIdentifier(c.name));
    const QString shown = quoteIdentifier(r.name) + QLatin1Char('.') + quoteIdentifier(c.name);
    if (c.generatedExpression != old.generatedExpression) {
        if (c.generatedExpression.isEmpty()) {
            add(alter + QStringLiteral("DROP EXPRESSION;"));
        } else {
            // PostgreSQL cannot change a generation expression: the column is made again.
            add(QStringLiteral("ALTER TABLE %1 DROP COLUMN %2;").arg(q, quoteIdentifier(c.name)),
                QStringLiteral(
                    "drop column %1 to make it again as generated (its stored values are replaced)")
                    .arg(shown),
                old.generatedExpression.isEmpty());
            add(QStringLiteral("ALTER TABLE %1 ADD COLUMN %2;").arg(q, columnDefinition(c)));
            for (const QString& sql : columnSettings(q, c))
                add(sql);
            return;
        }
    }
    if (c.type != old.type || c.collation != old.collation) {
        QString sql = alter + QStringLiteral("TYPE ") + c.type;
        if (!c.collation.isEmpty())
            sql += QStringLiteral(" COLLATE ") + c.collation;
        // No cast between the two (bigint and uuid, two enums): through text, which the server takes for any
        // type, a value that does not read as the new type failing the statement.
        const QString key = r.name + QLatin1Char('.') + c.name;
        const QString given = m_options.usingExpressions.value(key).trimmed();
        const bool throughText =
            c.type != old.type && given.isEmpty() && !castsDirectly(m_target, old.type, c.type);
        if (c.type != old.type) {
            const QString expression =
                !given.isEmpty() ? given
                                 : QStringLiteral("%1::%2%3")
                                       .arg(quoteIdentifier(c.name),
                                            throughText ? QStringLiteral("text::") : QString(), c.type);
            sql += QStringLiteral(" USING ") + expression;
            typeChanged({r.name, c.name, old.type, c.type, expression, !given.isEmpty()});
        }
        const bool safe =
            isSafeTypeChange(old.type, c.type) && c.collation == old.collation && given.isEmpty();
        add(sql + QLatin1Char(';'),
            safe ? QString()
            : !given.isEmpty()
                ? QStringLiteral("change the type of %1 from %2 to %3 with USING %4 as you gave it (rewrites "
                                 "the table; a value it does not convert fails it)")
                      .arg(shown, old.type, c.type, given)
            : throughText
                ? QStringLiteral(
                      "change the type of %1 from %2 to %3 through its text (no cast between them: "
                      "rewrites the table, and a value whose text is no %3 fails it)")
                      .arg(shown, old.type, c.type)
                : QStringLiteral(
                      "change the type of %1 from %2 to %3 (rewrites the table; a value that does not "
                      "convert fails it)")
                      .arg(shown,
                           old.type + (old.collation.isEmpty() ? QString()
                                                               : QStringLiteral(" COLLATE ") + old.collation),
                           c.type + (c.collation.isEmpty() ? QString()
                                                           : QStringLiteral(" COLLATE ") + c.collation)),
            !safe);
    }
    if (c.identity != old.identity) {
        if (c.identity.isEmpty()) {
            add(alter + QStringLiteral("DROP IDENTITY;"));
        } else if (old.identity.isEmpty()) {
            if (!old.defaultExpression.isEmpty())
                add(alter + QStringLiteral("DROP DEFAULT;"));
            if (!old.notNull)
                add(alter + QStringLiteral("SET NOT NULL;"));
            // A serial made an identity: its sequence, which the source no longer has, goes first (the
            // identity's may take its name), and the identity goes on after the column's largest value.
            bool serial = false;
            for (const SequenceShape& s : m_target.sequences)
                if (s.ownedTable == oldTable && s.ownedColumn == old.name &&
                    std::none_of(m_source.sequences.cbegin(), m_source.sequences.cend(),
                                 [&s](const SequenceShape& k) { return k.name == s.name; })) {
                    add(QStringLiteral("DROP SEQUENCE %1;").arg(qualified(s.name)),
                        QStringLiteral(
                            "drop sequence %1, replaced by the identity of %2 (which goes on after "
                            "the column's largest value)")
                            .arg(quoteIdentifier(s.name), shown),
                        true);
                    m_droppedSequences << s.name;
                    serial = true;
                }
            add(alter +
                (c.identity == QLatin1String("a") ? QStringLiteral("ADD GENERATED ALWAYS AS IDENTITY")
                                                  : QStringLiteral("ADD GENERATED BY DEFAULT AS IDENTITY")) +
                (c.identityOptions.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(c.identityOptions)) +
                QLatin1Char(';'));
            // Only past the identity's START (below it, the identity's own numbering is already further on,
            // and setval under MINVALUE would fail).
            static const QRegularExpression start(QStringLiteral(" START WITH (-?\\d+) "));
            const QString first = start.match(c.identityOptions).captured(1);
            if (serial)
                add(QStringLiteral("SELECT setval(pg_get_serial_sequence(%1, %2), max(%3)) FROM %4 HAVING "
                                   "max(%3) >= %5;")
                        .arg(stringLiteral(q), stringLiteral(c.name), quoteIdentifier(c.name), q,
                             first.isEmpty() ? QStringLiteral("1") : first));
            return;
        } else {
            add(alter + (c.identity == QLatin1String("a") ? QStringLiteral("SET GENERATED ALWAYS;")
                                                          : QStringLiteral("SET GENERATED BY DEFAULT;")));
        }
    }
    if (!c.identity.isEmpty() && !old.identity.isEmpty() && c.identityOptions != old.identityOptions) {
        // "SEQUENCE NAME n START WITH …": the sequence renamed, the other options set.
        static const QRegularExpression options(
            QStringLiteral("^SEQUENCE NAME (\"(?:[^\"]|\"\")*\"|\\S+) (START WITH (\\S+) INCREMENT BY "
                           "(\\S+) MINVALUE (\\S+) MAXVALUE (\\S+) CACHE (\\S+)( CYCLE)?)$"));
        const auto m = options.match(c.identityOptions);
        const auto o = options.match(old.identityOptions);
        if (m.hasMatch() && o.hasMatch() && m.captured(1) != o.captured(1))
            add(QStringLiteral("ALTER SEQUENCE %1.%2 RENAME TO %3;")
                    .arg(quoteIdentifier(m_target.schema), o.captured(1), m.captured(1)));
        if (m.hasMatch() && (!o.hasMatch() || m.captured(2) != o.captured(2)))
            add(alter +
                QStringLiteral("SET START WITH %1 SET INCREMENT BY %2 SET MINVALUE %3 SET MAXVALUE %4 SET "
                               "CACHE %5 SET %6;")
                    .arg(m.captured(3), m.captured(4), m.captured(5), m.captured(6), m.captured(7),
                         m.captured(8).isEmpty() ? QStringLiteral("NO CYCLE") : QStringLiteral("CYCLE")));
    }
    if (c.defaultExpression != old.defaultExpression && c.identity.isEmpty() &&
        c.generatedExpression.isEmpty())
        add(c.defaultExpression.isEmpty()
                ? alter + QStringLiteral("DROP DEFAULT;")
                : alter + QStringLiteral("SET DEFAULT %1;").arg(c.defaultExpression));
    if (c.notNull != old.notNull && c.identity.isEmpty() && old.identity.isEmpty()) {
        if (c.notNull && m_options.hasNulls && m_options.hasNulls(r.name, old.name)) {
            // Rows hold NULL there, and SET NOT NULL would fail on them: they need a value first.
            const QString key = r.name + QLatin1Char('.') + c.name;
            if (!m_options.fillValues.contains(key)) {
                block(
                    QStringLiteral("column %1 becomes NOT NULL, and rows hold NULL in it: they need a value")
                        .arg(shown));
                needValue(r.name, c.name);
                return;
            }
            add(QStringLiteral("UPDATE %1 SET %2 = %3 WHERE %2 IS NULL;")
                    .arg(q, quoteIdentifier(c.name), m_options.fillValues.value(key)));
            decide(QStringLiteral("the NULLs of column %1 are set to %2 before it becomes NOT NULL")
                       .arg(shown, m_options.fillValues.value(key)));
        }
        add(alter + (c.notNull ? QStringLiteral("SET NOT NULL;") : QStringLiteral("DROP NOT NULL;")));
    }
    if (c.statistics != old.statistics)
        add(alter + QStringLiteral("SET STATISTICS %1;").arg(c.statistics));
    // A type change gives the column its new type's storage.
    if (c.storage != (c.type != old.type ? c.typeStorage : old.storage))
        add(alter + QStringLiteral("SET STORAGE %1;").arg(storageName(c.storage).toUpper()));
}

void Builder::tableParts(const RelationShape& r, const RelationShape* old, bool foreignKeys) {
    const QString q = qualified(r.name);
    // The part of that name the target's table has: after a detach (or NO INHERIT of its last parent), also
    // one it had from its parent and kept (changeParents drops the others).
    const bool detached = old && !old->parents.isEmpty() && r.parents.isEmpty();
    const auto existing = [old, detached](QList<TablePart> RelationShape::*own,
                                          QList<TablePart> RelationShape::*inherited,
                                          const TablePart& p) -> const TablePart* {
        if (!old)
            return nullptr;
        if (const TablePart* o = part(old->*own, p.name))
            return o;
        if (!detached)
            return nullptr;
        const TablePart* i = part(old->*inherited, p.name);
        return i && i->definition == p.definition ? i : nullptr;
    };
    for (const TablePart& k : r.constraints) {
        if ((k.kind == QLatin1String("f")) != foreignKeys)
            continue;
        const TablePart* o = existing(&RelationShape::constraints, &RelationShape::inheritedConstraints, k);
        if (!old && !foreignKeys)
            continue; // inline in CREATE TABLE
        if (o && o->definition == k.definition)
            continue;
        if (o && onlyValidationDiffers(k, *o))
            add(QStringLiteral("ALTER TABLE %1 VALIDATE CONSTRAINT %2;").arg(q, quoteIdentifier(k.name)));
        else
            add(QStringLiteral("ALTER TABLE %1 ADD CONSTRAINT %2 %3;")
                    .arg(q, quoteIdentifier(k.name), k.definition));
    }
    if (foreignKeys)
        return;
    for (const TablePart& i : r.indexes) {
        const TablePart* o = existing(&RelationShape::indexes, &RelationShape::inheritedIndexes, i);
        const bool made = !o || o->definition != i.definition;
        if (made)
            add(i.definition + QLatin1Char(';'));
        // An expression column's statistics target ("1 500, 3 100"); a column set back reads -1.
        const QString before = made ? QString() : o->statistics;
        if (i.statistics == before)
            continue;
        QHash<QString, QString> targets;
        for (const QString& t : before.split(QStringLiteral(", "), Qt::SkipEmptyParts))
            targets.insert(t.section(QLatin1Char(' '), 0, 0), QStringLiteral("-1"));
        for (const QString& t : i.statistics.split(QStringLiteral(", "), Qt::SkipEmptyParts))
            targets.insert(t.section(QLatin1Char(' '), 0, 0), t.section(QLatin1Char(' '), 1, 1));
        QStringList columns = targets.keys();
        std::sort(columns.begin(), columns.end(),
                  [](const QString& a, const QString& b) { return a.toInt() < b.toInt(); });
        for (const QString& n : std::as_const(columns))
            add(QStringLiteral("ALTER INDEX %1 ALTER COLUMN %2 SET STATISTICS %3;")
                    .arg(qualified(i.name), n, targets.value(n)));
    }
    for (const TablePart& t : r.triggers) {
        const TablePart* o = old ? part(old->triggers, t.name) : nullptr;
        if (!o || o->definition != t.definition)
            add(t.definition + QLatin1Char(';'));
        if (!o || o->definition != t.definition || o->kind != t.kind) {
            const QString name = quoteIdentifier(t.name);
            if (t.kind == QLatin1String("D"))
                add(QStringLiteral("ALTER TABLE %1 DISABLE TRIGGER %2;").arg(q, name));
            else if (t.kind == QLatin1String("R"))
                add(QStringLiteral("ALTER TABLE %1 ENABLE REPLICA TRIGGER %2;").arg(q, name));
            else if (t.kind == QLatin1String("A"))
                add(QStringLiteral("ALTER TABLE %1 ENABLE ALWAYS TRIGGER %2;").arg(q, name));
            else if (o)
                add(QStringLiteral("ALTER TABLE %1 ENABLE TRIGGER %2;").arg(q, name));
        }
    }
    for (const TablePart& p : r.policies)
        if (const TablePart* o = old ? part(old->policies, p.name) : nullptr;
            !o || o->definition != p.definition)
            add(QStringLiteral("CREATE POLICY %1 ON %2 %3;").arg(quoteIdentifier(p.name), q, p.definition));
    if (r.rowSecurity != (old && old->rowSecurity))
        add(QStringLiteral("ALTER TABLE %1 %2 ROW LEVEL SECURITY;")
                .arg(q, r.rowSecurity ? QStringLiteral("ENABLE") : QStringLiteral("DISABLE")));
    if (r.forceRowSecurity != (old && old->forceRowSecurity))
        add(QStringLiteral("ALTER TABLE %1 %2 ROW LEVEL SECURITY;")
                .arg(q, r.forceRowSecurity ? QStringLiteral("FORCE") : QStringLiteral("NO FORCE")));
    if (old && r.options != old->options) {
        QStringList reset;
        const QStringList kept = optionNames(r.options);
        for (const QString& name : optionNames(old->options))
            if (!kept.contains(name))
                reset << name;
        if (!reset.isEmpty())
            add(QStringLiteral("ALTER TABLE %1 RESET (%2);").arg(q, reset.join(QStringLiteral(", "))));
        if (!r.options.isEmpty())
            add(QStringLiteral("ALTER TABLE %1 SET (%2);").arg(q, r.options));
    }
    const QString keyword = r.isView() ? relationKindName(r.kind).toUpper() : QStringLiteral("TABLE");
    comment(keyword + QLatin1Char(' ') + q, old ? old->comment : QString(), r.comment);
    for (const ColumnShape& c : r.columns) {
        const ColumnShape* o = old ? old->column(c.name) : nullptr;
        comment(QStringLiteral("COLUMN %1.%2").arg(q, quoteIdentifier(c.name)), o ? o->comment : QString(),
                c.comment);
        grants(QStringLiteral("TABLE ") + q, o ? o->acl : QString(), c.acl, quoteIdentifier(c.name));
    }
    const auto partComments = [&](const QList<TablePart>& parts, const QList<TablePart>* oldParts,
                                  const QString& what) {
        for (const TablePart& p : parts) {
            const TablePart* o = oldParts ? part(*oldParts, p.name) : nullptr;
            comment(what.arg(quoteIdentifier(p.name), q),
                    o && o->definition == p.definition ? o->comment : QString(), p.comment);
        }
    };
    partComments(r.constraints, old ? &old->constraints : nullptr, QStringLiteral("CONSTRAINT %1 ON %2"));
    partComments(r.triggers, old ? &old->triggers : nullptr, QStringLiteral("TRIGGER %1 ON %2"));
    partComments(r.policies, old ? &old->policies : nullptr, QStringLiteral("POLICY %1 ON %2"));
    for (const TablePart& i : r.indexes) {
        const TablePart* o = old ? part(old->indexes, i.name) : nullptr;
        comment(QStringLiteral("INDEX ") + qualified(i.name),
                o && o->definition == i.definition ? o->comment : QString(), i.comment);
    }
    grants(QStringLiteral("TABLE ") + q, old ? old->acl : QString(), r.acl);
}

} // namespace pgdesk::core::migration
