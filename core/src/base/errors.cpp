// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/base/errors.h>

namespace pgdesk::core {

ErrorKind errorKindFromSqlState(std::string_view s) noexcept {
    if (s.size() != 5)
        return ErrorKind::Query;
    const std::string_view cls = s.substr(0, 2);
    if (cls == "08" || s == "57P01" || s == "57P02" || s == "57P03" || s == "53300")
        return ErrorKind::Connection;
    if (cls == "28")
        return ErrorKind::Authentication;
    if (s == "42501")
        return ErrorKind::PermissionDenied;
    if (s == "42P01" || s == "42703" || s == "3F000" || s == "3D000" || s == "42704" || s == "P0002")
        return ErrorKind::NotFound;
    // 42883 (no such function or operator for these types) stays a Query error: it is a wrong
    // expression or filter, not a missing object the user named.
    if (s == "23505")
        return ErrorKind::AlreadyExists;
    if (cls == "23")
        return ErrorKind::Integrity;
    if (s == "40001")
        return ErrorKind::Serialization;
    if (s == "40P01")
        return ErrorKind::Deadlock;
    if (s == "57014")
        return ErrorKind::QueryCanceled;
    if (cls == "22")
        return ErrorKind::Data;
    if (s == "42601")
        return ErrorKind::Syntax;
    return ErrorKind::Query;
}

QString errorKindName(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::Configuration:
        return QStringLiteral("configuration");
    case ErrorKind::Connection:
        return QStringLiteral("connection");
    case ErrorKind::Authentication:
        return QStringLiteral("authentication");
    case ErrorKind::PoolTimeout:
        return QStringLiteral("pool_timeout");
    case ErrorKind::PermissionDenied:
        return QStringLiteral("permission_denied");
    case ErrorKind::NotFound:
        return QStringLiteral("not_found");
    case ErrorKind::AlreadyExists:
        return QStringLiteral("already_exists");
    case ErrorKind::Integrity:
        return QStringLiteral("integrity");
    case ErrorKind::Serialization:
        return QStringLiteral("serialization");
    case ErrorKind::Deadlock:
        return QStringLiteral("deadlock");
    case ErrorKind::QueryCanceled:
        return QStringLiteral("query_canceled");
    case ErrorKind::Data:
        return QStringLiteral("data");
    case ErrorKind::Syntax:
        return QStringLiteral("syntax");
    case ErrorKind::Conflict:
        return QStringLiteral("conflict");
    case ErrorKind::Query:
        return QStringLiteral("query");
    }
    return QStringLiteral("query");
}

bool isRetryable(ErrorKind kind) noexcept {
    return kind == ErrorKind::Serialization || kind == ErrorKind::Deadlock;
}

Error::Error(ErrorInfo info)
    : m_info(std::move(info))
    , m_what(displayText().toStdString()) {
}

const char* Error::what() const noexcept {
    return m_what.c_str();
}

QString Error::displayText() const {
    QString text = m_info.sqlState.isEmpty()
                       ? m_info.message
                       : QStringLiteral("ERROR %1: %2").arg(m_info.sqlState, m_info.message);
    if (!m_info.field.isEmpty() && m_info.kind == ErrorKind::Configuration && !text.contains(m_info.field))
        text = m_info.field + QStringLiteral(": ") + text;
    if (!m_info.detail.isEmpty())
        text += QStringLiteral(" (DETAIL: %1)").arg(m_info.detail);
    if (!m_info.hint.isEmpty())
        text += QStringLiteral(" (HINT: %1)").arg(m_info.hint);
    return text;
}

void throwOutputError(const QString& what, const QString& reason) {
    ErrorInfo info;
    info.kind = ErrorKind::Query;
    info.field = QLatin1String(kOutputFileField);
    info.message = QStringLiteral("cannot write %1: %2").arg(what, reason);
    throwError(std::move(info));
}

bool isSshFailure(const ErrorInfo& info) {
    return info.kind == ErrorKind::Connection && info.field.startsWith(QLatin1String("ssh_"));
}

void throwError(ErrorInfo info) {
    switch (info.kind) {
    case ErrorKind::Configuration:
        throw ConfigurationError(std::move(info));
    case ErrorKind::Connection:
        if (isSshFailure(info))
            throw SshError(std::move(info));
        throw ConnectionError(std::move(info));
    case ErrorKind::Authentication:
        throw AuthenticationError(std::move(info));
    case ErrorKind::PoolTimeout:
        throw PoolTimeoutError(std::move(info));
    case ErrorKind::PermissionDenied:
        throw PermissionDenied(std::move(info));
    case ErrorKind::NotFound:
        throw NotFound(std::move(info));
    case ErrorKind::AlreadyExists:
        throw AlreadyExists(std::move(info));
    case ErrorKind::Integrity:
        throw IntegrityError(std::move(info));
    case ErrorKind::Serialization:
        throw SerializationFailure(std::move(info));
    case ErrorKind::Deadlock:
        throw DeadlockDetected(std::move(info));
    case ErrorKind::QueryCanceled:
        throw QueryCanceled(std::move(info));
    case ErrorKind::Data:
        throw DataError(std::move(info));
    case ErrorKind::Syntax:
        throw SyntaxError(std::move(info));
    case ErrorKind::Conflict:
        throw ConflictError(std::move(info));
    case ErrorKind::Query:
        throw QueryError(std::move(info));
    }
    throw QueryError(std::move(info));
}

void throwError(ErrorKind kind, const QString& message) {
    ErrorInfo info;
    info.kind = kind;
    info.message = message;
    throwError(std::move(info));
}

void throwConfigurationError(const QString& field, const QString& message) {
    ErrorInfo info;
    info.kind = ErrorKind::Configuration;
    info.field = field;
    info.message = message;
    throwError(std::move(info));
}

} // namespace pgdesk::core
