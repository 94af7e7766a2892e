// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A cell's value as a tree for the value panel: JSON (lazily indexed, exact number texts, byte-splicing
// edits and SQL paths), PostgreSQL arrays, hstore and composite (record) values.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <vector>

namespace pgdesk::core {

class ValueTree final {
public:
    enum class Source { Json, PgArray, Hstore, Composite };
    // Array, hstore and composite leaves are Text or Null: their text output carries no types.
    enum class Kind { Object, Array, String, Number, Boolean, Null, Text };
    enum class FindIn { Keys = 1, Values = 2, KeysAndValues = 3 };

    // One step from the root: an object key, or an element's 0-based position in its array.
    struct PathStep {
        bool index = false;
        QString key;
        int position = 0;
        bool operator==(const PathStep&) const = default;
    };

    // An empty JSON tree: one null root.
    ValueTree();

    // Validates the whole text (Data error "not valid JSON at byte N: …"), then indexes nothing: a
    // node's children are found when first asked for, by skipping through that node's bytes only.
    static ValueTree fromJson(QByteArray utf8);
    // Array output: {1,2,NULL,"a \"b\"",{3,4}}, optionally [lo:hi]…={…}. Unquoted NULL is a Null leaf,
    // "NULL" quoted the text. Keys are the subscripts (1-based, or from the decoration). `delimiter` is
    // ';' for box[].
    static ValueTree fromPgArray(const QString& text, QChar delimiter = u',');
    // hstore output: "a"=>"b", "c"=>NULL.
    static ValueTree fromHstore(const QString& text);
    // Record output: (1,"x y",,""): nothing between the commas is NULL, "" the empty text. Without names
    // the fields are keyed by their 1-based position.
    static ValueTree fromComposite(const QString& text, const QStringList& fieldNames = {});

    // A JSON string literal: `"` `\` and control characters escaped, everything else kept as UTF-8.
    static QByteArray jsonString(const QString& text);

    Source source() const { return m_source; }
    // The JSON document as given (for JSON trees).
    const QByteArray& json() const { return m_json; }

    // Nodes are ids; the root is 0, an id stays valid for the tree's life. The accessors index lazily
    // (hence const with a mutable cache): not for use from two threads at once.
    static constexpr int kRoot = 0;
    int childCount(int node) const;
    int child(int node, int i) const;
    // Cheap: does not index the children.
    bool hasChildren(int node) const;
    // The number of children (keys or items) without indexing them, cached: for "{3 keys}" summaries.
    int size(int node) const;
    int parent(int node) const; // -1 for the root
    int row(int node) const;    // the position among the parent's children
    // An object's key, an array element's index ("0" in JSON, the subscript in PostgreSQL arrays), a
    // composite field's name (or position); empty for the root.
    QString key(int node) const;
    bool isIndex(int node) const;
    Kind kind(int node) const;
    // "object" "array" "string" "number" "boolean" "null" (jsonb_typeof's words) or "text": not for
    // translation, the UI maps kinds to words.
    QString typeName(int node) const;
    // The decoded string, a number's exact text, true/false/null (NULL in non-JSON trees), a text leaf's
    // text; for containers a summary without words: "{3}" or "[5]" (size() gives the count).
    QString displayText(int node) const;
    // JSON trees: the node's value exactly as in the document (whitespace inside included).
    QByteArray rawJson(int node) const;

    // How many nodes are indexed (the root included): laziness is observable.
    int indexedNodeCount() const { return int(m_nodes.size()); }

    QList<PathStep> pathSteps(int node) const;
    // JSON trees (empty otherwise). ->'a'->0->'it''s': keys as SQL literals, indexes bare; "" for the root.
    QString arrowPath(int node) const;
    // {a,0,"x,y"}: a text[] literal (elements quoted when they must be), for jsonb_set, #- and #>.
    QString textArray(int node) const;
    // #>'{a,0,"x,y"}': textArray() as a SQL literal after #>.
    QString textArrayPath(int node) const;
    // $."a"[0]: every key a quoted jsonpath string; "$" for the root.
    QString jsonPath(int node) const;

    // The next node after `from` (-1: from the start, the root included) in document order whose key or
    // leaf text contains `needle`, case-insensitively; -1 when none. JSON trees are scanned without
    // indexing; only the path to a match is indexed.
    int find(const QString& needle, int from = -1, FindIn in = FindIn::KeysAndValues) const;

    // Edits of JSON trees: each returns the new document text, every byte outside the change kept (number
    // texts, key order, whitespace). Build a new tree from it. Data error for invalid JSON, a missing
    // or wrong node, a duplicate key, or a non-JSON tree.
    QByteArray replaceValue(int node, const QByteArray& json) const;
    QByteArray setString(int node, const QString& text) const;
    // A member or element with its comma; the only child leaves {} or [].
    QByteArray removeNode(int node) const;
    // Appended after the last member, spaced like the members before it.
    QByteArray insertMember(int objectNode, const QString& key, const QByteArray& json) const;
    QByteArray appendElement(int arrayNode, const QByteArray& json) const;
    // Before the element at `position` (0-based; == size() appends).
    QByteArray insertElement(int arrayNode, int position, const QByteArray& json) const;
    QByteArray renameKey(int node, const QString& key) const;

private:
    struct Node {
        qsizetype keyBegin = -1; // JSON members: the key's opening quote
        qsizetype begin = 0;     // JSON: the value's bytes [begin, end)
        qsizetype end = 0;
        int parent = -1;
        int row = 0;
        int firstChild = -1; // children are indexed together, so their ids are consecutive
        int childCount = -1; // -1: not indexed yet
        int size = -1;       // counted without indexing; -1: not yet
        Kind kind = Kind::Null;
        bool index = false; // keyed by position
    };
    struct TextNode; // the non-JSON parsers' tree before it is laid out (valuetreetext.cpp)

    static ValueTree fromTextNode(Source source, TextNode root);
    void check(int node) const;
    void checkJson(const char* what) const;
    void index(int node) const;
    int nodeAt(qsizetype offset) const;
    qsizetype start(int node) const;
    qsizetype keyEnd(int node) const;
    QByteArray splice(qsizetype from, qsizetype to, const QByteArray& with) const;
    QByteArray separator(int container) const;
    QByteArray validated(const QByteArray& json) const;
    bool hasKey(int objectNode, const QString& key, int except) const;
    int findInText(const QString& needle, int from, FindIn in) const;

    Source m_source = Source::Json;
    QByteArray m_json;
    mutable std::vector<Node> m_nodes;
    // Non-JSON trees only, by node id.
    std::vector<QString> m_keys;
    std::vector<QString> m_texts;
};

} // namespace pgdesk::core
