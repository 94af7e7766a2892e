#pragma once
// Internal to pgdesk_core: drives COPY … FROM STDIN on a connection (bulk create, CSV import).

#include <pgdesk/core/connection.h>

#include <QByteArray>
#include <QString>

#include <functional>

namespace pgdesk::core {

// Runs `statement` (a COPY … FROM STDIN), then calls `produce` for chunks of data until it returns false
// and sends each non-empty chunk. Whatever happens the copy is ended and every result drained, so the
// connection stays usable: an exception from `produce` aborts the copy (nothing is inserted) and is
// rethrown; a server error (bad row) is thrown as its mapped error, with the server's CONTEXT line
// ("COPY t, line 5, column price: …") kept in the error's detail. Returns the rows copied. The client
// encoding must be UTF8 (checked).
qint64 copyIn(Connection& connection, const QString& statement,
              const std::function<bool(QByteArray&)>& produce);

} // namespace pgdesk::core
