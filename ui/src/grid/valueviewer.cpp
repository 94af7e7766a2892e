// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/grid/celltext.h>
#include <pgdesk/ui/grid/valueviewer.h>

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace pgdesk::ui {

namespace {

constexpr qsizetype kShownChars = 256 * 1024;
constexpr qsizetype kLongLine = 4096;

// A text view lays a line out whole, on the GUI thread, whenever it shows any of it: a 256 Ki-character
// line (hex of a bytea, minified JSON) freezes the window for seconds. Lines longer than kLongLine are shown
// broken every kLongLine characters; returns whether any was.
bool breakLongLines(QString& text) {
    bool broke = false;
    QString out;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text[i] != QLatin1Char('\n'))
            continue;
        for (qsizetype at = lineStart; at < i;) {
            if (at > lineStart) {
                out += QLatin1Char('\n');
                broke = true;
            }
            qsizetype n = std::min(kLongLine, i - at);
            if (at + n < i && text[at + n - 1].isHighSurrogate())
                --n; // never between the two halves of a character
            out += QStringView(text).mid(at, n);
            at += n;
        }
        if (i < text.size())
            out += QLatin1Char('\n');
        lineStart = i + 1;
    }
    if (broke)
        text = std::move(out);
    return broke;
}

} // namespace

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
        // Of a huge value only the beginning (laying out 200 Mi characters takes minutes); Copy takes all.
        const bool cut = value->size() > kShownChars;
        const qsizetype keep = kShownChars - (cut && (*value)[kShownChars - 1].isHighSurrogate() ? 1 : 0);
        QString shown = cut ? value->left(keep) : json ? indentJson(*value) : *value;
        const bool broken = breakLongLines(shown);
        m_text->setPlainText(shown);
        QString info =
            cut ? tr("%1 · %2 characters, the first %3 shown; Copy copies all of them")
                      .arg(type, QLocale().toString(value->size()), QLocale().toString(kShownChars))
                : tr("%1 · %2 characters").arg(type, QLocale().toString(value->size()));
        if (broken)
            info += tr(" · lines over %1 characters shown broken").arg(QLocale().toString(kLongLine));
        m_info->setText(info);
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
