// SPDX-License-Identifier: GPL-3.0-or-later
// The non-JSON values: PostgreSQL array, hstore and record (composite) output parsed into a tree. These
// are cell values the grid already holds as text, small next to JSON documents: parsed at once.
#include <pgdesk/core/visual/valuetree.h>

#include <pgdesk/core/base/errors.h>

#include <deque>
#include <utility>

namespace pgdesk::core {

struct ValueTree::TextNode {
    QString key;
    QString text;
    Kind kind = Kind::Text;
    bool index = false;
    std::vector<TextNode> children;
};

namespace {

// The characters array_in, hstore_in and record_in skip between tokens.
bool isSpace(QChar c) {
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\v' || c == u'\f';
}

class TextParser {
public:
    TextParser(const QString& text, const char* what)
        : m_text(text)
        , m_what(what) {}

protected:
    [[noreturn]] void fail(const QString& why) const {
        throwError(ErrorKind::Data, QStringLiteral("not a valid %1 value at character %2: %3")
                                        .arg(QLatin1String(m_what))
                                        .arg(m_at)
                                        .arg(why));
    }
    bool atEnd() const { return m_at >= m_text.size(); }
    QChar peek() const { return atEnd() ? QChar() : m_text[m_at]; }
    void space() {
        while (!atEnd() && isSpace(m_text[m_at]))
            ++m_at;
    }
    void expect(QChar c) {
        space();
        if (peek() != c)
            fail(atEnd() ? QStringLiteral("unexpected end, '%1' expected").arg(c)
                         : QStringLiteral("'%1' expected").arg(c));
        ++m_at;
    }
    void expectEnd() {
        space();
        if (!atEnd())
            fail(QStringLiteral("garbage after the value"));
    }
    // At the opening quote: the text up to the closing one, each backslash taking the next character as
    // it is; `doubledQuotes` (records) also reads "" as one quote.
    QString quoted(bool doubledQuotes) {
        ++m_at;
        QString out;
        for (;;) {
            if (atEnd())
                fail(QStringLiteral("unterminated quoted text"));
            const QChar c = m_text[m_at++];
            if (c == u'\\') {
                if (atEnd())
                    fail(QStringLiteral("unterminated quoted text"));
                out += m_text[m_at++];
            } else if (c == u'"') {
                if (!doubledQuotes || peek() != u'"')
                    return out;
                out += u'"';
                ++m_at;
            } else {
                out += c;
            }
        }
    }

    const QString& m_text;
    const char* m_what;
    qsizetype m_at = 0;
};

class ArrayParser final : TextParser {
public:
    ArrayParser(const QString& text, QChar delimiter)
        : TextParser(text, "array")
        , m_delimiter(delimiter) {}

    template <typename Node> Node parse() {
        space();
        // [1:2][0:3]={…}: the lower bounds number the elements.
        while (peek() == u'[') {
            ++m_at;
            const int lower = integer();
            expect(u':');
            integer();
            expect(u']');
            m_lower.push_back(lower);
            space();
        }
        if (!m_lower.empty())
            expect(u'=');
        expect(u'{');
        Node root;
        array(&root, 0);
        expectEnd();
        return root;
    }

private:
    int integer() {
        space();
        const qsizetype begin = m_at;
        if (peek() == u'-' || peek() == u'+')
            ++m_at;
        while (!atEnd() && m_text[m_at].isDigit())
            ++m_at;
        bool ok = false;
        const int value = m_text.mid(begin, m_at - begin).toInt(&ok);
        if (!ok)
            fail(QStringLiteral("a dimension bound expected"));
        return value;
    }

    // After the '{'.
    template <typename Node> void array(Node* node, size_t depth) {
        // PostgreSQL allows 6 dimensions; the limit only keeps hostile text from exhausting the stack.
        if (depth >= 64)
            fail(QStringLiteral("nested too deeply"));
        node->kind = ValueTree::Kind::Array;
        const int lower = depth < m_lower.size() ? m_lower[depth] : 1;
        space();
        if (peek() == u'}') {
            ++m_at;
            return;
        }
        for (;;) {
            Node element;
            space();
            if (peek() == u'{') {
                ++m_at;
                array(&element, depth + 1);
            } else {
                leaf(&element);
            }
            element.key = QString::number(lower + qsizetype(node->children.size()));
            element.index = true;
            node->children.push_back(std::move(element));
            space();
            if (peek() == m_delimiter) {
                ++m_at;
                continue;
            }
            if (peek() == u'}') {
                ++m_at;
                return;
            }
            fail(atEnd() ? QStringLiteral("unexpected end, '}' expected")
                         : QStringLiteral("'%1' or '}' expected").arg(m_delimiter));
        }
    }

    template <typename Node> void leaf(Node* node) {
        if (peek() == u'"') {
            node->text = quoted(false);
            return;
        }
        // Unquoted: up to the delimiter or '}', outer whitespace trimmed; an escaped character is kept.
        QString text;
        bool escaped = false;
        qsizetype kept = 0; // text's length up to its last escaped character: never trimmed
        while (!atEnd() && m_text[m_at] != m_delimiter && m_text[m_at] != u'}') {
            const QChar c = m_text[m_at];
            if (c == u'{' || c == u'"')
                fail(QStringLiteral("unexpected '%1'").arg(c));
            ++m_at;
            if (c == u'\\') {
                if (atEnd())
                    fail(QStringLiteral("unexpected end after '\\'"));
                text += m_text[m_at++];
                escaped = true;
                kept = text.size();
            } else {
                text += c;
            }
        }
        while (text.size() > kept && isSpace(text.back()))
            text.chop(1);
        if (text.isEmpty())
            fail(QStringLiteral("an empty element"));
        if (!escaped && text.compare(QLatin1String("NULL"), Qt::CaseInsensitive) == 0)
            node->kind = ValueTree::Kind::Null;
        else
            node->text = text;
    }

    QChar m_delimiter;
    std::vector<int> m_lower;
};

class HstoreParser final : TextParser {
public:
    explicit HstoreParser(const QString& text)
        : TextParser(text, "hstore") {}

    template <typename Node> Node parse() {
        Node root;
        root.kind = ValueTree::Kind::Object;
        space();
        while (!atEnd()) {
            Node pair;
            bool null = false;
            pair.key = token(&null);
            if (null)
                fail(QStringLiteral("a key cannot be NULL"));
            space();
            if (!m_text.mid(m_at, 2).startsWith(QLatin1String("=>")))
                fail(QStringLiteral("'=>' expected"));
            m_at += 2;
            space();
            pair.text = token(&null);
            if (null)
                pair.kind = ValueTree::Kind::Null;
            root.children.push_back(std::move(pair));
            space();
            if (atEnd())
                break;
            expect(u',');
            space();
        }
        return root;
    }

private:
    // A quoted or bare word; *null when it is a bare NULL.
    QString token(bool* null) {
        *null = false;
        if (atEnd())
            fail(QStringLiteral("unexpected end"));
        if (peek() == u'"')
            return quoted(false);
        QString out;
        while (!atEnd() && !isSpace(m_text[m_at]) && m_text[m_at] != u',' &&
               !(m_text[m_at] == u'=' && m_text.mid(m_at + 1, 1) == QLatin1String(">"))) {
            if (m_text[m_at] == u'\\' && m_at + 1 < m_text.size())
                ++m_at;
            out += m_text[m_at++];
        }
        if (out.isEmpty())
            fail(QStringLiteral("a key or value expected"));
        *null = out.compare(QLatin1String("NULL"), Qt::CaseInsensitive) == 0;
        return out;
    }
};

class RecordParser final : TextParser {
public:
    explicit RecordParser(const QString& text)
        : TextParser(text, "composite") {}

    template <typename Node> Node parse(const QStringList& names) {
        Node root;
        root.kind = ValueTree::Kind::Object;
        expect(u'(');
        for (;;) {
            Node field;
            const int i = int(root.children.size());
            field.key = names.value(i);
            if (field.key.isEmpty()) {
                field.key = QString::number(i + 1);
                field.index = true;
            }
            if (peek() == u',' || peek() == u')')
                field.kind = ValueTree::Kind::Null;
            else
                field.text = value();
            root.children.push_back(std::move(field));
            if (atEnd())
                fail(QStringLiteral("unexpected end, ')' expected"));
            if (m_text[m_at++] == u')')
                break;
        }
        expectEnd();
        return root;
    }

private:
    // Up to the unquoted ',' or ')' that ends the field: quoted runs and backslash escapes taken as text.
    QString value() {
        QString out;
        while (!atEnd() && m_text[m_at] != u',' && m_text[m_at] != u')') {
            const QChar c = m_text[m_at];
            if (c == u'"') {
                out += quoted(true);
            } else if (c == u'\\') {
                if (++m_at >= m_text.size())
                    fail(QStringLiteral("unexpected end after '\\'"));
                out += m_text[m_at++];
            } else {
                out += c;
                ++m_at;
            }
        }
        return out;
    }
};

} // namespace

// Breadth first, so that every node's children get consecutive ids as in a JSON tree.
ValueTree ValueTree::fromTextNode(Source source, TextNode root) {
    ValueTree tree;
    tree.m_source = source;
    tree.m_json.clear();
    tree.m_nodes.clear();
    std::deque<std::pair<TextNode*, int>> queue; // a node laid out, with its children still to come
    const auto add = [&](TextNode* n, int parent, int row) {
        Node node;
        node.parent = parent;
        node.row = row;
        node.kind = n->kind;
        node.index = n->index;
        node.childCount = int(n->children.size());
        node.size = node.childCount;
        tree.m_nodes.push_back(node);
        tree.m_keys.push_back(std::move(n->key));
        tree.m_texts.push_back(std::move(n->text));
        queue.emplace_back(n, int(tree.m_nodes.size()) - 1);
    };
    add(&root, -1, 0);
    while (!queue.empty()) {
        const auto [n, id] = queue.front();
        queue.pop_front();
        if (!n->children.empty())
            tree.m_nodes[size_t(id)].firstChild = int(tree.m_nodes.size());
        for (size_t i = 0; i < n->children.size(); ++i)
            add(&n->children[i], id, int(i));
    }
    return tree;
}

ValueTree ValueTree::fromPgArray(const QString& text, QChar delimiter) {
    return fromTextNode(Source::PgArray, ArrayParser(text, delimiter).parse<TextNode>());
}

ValueTree ValueTree::fromHstore(const QString& text) {
    return fromTextNode(Source::Hstore, HstoreParser(text).parse<TextNode>());
}

ValueTree ValueTree::fromComposite(const QString& text, const QStringList& fieldNames) {
    return fromTextNode(Source::Composite, RecordParser(text).parse<TextNode>(fieldNames));
}

} // namespace pgdesk::core
