// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/connect/sessionopener.h>

#include <pgdesk/core/profiles/passwordcommand.h>
#include <pgdesk/core/profiles/profilestore.h>
#include <pgdesk/core/profiles/secretstore.h>
#include <pgdesk/core/session/dsn.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/jobslot.h>

#include <atomic>

namespace pgdesk::ui {

SessionOpener::SessionOpener(QObject* parent)
    : QObject(parent)
    , m_open(new JobSlot(this)) {
}

void SessionOpener::openProfile(const QString& name) {
    start(name, {});
}

void SessionOpener::openDsn(const QString& dsn) {
    start({}, dsn);
}

void SessionOpener::start(const QString& profileName, const QString& dsn) {
    // Set by the worker once it knows the profile: a password command or Kerberos makes a refused login
    // something a typed password cannot fix.
    auto asks = std::make_shared<std::atomic<bool>>(true);
    m_open->start(
        [profileName, dsn, asks](const std::shared_ptr<core::CancelToken>&) {
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
            asks->store(core::asksForPassword(profile));
            auto pool = core::Pool::create(profile, password);
            auto connection = pool->acquire(); // proves the settings work before the window uses them
            const auto [user, database] = connection->userAndDatabase();
            return SessionInfo{profileName.isEmpty() ? database : profileName,
                               connection->serverVersionString(), user, database, pool};
        },
        [this](SessionInfo info) { emit opened(info); },
        [this, asks](const BackgroundFailure& failure) {
            m_asksForPassword = asks->load();
            emit failed(failure.message);
        });
}

} // namespace pgdesk::ui
