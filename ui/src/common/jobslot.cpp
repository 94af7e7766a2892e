// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/common/jobslot.h>

namespace pgdesk::ui {

JobSlot::JobSlot(QObject* owner)
    : QObject(owner) {
}

JobSlot::~JobSlot() {
    if (m_token)
        cancelInBackground(std::exchange(m_token, nullptr));
}

void JobSlot::cancel() {
    if (m_token)
        cancelInBackground(m_token);
}

void JobSlot::abandon() {
    if (!m_token)
        return;
    cancelInBackground(std::exchange(m_token, nullptr));
    emit runningChanged(false);
}

int JobSlot::backendPid() const {
    return m_token ? m_token->attachedBackendPid() : 0;
}

JobSlot* jobSlot(QObject* owner, const QString& name) {
    if (auto* slot = owner->findChild<JobSlot*>(name, Qt::FindDirectChildrenOnly))
        return slot;
    auto* slot = new JobSlot(owner);
    slot->setObjectName(name);
    return slot;
}

bool JobSlot::finish(quint64 id) {
    if (id != m_id || !m_token)
        return false;
    m_token.reset();
    return true;
}

void JobSlot::settled() {
    if (!m_token)
        emit runningChanged(false);
}

} // namespace pgdesk::ui
