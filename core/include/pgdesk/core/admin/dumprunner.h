// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/admin/dumptool.h>

#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace pgdesk::core {

// Runs one DumpCommand with QProcess (asynchronous: needs an event loop; never blocks). The password goes
// into an in-memory pgpass file (memfd, mode 0600) that only the child inherits, as PGPASSFILE=/dev/fd/N:
// no file on disk, nothing left even when we are killed; never on the command line nor in PGPASSWORD.
// A backup writes (mode 0600) to a hidden sibling of its target, named with our PID, that is renamed to the
// target only on success, so a failed or cancelled backup leaves nothing; one a killed process left is
// removed by the next backup into that folder. The child ends when we do; cancel is SIGTERM, SIGKILL 5 s
// later. Progress comes from pg_dump's and pg_restore's --verbose lines and psql's COPY tags (one a table).
class DumpRunner final : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Running, Succeeded, Failed, Canceled };

    explicit DumpRunner(QObject* parent = nullptr);
    ~DumpRunner() override; // kills a running process and removes what it wrote

    // `totalTables` is the progress bar's total (dumpTableCount(), archiveTableCount()); 0 or less = unknown.
    // Errors found before the start (a target in the way, no temporary folder) end the run with finished().
    void start(const DumpCommand& command, const std::optional<QString>& password, int totalTables = 0);
    // Terminates the process; finished() follows with State::Canceled once it is gone.
    void cancel();

    State state() const { return m_state; }
    int tablesDone() const { return m_done; }
    int totalTables() const { return m_total; }
    // After a failure: what went wrong in plain words (the program's error lines and exit status).
    QString errorText() const { return m_errorText; }
    // Every line the program wrote on standard error (verbose progress included).
    QStringList log() const { return m_log; }
    // PGPASSFILE while the process runs ("/dev/fd/N"); empty otherwise.
    QString passFilePath() const;
    qint64 processId() const;

signals:
    // After each table's data: how many are done, of how many (0 = unknown), and the table's name.
    void progress(int done, int total, const QString& table);
    void finished(pgdesk::core::DumpRunner::State state);

private:
    void readStandardError();
    void readStandardOutput();
    void handleLine(const QString& line);
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onError(QProcess::ProcessError error);
    void finish(State state, const QString& errorText = {});
    void removeOutput();
    bool commitOutput(QString* error);
    void closePassword();

    DumpCommand m_command;
    QProcess* m_process = nullptr;
    int m_passFd = -1;     // the memfd holding the pgpass line
    QString m_partialPath; // the backup's hidden sibling
    State m_state = State::Idle;
    bool m_cancelRequested = false;
    int m_done = 0;
    int m_total = 0;
    QString m_errorText;
    QStringList m_log;
    QByteArray m_errBuffer;
    QByteArray m_outBuffer;
};

} // namespace pgdesk::core
