// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin/dumprunpanel.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/profiles/passwordcommand.h>
#include <pgdesk/ui/common/jobslot.h>

#include <QClipboard>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace pgdesk::ui {

PreparedDump readyToRun(core::DumpCommand command, int total, const core::ConnectionProfile& profile,
                        const std::optional<QString>& password) {
    PreparedDump prepared{std::move(command), total, core::connectionPassword(profile, password)};
    core::routeThroughTunnel(prepared.command, profile);
    return prepared;
}

core::DumpProgram programNamed(const QString& name) {
    return {name, name, 0, QString()};
}

QString commandPreview(const std::function<core::DumpCommand()>& build, const QString& note) {
    try {
        QString text = build().displayText();
        if (!note.isEmpty())
            text += QStringLiteral("\n# ") + note;
        return text;
    } catch (const core::Error& e) {
        return e.message();
    }
}

QPushButton* addPathRow(QFormLayout* form, const QString& label, QLineEdit* path, const QString& browseText) {
    auto* row = new QHBoxLayout;
    auto* browse = new QPushButton(browseText, path->parentWidget());
    row->addWidget(path, 1);
    row->addWidget(browse);
    auto* buddyLabel = new QLabel(label, path->parentWidget());
    buddyLabel->setBuddy(path);
    form->addRow(buddyLabel, row);
    return browse;
}

DumpRunPanel::DumpRunPanel(const QString& prefix, const QString& startText, QDialog* dialog, QLayout* options)
    : QWidget(dialog)
    , m_prepare(new JobSlot(this)) {
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
    connect(m_buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject); // the dialog's override

    auto* dialogLayout = new QVBoxLayout(dialog);
    dialogLayout->addLayout(options);
    dialogLayout->addWidget(this);
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

void DumpRunPanel::prepare(const QString& status, std::function<PreparedDump()> work, RunWords words) {
    m_start->setEnabled(false);
    m_progress->setRange(0, 0);
    m_status->setText(status);
    m_words = std::move(words);
    m_prepare->start([work = std::move(work)](const std::shared_ptr<core::CancelToken>&) { return work(); },
                     [this](const PreparedDump& prepared) { run(prepared); },
                     [this](const BackgroundFailure& failure) {
                         m_start->setEnabled(true);
                         m_progress->setRange(0, 1);
                         fail(failure.message);
                     });
}

void DumpRunPanel::fail(const QString& message) {
    m_status->setText(message);
    emit finished(false, message);
}

void DumpRunPanel::run(const PreparedDump& prepared) {
    if (!m_runner) {
        m_runner = new core::DumpRunner(this);
        connect(m_runner, &core::DumpRunner::progress, this, [this](int done, int all, const QString& table) {
            if (all > 0) {
                m_progress->setRange(0, all);
                m_progress->setValue(std::min(done, all));
            }
            m_status->setText(m_words.progress(done, all, table));
        });
        connect(m_runner, &core::DumpRunner::finished, this, &DumpRunPanel::runnerFinished);
    }
    m_progress->setRange(0, std::max(0, prepared.total)); // busy while the total is unknown
    m_progress->setValue(0);
    m_status->setText(m_words.status);
    m_buttons->button(QDialogButtonBox::Cancel)->setText(m_words.cancelText);
    m_runner->start(prepared.command, prepared.password, prepared.total);
}

void DumpRunPanel::runnerFinished(core::DumpRunner::State state) {
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Close"));
    m_start->setEnabled(true);
    const bool ok = state == core::DumpRunner::State::Succeeded;
    m_progress->setRange(0, 1);
    m_progress->setValue(ok ? 1 : 0);
    const QString message = m_words.outcome(state, *m_runner);
    m_status->setText(message);
    emit finished(ok, message);
}

bool DumpRunPanel::isRunning() const {
    return m_prepare->isRunning() || (m_runner && m_runner->state() == core::DumpRunner::State::Running);
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
