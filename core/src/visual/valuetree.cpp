// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/visual/valuetree.h>

#include <pgdesk/core/base/jsontext.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/sqlquote.h>

#include <algorithm>
#include <string>

namespace pgdesk::core {

namespace {

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

ValueTree::Kind kindOf(json::Type type) {
    switch (type) {
    case json::Type::Object:
        return ValueTree::Kind::Object;
    case json::Type::Array:
        return ValueTree::Kind::Array;
    case json::Type::String:
        return ValueTree::Kind::String;
    case json::Type::Number:
        return ValueTree::Kind::Number;
    case json::Type::Bool:
        return ValueTree::Kind::Boolean;
    case json::Type::Null:
    case json::Type::Missing:
        break;
    }
    return ValueTree::Kind::Null;
}

bool isContainer(ValueTree::Kind kind) {
    return kind == ValueTree::Kind::Object || kind == ValueTree::Kind::Array;
}

// A text[] element: quoted when array_in would otherwise split, trim or null it.
QString arrayElement(const QString& text) {
    bool quote = text.isEmpty() || text.compare(QLatin1String("NULL"), Qt::CaseInsensitive) == 0;
    for (const QChar c : text) {
        if (c == u',' || c == u'{' || c == u'}' || c == u'"' || c == u'\\' || c == u' ' || c == u'\t' ||
            c == u'\n' || c == u'\r' || c == u'\v' || c == u'\f') {
            quote = true;
            break;
        }
    }
    if (!quote)
        return text;
    QString out = QStringLiteral("\"");
    for (const QChar c : text) {
        if (c == u'"' || c == u'\\')
            out += u'\\';
        out += c;
    }
    return out + u'"';
}

QString jsonPathString(const QString& text) {
    QString out = QStringLiteral("\"");
    for (const QChar c : text) {
        if (c == u'"' || c == u'\\') {
            out += u'\\';
            out += c;
        } else if (c.unicode() < 0x20) {
            out += QStringLiteral("\\u%1").arg(int(c.unicode()), 4, 16, QLatin1Char('0'));
        } else {
            out += c;
        }
    }
    return out + u'"';
}

} // namespace

ValueTree::ValueTree()
    : m_json("null") {
    Node root;
    root.end = m_json.size();
    root.childCount = 0;
    m_nodes.push_back(root);
}

ValueTree ValueTree::fromJson(QByteArray utf8) {
    try {
        json::validate(utf8);
    } catch (const ConfigurationError& e) {
        throwError(ErrorKind::Data, e.message());
    }
    ValueTree tree;
    tree.m_json = std::move(utf8);
    json::Reader reader(tree.m_json);
    Node& root = tree.m_nodes.front();
    root.kind = kindOf(reader.type());
    root.begin = reader.offset();
    reader.skip();
    root.end = reader.offset();
    root.childCount = isContainer(root.kind) ? -1 : 0;
    return tree;
}

QByteArray ValueTree::jsonString(const QString& text) {
    const QByteArray utf8 = text.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out += '"';
    for (const char c : utf8) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                out += "\\u00";
                out += "0123456789abcdef"[(c >> 4) & 0xF];
                out += "0123456789abcdef"[c & 0xF];
            } else {
                out += c;
            }
        }
    }
    out += '"';
    return out;
}

void ValueTree::check(int node) const {
    if (node < 0 || node >= int(m_nodes.size()))
        throwError(ErrorKind::Data, QStringLiteral("no value node %1").arg(node));
}

void ValueTree::checkJson(const char* what) const {
    if (m_source != Source::Json)
        throwError(ErrorKind::Data, QStringLiteral("only JSON values can be %1").arg(QLatin1String(what)));
}

// Indexes the children of a JSON container by skipping through its bytes: nothing below them is read.
void ValueTree::index(int node) const {
    if (m_nodes[size_t(node)].childCount >= 0)
        return;
    const Node parentNode = m_nodes[size_t(node)];
    const int first = int(m_nodes.size());
    json::Reader reader(m_json);
    reader.seek(parentNode.begin);
    const bool object = parentNode.kind == Kind::Object;
    int count = 0;
    std::string key;
    const char* text = m_json.constData();
    for (;;) {
        Node c;
        if (object) {
            qsizetype at = reader.offset();
            if (count == 0) {
                reader.beginObject();
                at = reader.offset();
            }
            if (!reader.nextMember(&key))
                break;
            // nextMember steps over the comma and the key: find the key's quote again.
            while (text[at] != '"')
                ++at;
            c.keyBegin = at;
        } else {
            if (count == 0)
                reader.beginArray();
            if (!reader.nextElement())
                break;
            c.index = true;
        }
        c.kind = kindOf(reader.type());
        c.begin = reader.offset();
        reader.skip();
        c.end = reader.offset();
        c.parent = node;
        c.row = count++;
        c.childCount = isContainer(c.kind) ? -1 : 0;
        m_nodes.push_back(c);
    }
    Node& n = m_nodes[size_t(node)];
    n.firstChild = count > 0 ? first : -1;
    n.childCount = count;
    n.size = count;
}

int ValueTree::childCount(int node) const {
    check(node);
    index(node);
    return m_nodes[size_t(node)].childCount;
}

int ValueTree::child(int node, int i) const {
    check(node);
    index(node);
    const Node& n = m_nodes[size_t(node)];
    if (i < 0 || i >= n.childCount)
        throwError(ErrorKind::Data, QStringLiteral("value node %1 has no child %2").arg(node).arg(i));
    return n.firstChild + i;
}

bool ValueTree::hasChildren(int node) const {
    check(node);
    const Node& n = m_nodes[size_t(node)];
    if (n.childCount >= 0)
        return n.childCount > 0;
    qsizetype at = n.begin + 1;
    while (isSpace(m_json[at]))
        ++at;
    return m_json[at] != '}' && m_json[at] != ']';
}

int ValueTree::size(int node) const {
    check(node);
    Node& n = m_nodes[size_t(node)];
    if (n.size >= 0)
        return n.size;
    json::Reader reader(m_json);
    reader.seek(n.begin);
    int count = 0;
    if (n.kind == Kind::Object) {
        std::string key;
        reader.beginObject();
        while (reader.nextMember(&key)) {
            reader.skip();
            ++count;
        }
    } else {
        reader.beginArray();
        while (reader.nextElement()) {
            reader.skip();
            ++count;
        }
    }
    n.size = count;
    return count;
}

int ValueTree::parent(int node) const {
    check(node);
    return m_nodes[size_t(node)].parent;
}

int ValueTree::row(int node) const {
    check(node);
    return m_nodes[size_t(node)].row;
}

QString ValueTree::key(int node) const {
    check(node);
    const Node& n = m_nodes[size_t(node)];
    if (m_source != Source::Json)
        return m_keys[size_t(node)];
    if (n.parent < 0)
        return {};
    if (n.index)
        return QString::number(n.row);
    json::Reader reader(m_json);
    reader.seek(n.keyBegin);
    return reader.string();
}

bool ValueTree::isIndex(int node) const {
    check(node);
    return m_nodes[size_t(node)].index;
}

ValueTree::Kind ValueTree::kind(int node) const {
    check(node);
    return m_nodes[size_t(node)].kind;
}

QString ValueTree::typeName(int node) const {
    switch (kind(node)) {
    case Kind::Object:
        return QStringLiteral("object");
    case Kind::Array:
        return QStringLiteral("array");
    case Kind::String:
        return QStringLiteral("string");
    case Kind::Number:
        return QStringLiteral("number");
    case Kind::Boolean:
        return QStringLiteral("boolean");
    case Kind::Null:
        return QStringLiteral("null");
    case Kind::Text:
        break;
    }
    return QStringLiteral("text");
}

QString ValueTree::displayText(int node) const {
    check(node);
    const Node& n = m_nodes[size_t(node)];
    switch (n.kind) {
    case Kind::Object:
        return QStringLiteral("{%1}").arg(size(node));
    case Kind::Array:
        return QStringLiteral("[%1]").arg(size(node));
    case Kind::Null:
        return m_source == Source::Json ? QStringLiteral("null") : QStringLiteral("NULL");
    case Kind::Text:
        return m_texts[size_t(node)];
    case Kind::String: {
        json::Reader reader(m_json);
        reader.seek(n.begin);
        return reader.string();
    }
    case Kind::Number:
    case Kind::Boolean:
        break;
    }
    return QString::fromUtf8(m_json.constData() + n.begin, n.end - n.begin);
}

QByteArray ValueTree::rawJson(int node) const {
    check(node);
    if (m_source != Source::Json)
        return {};
    const Node& n = m_nodes[size_t(node)];
    return m_json.mid(n.begin, n.end - n.begin);
}

QList<ValueTree::PathStep> ValueTree::pathSteps(int node) const {
    check(node);
    QList<PathStep> steps;
    for (int at = node; m_nodes[size_t(at)].parent >= 0; at = m_nodes[size_t(at)].parent) {
        const Node& n = m_nodes[size_t(at)];
        steps.prepend(PathStep{n.index, key(at), n.row});
    }
    return steps;
}

QString ValueTree::arrowPath(int node) const {
    if (m_source != Source::Json)
        return {};
    QString out;
    for (const PathStep& s : pathSteps(node))
        out += QLatin1String("->") + (s.index ? QString::number(s.position) : stringLiteral(s.key));
    return out;
}

QString ValueTree::textArray(int node) const {
    if (m_source != Source::Json)
        return {};
    QStringList elements;
    for (const PathStep& s : pathSteps(node))
        elements << (s.index ? QString::number(s.position) : arrayElement(s.key));
    return QLatin1Char('{') + elements.join(QLatin1Char(',')) + QLatin1Char('}');
}

QString ValueTree::textArrayPath(int node) const {
    if (m_source != Source::Json)
        return {};
    return QLatin1String("#>") + stringLiteral(textArray(node));
}

QString ValueTree::jsonPath(int node) const {
    if (m_source != Source::Json)
        return {};
    QString out = QStringLiteral("$");
    for (const PathStep& s : pathSteps(node))
        out += s.index ? QStringLiteral("[%1]").arg(s.position) : QLatin1Char('.') + jsonPathString(s.key);
    return out;
}

// ---- search

// The node whose value starts at `offset`, indexing the containers on the way down from the root.
int ValueTree::nodeAt(qsizetype offset) const {
    int node = kRoot;
    while (m_nodes[size_t(node)].begin != offset) {
        index(node);
        const Node& n = m_nodes[size_t(node)];
        const auto first = m_nodes.begin() + n.firstChild;
        const auto last = first + n.childCount;
        // Children are in document order: the last one starting at or before offset holds it.
        const auto it =
            std::upper_bound(first, last, offset, [](qsizetype o, const Node& c) { return o < c.begin; });
        Q_ASSERT(it != first);
        node = int(it - m_nodes.begin()) - 1;
    }
    return node;
}

int ValueTree::find(const QString& needle, int from, FindIn in) const {
    if (from != -1)
        check(from);
    if (needle.isEmpty())
        return -1;
    if (m_source != Source::Json)
        return findInText(needle, from, in);
    const bool keys = int(in) & int(FindIn::Keys);
    const bool values = int(in) & int(FindIn::Values);
    const auto contains = [&](const QString& text) { return text.contains(needle, Qt::CaseInsensitive); };

    // A walk of the text from `from` on: the open containers (true: an object) are from's ancestors.
    std::vector<bool> open;
    json::Reader reader(m_json);
    std::string key;
    const auto enter = [&](json::Type type) {
        open.push_back(type == json::Type::Object);
        if (type == json::Type::Object)
            reader.beginObject();
        else
            reader.beginArray();
    };
    // Tests the value at the cursor (after its key matched or not): its offset when it matches, else
    // steps into or over it and returns -1.
    const auto visit = [&](bool keyMatched) -> qsizetype {
        const json::Type type = reader.type();
        const qsizetype at = reader.offset();
        if (keyMatched)
            return at;
        switch (type) {
        case json::Type::Object:
        case json::Type::Array:
            enter(type);
            return -1;
        case json::Type::String:
            if (!values) {
                reader.skip();
                return -1;
            }
            if (contains(reader.string()))
                return at;
            return -1;
        default:
            if (values) {
                const qsizetype before = reader.offset();
                reader.skip();
                const QString text =
                    QString::fromLatin1(m_json.constData() + before, reader.offset() - before);
                if (contains(text))
                    return at;
            } else {
                reader.skip();
            }
            return -1;
        }
    };

    qsizetype found = -1;
    if (from == -1) {
        reader.seek(m_nodes.front().begin);
        found = visit(false);
    } else {
        for (int at = m_nodes[size_t(from)].parent; at >= 0; at = m_nodes[size_t(at)].parent)
            open.push_back(m_nodes[size_t(at)].kind == Kind::Object);
        std::reverse(open.begin(), open.end());
        const Node& n = m_nodes[size_t(from)];
        reader.seek(n.begin);
        if (isContainer(n.kind))
            enter(reader.type());
        else
            reader.skip();
    }
    while (found < 0 && !open.empty()) {
        bool keyMatched = false;
        if (open.back()) {
            if (!reader.nextMember(&key)) {
                open.pop_back();
                continue;
            }
            keyMatched = keys && contains(QString::fromUtf8(key.data(), qsizetype(key.size())));
        } else if (!reader.nextElement()) {
            open.pop_back();
            continue;
        }
        found = visit(keyMatched);
    }
    return found < 0 ? -1 : nodeAt(found);
}

int ValueTree::findInText(const QString& needle, int from, FindIn in) const {
    const bool keys = int(in) & int(FindIn::Keys);
    const bool values = int(in) & int(FindIn::Values);
    // Preorder from `from`: its first child, else the next sibling of it or of its nearest ancestor.
    const auto next = [&](int node) {
        if (node < 0)
            return kRoot;
        if (childCount(node) > 0)
            return child(node, 0);
        for (int at = node; at > kRoot; at = m_nodes[size_t(at)].parent) {
            const Node& n = m_nodes[size_t(at)];
            if (n.row + 1 < m_nodes[size_t(n.parent)].childCount)
                return at + 1;
        }
        return -1;
    };
    for (int node = next(from); node >= 0; node = next(node)) {
        const Node& n = m_nodes[size_t(node)];
        if (keys && !n.index && node != kRoot && key(node).contains(needle, Qt::CaseInsensitive))
            return node;
        if (values && !isContainer(n.kind) && displayText(node).contains(needle, Qt::CaseInsensitive))
            return node;
    }
    return -1;
}

// ---- edits

qsizetype ValueTree::start(int node) const {
    const Node& n = m_nodes[size_t(node)];
    return n.keyBegin >= 0 ? n.keyBegin : n.begin;
}

qsizetype ValueTree::keyEnd(int node) const {
    json::Reader reader(m_json);
    reader.seek(m_nodes[size_t(node)].keyBegin);
    reader.skip();
    return reader.offset();
}

QByteArray ValueTree::splice(qsizetype from, qsizetype to, const QByteArray& with) const {
    QByteArray out;
    out.reserve(m_json.size() - (to - from) + with.size());
    out.append(m_json.constData(), from);
    out.append(with);
    out.append(m_json.constData() + to, m_json.size() - to);
    return out;
}

QByteArray ValueTree::validated(const QByteArray& json) const {
    try {
        json::validate(json);
    } catch (const ConfigurationError& e) {
        throwError(ErrorKind::Data, e.message());
    }
    return json.trimmed();
}

// What goes between two children of a container to add one: the container's own separator when it has
// two children, else ", " (or "," and the first child's indentation when that is on a line of its own).
QByteArray ValueTree::separator(int container) const {
    const Node& c = m_nodes[size_t(container)];
    if (c.childCount >= 2)
        return m_json.mid(m_nodes[size_t(c.firstChild)].end,
                          start(c.firstChild + 1) - m_nodes[size_t(c.firstChild)].end);
    if (c.childCount == 1) {
        const QByteArray leading = m_json.mid(c.begin + 1, start(c.firstChild) - c.begin - 1);
        if (leading.contains('\n'))
            return ',' + leading;
    }
    return ", ";
}

bool ValueTree::hasKey(int objectNode, const QString& key, int except) const {
    const int count = childCount(objectNode);
    for (int i = 0; i < count; ++i) {
        const int c = m_nodes[size_t(objectNode)].firstChild + i;
        if (c != except && this->key(c) == key)
            return true;
    }
    return false;
}

QByteArray ValueTree::replaceValue(int node, const QByteArray& json) const {
    check(node);
    checkJson("edited");
    const Node& n = m_nodes[size_t(node)];
    return splice(n.begin, n.end, validated(json));
}

QByteArray ValueTree::setString(int node, const QString& text) const {
    return replaceValue(node, jsonString(text));
}

QByteArray ValueTree::removeNode(int node) const {
    check(node);
    checkJson("edited");
    const Node& n = m_nodes[size_t(node)];
    if (n.parent < 0)
        throwError(ErrorKind::Data, QStringLiteral("the whole value cannot be removed"));
    const Node& p = m_nodes[size_t(n.parent)];
    if (p.childCount == 1) // everything between the brackets: {} or [], not a blank line
        return splice(p.begin + 1, p.end - 1, {});
    if (n.row + 1 < p.childCount) // up to the next child, which takes its place
        return splice(start(node), start(node + 1), {});
    return splice(m_nodes[size_t(node - 1)].end, n.end, {}); // the last: from the previous child's end
}

QByteArray ValueTree::insertMember(int objectNode, const QString& key, const QByteArray& json) const {
    check(objectNode);
    checkJson("edited");
    if (kind(objectNode) != Kind::Object)
        throwError(ErrorKind::Data, QStringLiteral("members can only be added to an object"));
    const QByteArray value = validated(json);
    if (hasKey(objectNode, key, -1))
        throwError(ErrorKind::Data, QStringLiteral("the object already has the key \"%1\"").arg(key));
    const Node& o = m_nodes[size_t(objectNode)];
    if (o.childCount == 0)
        return splice(o.begin + 1, o.begin + 1, jsonString(key) + ": " + value);
    const int last = o.firstChild + o.childCount - 1;
    const qsizetype keyEnds = keyEnd(last);
    const QByteArray colon = m_json.mid(keyEnds, m_nodes[size_t(last)].begin - keyEnds);
    const qsizetype at = m_nodes[size_t(last)].end;
    return splice(at, at, separator(objectNode) + jsonString(key) + colon + value);
}

QByteArray ValueTree::appendElement(int arrayNode, const QByteArray& json) const {
    return insertElement(arrayNode, size(arrayNode), json);
}

QByteArray ValueTree::insertElement(int arrayNode, int position, const QByteArray& json) const {
    check(arrayNode);
    checkJson("edited");
    if (kind(arrayNode) != Kind::Array)
        throwError(ErrorKind::Data, QStringLiteral("elements can only be added to an array"));
    const QByteArray value = validated(json);
    const int count = childCount(arrayNode);
    if (position < 0 || position > count)
        throwError(ErrorKind::Data,
                   QStringLiteral("no position %1 in an array of %2").arg(position).arg(count));
    const Node& a = m_nodes[size_t(arrayNode)];
    if (count == 0)
        return splice(a.begin + 1, a.begin + 1, value);
    if (position == count) {
        const qsizetype at = m_nodes[size_t(a.firstChild + count - 1)].end;
        return splice(at, at, separator(arrayNode) + value);
    }
    const qsizetype at = start(a.firstChild + position);
    return splice(at, at, value + separator(arrayNode));
}

QByteArray ValueTree::renameKey(int node, const QString& key) const {
    check(node);
    checkJson("edited");
    const Node n = m_nodes[size_t(node)];
    if (n.keyBegin < 0)
        throwError(ErrorKind::Data, QStringLiteral("only an object's members have keys"));
    if (hasKey(n.parent, key, node))
        throwError(ErrorKind::Data, QStringLiteral("the object already has the key \"%1\"").arg(key));
    return splice(n.keyBegin, keyEnd(node), jsonString(key));
}

} // namespace pgdesk::core
