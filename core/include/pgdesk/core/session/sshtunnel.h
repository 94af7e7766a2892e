// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/profiles/connectionprofile.h>
#include <pgdesk/core/profiles/sshsettings.h>

#include <QString>

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace pgdesk::core {

class SshProcess;

// A question ssh asks through our askpass helper (pgdesk-askpass), answered by the front end's prompter.
struct SshPrompt {
    enum class Kind {
        Secret,  // a password or a key's passphrase (ssh's own words in text)
        HostKey, // an unknown host key: text holds ssh's fingerprint message
    };
    Kind kind = Kind::Secret;
    QString text;        // ssh's prompt, as ssh wrote it
    QString profileName; // whose tunnel asks (empty for a DSN's)
    QString destination; // the SSH destination as configured ([user@]host[:port])
};

struct SshAnswer {
    enum class HostKey { Refuse, AcceptOnce, AcceptAlways };
    std::optional<QString> secret; // Secret: the answer; nullopt = cancelled
    bool remember = false;         // Secret: put it in the keychain once the tunnel is up
    HostKey hostKey = HostKey::Refuse;
};

// Called on a tunnel thread; may block until the user answered (the GUI shows a dialog on its thread).
using SshPrompter = std::function<SshAnswer(const SshPrompt&)>;

enum class SshTunnelState { Stopped, Starting, Up, Down };
QString sshTunnelStateName(SshTunnelState state); // "stopped", "starting", "up", "down"

struct SshTunnelStatus {
    SshTunnelState state = SshTunnelState::Stopped;
    QString message; // Down: why (the hop's words); Up: "127.0.0.1:PORT → target via destination"
    int localPort = 0;
    qint64 pid = 0;   // the ssh process while it runs
    int restarts = 0; // starts after the first one (Reconnect)
};

// One `ssh -N -L 127.0.0.1:PORT:dbhost:dbport destination` through the system's OpenSSH client, shared
// by every connection and pool of a session (thread-safe; Connection::open goes through it, so every caller
// and CLI command does). Held by shared_ptr: it stops when the last connection or pool holding it goes.
// The process is forked by a thread of the tunnel that lives exactly as long as it and reads its standard
// error; PR_SET_PDEATHSIG ties ssh to that thread, so ssh ends with the app even when the app crashes or is
// SIGKILLed; ssh and its ProxyJump children form one process group, stopped together (SIGTERM, SIGKILL
// after 2 s). A dead ssh is Down in status(); the next connect (Reconnect) starts it again. Secrets reach
// ssh only through pgdesk-askpass (SSH_ASKPASS_REQUIRE=force), which asks this process over a Unix socket
// in a private 0700 folder made per start (the peer's uid checked): from the keychain (sshSecretName) once,
// then the prompter. Never through a command line, the environment or a file.
//
// Why a local forward on a loopback TCP port: libpq connects to a socket itself, so stdio forwarding
// (`ssh -W`) would need a relay of ours, while `-L` is ssh's own; TCP rather than a Unix socket keeps
// sslmode working (libpq does no TLS over Unix sockets), and with hostaddr 127.0.0.1 while host stays the
// server's name, verify-full still checks the certificate against that name. A target that is a Unix socket
// folder on the SSH host (host=/var/run/postgresql) is forwarded as `-L PORT:/dir/.s.PGSQL.5432`.
//
// ssh reads a private ssh_config (-F, in that folder): our settings first (ssh keeps the first value it
// reads), then an Include of the user's config. So aliases work, but nothing in a config can make a host key
// pass silently, turn our ssh into a ControlMaster that outlives the app (ControlMaster auto with
// ControlPersist would), or fork it away; -F reaches the ProxyJump hops' ssh too. Forced: BatchMode no,
// ControlMaster/ControlPath/ControlPersist off, ForkAfterAuthentication no, PermitLocalCommand no,
// ExitOnForwardFailure yes, ServerAliveInterval 10 × 3, StrictHostKeyChecking ask|yes, UserKnownHostsFile
// the session's file first, then the user's (from `ssh -G`). A host key accepted once is "yes" to ssh,
// which writes it to the session's file (gone with the folder); accepted for good, that file is also
// appended to the user's first known_hosts once the tunnel is up; refused is "no".
//
// Up means the forward answered an SSLRequest with PostgreSQL's 'S' or 'N' (ssh closes a forward the
// server refused instead). A failure is read from ssh's standard error (classifySshFailure) into the
// SshError's field: unreachable (a jump host that could not reach the next hop too), authentication, host
// key changed, host key not accepted, forwarding refused.
class SshTunnel final {
public:
    struct Target {
        QString host; // as seen from the last hop; empty = localhost; "/dir" = that Unix socket folder
        int port = 5432;
    };
    static std::shared_ptr<SshTunnel> create(SshSettings settings, Target target, QString profileName = {},
                                             int connectTimeoutSeconds = 10);
    // The live tunnel of the same SSH settings and target when there is one (several databases, the
    // activity tab's own connection), else a new one; not started yet. ConfigurationError for a profile
    // whose host cannot be tunnelled (several hosts).
    static std::shared_ptr<SshTunnel> forProfile(const ConnectionProfile& profile);
    // The profile libpq connects with through the local end: hostaddr 127.0.0.1 and the local port, host
    // kept for TLS verification; no SSH settings.
    static ConnectionProfile throughTunnel(const ConnectionProfile& profile, int localPort);
    // Process-wide: who answers prompts (the GUI's dialog, the CLI's terminal). Without one, a secret
    // not in the keychain is cancelled and an unknown host key refused.
    static void setPrompter(SshPrompter prompter);

    ~SshTunnel(); // stops ssh
    SshTunnel(const SshTunnel&) = delete;
    SshTunnel& operator=(const SshTunnel&) = delete;

    // Starts ssh when it is not running (first use, or it died: that is Reconnect) and waits until the
    // forward carries a PostgreSQL handshake. Returns the local port. Throws SshError naming the hop.
    int ensureUp();
    SshTunnelStatus status() const;
    // Throws the SshError that ended ssh, if it ended; else nothing.
    void throwIfDown() const;
    void stop();

    const SshSettings& settings() const { return m_settings; }
    // The ssh command for display (no secrets exist on it).
    QStringList commandLine() const;

private:
    SshTunnel(SshSettings settings, Target target, QString profileName, int connectTimeoutSeconds);
    int startLocked(std::unique_lock<std::mutex>& lock);
    int startOnce(int localPort, ErrorInfo& failure);
    std::optional<QString> answerPrompt(const QString& prompt);

    const SshSettings m_settings;
    const Target m_target;
    const QString m_profileName;
    const int m_connectTimeoutSeconds;

    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::unique_ptr<SshProcess> m_process;
    SshTunnelStatus m_status;
    std::optional<ErrorInfo> m_failure;
    bool m_starting = false;
    // Per start: the keychain's secret is offered once; a secret typed to remember; accepting a host key
    // for good copies the session's known_hosts into the user's once the tunnel is up.
    bool m_keychainTried = false;
    std::optional<QString> m_typedSecret;
    bool m_hostKeyForGood = false;
};

// Pure: what ssh's standard error says went wrong (the last lines matter most), as the SshError's info.
ErrorInfo classifySshFailure(const QString& stderrText, const SshSettings& settings, int exitCode);

} // namespace pgdesk::core
