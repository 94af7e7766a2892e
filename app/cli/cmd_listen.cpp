// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"
#include "connect.h"
#include "exitcodes.h"
#include "specoptions.h"

#include <pgdesk/core/session/listener.h>

#include <QJsonDocument>
#include <QJsonObject>

#include <chrono>

namespace pgdesk::cli {

// listen CHANNEL… [--count N] [--timeout S]: LISTEN on a connection of its own and print each notification
// as one NDJSON line (time, channel, payload, pid) as it comes; stops after N notifications or S seconds
// (exit 0 either way), or at Ctrl-C (130). Refused through a transaction-mode pooler.
int cmdListen(Invocation& inv) {
    QStringList channels;
    qint64 count = -1;
    double timeout = -1;
    for (qsizetype i = 0; i < inv.args.size(); ++i) {
        const QString& arg = inv.args[i];
        const auto value = [&] { return optionValue(inv.args, i); };
        if (arg == QLatin1String("--count")) {
            bool ok = false;
            count = value().toLongLong(&ok);
            if (!ok || count < 1)
                throw UsageError{QStringLiteral("--count wants a whole number of at least 1")};
        } else if (arg == QLatin1String("--timeout")) {
            bool ok = false;
            timeout = value().toDouble(&ok);
            if (!ok || timeout < 0)
                throw UsageError{QStringLiteral("--timeout wants seconds (0 or more)")};
        } else if (arg.startsWith(QLatin1String("--"))) {
            throw UsageError{QStringLiteral("listen: unknown option %1").arg(arg)};
        } else {
            channels << arg;
        }
    }
    if (channels.isEmpty())
        throw UsageError{QStringLiteral("listen takes one or more CHANNEL names")};

    core::Listener listener(connect(inv));
    for (const QString& channel : std::as_const(channels))
        listener.listen(channel);
    using Clock = std::chrono::steady_clock;
    const auto deadline = timeout < 0 ? Clock::time_point::max()
                                      : Clock::now() + std::chrono::milliseconds(qint64(timeout * 1000));
    qint64 printed = 0;
    while (count < 0 || printed < count) {
        const auto now = Clock::now();
        if (now >= deadline)
            break;
        const auto slice = std::min<Clock::duration>(deadline - now, std::chrono::seconds(1));
        for (const core::Notification& n :
             listener.wait(std::chrono::duration_cast<std::chrono::milliseconds>(slice))) {
            const QJsonObject line{{QStringLiteral("time"), n.received.toString(Qt::ISODateWithMs)},
                                   {QStringLiteral("channel"), n.channel},
                                   {QStringLiteral("payload"), n.payload},
                                   {QStringLiteral("pid"), n.senderPid}};
            inv.out << QString::fromUtf8(QJsonDocument(line).toJson(QJsonDocument::Compact)) << '\n';
            inv.out.flush();
            if (++printed == count)
                break;
        }
    }
    return ExitOk;
}

} // namespace pgdesk::cli
