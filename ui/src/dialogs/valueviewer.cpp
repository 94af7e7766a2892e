#include <pgdesk/ui/celltext.h>
#include <pgdesk/ui/valueviewer.h>

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace pgdesk::ui {

ValueViewer::ValueViewer(const QString& column, const QString& type, const std::optional<QString>& value,
                         QWidget* parent)
    : QDialog(parent)
    , m_text(new QPlainTextEdit(this))
    , m_info(new QLabel(this))
    , m_value(value) {
    setObjectName(QStringLiteral("valueViewer"));
    setWindowTitle(tr("%1 — value").arg(column));
    setAttribute(Qt::WA_DeleteOnClose);
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setAccessibleName(tr("Value of %1").arg(column));
    const bool json = type == QLatin1String("json") || type == QLatin1String("jsonb");
    if (!value) {
        m_text->setPlainText(QString());
        m_text->setPlaceholderText(QStringLiteral("NULL"));
        m_info->setText(tr("%1 · NULL").arg(type));
    } else {
        m_text->setPlainText(json ? indentJson(*value) : *value);
        m_info->setText(tr("%1 · %2 characters").arg(type, QLocale().toString(value->size())));
    }
    m_text->setLineWrapMode(json ? QPlainTextEdit::NoWrap : QPlainTextEdit::WidgetWidth);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* copy = buttons->addButton(tr("Copy"), QDialogButtonBox::ActionRole);
    copy->setEnabled(value.has_value());
    connect(copy, &QPushButton::clicked, this, [this] {
        if (m_value)
            QApplication::clipboard()->setText(*m_value); // the exact text, not the indented one
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_info);
    layout->addWidget(m_text, 1);
    layout->addWidget(buttons);
    resize(640, 420);
}

QString ValueViewer::shownText() const {
    return m_text->toPlainText();
}

} // namespace pgdesk::ui
