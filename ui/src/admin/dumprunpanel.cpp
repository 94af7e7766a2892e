// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin/dumprunpanel.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace pgdesk::ui {

DumpRunPanel::DumpRunPanel(const QString& prefix, const QString& startText, QWidget* parent)
    : QWidget(parent) {
    m_command = new QPlainTextEdit(this);
    m_command->setObjectName(prefix + QStringLiteral("Command"));
    m_command->setReadOnly(true);
    m_command->setMaximumHeight(90);
    auto* copy = new QPushButton(tr("Copy command"), this);
    copy->setObjectName(prefix + QStringLiteral("CopyCommand"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(prefix + QStringLiteral("Progress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_status = new QLabel(this);
    m_status->setObjectName(prefix + QStringLiteral("Status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_start = m_buttons->addButton(startText, QDialogButtonBox::AcceptRole);
    m_start->setObjectName(prefix + QStringLiteral("Start"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(
        new QLabel(tr("Command (the password goes in a temporary pgpass file, never here):"), this));
    layout->addWidget(m_command);
    layout->addWidget(copy, 0, Qt::AlignRight);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);

    connect(copy, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_command->toPlainText()); });
    connect(m_start, &QPushButton::clicked, this, &DumpRunPanel::startClicked);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &DumpRunPanel::rejected);
}

void DumpRunPanel::setCommand(const QString& text) {
    m_command->setPlainText(text);
}

void DumpRunPanel::setStatus(const QString& text) {
    m_status->setText(text);
}

QString DumpRunPanel::status() const {
    return m_status->text();
}

void DumpRunPanel::preparing(const QString& status) {
    m_preparing = true;
    m_start->setEnabled(false);
    m_progress->setRange(0, 0);
    m_status->setText(status);
}

void DumpRunPanel::prepareFailed(const QString& message) {
    m_preparing = false;
    m_start->setEnabled(true);
    m_progress->setRange(0, 1);
    m_status->setText(message);
}

void DumpRunPanel::run(const core::DumpCommand& command, const std::optional<QString>& password, int total,
                       const QString& status, const QString& cancelText, ProgressText progressText) {
    m_preparing = false;
    m_progressText = std::move(progressText);
    if (!m_runner) {
        m_runner = new core::DumpRunner(this);
        connect(m_runner, &core::DumpRunner::progress, this, [this](int done, int all, const QString& table) {
            if (all > 0) {
                m_progress->setRange(0, all);
                m_progress->setValue(std::min(done, all));
            }
            m_status->setText(m_progressText(done, all, table));
        });
        connect(m_runner, &core::DumpRunner::finished, this, [this](core::DumpRunner::State state) {
            m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Close"));
            m_start->setEnabled(true);
            m_progress->setRange(0, 1);
            m_progress->setValue(state == core::DumpRunner::State::Succeeded ? 1 : 0);
            emit runFinished(state);
        });
    }
    m_progress->setRange(0, std::max(0, total)); // busy while the total is unknown
    m_progress->setValue(0);
    m_status->setText(status);
    m_buttons->button(QDialogButtonBox::Cancel)->setText(cancelText);
    m_runner->start(command, password, total);
}

bool DumpRunPanel::isRunning() const {
    return m_preparing || (m_runner && m_runner->state() == core::DumpRunner::State::Running);
}

void DumpRunPanel::cancel() {
    if (m_runner)
        m_runner->cancel();
}

bool DumpRunPanel::cancelIfRunning() {
    if (!m_runner || m_runner->state() != core::DumpRunner::State::Running)
        return false;
    m_runner->cancel();
    return true;
}

} // namespace pgdesk::ui
