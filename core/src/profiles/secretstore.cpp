// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/profiles/secretstore.h>

#include <QCoreApplication>
#include <QHash>
#include <QThread>

#include <qt6keychain/keychain.h>

#include <chrono>
#include <future>
#include <mutex>

namespace pgdesk::core {

namespace {

const QString kService = QStringLiteral("PgDesk");
// Never a profile key ("profile/…"), so probing cannot touch a real entry.
const QString kProbeKey = QStringLiteral("pgdesk/availability-probe");
constexpr auto kTimeout = std::chrono::seconds(10);

QString keyFor(const QString& profile) {
    return QStringLiteral("profile/") + profile;
}

enum class Op { Read, Write, Delete };

struct Outcome {
    QKeychain::Error error = QKeychain::OtherError;
    QString message;
    QString data;

    bool ok() const { return error == QKeychain::NoError; }
    bool notFound() const { return error == QKeychain::EntryNotFound; }
};

} // namespace

struct SecretStore::Private {
    std::mutex mutex;
    QHash<QString, QString> memory;
    std::optional<bool> available;
    QString unavailableReason;
    QString lastError;
    QThread* thread = nullptr;
    QObject* context = nullptr; // lives in `thread`; jobs are created and finish there
    bool stopped = false;

    bool ensureThread() {
        if (stopped) {
            unavailableReason = QStringLiteral("the keychain was closed when the application quit");
            return false;
        }
        if (thread)
            return true;
        if (!QCoreApplication::instance()) {
            unavailableReason = QStringLiteral("the keychain needs a QCoreApplication");
            return false;
        }
        thread = new QThread;
        thread->setObjectName(QStringLiteral("pgdesk-keychain"));
        context = new QObject;
        context->moveToThread(thread);
        thread->start();
        // The thread has to end before QCoreApplication does; static destruction is too late.
        qAddPostRoutine(&SecretStore::Private::stopOnExit);
        return true;
    }

    void stop() {
        if (!thread)
            return;
        context->deleteLater();
        context = nullptr;
        thread->quit();
        if (thread->wait(5000))
            delete thread; // a job stuck past that is left alone rather than crash the exit
        thread = nullptr;
        stopped = true;
        available = false;
    }

    // Runs one QtKeychain job on the keychain thread and waits for it.
    Outcome run(Op op, const QString& key, const QString& data = {}) {
        auto promise = std::make_shared<std::promise<Outcome>>();
        std::future<Outcome> future = promise->get_future();
        QMetaObject::invokeMethod(
            context,
            [promise, op, key, data]() mutable {
                QKeychain::Job* job = nullptr;
                switch (op) {
                case Op::Read:
                    job = new QKeychain::ReadPasswordJob(kService);
                    break;
                case Op::Write: {
                    auto* write = new QKeychain::WritePasswordJob(kService);
                    write->setTextData(data);
                    job = write;
                    break;
                }
                case Op::Delete:
                    job = new QKeychain::DeletePasswordJob(kService);
                    break;
                }
                job->setAutoDelete(false);
                job->setInsecureFallback(false); // never a plain-text file
                job->setKey(key);
                QObject::connect(job, &QKeychain::Job::finished, job,
                                 [promise = std::move(promise), op](QKeychain::Job* j) mutable {
                                     if (!promise)
                                         return;
                                     Outcome o;
                                     o.error = j->error();
                                     o.message = j->errorString();
                                     if (op == Op::Read && o.ok())
                                         o.data = static_cast<QKeychain::ReadPasswordJob*>(j)->textData();
                                     promise->set_value(std::move(o));
                                     promise.reset();
                                     j->deleteLater();
                                 });
                job->start();
            },
            Qt::QueuedConnection);
        if (future.wait_for(kTimeout) != std::future_status::ready) {
            Outcome timedOut;
            timedOut.message =
                QStringLiteral("the keychain did not answer within %1 s").arg(kTimeout.count());
            // QtKeychain queues every later job behind the stuck one: stop asking for this process.
            available = false;
            unavailableReason = timedOut.message;
            return timedOut;
        }
        return future.get();
    }

    bool keychainAvailable() {
        if (!ensureThread())
            return false;
        if (!available) {
            const Outcome probe = run(Op::Read, kProbeKey);
            available = probe.ok() || probe.notFound();
            if (!*available)
                unavailableReason = QStringLiteral("no keychain available: %1").arg(probe.message);
        }
        return *available;
    }

    static Private* s_instance;

    static void stopOnExit() {
        // Runs inside ~QCoreApplication, on its thread.
        std::lock_guard lock(s_instance->mutex);
        s_instance->stop();
    }

    void keepInMemory(const QString& profile, const QString& password, const QString& why) {
        memory.insert(profile, password);
        lastError = QStringLiteral("%1; the password of \"%2\" is kept in memory for this session only")
                        .arg(why, profile);
    }
};

SecretStore::Private* SecretStore::Private::s_instance = nullptr;

SecretStore::SecretStore()
    : d(std::make_unique<Private>()) {
    Private::s_instance = d.get();
}

SecretStore::~SecretStore() {
    std::lock_guard lock(d->mutex);
    d->stop();
}

SecretStore& SecretStore::instance() {
    static SecretStore store;
    return store;
}

std::optional<QString> SecretStore::password(const QString& profile) {
    std::lock_guard lock(d->mutex);
    d->lastError.clear();
    if (const auto it = d->memory.constFind(profile); it != d->memory.constEnd())
        return *it;
    if (!d->keychainAvailable()) {
        d->lastError = d->unavailableReason;
        return std::nullopt;
    }
    const Outcome o = d->run(Op::Read, keyFor(profile));
    if (o.ok())
        return o.data;
    if (!o.notFound())
        d->lastError = QStringLiteral("could not read the password of \"%1\" from the keychain: %2")
                           .arg(profile, o.message);
    return std::nullopt;
}

void SecretStore::setPassword(const QString& profile, const QString& password, bool persist) {
    std::lock_guard lock(d->mutex);
    d->lastError.clear();
    if (!persist) {
        d->memory.insert(profile, password);
        if (d->keychainAvailable()) {
            const Outcome o = d->run(Op::Delete, keyFor(profile));
            if (!o.ok() && !o.notFound())
                d->lastError =
                    QStringLiteral("could not remove the saved password of \"%1\" from the keychain: %2")
                        .arg(profile, o.message);
        }
        return;
    }
    if (!d->keychainAvailable()) {
        d->keepInMemory(profile, password, d->unavailableReason);
        return;
    }
    const Outcome o = d->run(Op::Write, keyFor(profile), password);
    if (o.ok())
        d->memory.remove(profile);
    else
        d->keepInMemory(profile, password,
                        QStringLiteral("the keychain did not store the password (%1)").arg(o.message));
}

void SecretStore::removePassword(const QString& profile) {
    std::lock_guard lock(d->mutex);
    d->lastError.clear();
    d->memory.remove(profile);
    if (!d->keychainAvailable())
        return;
    const Outcome o = d->run(Op::Delete, keyFor(profile));
    if (!o.ok() && !o.notFound())
        d->lastError = QStringLiteral("could not remove the password of \"%1\" from the keychain: %2")
                           .arg(profile, o.message);
}

bool SecretStore::keychainAvailable() {
    std::lock_guard lock(d->mutex);
    const bool available = d->keychainAvailable();
    d->lastError = available ? QString() : d->unavailableReason;
    return available;
}

QString SecretStore::lastError() const {
    std::lock_guard lock(d->mutex);
    return d->lastError;
}

} // namespace pgdesk::core
