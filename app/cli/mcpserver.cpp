// SPDX-License-Identifier: GPL-3.0-or-later
#include "mcpserver.h"

#include "mcptools.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/jsontext.h>
#include <pgdesk/core/session/version.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstring>

namespace pgdesk::cli {

namespace {

// JSON-RPC's error codes.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kResourceNotFound = -32002; // MCP's

QByteArray line(const QJsonObject& message) {
    return QJsonDocument(message).toJson(QJsonDocument::Compact);
}

QByteArray error(const QJsonValue& id, int code, const QString& message) {
    return line({{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                 {QStringLiteral("id"), id},
                 {QStringLiteral("error"),
                  QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}});
}

QByteArray result(const QJsonValue& id, const QJsonObject& value) {
    return line({{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                 {QStringLiteral("id"), id},
                 {QStringLiteral("result"), value}});
}

// The JSON text of params.arguments in `message` (validated already), so query parameters keep their exact
// digits; empty when there is none.
QByteArray argumentsText(const QByteArray& message) {
    core::json::Reader reader(message);
    reader.beginObject();
    std::string key;
    while (reader.nextMember(&key)) {
        if (key != "params" || reader.type() != core::json::Type::Object) {
            reader.skip();
            continue;
        }
        reader.beginObject();
        while (reader.nextMember(&key)) {
            if (key != "arguments") {
                reader.skip();
                continue;
            }
            const qsizetype from = reader.offset();
            reader.skip();
            return message.mid(from, reader.offset() - from).trimmed();
        }
    }
    return {};
}

} // namespace

McpServer::McpServer(McpTools& tools)
    : m_tools(tools) {
}

QByteArray McpServer::tooLarge() {
    return error(
        QJsonValue(), kInvalidRequest,
        QStringLiteral("the message is larger than %1 MiB and was not read").arg(kMaxMessageBytes >> 20));
}

std::optional<QByteArray> McpServer::handle(const QByteArray& message) {
    if (message.trimmed().isEmpty())
        return std::nullopt;
    try {
        core::json::validate(message, kMaxDepth);
    } catch (const core::Error& e) {
        return error(QJsonValue(), kParseError, e.message());
    }
    const QJsonDocument document = QJsonDocument::fromJson(message);
    if (document.isArray())
        return error(QJsonValue(), kInvalidRequest,
                     QStringLiteral("batches are not part of MCP: one message a line"));
    const QJsonObject request = document.object();
    const QJsonValue id = request.value(QStringLiteral("id"));
    const QString method = request.value(QStringLiteral("method")).toString();
    if (request.value(QStringLiteral("jsonrpc")).toString() != QLatin1String("2.0") || method.isEmpty()) {
        if (request.contains(QStringLiteral("result")) || request.contains(QStringLiteral("error")))
            return std::nullopt; // a client's answer to a request of ours: none are sent
        return error(id.isString() || id.isDouble() ? id : QJsonValue(), kInvalidRequest,
                     QStringLiteral("not a JSON-RPC 2.0 request: {\"jsonrpc\":\"2.0\",\"method\":…}"));
    }
    if (!request.contains(QStringLiteral("id")))
        return std::nullopt; // a notification (initialized, cancelled …): nothing to answer
    if (!id.isString() && !id.isDouble())
        return error(QJsonValue(), kInvalidRequest, QStringLiteral("the id is a string or a number"));
    const QJsonObject params = request.value(QStringLiteral("params")).toObject();

    if (method == QLatin1String("initialize")) {
        const QString asked = params.value(QStringLiteral("protocolVersion")).toString();
        QString version = QLatin1String(kMcpProtocolVersions[0]);
        for (const char* v : kMcpProtocolVersions)
            if (asked == QLatin1String(v))
                version = asked;
        m_initialized = true;
        const QJsonObject client = params.value(QStringLiteral("clientInfo")).toObject();
        const QString clientName = client.value(QStringLiteral("name")).toString().left(100);
        if (!clientName.isEmpty())
            m_tools.setClient(
                (clientName + QLatin1Char(' ') + client.value(QStringLiteral("version")).toString().left(40))
                    .trimmed());
        return result(
            id,
            {{QStringLiteral("protocolVersion"), version},
             {QStringLiteral("capabilities"),
              QJsonObject{{QStringLiteral("tools"), QJsonObject{{QStringLiteral("listChanged"), false}}},
                          {QStringLiteral("resources"), QJsonObject{{QStringLiteral("listChanged"), false},
                                                                    {QStringLiteral("subscribe"), false}}}}},
             {QStringLiteral("serverInfo"), QJsonObject{{QStringLiteral("name"), QStringLiteral("pgdesk")},
                                                        {QStringLiteral("title"), QStringLiteral("PgDesk")},
                                                        {QStringLiteral("version"), core::pgdeskVersion()}}},
             {QStringLiteral("instructions"),
              QStringLiteral("PostgreSQL database of the PgDesk profile \"%1\". %2 Use list_tables and "
                             "describe_table before writing SQL; analyze_locks before proposing DDL.")
                  .arg(m_tools.profileName(),
                       m_tools.writes()
                           ? QStringLiteral("Queries may write.")
                           : QStringLiteral("Read-only: every query runs in a READ ONLY transaction "
                                            "that is rolled back."))}});
    }
    if (method == QLatin1String("ping"))
        return result(id, {});
    if (method == QLatin1String("tools/list"))
        return result(id, {{QStringLiteral("tools"), m_tools.list()}});
    if (method == QLatin1String("tools/call")) {
        const QString name = params.value(QStringLiteral("name")).toString();
        if (!m_tools.has(name))
            return error(id, kInvalidParams,
                         QStringLiteral("no tool \"%1\" (tools/list names them)").arg(name));
        const QJsonValue arguments = params.value(QStringLiteral("arguments"));
        if (!arguments.isUndefined() && !arguments.isObject())
            return error(id, kInvalidParams, QStringLiteral("arguments is an object"));
        const ToolResult r = m_tools.call(name, arguments.toObject(), argumentsText(message));
        QJsonObject out{{QStringLiteral("content"),
                         QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                                {QStringLiteral("text"), r.text}}}},
                        {QStringLiteral("isError"), r.isError}};
        if (!r.isError)
            out.insert(QStringLiteral("structuredContent"), r.structured);
        return result(id, out);
    }
    try {
        if (method == QLatin1String("resources/list"))
            return result(id, m_tools.listResources(params.value(QStringLiteral("cursor")).toString()));
        if (method == QLatin1String("resources/templates/list"))
            return result(id, {{QStringLiteral("resourceTemplates"), QJsonArray()}});
        if (method == QLatin1String("resources/read")) {
            const QString uri = params.value(QStringLiteral("uri")).toString();
            if (const auto read = m_tools.readResource(uri))
                return result(id, *read);
            return error(id, kResourceNotFound, QStringLiteral("no resource %1").arg(uri));
        }
    } catch (const core::Error& e) {
        return error(id, -32603, e.displayText());
    }
    return error(id, kMethodNotFound, QStringLiteral("no method \"%1\"").arg(method));
}

void McpServer::serve(std::FILE* in, std::FILE* out) {
    QByteArray message;
    bool dropping = false; // the rest of a message over the limit
    char buffer[65536];
    const auto answer = [out](const QByteArray& text) {
        std::fwrite(text.constData(), 1, size_t(text.size()), out);
        std::fputc('\n', out);
        std::fflush(out);
    };
    while (std::fgets(buffer, sizeof buffer, in)) {
        const qsizetype n = qsizetype(std::strlen(buffer));
        const bool end = n > 0 && buffer[n - 1] == '\n';
        if (!dropping) {
            const qsizetype take = end ? n - 1 : n;
            if (message.size() + take > kMaxMessageBytes) {
                message.clear();
                dropping = true;
            } else {
                // A long message gets the largest buffer once: growing by doubling would hold every
                // outgrown buffer at the peak (a sanitizer's quarantine keeps them all).
                if (message.size() + take > message.capacity() && message.size() >= qsizetype(sizeof buffer))
                    message.reserve(kMaxMessageBytes);
                message.append(buffer, take);
            }
        }
        if (!end)
            continue;
        if (dropping) {
            dropping = false;
            answer(tooLarge());
            continue;
        }
        if (message.endsWith('\r'))
            message.chop(1);
        if (const auto reply = handle(message))
            answer(*reply);
        message.clear();
    }
}

} // namespace pgdesk::cli
