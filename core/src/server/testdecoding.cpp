// SPDX-License-Identifier: GPL-3.0-or-later
// TestDecodingDecoder (changefeed.h): test_decoding's lines read back into row changes.
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/server/changefeed.h>

#include <QRegularExpression>

namespace pgdesk::core {

namespace {

[[noreturn]] void unreadable(const QString& line, const char* what) {
    throwError(ErrorKind::Data, QStringLiteral("test_decoding output not understood (%1): %2")
                                    .arg(QLatin1String(what), line.left(200)));
}

// Reads what test_decoding printed, left to right.
class Cursor {
public:
    explicit Cursor(const QString& line, qsizetype at = 0)
        : m_line(line)
        , m_at(at) {}
    bool atEnd() const { return m_at >= m_line.size(); }
    bool take(QLatin1String text) {
        if (!m_line.mid(m_at).startsWith(text))
            return false;
        m_at += text.size();
        return true;
    }
    void skipSpaces() {
        while (m_at < m_line.size() && m_line[m_at] == u' ')
            ++m_at;
    }
    // A name as quote_identifier writes it: bare, or in double quotes with "" inside.
    QString name() {
        if (m_at < m_line.size() && m_line[m_at] == u'"') {
            QString out;
            for (++m_at; m_at < m_line.size(); ++m_at) {
                if (m_line[m_at] == u'"') {
                    if (m_at + 1 < m_line.size() && m_line[m_at + 1] == u'"') {
                        out += u'"';
                        ++m_at;
                        continue;
                    }
                    ++m_at;
                    return out;
                }
                out += m_line[m_at];
            }
            unreadable(m_line, "a name's quote left open");
        }
        const qsizetype start = m_at;
        while (m_at < m_line.size() && m_line[m_at] != u'.' && m_line[m_at] != u'[' && m_line[m_at] != u':' &&
               m_line[m_at] != u' ')
            ++m_at;
        return m_line.mid(start, m_at - start);
    }
    // col[type]:value. nullopt value with `unchanged` set for an unchanged TOASTed value.
    bool column(QString& name, std::optional<QString>& value, bool& unchanged) {
        name = this->name();
        if (!take(QLatin1String("[")))
            return false;
        const qsizetype close = m_line.indexOf(QLatin1String("]:"), m_at);
        if (close < 0)
            unreadable(m_line, "a column's type");
        m_at = close + 2;
        unchanged = false;
        value.reset();
        if (take(QLatin1String("null")))
            return true;
        if (take(QLatin1String("unchanged-toast-datum"))) {
            unchanged = true;
            return true;
        }
        const bool bits = m_at + 1 < m_line.size() && m_line[m_at] == u'B' && m_line[m_at + 1] == u'\'';
        if (bits)
            ++m_at;
        if (m_at < m_line.size() && m_line[m_at] == u'\'') {
            QString out;
            for (++m_at; m_at < m_line.size(); ++m_at) {
                if (m_line[m_at] == u'\'') {
                    if (m_at + 1 < m_line.size() && m_line[m_at + 1] == u'\'') {
                        out += u'\'';
                        ++m_at;
                        continue;
                    }
                    ++m_at;
                    value = out;
                    return true;
                }
                out += m_line[m_at];
            }
            unreadable(m_line, "a value's quote left open");
        }
        const qsizetype start = m_at; // a number or a boolean: up to the next space
        while (m_at < m_line.size() && m_line[m_at] != u' ')
            ++m_at;
        value = m_line.mid(start, m_at - start);
        return true;
    }

private:
    const QString& m_line;
    qsizetype m_at;
};

struct Tuple {
    QStringList columns;
    QList<std::optional<QString>> values;
    QList<int> unchanged;
};

// Columns up to the end or to the next "old-key:", "old-tuple:" or "new-tuple:".
Tuple tuple(Cursor& in) {
    Tuple t;
    for (;;) {
        in.skipSpaces();
        if (in.atEnd() || in.take(QLatin1String("new-tuple:")))
            return t;
        QString name;
        std::optional<QString> value;
        bool unchanged = false;
        if (!in.column(name, value, unchanged))
            return t;
        if (unchanged)
            t.unchanged << int(t.columns.size());
        t.columns << name;
        t.values << value;
    }
}

// "2026-11-29 05:00:00.123456+00" (the session in UTC) as RowChange::commitTime writes times.
QString utcText(const QString& time) {
    static const QRegularExpression kTime(
        QStringLiteral("^(\\d{4,}-\\d\\d-\\d\\d) (\\d\\d:\\d\\d:\\d\\d)(?:\\.(\\d{1,6}))?\\+00$"));
    const QRegularExpressionMatch m = kTime.match(time);
    if (!m.hasMatch())
        return time; // another zone or style: kept as the server said it
    return m.captured(1) + u'T' + m.captured(2) + u'.' + m.captured(3).leftJustified(6, u'0') + u'Z';
}

} // namespace

void TestDecodingDecoder::decode(const QString& line, const QString& lsn) {
    static const QRegularExpression kBegin(QStringLiteral("^BEGIN (\\d+)$"));
    static const QRegularExpression kCommit(QStringLiteral("^COMMIT (\\d+)(?: \\(at (.*)\\))?$"));
    if (const QRegularExpressionMatch m = kBegin.match(line); m.hasMatch()) {
        m_xid = m.captured(1).toUInt();
        m_open.clear();
        return;
    }
    if (const QRegularExpressionMatch m = kCommit.match(line); m.hasMatch()) {
        const QString time = utcText(m.captured(2));
        for (RowChange& c : m_open) {
            c.xid = m.captured(1).toUInt();
            c.commitTime = time;
            m_done << std::move(c);
        }
        m_open.clear();
        return;
    }
    if (!line.startsWith(QLatin1String("table ")))
        unreadable(line, "not BEGIN, COMMIT or a table's change");
    Cursor in(line, 6);
    RowChange c;
    c.lsn = lsn;
    c.schema = in.name();
    if (!in.take(QLatin1String(".")))
        unreadable(line, "a table without its schema");
    c.table = in.name();
    if (!in.take(QLatin1String(": ")))
        unreadable(line, "the table's name");
    if (in.take(QLatin1String("INSERT:"))) {
        c.kind = RowChange::Kind::Insert;
        const Tuple t = tuple(in);
        c.columns = t.columns;
        c.newValues = t.values;
        c.unchanged = t.unchanged;
    } else if (const bool update = in.take(QLatin1String("UPDATE:"));
               update || in.take(QLatin1String("DELETE:"))) {
        c.kind = update ? RowChange::Kind::Update : RowChange::Kind::Delete;
        in.skipSpaces();
        if (in.take(QLatin1String("(no-tuple-data)"))) { // no replica identity: nothing of the old row
            m_open << c;
            return;
        }
        Tuple old, fresh;
        bool keyOnly = true; // a delete prints its old key (all columns with FULL) without saying which
        if (update) {
            if (in.take(QLatin1String("old-key:"))) {
                old = tuple(in); // up to and past "new-tuple:"
            } else if (in.take(QLatin1String("old-tuple:"))) {
                old = tuple(in);
                keyOnly = false;
            }
            fresh = tuple(in);
        } else {
            old = tuple(in);
        }
        c.columns = update ? fresh.columns : old.columns;
        c.newValues = fresh.values;
        c.unchanged = fresh.unchanged;
        c.keyColumns = QList<bool>(c.columns.size(), false);
        if (!old.columns.isEmpty()) {
            c.oldKeyOnly = keyOnly;
            c.oldValues = QList<std::optional<QString>>(c.columns.size());
            for (qsizetype k = 0; k < old.columns.size(); ++k) {
                const qsizetype at = c.columns.indexOf(old.columns[k]);
                if (at < 0)
                    continue;
                c.oldValues[at] = old.values[k];
                c.keyColumns[at] = keyOnly;
            }
        }
    } else if (in.take(QLatin1String("TRUNCATE:"))) {
        c.kind = RowChange::Kind::Truncate;
    } else {
        unreadable(line, "an unknown change");
    }
    if (c.keyColumns.size() != c.columns.size())
        c.keyColumns = QList<bool>(c.columns.size(), false);
    m_open << c;
}

QList<RowChange> TestDecodingDecoder::take() {
    return std::exchange(m_done, {});
}

} // namespace pgdesk::core
