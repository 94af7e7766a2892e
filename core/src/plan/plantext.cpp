// SPDX-License-Identifier: GPL-3.0-or-later
// EXPLAIN's text format turned into the JSON format's document, so one reader (planparse.cpp) analyses
// both: psql's output pasted by a user, and auto_explain's plans in a server log (log_format = text, its
// default). The tree is read from the indentation EXPLAIN writes: a node's properties two columns right
// of its name, its children's "->  " at the same column, "SubPlan 1" / "InitPlan 1 (returns $0)" /
// "CTE c" headers there too with their node two columns further right.
#include <pgdesk/core/plan/plan.h>

#include <pgdesk/core/base/errors.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace pgdesk::core {

namespace {

constexpr int kMaxTextDepth = 1000; // QJsonDocument writes recursively: deeper text plans are refused

struct TextNode {
    int parent = -1;
    int textColumn = 0; // where the node's name starts; its properties are two columns right
    QJsonObject object;
    QList<int> children;
    QString pendingHeader; // a "SubPlan 1" line read under this node, for the next child
};

const QRegularExpression& nodeLine() {
    // [indent][->  ]description[  (cost=…)][ (actual …| never executed)]
    static const QRegularExpression re(QStringLiteral(
        "^(\\s*)(->  )?(.*?)(?:  \\(cost=([\\d.]+)\\.\\.([\\d.]+) rows=([\\d.]+) width=(\\d+)\\))?"
        "(?: ?\\((?:actual(?: time=([\\d.]+)\\.\\.([\\d.]+))? rows=([\\d.]+) loops=(\\d+)|(never "
        "executed))\\))?$"));
    return re;
}

// A root line without figures (COSTS OFF) is taken for a node only when it names one.
bool namesNode(const QString& line) {
    static const QRegularExpression known(QStringLiteral(
        "^(?:Parallel |Async |Partial |Finalize )*(?:(?:Seq|Sample|Index|Index Only|Bitmap Index|Bitmap "
        "Heap|Tid|"
        "Tid Range|Subquery|Function|Table Function|Values|CTE|Named Tuplestore|WorkTable|Foreign|Custom) "
        "Scan|"
        "(?:Hash|Merge)(?: \\w+)? Join|Nested Loop|Hash|Materialize|Memoize|(?:Incremental )?Sort|Group|"
        "(?:Hash|Group|Mixed)?Aggregate|WindowAgg|Unique|(?:Hash)?SetOp|LockRows|Limit|Result|ProjectSet|"
        "(?:Merge )?Append|Recursive Union|BitmapAnd|BitmapOr|Gather(?: "
        "Merge)?|(?:Insert|Update|Delete|Merge) on)"
        "(?: |$)"));
    return known.match(line.trimmed()).hasMatch();
}

bool hasFigures(const QRegularExpressionMatch& m) {
    return m.capturedLength(4) > 0 || m.capturedLength(10) > 0 || m.capturedLength(12) > 0;
}

// Identifiers as EXPLAIN writes them: quoted only where needed.
QStringList identifiers(const QString& text) {
    QStringList out;
    QString current;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                current += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                current += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(' ') || c == QLatin1Char('.')) {
            out << current;
            current.clear();
            if (c == QLatin1Char('.'))
                out << QStringLiteral(".");
        } else {
            current += c;
        }
    }
    out << current;
    out.removeAll(QString());
    return out;
}

// "on [schema.]name [alias]" into the JSON keys of the node's kind.
void readTarget(QJsonObject& o, const QString& nameKey, const QString& text) {
    const QStringList parts = identifiers(text);
    qsizetype i = 0;
    if (parts.size() >= 3 && parts[1] == QLatin1String(".")) {
        o.insert(QStringLiteral("Schema"), parts[0]);
        i = 2;
    }
    if (i < parts.size())
        o.insert(nameKey, parts[i++]);
    // EXPLAIN leaves out an alias that is the name; the JSON format always has it.
    if (i < parts.size())
        o.insert(QStringLiteral("Alias"), parts[i]);
    else if (nameKey != QLatin1String("Index Name") && nameKey != QLatin1String("Alias") && i > 0)
        o.insert(QStringLiteral("Alias"), parts[i - 1]);
}

void readDescription(QJsonObject& o, QString d) {
    const auto take = [&d](const QString& prefix) {
        if (!d.startsWith(prefix))
            return false;
        d = d.mid(prefix.size());
        return true;
    };
    if (take(QStringLiteral("Parallel ")))
        o.insert(QStringLiteral("Parallel Aware"), true);
    if (take(QStringLiteral("Async ")))
        o.insert(QStringLiteral("Async Capable"), true);
    if (take(QStringLiteral("Partial ")))
        o.insert(QStringLiteral("Partial Mode"), QStringLiteral("Partial"));
    else if (take(QStringLiteral("Finalize ")))
        o.insert(QStringLiteral("Partial Mode"), QStringLiteral("Finalize"));

    static const QRegularExpression join(QStringLiteral(
        "^(Hash|Merge|Nested Loop)(?: (Left|Right|Full|Semi|Anti|Right Semi|Right Anti))?(?: Join)?$"));
    static const QRegularExpression modify(QStringLiteral("^(Insert|Update|Delete|Merge) on (.*)$"));
    static const QRegularExpression setOp(QStringLiteral("^(HashSetOp|SetOp) (.*)$"));
    static const QRegularExpression custom(QStringLiteral("^Custom Scan \\((.*?)\\)(?: on (.*))?$"));
    if (const auto m = join.match(d); m.hasMatch() && d != QLatin1String("Hash")) {
        o.insert(QStringLiteral("Node Type"), m.captured(1) == QLatin1String("Nested Loop")
                                                  ? m.captured(1)
                                                  : m.captured(1) + QStringLiteral(" Join"));
        o.insert(QStringLiteral("Join Type"), m.capturedLength(2) ? m.captured(2) : QStringLiteral("Inner"));
        return;
    }
    if (const auto m = modify.match(d); m.hasMatch()) {
        o.insert(QStringLiteral("Node Type"), QStringLiteral("ModifyTable"));
        o.insert(QStringLiteral("Operation"), m.captured(1));
        readTarget(o, QStringLiteral("Relation Name"), m.captured(2));
        return;
    }
    if (const auto m = setOp.match(d); m.hasMatch()) {
        o.insert(QStringLiteral("Node Type"), QStringLiteral("SetOp"));
        o.insert(QStringLiteral("Strategy"), m.captured(1) == QLatin1String("HashSetOp")
                                                 ? QStringLiteral("Hashed")
                                                 : QStringLiteral("Sorted"));
        o.insert(QStringLiteral("Command"), m.captured(2));
        return;
    }
    if (const auto m = custom.match(d); m.hasMatch()) {
        o.insert(QStringLiteral("Node Type"), QStringLiteral("Custom Scan"));
        o.insert(QStringLiteral("Custom Plan Provider"), m.captured(1));
        if (m.capturedLength(2))
            readTarget(o, QStringLiteral("Relation Name"), m.captured(2));
        return;
    }
    static const QList<QPair<QString, QString>> aggregates = {
        {QStringLiteral("HashAggregate"), QStringLiteral("Hashed")},
        {QStringLiteral("GroupAggregate"), QStringLiteral("Sorted")},
        {QStringLiteral("MixedAggregate"), QStringLiteral("Mixed")},
        {QStringLiteral("Aggregate"), QStringLiteral("Plain")}};
    for (const auto& [name, strategy] : aggregates) {
        if (d == name) {
            o.insert(QStringLiteral("Node Type"), QStringLiteral("Aggregate"));
            o.insert(QStringLiteral("Strategy"), strategy);
            return;
        }
    }
    // "<type>[ Backward][ using index][ on target]"
    QString type = d, rest;
    const qsizetype using_ = d.indexOf(QLatin1String(" using "));
    const qsizetype on = d.indexOf(QLatin1String(" on "));
    const qsizetype cut = using_ >= 0 ? using_ : on;
    if (cut >= 0) {
        type = d.left(cut);
        rest = d.mid(cut);
    }
    if (type.endsWith(QLatin1String(" Backward"))) {
        type.chop(9);
        o.insert(QStringLiteral("Scan Direction"), QStringLiteral("Backward"));
    } else if (type.startsWith(QLatin1String("Index"))) {
        o.insert(QStringLiteral("Scan Direction"), QStringLiteral("Forward"));
    }
    o.insert(QStringLiteral("Node Type"), type);
    if (rest.startsWith(QLatin1String(" using "))) {
        rest = rest.mid(7);
        const qsizetype onIndex = rest.indexOf(QLatin1String(" on "));
        o.insert(QStringLiteral("Index Name"),
                 identifiers(onIndex >= 0 ? rest.left(onIndex) : rest).value(0));
        rest = onIndex >= 0 ? rest.mid(onIndex) : QString();
    }
    if (!rest.startsWith(QLatin1String(" on ")))
        return;
    rest = rest.mid(4);
    QString key = QStringLiteral("Relation Name");
    if (type == QLatin1String("Bitmap Index Scan"))
        key = QStringLiteral("Index Name");
    else if (type == QLatin1String("CTE Scan") || type == QLatin1String("WorkTable Scan"))
        key = QStringLiteral("CTE Name");
    else if (type == QLatin1String("Function Scan"))
        key = QStringLiteral("Function Name");
    else if (type == QLatin1String("Table Function Scan"))
        key = QStringLiteral("Table Function Name");
    else if (type == QLatin1String("Named Tuplestore Scan"))
        key = QStringLiteral("Tuplestore Name");
    else if (type == QLatin1String("Subquery Scan") || type == QLatin1String("Values Scan"))
        key = QStringLiteral("Alias");
    readTarget(o, key, rest);
}

QJsonValue numberOrText(const QString& value) {
    bool ok = false;
    const double n = value.toDouble(&ok);
    return ok ? QJsonValue(n) : QJsonValue(value);
}

// Splits "a, f(b, c), d" at the commas outside parentheses and quotes.
QJsonArray listValue(const QString& text) {
    QJsonArray out;
    int depth = 0;
    bool quoted = false;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == QLatin1Char('\'') || c == QLatin1Char('"'))
            quoted = !quoted;
        else if (!quoted && c == QLatin1Char('('))
            ++depth;
        else if (!quoted && c == QLatin1Char(')'))
            --depth;
        else if (!quoted && depth == 0 && c == QLatin1Char(',') && i + 1 < text.size() &&
                 text[i + 1] == QLatin1Char(' ')) {
            out.append(text.mid(start, i - start));
            start = i + 2;
        }
    }
    out.append(text.mid(start));
    return out;
}

// "shared hit=2 read=3, temp read=1 written=1" and "I/O Timings: read=0.1 write=0.2".
void readCounters(QJsonObject& o, const QString& key, const QString& value) {
    if (key == QLatin1String("I/O Timings")) {
        static const QRegularExpression timing(
            QStringLiteral("(?:(shared|local|temp) )?(read|write)=([\\d.]+)"));
        for (auto it = timing.globalMatch(value); it.hasNext();) {
            const auto m = it.next();
            if (m.captured(1).isEmpty() || m.captured(1) == QLatin1String("shared"))
                o.insert(m.captured(2) == QLatin1String("read") ? QStringLiteral("I/O Read Time")
                                                                : QStringLiteral("I/O Write Time"),
                         m.captured(3).toDouble());
        }
        return;
    }
    for (const QString& group : value.split(QStringLiteral(", "))) {
        const QStringList words = group.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (words.isEmpty())
            continue;
        QString kind = words[0];
        kind[0] = kind[0].toUpper();
        for (qsizetype i = 1; i < words.size(); ++i) {
            const qsizetype eq = words[i].indexOf(QLatin1Char('='));
            if (eq < 0)
                continue;
            QString what = words[i].left(eq);
            what[0] = what[0].toUpper();
            o.insert(QStringLiteral("%1 %2 Blocks").arg(kind, what), words[i].mid(eq + 1).toDouble());
        }
    }
}

// One property line of a node: "Key: value", with the lines EXPLAIN writes several figures on.
void readProperty(QJsonObject& o, const QString& line) {
    const qsizetype colon = line.indexOf(QLatin1String(": "));
    if (colon < 0)
        return;
    const QString key = line.left(colon);
    const QString value = line.mid(colon + 2);
    static const QRegularExpression worker(QStringLiteral("^Worker \\d+$"));
    if (worker.match(key).hasMatch())
        return; // per worker: the node's own line has the totals
    if (key == QLatin1String("Buffers") || key == QLatin1String("I/O Timings")) {
        readCounters(o, key, value);
        return;
    }
    if (key == QLatin1String("Sort Method")) { // "quicksort  Memory: 25kB", "external merge  Disk: 1234kB"
        static const QRegularExpression sort(QStringLiteral("^(.*?)  (Memory|Disk): (\\d+)kB$"));
        if (const auto m = sort.match(value); m.hasMatch()) {
            o.insert(key, m.captured(1));
            o.insert(QStringLiteral("Sort Space Type"), m.captured(2));
            o.insert(QStringLiteral("Sort Space Used"), m.captured(3).toDouble());
        } else {
            o.insert(key, value);
        }
        return;
    }
    static const QStringList lists = {QStringLiteral("Sort Key"), QStringLiteral("Group Key"),
                                      QStringLiteral("Presorted Key"), QStringLiteral("Output"),
                                      QStringLiteral("Hash Key")};
    if (lists.contains(key)) {
        o.insert(key, listValue(value));
        return;
    }
    // "Buckets: 1024 (originally 512)  Batches: 2 (originally 1)  Memory Usage: 9kB  Disk Usage: 10kB"
    if (key == QLatin1String("Buckets") || key == QLatin1String("Batches")) {
        const bool aggregate = o.value(QLatin1String("Node Type")).toString() == QLatin1String("Aggregate");
        static const QRegularExpression figure(QStringLiteral(
            "(Buckets|Batches|Memory Usage|Disk Usage): (\\d+)(?:kB)?(?: \\(originally (\\d+)\\))?"));
        for (auto it = figure.globalMatch(line); it.hasNext();) {
            const auto m = it.next();
            QString name = m.captured(1);
            if (name == QLatin1String("Memory Usage"))
                name = QStringLiteral("Peak Memory Usage");
            else if (name != QLatin1String("Disk Usage"))
                name = (aggregate ? QStringLiteral("HashAgg ") : QStringLiteral("Hash ")) + name;
            o.insert(name, m.captured(2).toDouble());
            if (m.capturedLength(3))
                o.insert(QStringLiteral("Original ") + name, m.captured(3).toDouble());
        }
        return;
    }
    o.insert(key, numberOrText(value));
}

QJsonObject build(QList<TextNode>& nodes, int id) {
    // Bottom-up without recursion: children are later in pre-order, so reverse order finishes them first.
    for (qsizetype i = nodes.size() - 1; i >= id; --i) {
        if (nodes[i].children.isEmpty())
            continue;
        QJsonArray plans;
        for (int child : std::as_const(nodes[i].children))
            plans.append(nodes[child].object);
        nodes[i].object.insert(QStringLiteral("Plans"), plans);
    }
    return nodes[id].object;
}

} // namespace

std::optional<QByteArray> textPlanToJson(const QByteArray& text) {
    QStringList lines = QString::fromUtf8(text).split(QLatin1Char('\n'));
    for (QString& line : lines) {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        if (line.startsWith(QLatin1Char('\t')))
            line.remove(0, 1); // a log's continuation lines start with a tab; EXPLAIN indents with spaces
    }
    QJsonObject top;
    qsizetype i = 0;
    // Before the plan: auto_explain's "duration: … plan:" and its "Query Text:" (which may run over lines).
    qsizetype root = -1;
    bool queryText = false;
    QString query;
    int margin = 0;
    for (; i < lines.size(); ++i) {
        const QString trimmed = lines[i].trimmed();
        if (!queryText && trimmed.startsWith(QLatin1String("Query Text: "))) {
            queryText = true;
            query = trimmed.mid(12);
            continue;
        }
        const auto m = nodeLine().match(lines[i]);
        if (m.hasMatch() && !m.capturedLength(2) && hasFigures(m) && !trimmed.isEmpty()) {
            root = i;
            break;
        }
        if (queryText)
            query += QLatin1Char('\n') + lines[i];
        else if (!trimmed.isEmpty() && !trimmed.startsWith(QLatin1String("duration: ")) && root < 0 &&
                 !trimmed.contains(QLatin1String(" plan:"))) {
            // A plan without figures (COSTS OFF): its first line is the root.
            const auto bare = nodeLine().match(lines[i]);
            if (bare.hasMatch() && !bare.capturedLength(2) && namesNode(trimmed)) {
                root = i;
                break;
            }
        }
    }
    if (root < 0)
        return std::nullopt;
    if (queryText)
        top.insert(QStringLiteral("Query Text"), query.trimmed());
    margin = int(lines[root].size() - lines[root].trimmed().size());

    QList<TextNode> nodes;
    QList<int> stack; // open nodes, innermost last
    QJsonArray triggers;
    bool treeDone = false;
    const auto propColumn = [&nodes](int id) { return nodes[id].textColumn + 2; };
    for (i = root; i < lines.size(); ++i) {
        const QString& raw = lines[i];
        if (raw.trimmed().isEmpty())
            continue;
        const int column = int(raw.size() - raw.trimmed().size()) - margin;
        const QString body = raw.trimmed();
        if (column <= 0 && !nodes.isEmpty())
            treeDone = true; // "Planning Time:", "Execution Time:", "Trigger …:", "JIT:", "Settings:"
        if (treeDone) {
            if (column > 0)
                continue; // the lines of a "Planning:" or "JIT:" block
            static const QRegularExpression trigger(
                QStringLiteral("^Trigger (.*): time=([\\d.]+) calls=(\\d+)$"));
            if (const auto t = trigger.match(body); t.hasMatch()) {
                triggers.append(QJsonObject{{QStringLiteral("Trigger Name"), t.captured(1)},
                                            {QStringLiteral("Time"), t.captured(2).toDouble()},
                                            {QStringLiteral("Calls"), t.captured(3).toDouble()}});
            } else if (body.startsWith(QLatin1String("Planning Time: ")) ||
                       body.startsWith(QLatin1String("Execution Time: "))) {
                const qsizetype colon = body.indexOf(QLatin1Char(':'));
                top.insert(body.left(colon), body.mid(colon + 2).section(QLatin1Char(' '), 0, 0).toDouble());
            } else if (body.startsWith(QLatin1String("Settings: "))) {
                QJsonObject settings;
                for (const QJsonValue& s : listValue(body.mid(10))) {
                    const QString setting = s.toString();
                    const qsizetype eq = setting.indexOf(QLatin1String(" = "));
                    if (eq > 0) {
                        QString v = setting.mid(eq + 3);
                        if (v.size() >= 2 && v.startsWith(QLatin1Char('\'')) && v.endsWith(QLatin1Char('\'')))
                            v = v.mid(1, v.size() - 2).replace(QLatin1String("''"), QLatin1String("'"));
                        settings.insert(setting.left(eq), v);
                    }
                }
                top.insert(QStringLiteral("Settings"), settings);
            }
            continue;
        }
        const auto m = nodeLine().match(raw.mid(margin));
        const bool arrow = m.hasMatch() && m.capturedLength(2) > 0;
        if (nodes.isEmpty() || arrow) {
            TextNode node;
            node.textColumn = column + (arrow ? 4 : 0);
            while (!stack.isEmpty() && propColumn(stack.last()) > column)
                stack.removeLast();
            if (!nodes.isEmpty()) {
                if (stack.isEmpty())
                    return std::nullopt; // an arrow left of the root: not a plan as EXPLAIN writes it
                node.parent = stack.last();
                TextNode& parent = nodes[node.parent];
                if (!parent.pendingHeader.isEmpty() && propColumn(node.parent) + 2 == column) {
                    const QString header = parent.pendingHeader;
                    node.object.insert(QStringLiteral("Parent Relationship"),
                                       header.startsWith(QLatin1String("SubPlan"))
                                           ? QStringLiteral("SubPlan")
                                           : QStringLiteral("InitPlan"));
                    node.object.insert(QStringLiteral("Subplan Name"), header);
                    parent.pendingHeader.clear();
                } else {
                    const QString type = parent.object.value(QLatin1String("Node Type")).toString();
                    const int ordinal =
                        int(std::count_if(parent.children.cbegin(), parent.children.cend(), [&](int c) {
                            const QString r =
                                nodes[c].object.value(QLatin1String("Parent Relationship")).toString();
                            return r != QLatin1String("SubPlan") && r != QLatin1String("InitPlan");
                        }));
                    QString relationship = ordinal == 0 ? QStringLiteral("Outer") : QStringLiteral("Inner");
                    if (type == QLatin1String("Append") || type == QLatin1String("Merge Append") ||
                        type == QLatin1String("BitmapAnd") || type == QLatin1String("BitmapOr") ||
                        type == QLatin1String("ModifyTable"))
                        relationship = QStringLiteral("Member");
                    else if (type == QLatin1String("Subquery Scan"))
                        relationship = QStringLiteral("Subquery");
                    node.object.insert(QStringLiteral("Parent Relationship"), relationship);
                }
            }
            if (stack.size() >= kMaxTextDepth)
                throwConfigurationError(
                    QStringLiteral("plan"),
                    QStringLiteral("the text plan nests more than %L1 nodes one below the "
                                   "other: too deep to read")
                        .arg(kMaxTextDepth));
            readDescription(node.object, m.captured(3));
            if (m.capturedLength(4)) {
                node.object.insert(QStringLiteral("Startup Cost"), m.captured(4).toDouble());
                node.object.insert(QStringLiteral("Total Cost"), m.captured(5).toDouble());
                node.object.insert(QStringLiteral("Plan Rows"), m.captured(6).toDouble());
                node.object.insert(QStringLiteral("Plan Width"), m.captured(7).toDouble());
            }
            if (m.capturedLength(8)) {
                node.object.insert(QStringLiteral("Actual Startup Time"), m.captured(8).toDouble());
                node.object.insert(QStringLiteral("Actual Total Time"), m.captured(9).toDouble());
            }
            if (m.capturedLength(10)) {
                node.object.insert(QStringLiteral("Actual Rows"), m.captured(10).toDouble());
                node.object.insert(QStringLiteral("Actual Loops"), m.captured(11).toDouble());
            }
            if (m.capturedLength(12)) {
                node.object.insert(QStringLiteral("Actual Rows"), 0);
                node.object.insert(QStringLiteral("Actual Loops"), 0);
            }
            const int id = int(nodes.size());
            if (node.parent >= 0)
                nodes[node.parent].children << id;
            nodes << node;
            stack << id;
            continue;
        }
        while (!stack.isEmpty() && propColumn(stack.last()) > column)
            stack.removeLast();
        if (stack.isEmpty())
            continue;
        TextNode& owner = nodes[stack.last()];
        static const QRegularExpression header(QStringLiteral("^(SubPlan \\d+|InitPlan \\d+.*|CTE .+)$"));
        if (header.match(body).hasMatch() && !body.contains(QLatin1String(": ")))
            owner.pendingHeader = body;
        else
            readProperty(owner.object, body);
    }
    // A plan with times elsewhere gives a node that never ran times of 0, as the JSON format does.
    const bool timed = std::any_of(nodes.cbegin(), nodes.cend(), [](const TextNode& n) {
        return n.object.contains(QLatin1String("Actual Total Time"));
    });
    if (timed)
        for (TextNode& n : nodes)
            if (n.object.contains(QLatin1String("Actual Loops")) &&
                !n.object.contains(QLatin1String("Actual Total Time"))) {
                n.object.insert(QStringLiteral("Actual Startup Time"), 0);
                n.object.insert(QStringLiteral("Actual Total Time"), 0);
            }
    if (!triggers.isEmpty())
        top.insert(QStringLiteral("Triggers"), triggers);
    top.insert(QStringLiteral("Plan"), build(nodes, 0));
    return QJsonDocument(QJsonArray{top}).toJson(QJsonDocument::Compact);
}

} // namespace pgdesk::core
