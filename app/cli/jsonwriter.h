// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QStringList>
#include <QStringView>
#include <QVarLengthArray>

namespace pgdesk::cli {

// Appends JSON text to a QByteArray byte for byte as QJsonDocument::toJson(Indented) would write the same
// value nested `depth` levels deep (without the document's final newline), so a long listing is written
// as it is produced instead of through a QJsonObject and a QJsonDocument per element (that was ~45% of
// `tables --format json` on 10,000 relations).
// The caller gives an object's keys in QJsonObject's order (sorted by UTF-16 code units): the writer
// keeps them as given. Usage: w.beginObject(); w.key(u"a").integer(1); w.key(u"b").null(); w.endObject();
class IndentedJsonWriter final {
public:
    explicit IndentedJsonWriter(QByteArray& out, int depth = 0);

    IndentedJsonWriter& beginObject();
    IndentedJsonWriter& endObject();
    IndentedJsonWriter& beginArray();
    IndentedJsonWriter& endArray();
    // The next member of the current object; its value follows.
    IndentedJsonWriter& key(QStringView name);
    // A literal key (u"name"): plain ASCII is copied as it is, without the escaping pass.
    template <qsizetype N> IndentedJsonWriter& key(const char16_t (&name)[N]) {
        char ascii[N];
        for (qsizetype i = 0; i + 1 < N; ++i) {
            if (name[i] >= 0x80 || name[i] < 0x20 || name[i] == u'"' || name[i] == u'\\')
                return key(QStringView(name, N - 1));
            ascii[i] = char(name[i]);
        }
        return asciiKey(ascii, N - 1);
    }

    IndentedJsonWriter& string(QStringView s);
    IndentedJsonWriter& stringOrNull(const QString& s); // "" is null, as catalogjson's stringOrNull()
    IndentedJsonWriter& stringList(const QStringList& list);
    IndentedJsonWriter& null();
    IndentedJsonWriter& boolean(bool b);
    IndentedJsonWriter& integer(qint64 n);
    IndentedJsonWriter& number(double d); // as QJsonValue(double) prints: integral up to 2^53 as an integer

    // Appends `s` escaped as Qt's JSON writer does (no quotes around it).
    static void appendEscaped(QByteArray& out, QStringView s);

private:
    IndentedJsonWriter& asciiKey(const char* name, qsizetype size);
    void beforeValue();
    void put(const char* s, qsizetype n);
    void put(char c);
    void indent(int depth);
    void open(char bracket);
    void close(char bracket);

    QByteArray& m_out;
    int m_depth;                         // of the value being written: members are one deeper
    bool m_afterKey = false;             // the next value is a member's, after its "key":
    QVarLengthArray<bool, 8> m_nonEmpty; // per open object/array: has it a member yet
};

} // namespace pgdesk::cli
