// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/server/changefeed.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/result.h>
#include <pgdesk/core/session/writeguard.h>

#include <algorithm>

#include <QDateTime>
#include <QtEndian>

namespace pgdesk::core {

namespace {

[[noreturn]] void malformed(const char* what) {
    throwError(ErrorKind::Data,
               QStringLiteral("the change stream sent a malformed message (%1)").arg(QLatin1String(what)));
}

// A cursor over one message, every read bounds-checked.
class Reader {
public:
    explicit Reader(const QByteArray& data)
        : m_data(data) {}

    bool atEnd() const { return m_pos >= m_data.size(); }
    char byte() {
        need(1);
        return m_data.at(m_pos++);
    }
    quint16 u16() { return read<quint16>(); }
    quint32 u32() { return read<quint32>(); }
    quint64 u64() { return read<quint64>(); }
    QString string() { // NUL-terminated
        const qsizetype end = m_data.indexOf('\0', m_pos);
        if (end < 0)
            malformed("unterminated name");
        const QString s = QString::fromUtf8(m_data.constData() + m_pos, end - m_pos);
        m_pos = end + 1;
        return s;
    }
    QByteArray bytes(quint32 length) {
        need(length);
        const QByteArray b = m_data.mid(m_pos, length);
        m_pos += length;
        return b;
    }

private:
    template <typename T> T read() {
        need(sizeof(T));
        const T v = qFromBigEndian<T>(m_data.constData() + m_pos);
        m_pos += sizeof(T);
        return v;
    }
    void need(qint64 n) {
        if (n < 0 || m_data.size() - m_pos < n)
            malformed("cut short");
    }
    const QByteArray& m_data;
    qsizetype m_pos = 0;
};

// TupleData: the values of one row, as many as the relation has columns.
QList<std::optional<QString>> tuple(Reader& in, qsizetype columnCount, QList<int>* unchanged) {
    const quint16 n = in.u16();
    if (n != columnCount)
        malformed("column count differs from the relation's");
    QList<std::optional<QString>> values;
    values.reserve(n);
    for (int i = 0; i < n; ++i) {
        switch (in.byte()) {
        case 'n':
            values << std::nullopt;
            break;
        case 'u':
            values << std::nullopt;
            if (unchanged)
                *unchanged << i;
            break;
        case 't': {
            const quint32 length = in.u32();
            values << QString::fromUtf8(in.bytes(length));
            break;
        }
        default:
            malformed("unknown value kind"); // 'b' only comes with the binary option, which is never asked
        }
    }
    return values;
}

// pgoutput's timestamps are microseconds since 2000-01-01 00:00 UTC.
QString timestampText(qint64 micros) {
    static const qint64 epoch2000 = QDateTime(QDate(2000, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(epoch2000 + micros / 1000, Qt::UTC);
    return t.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.")) +
           QStringLiteral("%1Z").arg(((micros % 1000000) + 1000000) % 1000000, 6, 10, QLatin1Char('0'));
}

} // namespace

QString RowChange::kindName() const {
    switch (kind) {
    case Kind::Insert:
        return QStringLiteral("insert");
    case Kind::Update:
        return QStringLiteral("update");
    case Kind::Delete:
        return QStringLiteral("delete");
    case Kind::Truncate:
        return QStringLiteral("truncate");
    }
    return {};
}

void PgOutputDecoder::decode(const QByteArray& message, const QString& lsn) {
    Reader in(message);
    const char type = in.byte();
    const auto relationOf = [&](quint32 id) -> const Relation& {
        const auto it = m_relations.constFind(id);
        if (it == m_relations.constEnd())
            malformed("a change to a relation never announced");
        return *it;
    };
    const auto change = [&](RowChange::Kind kind, const Relation& r) {
        RowChange c;
        c.kind = kind;
        c.lsn = lsn;
        c.schema = r.schema;
        c.table = r.name;
        c.columns = r.columns;
        c.keyColumns = r.key;
        return c;
    };
    switch (type) {
    case 'B': // BEGIN: final LSN, commit time, xid
        in.u64();
        in.u64();
        m_xid = in.u32();
        m_open.clear();
        return;
    case 'C': { // COMMIT: flags, commit LSN, end LSN, commit time
        in.byte();
        in.u64();
        in.u64();
        const QString time = timestampText(static_cast<qint64>(in.u64()));
        for (RowChange& c : m_open) {
            c.xid = m_xid;
            c.commitTime = time;
            m_done << std::move(c);
        }
        m_open.clear();
        return;
    }
    case 'R': { // RELATION: id, namespace, name, replica identity, columns
        const quint32 id = in.u32();
        Relation r;
        r.schema = in.string();
        r.name = in.string();
        in.byte();
        const quint16 n = in.u16();
        for (int i = 0; i < n; ++i) {
            r.key << ((in.byte() & 1) != 0);
            r.columns << in.string();
            in.u32(); // type oid
            in.u32(); // typmod
        }
        if (r.schema.isEmpty())
            r.schema = QStringLiteral("pg_catalog"); // pgoutput's empty namespace means pg_catalog
        m_relations.insert(id, r);
        return;
    }
    case 'I': {
        const Relation& r = relationOf(in.u32());
        if (in.byte() != 'N')
            malformed("an insert without its new row");
        RowChange c = change(RowChange::Kind::Insert, r);
        c.newValues = tuple(in, r.columns.size(), &c.unchanged);
        m_open << c;
        return;
    }
    case 'U': {
        const Relation& r = relationOf(in.u32());
        RowChange c = change(RowChange::Kind::Update, r);
        char part = in.byte();
        if (part == 'K' || part == 'O') {
            c.oldKeyOnly = part == 'K';
            c.oldValues = tuple(in, r.columns.size(), nullptr);
            part = in.byte();
        }
        if (part != 'N')
            malformed("an update without its new row");
        c.newValues = tuple(in, r.columns.size(), &c.unchanged);
        m_open << c;
        return;
    }
    case 'D': {
        const Relation& r = relationOf(in.u32());
        RowChange c = change(RowChange::Kind::Delete, r);
        const char part = in.byte();
        if (part != 'K' && part != 'O')
            malformed("a delete without its old row");
        c.oldKeyOnly = part == 'K';
        c.oldValues = tuple(in, r.columns.size(), nullptr);
        m_open << c;
        return;
    }
    case 'T': {
        const quint32 n = in.u32();
        in.byte(); // options: CASCADE, RESTART IDENTITY
        for (quint32 i = 0; i < n; ++i) {
            RowChange c = change(RowChange::Kind::Truncate, relationOf(in.u32()));
            m_open << c;
        }
        return;
    }
    case 'Y': // TYPE, ORIGIN, MESSAGE: nothing a row feed shows
    case 'O':
    case 'M':
        return;
    default:
        malformed("unknown message type");
    }
}

QList<RowChange> PgOutputDecoder::take() {
    return std::exchange(m_done, {});
}

ChangeFeed::ChangeFeed(Connection& connection, QList<FeedTable> tables)
    : m_connection(connection)
    , m_tables(std::move(tables)) {
}

ChangeFeed::~ChangeFeed() {
    try {
        stop();
    } catch (...) { // a lost connection took the slot with it; the publication goes with the next feed
    }
}

void ChangeFeed::start(const WriteAccess& write) {
    if (isRunning())
        return;
    if (m_tables.isEmpty())
        throwError(ErrorKind::Configuration, QStringLiteral("the change feed needs at least one table"));
    const QString walLevel = m_connection.exec(QStringLiteral("SHOW wal_level")).text(0, 0);
    if (walLevel != QLatin1String("logical")) {
        ErrorInfo info;
        info.kind = ErrorKind::Configuration;
        info.message =
            QStringLiteral("the change feed needs wal_level = logical; this server has %1").arg(walLevel);
        info.hint =
            QStringLiteral("ALTER SYSTEM SET wal_level = logical; then restart the server (a superuser's "
                           "change; it makes the WAL slightly larger)");
        throwError(info);
    }
    if (m_connection.profile().writeGuarded() && !write && !m_connection.writesUnlocked())
        throwWriteGuarded(
            m_connection.profile(),
            QStringLiteral("the change feed (it creates a publication of the tables it reads)"));
    m_write = write;
    WriteScope scope(m_connection, write);
    const int pid = m_connection.backendPid();
    const QString name = QStringLiteral("pgdesk_feed_%1").arg(pid);
    const QString insertOnlyName = QStringLiteral("pgdesk_feedi_%1").arg(pid);
    // Publications a killed feed left: named after a backend that no longer exists (and ours to drop), or
    // after ours (pids are reused).
    const Result stale = m_connection.exec(
        QStringLiteral("SELECT p.pubname FROM pg_publication p WHERE p.pubname ~ '^pgdesk_feedi?_[0-9]+$' "
                       "AND pg_has_role(p.pubowner, 'USAGE') AND (substring(p.pubname FROM '[0-9]+$')::int = "
                       "pg_backend_pid() OR NOT EXISTS (SELECT FROM pg_stat_activity a "
                       "WHERE a.pid = substring(p.pubname FROM '[0-9]+$')::int))"),
        {});
    for (int row = 0; row < stale.rowCount(); ++row)
        m_connection.exec(QStringLiteral("DROP PUBLICATION IF EXISTS %1")
                              .arg(m_connection.quoteIdentifier(stale.text(row, 0))));
    // Which tables have a replica identity, so their updates and deletes may be published.
    QStringList full, insertOnly;
    m_insertOnly.clear();
    QStringList schemas, names;
    for (const FeedTable& t : std::as_const(m_tables)) {
        schemas << t.schema;
        names << t.name;
    }
    // One statement for every table, in the order given; a name without a table gives NULL.
    const Result identity = m_connection.exec(
        QStringLiteral(
            "SELECT c.relreplident = 'f' OR EXISTS (SELECT FROM pg_index i WHERE i.indrelid = c.oid "
            "AND ((c.relreplident = 'd' AND i.indisprimary) OR (c.relreplident = 'i' AND "
            "i.indisreplident))) FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(s, r, k) "
            "LEFT JOIN (pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace) "
            "ON n.nspname = t.s AND c.relname = t.r ORDER BY t.k"),
        {param(arrayLiteral(schemas)), param(arrayLiteral(names))});
    for (int i = 0; i < m_tables.size(); ++i) {
        const FeedTable& t = m_tables[i];
        if (identity.isNull(i, 0))
            throwError(ErrorKind::NotFound, QStringLiteral("there is no table %1.%2").arg(t.schema, t.name));
        const QString quoted =
            m_connection.quoteIdentifier(t.schema) + QLatin1Char('.') + m_connection.quoteIdentifier(t.name);
        if (identity.text(i, 0) == QLatin1String("t")) {
            full << quoted;
        } else {
            insertOnly << quoted;
            m_insertOnly << t.schema + QLatin1Char('.') + t.name;
        }
    }
    QStringList publications;
    const auto dropAll = [&] {
        for (const QString& p : std::as_const(publications))
            m_connection.exec(
                QStringLiteral("DROP PUBLICATION IF EXISTS %1").arg(m_connection.quoteIdentifier(p)));
    };
    m_textPlugin = false;
    try {
        if (!full.isEmpty()) {
            m_connection.exec(QStringLiteral("CREATE PUBLICATION %1 FOR TABLE %2")
                                  .arg(m_connection.quoteIdentifier(name), full.join(QStringLiteral(", "))));
            publications << name;
        }
        if (!insertOnly.isEmpty()) {
            m_connection.exec(
                QStringLiteral("CREATE PUBLICATION %1 FOR TABLE %2 WITH (publish = 'insert, truncate')")
                    .arg(m_connection.quoteIdentifier(insertOnlyName),
                         insertOnly.join(QStringLiteral(", "))));
            publications << insertOnlyName;
        }
    } catch (const Error& e) {
        dropAll();
        publications.clear();
        // A role without CREATE on the database makes no publication: test_decoding needs none. It decodes
        // every table's changes (those of the feed's are kept) and sees updates and deletes of all of them.
        if (e.sqlState() != QLatin1String("42501"))
            throw;
        m_textPlugin = true;
        m_insertOnly.clear();
        m_connection.exec(QStringLiteral("SET TIME ZONE 'UTC'")); // commit times as RowChange writes them
    } catch (...) {
        dropAll();
        throw;
    }
    // Temporary: the server drops it when this session ends, however it ends.
    try {
        m_connection.exec(QStringLiteral("SELECT pg_create_logical_replication_slot($1, $2, true)"),
                          {param(name), param(plugin())});
    } catch (...) {
        dropAll();
        throw;
    }
    m_slot = name;
    m_publications = publications.join(QLatin1Char(','));
    m_decoder = PgOutputDecoder();
    m_textDecoder = TestDecodingDecoder();
}

QList<RowChange> ChangeFeed::poll(int maxChanges) {
    if (!isRunning())
        return {};
    if (m_textPlugin) {
        const Result r = m_connection.exec(
            QStringLiteral(
                "SELECT lsn, data FROM pg_logical_slot_get_changes($1, NULL, $2, 'include-xids', '1', "
                "'include-timestamp', '1', 'skip-empty-xacts', '1')"),
            {param(m_slot), param(static_cast<long long>(std::max(1, maxChanges)))});
        for (int row = 0; row < r.rowCount(); ++row)
            m_textDecoder.decode(r.text(row, 1), r.text(row, 0));
        QList<RowChange> mine = m_textDecoder.take();
        mine.removeIf([this](const RowChange& c) {
            return std::none_of(m_tables.cbegin(), m_tables.cend(), [&](const FeedTable& t) {
                return t.schema == c.schema && t.name == c.table;
            });
        });
        return mine;
    }
    const Result r = m_connection.exec(
        QStringLiteral("SELECT lsn, data FROM pg_logical_slot_get_binary_changes($1, NULL, $2, "
                       "'proto_version', '1', 'publication_names', $3)"),
        {param(m_slot), param(static_cast<long long>(std::max(1, maxChanges))), param(m_publications)});
    for (int row = 0; row < r.rowCount(); ++row) {
        const std::string_view data = r.view(row, 1); // bytea as text: \x and hex digits
        if (data.size() < 2 || data.substr(0, 2) != "\\x")
            malformed("not hex");
        m_decoder.decode(
            QByteArray::fromHex(QByteArray::fromRawData(data.data() + 2, qsizetype(data.size() - 2))),
            r.text(row, 0));
    }
    return m_decoder.take();
}

void ChangeFeed::stop() {
    if (!isRunning())
        return;
    const QString name = std::exchange(m_slot, {});
    if (!m_connection.isOpen())
        return; // the slot went with the session; the publication is dropped by the next feed
    WriteScope scope(m_connection, m_write);
    m_connection.exec(QStringLiteral("SELECT pg_drop_replication_slot($1)"), {param(name)});
    for (const QString& p : m_publications.split(QLatin1Char(','), Qt::SkipEmptyParts))
        m_connection.exec(
            QStringLiteral("DROP PUBLICATION IF EXISTS %1").arg(m_connection.quoteIdentifier(p)));
}

} // namespace pgdesk::core
