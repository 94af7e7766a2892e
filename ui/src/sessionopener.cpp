#include <pgdesk/ui/sessionopener.h>

#include <pgdesk/core/connection.h>
#include <pgdesk/core/dsn.h>
#include <pgdesk/core/errors.h>
#include <pgdesk/core/profilestore.h>
#include <pgdesk/core/secretstore.h>

#include <QPointer>
#include <QThread>

namespace pgdesk::ui {

SessionOpener::SessionOpener(QObject* parent)
    : QObject(parent) {
    qRegisterMetaType<pgdesk::ui::SessionInfo>();
}

void SessionOpener::openProfile(const QString& name) {
    start(name, {});
}

void SessionOpener::openDsn(const QString& dsn) {
    start({}, dsn);
}

void SessionOpener::start(const QString& profileName, const QString& dsn) {
    const quint64 generation = ++m_generation;
    QPointer<SessionOpener> self(this);
    auto deliver = [self, generation](auto&& emitter) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, generation, emitter] {
                if (self && generation == self->m_generation)
                    emitter(self.data());
            },
            Qt::QueuedConnection);
    };
    QThread* worker = QThread::create([profileName, dsn, deliver] {
        try {
            core::ConnectionProfile profile;
            std::optional<QString> password;
            if (!profileName.isEmpty()) {
                core::ProfileStore store;
                store.load();
                profile = store.get(profileName);
                password = core::SecretStore::instance().password(profileName);
            } else {
                auto parsed = core::parseDsn(dsn);
                profile = parsed.profile;
                password = parsed.password;
            }
            auto c = core::Connection::open(profile, password);
            const auto who = c.exec(QStringLiteral("select current_user, current_database()"));
            SessionInfo info{profileName.isEmpty() ? who.text(0, 1) : profileName, c.serverVersionString(),
                             who.text(0, 0), who.text(0, 1)};
            deliver([info](SessionOpener* s) { emit s->opened(info); });
        } catch (const core::Error& e) {
            const QString message = e.displayText();
            deliver([message](SessionOpener* s) { emit s->failed(message); });
        } catch (const std::exception& e) {
            const QString message = QString::fromUtf8(e.what());
            deliver([message](SessionOpener* s) { emit s->failed(message); });
        }
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
}

} // namespace pgdesk::ui
