// SPDX-License-Identifier: GPL-3.0-or-later
#include "edit/proposalbar.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/editing/changeset.h>
#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/common/theme.h>
#include <pgdesk/ui/edit/editsession.h>

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTimer>

namespace pgdesk::ui {

namespace {

constexpr int kPollMs = 3000; // how soon an agent's proposal shows in an open tab

} // namespace

ProposalBar::ProposalBar(EditSession* session, QString profile, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_profile(std::move(profile))
    , m_table(core::ChangeSet(session->table()).table)
    , m_text(new QLabel(this))
    , m_stage(new QPushButton(tr("Stage"), this))
    , m_discard(new QPushButton(tr("Discard"), this))
    , m_timer(new QTimer(this))
    , m_read(new JobSlot(this)) {
    setObjectName(QStringLiteral("proposalBar"));
    m_text->setObjectName(QStringLiteral("proposalLabel"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setStyleSheet(textStyle(warningColor()));
    m_stage->setObjectName(QStringLiteral("proposalStageButton"));
    m_discard->setObjectName(QStringLiteral("proposalDiscardButton"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_stage);
    layout->addWidget(m_discard);
    connect(m_stage, &QPushButton::clicked, this, &ProposalBar::stage);
    connect(m_discard, &QPushButton::clicked, this, &ProposalBar::discard);
    connect(m_session, &EditSession::changed, this, &ProposalBar::updateButtons);
    m_timer->setInterval(kPollMs);
    // Asked again while the tab is on screen (the bar itself is hidden while nothing is proposed).
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (parentWidget() && parentWidget()->isVisible())
            refresh();
    });
    m_timer->start();
    setVisible(false);
    refresh();
}

ProposalBar::~ProposalBar() = default;

void ProposalBar::refresh() {
    if (m_read->isRunning())
        return;
    m_read->start(
        [profile = m_profile, table = m_table](const std::shared_ptr<core::CancelToken>&) {
            return core::ProposalStore().pending(profile, table);
        },
        [this](const QList<core::Proposal>& pending) {
            show(pending);
            emit refreshed();
        },
        [this](const BackgroundFailure&) { emit refreshed(); }); // no store yet: nothing proposed
}

void ProposalBar::show(const QList<core::Proposal>& pending) {
    m_waiting = int(pending.size());
    if (pending.isEmpty()) {
        m_shown.reset();
        setVisible(false);
        return;
    }
    m_shown = pending.first();
    const QString when = QLocale().toString(m_shown->proposedAt.toLocalTime().time(), QLocale::ShortFormat);
    QString text = tr("%1 proposed %2 at %3.").arg(m_shown->proposedBy, m_shown->summary, when);
    if (m_waiting > 1)
        text += QLatin1Char(' ') + tr("%n more proposal(s) wait after it.", nullptr, m_waiting - 1);
    m_text->setText(text);
    setVisible(true);
    updateButtons();
}

void ProposalBar::updateButtons() {
    // Staged, the proposal replaces what is staged: only when nothing of the user's would be lost.
    const bool free = m_session->isEmpty() && !m_session->hasOffer() && !m_session->isApplying();
    m_stage->setEnabled(m_shown.has_value() && free);
    m_stage->setToolTip(
        free ? tr("The proposed changes become this tab's staged edits: review them, then Apply "
                  "or Discard")
             : tr("Apply or discard the staged changes first"));
}

void ProposalBar::stage() {
    if (!m_shown || !m_session->isEmpty())
        return;
    try {
        const core::ChangeSet changes = core::ChangeSet::fromJsonText(m_shown->body.toUtf8());
        core::ProposalStore store;
        if (!store.settle(m_shown->id, core::Proposal::Status::Staged)) { // taken meanwhile elsewhere
            refresh();
            return;
        }
        m_session->replace(changes);
    } catch (const core::Error& e) {
        m_text->setText(tr("The proposal cannot be staged: %1").arg(e.message()));
        return;
    }
    refresh();
}

void ProposalBar::discard() {
    if (!m_shown)
        return;
    try {
        core::ProposalStore().settle(m_shown->id, core::Proposal::Status::Discarded);
    } catch (const core::Error& e) {
        m_text->setText(tr("The proposal cannot be discarded: %1").arg(e.message()));
        return;
    }
    refresh();
}

} // namespace pgdesk::ui
