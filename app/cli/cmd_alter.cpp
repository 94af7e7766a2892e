// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"
#include "connect.h"
#include "designrun.h"
#include "exitcodes.h"
#include "tablelookup.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/schema/tabledesign.h>

namespace pgdesk::cli {

namespace {

using Step = core::DesignChange::Step;

core::DesignChange step(Step s, const QString& column = {}, const QString& text = {}) {
    core::DesignChange c;
    c.step = s;
    c.column = column;
    c.text = text;
    return c;
}

// "a=b" → {a, b}; UsageError naming the option otherwise.
std::pair<QString, QString> pairOf(const QString& option, const QString& value, QChar separator = u'=') {
    const qsizetype at = value.indexOf(separator);
    if (at <= 0)
        throw UsageError{
            QStringLiteral("%1 takes \"%2\"")
                .arg(option, separator == u'=' ? QStringLiteral("A=B") : QStringLiteral("COLUMN …"))};
    return {value.left(at).trimmed(), value.mid(at + 1).trimmed()};
}

QStringList listOf(const QString& value) {
    QStringList out;
    for (const QString& part : value.split(u',', Qt::SkipEmptyParts))
        out << part.trimmed();
    return out;
}

struct AlterArguments {
    QString table;
    QList<core::DesignChange> changes;
    bool dryRun = false;
    int lockTimeoutMs = 5000;
};

AlterArguments parseAlterArguments(const QStringList& args) {
    AlterArguments a;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& o = args[i];
        const auto value = [&] { return optionValue(args, i); };
        if (!o.startsWith(QLatin1String("--"))) {
            if (!a.table.isEmpty())
                throw UsageError{QStringLiteral("alter: unexpected argument \"%1\"").arg(o)};
            a.table = o;
        } else if (o == QLatin1String("--dry-run")) {
            a.dryRun = true;
        } else if (o == QLatin1String("--lock-timeout")) {
            bool ok = false;
            a.lockTimeoutMs = value().toInt(&ok);
            if (!ok || a.lockTimeoutMs <= 0)
                throw UsageError{QStringLiteral("--lock-timeout takes milliseconds")};
        } else if (o == QLatin1String("--add-column")) {
            core::DesignChange c = step(Step::AddColumn);
            c.columnSpec = core::columnSpecFromText(value());
            a.changes << c;
        } else if (o == QLatin1String("--drop-column")) {
            a.changes << step(Step::DropColumn, value());
        } else if (o == QLatin1String("--rename-column")) {
            const auto [from, to] = pairOf(o, value());
            a.changes << step(Step::RenameColumn, from, to);
        } else if (o == QLatin1String("--set-type")) {
            // "column type [USING expression]"
            const auto [column, rest] = pairOf(o, value(), u' ');
            core::DesignChange c = step(Step::SetType, column, rest);
            const qsizetype at = rest.indexOf(QLatin1String(" using "), 0, Qt::CaseInsensitive);
            if (at > 0) {
                c.text = rest.left(at).trimmed();
                c.extra = rest.mid(at + 7).trimmed();
            }
            a.changes << c;
        } else if (o == QLatin1String("--set-not-null")) {
            a.changes << step(Step::SetNotNull, value());
        } else if (o == QLatin1String("--drop-not-null")) {
            a.changes << step(Step::DropNotNull, value());
        } else if (o == QLatin1String("--set-default")) {
            const auto [column, expression] = pairOf(o, value());
            a.changes << step(Step::SetDefault, column, expression);
        } else if (o == QLatin1String("--drop-default")) {
            a.changes << step(Step::DropDefault, value());
        } else if (o == QLatin1String("--comment-column")) {
            const auto [column, text] = pairOf(o, value());
            a.changes << step(Step::SetColumnComment, column, text);
        } else if (o == QLatin1String("--add-index") || o == QLatin1String("--add-unique-index")) {
            core::DesignChange c = step(Step::AddIndex);
            c.index.columns = listOf(value());
            c.index.unique = o == QLatin1String("--add-unique-index");
            a.changes << c;
        } else if (o == QLatin1String("--drop-index")) {
            a.changes << step(Step::DropIndex, {}, value());
        } else if (o == QLatin1String("--add-check")) {
            core::DesignChange c = step(Step::AddConstraint);
            c.constraint.kind = core::ConstraintSpec::Kind::Check;
            c.constraint.expression = value();
            a.changes << c;
        } else if (o == QLatin1String("--add-foreign-key")) {
            // "col[,col]=table[(col[,col])]"
            const auto [columns, target] = pairOf(o, value());
            core::DesignChange c = step(Step::AddConstraint);
            c.constraint.kind = core::ConstraintSpec::Kind::ForeignKey;
            c.constraint.columns = listOf(columns);
            QString table = target;
            if (const qsizetype open = target.indexOf(u'('); open > 0 && target.endsWith(u')')) {
                c.constraint.refColumns = listOf(target.mid(open + 1, target.size() - open - 2));
                table = target.left(open).trimmed();
            }
            const QStringList parts = table.split(u'.');
            c.constraint.refTable = parts.last();
            if (parts.size() == 2)
                c.constraint.refSchema = parts.first();
            a.changes << c;
        } else if (o == QLatin1String("--drop-constraint")) {
            a.changes << step(Step::DropConstraint, {}, value());
        } else if (o == QLatin1String("--rename")) {
            a.changes << step(Step::RenameTable, {}, value());
        } else if (o == QLatin1String("--owner")) {
            a.changes << step(Step::SetOwner, {}, value());
        } else if (o == QLatin1String("--comment")) {
            a.changes << step(Step::SetTableComment, {}, value());
        } else if (o == QLatin1String("--enable-rls")) {
            a.changes << step(Step::EnableRowSecurity);
        } else if (o == QLatin1String("--disable-rls")) {
            a.changes << step(Step::DisableRowSecurity);
        } else if (o == QLatin1String("--force-rls")) {
            a.changes << step(Step::ForceRowSecurity);
        } else if (o == QLatin1String("--no-force-rls")) {
            a.changes << step(Step::NoForceRowSecurity);
        } else if (o == QLatin1String("--add-policy")) {
            core::DesignChange c = step(Step::CreatePolicy);
            c.policy = core::policyFromText(value());
            a.changes << c;
        } else if (o == QLatin1String("--drop-policy")) {
            a.changes << step(Step::DropPolicy, {}, value());
        } else {
            throw UsageError{QStringLiteral("alter: unknown option \"%1\"").arg(o)};
        }
    }
    if (a.table.isEmpty() || a.changes.isEmpty())
        throw UsageError{
            QStringLiteral("alter takes TABLE and at least one change (--add-column, --set-not-null …)")};
    return a;
}

} // namespace

// alter TABLE --add-column "name type …" … [--dry-run] [--lock-timeout MS]: the statements with their lock
// levels (--dry-run) or applied as the designer applies them.
int cmdAlter(Invocation& inv) {
    const AlterArguments a = parseAlterArguments(inv.args);
    const QString format = inv.global.format.isEmpty() ? QStringLiteral("text") : inv.global.format;
    if (format != QLatin1String("text") && format != QLatin1String("json"))
        throw UsageError{QStringLiteral("alter: --format takes text or json, not \"%1\"").arg(format)};
    auto connection = connect(inv);
    const core::TableInfo table = readTable(connection, a.table, false);
    core::TableDesign design;
    design.schema = table.schema;
    design.table = table.name;
    design.changes = a.changes;
    const QList<core::DesignStatement> statements =
        core::designStatements(design, connection.serverVersion());
    StatementRun run;
    run.dryRun = a.dryRun;
    run.json = format == QLatin1String("json");
    run.lockTimeoutMs = a.lockTimeoutMs;
    run.what = QStringLiteral("alter");
    run.table =
        connection.quoteIdentifier(table.schema) + QLatin1Char('.') + connection.quoteIdentifier(table.name);
    return runStatements(inv, connection, statements, run);
}

} // namespace pgdesk::cli
