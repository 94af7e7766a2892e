// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/diagram/erdformat.h>

namespace pgdesk::core {

namespace {

// Mermaid's attribute type and name tokens: [A-Za-z_][A-Za-z0-9_\-()[\]]* (ASCII). Anything else becomes _.
QString mermaidToken(const QString& text) {
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const bool ascii = c.unicode() < 128;
        const bool ok = ascii && (c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-') ||
                                  c == QLatin1Char('(') || c == QLatin1Char(')') || c == QLatin1Char('[') ||
                                  c == QLatin1Char(']'));
        out += ok ? c : QLatin1Char('_');
    }
    if (out.isEmpty() || !(out[0].isLetter() || out[0] == QLatin1Char('_')))
        out.prepend(QLatin1Char('_'));
    return out;
}

// Text inside a Mermaid double-quoted string: a quote as #quot;, # as #35; (so an entity code in a name
// stays text), line breaks and other controls as spaces.
QString mermaidString(const QString& text) {
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == QLatin1Char('"'))
            out += QStringLiteral("#quot;");
        else if (c == QLatin1Char('#'))
            out += QStringLiteral("#35;");
        else if (c.category() == QChar::Other_Control || c == QChar::LineSeparator ||
                 c == QChar::ParagraphSeparator)
            out += QLatin1Char(' ');
        else
            out += c;
    }
    return out;
}

QString xml(const QString& text) {
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '&':
            out += QStringLiteral("&amp;");
            break;
        case '<':
            out += QStringLiteral("&lt;");
            break;
        case '>':
            out += QStringLiteral("&gt;");
            break;
        case '"':
            out += QStringLiteral("&quot;");
            break;
        case '\n':
        case '\r':
            out += QChar(0x21b5);
            break; // ↵: a break would be lost as whitespace anyway
        default:
            if (c.category() == QChar::Other_Control)
                out += QLatin1Char(' ');
            else
                out += c;
        }
    }
    return out;
}

// A DOT double-quoted string: quotes and backslashes escaped, line breaks as spaces.
QString dotString(const QString& text) {
    QString out = QStringLiteral("\"");
    for (const QChar c : text) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        out += c.category() == QChar::Other_Control ? QChar(QLatin1Char(' ')) : c;
    }
    return out + QLatin1Char('"');
}

QString keyMarks(const ErdColumn& c) {
    QStringList marks;
    if (c.primaryKey)
        marks << QStringLiteral("PK");
    if (c.foreignKey)
        marks << QStringLiteral("FK");
    return marks.join(QStringLiteral(", "));
}

// The key is part of the referencing table's primary key: the child cannot exist apart (identifying).
bool identifying(const ErdGraph& g, const ErdEdge& e) {
    const ErdTable& t = g.tables[e.from];
    for (const QString& name : e.fromColumns) {
        const auto it = std::find_if(t.columns.begin(), t.columns.end(),
                                     [&](const ErdColumn& c) { return c.name == name; });
        if (it == t.columns.end() || !it->primaryKey)
            return false;
    }
    return !e.fromColumns.isEmpty();
}

int columnIndex(const ErdTable& t, const QString& name) {
    for (int i = 0; i < t.columns.size(); ++i) {
        if (t.columns[i].name == name)
            return i;
    }
    return -1;
}

} // namespace

QString erdToMermaid(const ErdGraph& graph) {
    QString out = QStringLiteral("erDiagram\n");
    for (int i = 0; i < graph.tables.size(); ++i) {
        const ErdTable& t = graph.tables[i];
        out += QStringLiteral("    t%1[\"%2\"] {\n").arg(i).arg(mermaidString(t.qualifiedName()));
        for (const ErdColumn& c : t.columns) {
            const QString name = mermaidToken(c.name);
            out += QStringLiteral("        %1 %2").arg(mermaidToken(c.type), name);
            if (const QString marks = keyMarks(c); !marks.isEmpty())
                out += QLatin1Char(' ') + marks;
            if (name != c.name)
                out += QStringLiteral(" \"%1\"").arg(mermaidString(c.name));
            out += QLatin1Char('\n');
        }
        out += QStringLiteral("    }\n");
    }
    for (const ErdEdge& e : graph.edges) {
        const QString child = e.oneToOne ? QStringLiteral("|o") : QStringLiteral("}o");
        const QString parent = e.required ? QStringLiteral("||") : QStringLiteral("o|");
        const QString line = identifying(graph, e) ? QStringLiteral("--") : QStringLiteral("..");
        out += QStringLiteral("    t%1 %2%3%4 t%5 : \"%6\"\n")
                   .arg(e.from)
                   .arg(child, line, parent)
                   .arg(e.to)
                   .arg(mermaidString(e.name));
    }
    return out;
}

QString erdToDot(const ErdGraph& graph, bool collapsed) {
    QString out =
        QStringLiteral("digraph erd {\n"
                       "  graph [rankdir=LR, overlap=false, splines=true, nodesep=0.4, ranksep=1.2];\n"
                       "  node [shape=plain, fontname=\"sans-serif\", fontsize=10];\n"
                       "  edge [dir=both, color=\"#5b6b80\"];\n");
    for (int i = 0; i < graph.tables.size(); ++i) {
        const ErdTable& t = graph.tables[i];
        out +=
            QStringLiteral("  t%1 [label=<<table border=\"0\" cellborder=\"1\" cellspacing=\"0\" "
                           "cellpadding=\"3\"><tr><td bgcolor=\"#dde5f0\" port=\"name\"><b>%2</b></td></tr>")
                .arg(i)
                .arg(xml(t.qualifiedName()));
        for (int c = 0; !collapsed && c < t.columns.size(); ++c) {
            const ErdColumn& col = t.columns[c];
            QString text = xml(col.name) + QLatin1Char(' ') + xml(col.type);
            if (!col.notNull)
                text += QLatin1Char('?');
            if (const QString marks = keyMarks(col); !marks.isEmpty())
                text += QLatin1Char(' ') + marks;
            out += QStringLiteral("<tr><td port=\"c%1\" align=\"left\">%2</td></tr>").arg(c).arg(text);
        }
        out += QStringLiteral("</table>>];\n");
    }
    for (const ErdEdge& e : graph.edges) {
        const ErdTable& from = graph.tables[e.from];
        const ErdTable& to = graph.tables[e.to];
        const int fromPort = e.fromColumns.isEmpty() ? -1 : columnIndex(from, e.fromColumns.first());
        const int toPort = e.toColumns.isEmpty() ? -1 : columnIndex(to, e.toColumns.first());
        const auto end = [collapsed](int node, int port) {
            return collapsed || port < 0 ? QStringLiteral("t%1:name").arg(node)
                                         : QStringLiteral("t%1:c%2").arg(node).arg(port);
        };
        out += QStringLiteral("  %1 -> %2 [arrowtail=%3, arrowhead=%4, tooltip=%5];\n")
                   .arg(end(e.from, fromPort), end(e.to, toPort),
                        e.oneToOne ? QStringLiteral("teeodot") : QStringLiteral("crowodot"),
                        e.required ? QStringLiteral("teetee") : QStringLiteral("teeodot"), dotString(e.name));
    }
    out += QStringLiteral("}\n");
    return out;
}

} // namespace pgdesk::core
