// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Model Context Protocol side of `pgdesk-cli mcp`: JSON-RPC 2.0 over standard input and output, one
// message a line (MCP's stdio transport), with the initialize negotiation, ping, tools/list, tools/call,
// resources/list and resources/read; the tools are McpTools'. Whatever a client sends gets an answer and
// never a crash or a closed stream: a message over kMaxMessageBytes is refused without being kept (its
// bytes are read and dropped), JSON nested deeper than kMaxDepth is refused before it is parsed, anything
// else malformed gets JSON-RPC's error. Standard output carries the protocol alone.

#include <QByteArray>
#include <QString>

#include <cstdio>
#include <optional>

namespace pgdesk::cli {

class McpTools;

// The protocol revisions spoken, newest first; the client's is answered when it is one of them.
inline constexpr const char* kMcpProtocolVersions[] = {"2025-11-25", "2025-06-18", "2025-03-26",
                                                       "2024-11-05"};
inline constexpr qsizetype kMaxMessageBytes = qsizetype(8) << 20;
inline constexpr int kMaxDepth = 64;

class McpServer final {
public:
    explicit McpServer(McpTools& tools);

    // The answer to one message (a line without its end); nothing for a notification.
    std::optional<QByteArray> handle(const QByteArray& message);
    // The error answer for a message longer than kMaxMessageBytes.
    static QByteArray tooLarge();
    // Reads messages from `in` until it ends, writing each answer to `out` as a line. Returns when `in` is
    // closed (the client went); a write to a client that went fails quietly.
    void serve(std::FILE* in, std::FILE* out);

private:
    McpTools& m_tools;
    bool m_initialized = false;
};

} // namespace pgdesk::cli
