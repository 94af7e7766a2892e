// SPDX-License-Identifier: GPL-3.0-or-later
// The XLSX encoder of the export engine, on libxlsxwriter in constant-memory mode (each row goes to a
// temporary file as soon as it is complete, so memory stays flat; text is written as inline strings).
#include "transfer/exportencoder.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/joinedthread.h>

#include <QDate>
#include <QFile>

#include <xlsxwriter.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include <fcntl.h>
#include <unistd.h>

namespace pgdesk::core::exporting {

namespace {

// libxlsxwriter prints its own "[ERROR]…" lines to stderr when a close fails (a full disk), beside the
// message the export throws. While one is alive, the process's stderr goes through a pipe and a thread
// passes on every line but the library's. One at a time (a mutex), as it swaps the process-wide fd 2.
class LibraryStderrFilter final {
public:
    LibraryStderrFilter()
        : m_lock(mutex()) {
        int fds[2];
        std::fflush(stderr);
        m_saved = ::dup(STDERR_FILENO);
        if (m_saved < 0 || ::pipe2(fds, O_CLOEXEC) != 0) {
            if (m_saved >= 0)
                ::close(m_saved);
            m_saved = -1;
            return;
        }
        ::dup2(fds[1], STDERR_FILENO);
        ::close(fds[1]);
        // Plain read(), no stdio: exit() flushes every FILE under its lock, which a reader blocked in
        // getline() would hold while an abandoned close still runs.
        m_reader = JoinedThread([in = fds[0], out = m_saved] {
            std::string pending;
            char buffer[4096];
            ssize_t n = 0;
            const auto pass = [out](std::string_view line) {
                if (!line.starts_with("[ERROR]") && !line.starts_with("[WARNING]"))
                    (void)!::write(out, line.data(), line.size());
            };
            while ((n = ::read(in, buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR)) {
                pending.append(buffer, size_t(std::max<ssize_t>(n, 0)));
                for (size_t end; (end = pending.find('\n')) != std::string::npos;) {
                    pass(std::string_view(pending).substr(0, end + 1));
                    pending.erase(0, end + 1);
                }
            }
            pass(pending);
            ::close(in);
        });
    }
    ~LibraryStderrFilter() {
        if (m_saved < 0)
            return;
        std::fflush(stderr);
        ::dup2(m_saved, STDERR_FILENO); // closes the pipe's last write end: the reader sees its end
        m_reader = {};                  // joined (the reader throws nothing)
        ::close(m_saved);
    }
    LibraryStderrFilter(const LibraryStderrFilter&) = delete;
    LibraryStderrFilter& operator=(const LibraryStderrFilter&) = delete;

private:
    static std::mutex& mutex() {
        static std::mutex m;
        return m;
    }
    std::lock_guard<std::mutex> m_lock;
    int m_saved = -1;
    JoinedThread m_reader;
};

constexpr Oid kTimeOid = 1083; // time without time zone (timetz stays text: Excel has no zones)
constexpr size_t kMaxCellChars = 32767;

// Reads exactly n digits at i.
bool digits(std::string_view t, size_t& i, size_t n, int& value) {
    if (i + n > t.size())
        return false;
    value = 0;
    for (size_t k = 0; k < n; ++k) {
        const char c = t[i + k];
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + (c - '0');
    }
    i += n;
    return true;
}

bool expect(std::string_view t, size_t& i, char c) {
    if (i < t.size() && t[i] == c) {
        ++i;
        return true;
    }
    return false;
}

// "HH:MM:SS[.ffffff]" as a fraction of a day; hours beyond 23 (time's 24:00:00) are refused.
std::optional<double> dayFraction(std::string_view t, size_t& i) {
    int h = 0;
    int m = 0;
    int s = 0;
    if (!digits(t, i, 2, h) || !expect(t, i, ':') || !digits(t, i, 2, m) || !expect(t, i, ':') ||
        !digits(t, i, 2, s) || h > 23 || m > 59 || s > 59)
        return std::nullopt;
    double fraction = 0;
    if (i < t.size() && t[i] == '.') {
        double scale = 0.1;
        for (++i; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i, scale /= 10)
            fraction += (t[i] - '0') * scale;
    }
    return (h * 3600.0 + m * 60.0 + s + fraction) / 86400.0;
}

// "YYYY-MM-DD" (ISO DateStyle, which the export sets) as an Excel serial day number: 1 = 1900-01-01,
// counting Excel's phantom 1900-02-29 from March 1900 on. Years outside 1900–9999, BC dates and
// infinity are not Excel dates.
std::optional<double> excelDay(std::string_view t, size_t& i) {
    int y = 0;
    int m = 0;
    int d = 0;
    if (!digits(t, i, 4, y) || !expect(t, i, '-') || !digits(t, i, 2, m) || !expect(t, i, '-') ||
        !digits(t, i, 2, d) || (i < t.size() && t[i] >= '0' && t[i] <= '9'))
        return std::nullopt;
    const QDate date(y, m, d);
    if (!date.isValid() || y < 1900 || y > 9999)
        return std::nullopt;
    const qint64 days = date.toJulianDay() - QDate(1899, 12, 31).toJulianDay();
    return double(date < QDate(1900, 3, 1) ? days : days + 1);
}

bool isHex(std::string_view t) {
    for (const char c : t) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
            return false;
    }
    return true;
}

bool isBc(std::string_view t) {
    return t.ends_with(" BC");
}

} // namespace

class XlsxEncoder final : public RowEncoder {
public:
    XlsxEncoder(const ExportOptions& options, const QList<ExportColumn>& columns, const QString& path,
                const std::atomic<bool>& cancelled, bool temporaryPath, QString target)
        : m_columns(columns)
        , m_header(options.header)
        , m_null(options.nullText.toStdString())
        , m_cancelled(cancelled)
        , m_path(temporaryPath ? QFile::encodeName(path) : QByteArray())
        , m_target(std::move(target)) {
        if (columns.size() > LXW_COL_MAX)
            throwError(ErrorKind::Configuration,
                       QStringLiteral("XLSX holds at most %1 columns, the export has %2")
                           .arg(LXW_COL_MAX)
                           .arg(columns.size()));
        const QByteArray file = path.toLocal8Bit();
        lxw_workbook_options wo{};
        wo.constant_memory = LXW_TRUE;
        m_book = workbook_new_opt(file.constData(), &wo);
        if (!m_book)
            throwError(ErrorKind::Query, QStringLiteral("cannot create the XLSX workbook %1").arg(path));
        m_bold = workbook_add_format(m_book);
        format_set_bold(m_bold);
        m_dateFormat = workbook_add_format(m_book);
        format_set_num_format(m_dateFormat, "yyyy-mm-dd");
        m_timestampFormat = workbook_add_format(m_book);
        format_set_num_format(m_timestampFormat, "yyyy-mm-dd hh:mm:ss");
        m_timeFormat = workbook_add_format(m_book);
        format_set_num_format(m_timeFormat, "hh:mm:ss");
        for (const ExportColumn& c : columns)
            m_kinds.push_back(kindOf(c.info));
    }

    ~XlsxEncoder() override {
        // Not closed (an error or a cancel): free the workbook without writing the file.
        if (m_book)
            lxw_workbook_free(m_book);
    }

    void begin() override { newSheet(); }

    void row(const std::vector<Field>& fields) override {
        if (m_row == LXW_ROW_MAX)
            newSheet();
        for (size_t c = 0; c < fields.size() && c < m_kinds.size(); ++c)
            writeCell(lxw_col_t(c), fields[c]);
        ++m_row;
    }

    // libxlsxwriter zips the workbook in one call that takes seconds for a big export and cannot be
    // interrupted. It runs on its own thread, so a cancel returns at once: the abandoned thread finishes
    // into the temporary file, which the export removes (and the thread too, had it recreated it).
    void finish() override {
        struct Closing {
            std::mutex mutex;
            std::condition_variable done;
            bool finished = false;
            bool abandoned = false;
            lxw_error error = LXW_NO_ERROR;
            int systemError = 0; // errno after a failed close (ENOSPC for a full disk)
            QByteArray path;
        };
        auto closing = std::make_shared<Closing>();
        closing->path = m_path;
        JoinedThread zipping([book = m_book, closing] {
            lxw_error e = LXW_NO_ERROR;
            int systemError = 0;
            {
                const LibraryStderrFilter filter;
                errno = 0;
                e = workbook_close(book);
                systemError = errno;
            }
            std::lock_guard lock(closing->mutex);
            closing->finished = true;
            closing->error = e;
            closing->systemError = e == LXW_NO_ERROR ? 0 : systemError;
            if (closing->abandoned && !closing->path.isEmpty())
                ::unlink(closing->path.constData());
            closing->done.notify_all();
        });
        m_book = nullptr;           // the thread's now (the destructor frees it if no thread could start)
        std::move(zipping).letGo(); // a cancel does not wait for the close: it reports through `closing`
        std::unique_lock lock(closing->mutex);
        while (
            !closing->done.wait_for(lock, std::chrono::milliseconds(50), [&] { return closing->finished; })) {
            if (m_cancelled) {
                closing->abandoned = true;
                throwError(ErrorKind::QueryCanceled, QStringLiteral("export cancelled"));
            }
        }
        if (closing->error != LXW_NO_ERROR)
            throwOutputError(m_target, closing->systemError
                                           ? QString::fromLocal8Bit(std::strerror(closing->systemError))
                                           : QString::fromUtf8(lxw_strerror(closing->error)));
    }

    qint64 bytes() const override { return m_bytes; }

private:
    enum class Kind { Text, Number, Boolean, Date, Timestamp, Time };

    static Kind kindOf(const ColumnInfo& c) {
        switch (c.category) {
        case TypeCategory::Integer:
        case TypeCategory::Numeric:
        case TypeCategory::Float:
            return Kind::Number;
        case TypeCategory::Boolean:
            return Kind::Boolean;
        case TypeCategory::Date:
            return Kind::Date;
        case TypeCategory::Timestamp:
            return Kind::Timestamp;
        case TypeCategory::Time:
            return c.baseTypeOid == kTimeOid || c.typeOid == kTimeOid ? Kind::Time : Kind::Text;
        default:
            return Kind::Text;
        }
    }

    void newSheet() {
        const QByteArray name = QStringLiteral("Sheet%1").arg(++sheets).toUtf8();
        m_sheet = workbook_add_worksheet(m_book, name.constData());
        if (!m_sheet)
            throwError(ErrorKind::Query,
                       QStringLiteral("cannot add worksheet %1").arg(QString::fromUtf8(name)));
        m_row = 0;
        if (!m_header)
            return;
        for (qsizetype c = 0; c < m_columns.size(); ++c)
            writeString(lxw_col_t(c),
                        std::string_view(m_columns.at(c).name.constData(), m_columns.at(c).name.size()),
                        m_bold);
        worksheet_freeze_panes(m_sheet, 1, 0);
        m_row = 1;
    }

    void check(lxw_error e) {
        if (e != LXW_NO_ERROR)
            throwError(
                ErrorKind::Query,
                QStringLiteral("cannot write an XLSX cell: %1").arg(QString::fromUtf8(lxw_strerror(e))));
    }

    void writeString(lxw_col_t col, std::string_view text, lxw_format* format = nullptr) {
        // Excel's limit is 32,767 characters: cut longer text at a character boundary and count it.
        size_t chars = 0;
        size_t end = 0;
        while (end < text.size() && chars < kMaxCellChars) {
            const unsigned char lead = static_cast<unsigned char>(text[end]);
            end += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
            ++chars;
        }
        if (end < text.size())
            ++truncatedCells;
        text = text.substr(0, std::min(end, text.size()));
        // libxlsxwriter writes control characters as _xHHHH_, which Excel decodes; text that already
        // looks like such an escape gets its underscore escaped (_x005F_), or Excel would decode it too.
        m_cell.clear();
        for (size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && isHex(text.substr(i + 2, 4)) &&
                text[i + 6] == '_')
                m_cell.append("_x005F_");
            else
                m_cell.push_back(text[i]);
        }
        check(worksheet_write_string(m_sheet, m_row, col, m_cell.c_str(), format));
    }

    void writeNumber(lxw_col_t col, double value, lxw_format* format = nullptr) {
        check(worksheet_write_number(m_sheet, m_row, col, value, format));
    }

    void writeCell(lxw_col_t col, const Field& f) {
        if (f.null) {
            if (!m_null.empty())
                writeString(col, m_null);
            return;
        }
        if (f.text.empty()) {
            // libxlsxwriter writes no cell for "", which would read back as NULL: a formula whose value is
            // the empty string (="", as a spreadsheet shows it: empty) keeps '' apart from an absent cell.
            check(worksheet_write_formula_str(m_sheet, m_row, col, "=\"\"", nullptr, ""));
            return;
        }
        m_bytes += qint64(f.text.size());
        const std::string_view t = f.text;
        switch (m_kinds[col]) {
        case Kind::Number:
            if (excelNumberExact(t, TypeCategory::Numeric)) {
                double value = 0;
                const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
                if (ec == std::errc() && end == t.data() + t.size()) {
                    writeNumber(col, value);
                    return;
                }
            }
            break;
        case Kind::Boolean:
            check(worksheet_write_boolean(m_sheet, m_row, col, t == "t", nullptr));
            return;
        case Kind::Date: {
            size_t i = 0;
            if (!isBc(t)) {
                if (const auto day = excelDay(t, i); day && i == t.size()) {
                    writeNumber(col, *day, m_dateFormat);
                    return;
                }
            }
            break;
        }
        case Kind::Timestamp: {
            // The wall-clock time as the session shows it; a timestamptz's offset is dropped, since
            // Excel has no time zones.
            size_t i = 0;
            if (isBc(t))
                break;
            const auto day = excelDay(t, i);
            if (!day || !expect(t, i, ' '))
                break;
            const auto time = dayFraction(t, i);
            if (!time)
                break;
            if (i < t.size() && t[i] != '+' && t[i] != '-')
                break;
            writeNumber(col, *day + *time, m_timestampFormat);
            return;
        }
        case Kind::Time: {
            size_t i = 0;
            if (const auto time = dayFraction(t, i); time && i == t.size()) {
                writeNumber(col, *time, m_timeFormat);
                return;
            }
            break;
        }
        case Kind::Text:
            break;
        }
        writeString(col, t);
    }

    QList<ExportColumn> m_columns;
    bool m_header;
    std::string m_null;
    std::vector<Kind> m_kinds;
    lxw_workbook* m_book = nullptr;
    lxw_worksheet* m_sheet = nullptr;
    lxw_format* m_bold = nullptr;
    lxw_format* m_dateFormat = nullptr;
    lxw_format* m_timestampFormat = nullptr;
    lxw_format* m_timeFormat = nullptr;
    const std::atomic<bool>& m_cancelled;
    QByteArray m_path; // the temporary file, removed by an abandoned close; empty when writing elsewhere
    QString m_target;  // the file as the user named it, for messages
    lxw_row_t m_row = 0;
    std::string m_cell;
    qint64 m_bytes = 0;
};

std::unique_ptr<RowEncoder> makeXlsxEncoder(const ExportOptions& options, const QList<ExportColumn>& columns,
                                            const QString& path, const std::atomic<bool>& cancelled,
                                            bool temporaryPath, const QString& target) {
    return std::make_unique<XlsxEncoder>(options, columns, path, cancelled, temporaryPath, target);
}

} // namespace pgdesk::core::exporting
