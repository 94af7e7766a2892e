// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/shell/operationindicator.h>

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

namespace pgdesk::ui {

OperationIndicator::OperationIndicator(QWidget* parent)
    : QWidget(parent)
    , m_text(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_cancel(new QToolButton(this)) {
    setObjectName(QStringLiteral("operationIndicator"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(80);
    m_busy->setMaximumHeight(12);
    m_busy->setTextVisible(false);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Cancel the running statement on the server"));
    m_cancel->setAutoRaise(true);
    connect(m_cancel, &QToolButton::clicked, this, [this] {
        if (m_onCancel)
            m_onCancel();
    });
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text);
    layout->addWidget(m_busy);
    layout->addWidget(m_cancel);
    setVisible(false);
}

void OperationIndicator::show(const QString& text, std::function<void()> cancel) {
    m_text->setText(text);
    m_onCancel = std::move(cancel);
    m_cancel->setVisible(m_onCancel != nullptr);
    setVisible(true);
}

void OperationIndicator::clear() {
    m_onCancel = {};
    m_text->clear();
    setVisible(false);
}

QString OperationIndicator::text() const {
    return isVisible() ? m_text->text() : QString();
}

} // namespace pgdesk::ui
