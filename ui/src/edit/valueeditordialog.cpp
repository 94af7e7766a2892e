// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/common/theme.h>
#include <pgdesk/ui/edit/valueeditordialog.h>
#include <pgdesk/ui/grid/celltext.h>

#include <pgdesk/core/editing/rowstatementbuilder.h>

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextDocument>
#include <QVBoxLayout>

namespace pgdesk::ui {

std::optional<QList<std::optional<QString>>> parseArrayLiteral(const QString& text) {
    const QString t = text.trimmed();
    if (t.size() < 2 || t.front() != QLatin1Char('{') || t.back() != QLatin1Char('}'))
        return std::nullopt;
    QList<std::optional<QString>> elements;
    const QString body = t.mid(1, t.size() - 2);
    if (body.trimmed().isEmpty())
        return elements;
    qsizetype i = 0;
    while (i <= body.size()) {
        while (i < body.size() && body[i].isSpace())
            ++i;
        if (i < body.size() && body[i] == QLatin1Char('{'))
            return std::nullopt; // nested: not this editor's business
        QString element;
        bool quoted = false;
        if (i < body.size() && body[i] == QLatin1Char('"')) {
            quoted = true;
            ++i;
            bool closed = false;
            while (i < body.size()) {
                const QChar c = body[i++];
                if (c == QLatin1Char('\\') && i < body.size()) {
                    element += body[i++];
                } else if (c == QLatin1Char('"')) {
                    closed = true;
                    break;
                } else {
                    element += c;
                }
            }
            if (!closed)
                return std::nullopt;
            while (i < body.size() && body[i].isSpace())
                ++i;
        } else {
            while (i < body.size() && body[i] != QLatin1Char(',')) {
                if (body[i] == QLatin1Char('\\') && i + 1 < body.size())
                    ++i;
                element += body[i++];
            }
            element = element.trimmed();
        }
        if (!quoted && element.compare(QLatin1String("NULL"), Qt::CaseInsensitive) == 0)
            elements << std::nullopt;
        else
            elements << element;
        if (i >= body.size())
            break;
        if (body[i] != QLatin1Char(','))
            return std::nullopt;
        ++i;
    }
    return elements;
}

QString arrayLiteral(const QList<std::optional<QString>>& elements) {
    return core::textArrayLiteral(elements);
}

bool isValidJson(const QString& text, QString* error) {
    // QJsonDocument takes only objects and arrays at the top; wrapped in [ ], any one value parses.
    QJsonParseError parseError;
    const QJsonDocument doc =
        QJsonDocument::fromJson(QStringLiteral("[%1\n]").arg(text).toUtf8(), &parseError);
    const bool ok = parseError.error == QJsonParseError::NoError && doc.isArray() && doc.array().size() == 1;
    if (!ok && error)
        *error = parseError.error == QJsonParseError::NoError ? QObject::tr("expected exactly one JSON value")
                                                              : parseError.errorString();
    return ok;
}

ValueEditorDialog::ValueEditorDialog(Kind kind, const QString& column, const QString& typeName,
                                     const std::optional<QString>& value, QWidget* parent)
    : QDialog(parent)
    , m_kind(kind)
    , m_edit(new QPlainTextEdit(this))
    , m_status(new QLabel(this)) {
    setObjectName(QStringLiteral("valueEditor"));
    setWindowTitle(tr("Edit %1 (%2)").arg(column, typeName));
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_edit->setAccessibleName(tr("Value of %1").arg(column));
    m_status->setObjectName(QStringLiteral("valueEditorStatus"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* hint = new QLabel(this);
    hint->setWordWrap(true);
    if (kind != Kind::Array) {
        m_edit->setPlainText(value.value_or(QString()));
        m_exact = editedText() == value.value_or(QString());
        m_edit->setReadOnly(!m_exact);
    }
    if (kind == Kind::Text) {
        hint->setText(tr("The text exactly as typed."));
    } else if (kind == Kind::Json) {
        auto* format = buttons->addButton(tr("Format"), QDialogButtonBox::ActionRole);
        format->setObjectName(QStringLiteral("formatJson"));
        connect(format, &QPushButton::clicked, this, [this] {
            if (isValid())
                m_edit->setPlainText(indentJson(editedText()));
        });
        hint->setText(tr("Any JSON value; numbers stay exactly as written."));
    } else {
        QStringList lines;
        if (const auto elements = parseArrayLiteral(value.value_or(QStringLiteral("{}")))) {
            for (const auto& e : *elements)
                lines << (!e ? QStringLiteral("NULL")
                          : e->compare(QLatin1String("NULL"), Qt::CaseInsensitive) == 0
                              ? QStringLiteral("\"%1\"").arg(*e)
                              : *e);
        }
        m_edit->setPlainText(lines.join(QLatin1Char('\n')));
        hint->setText(
            tr("One element per line. A line NULL is a NULL element; write \"NULL\" for the text."));
    }
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(560, 400);
    connect(m_edit, &QPlainTextEdit::textChanged, this, &ValueEditorDialog::validate);
    validate();
}

QString ValueEditorDialog::editedText() const {
    // toPlainText() turns no-break spaces into spaces; the raw text has paragraph separators for lines.
    QString text = m_edit->document()->toRawText();
    text.replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    return text;
}

bool ValueEditorDialog::isValid() const {
    if (!m_exact)
        return false;
    return m_kind != Kind::Json || isValidJson(editedText());
}

QString ValueEditorDialog::value() const {
    if (m_kind != Kind::Array)
        return editedText();
    QList<std::optional<QString>> elements;
    const QString text = editedText();
    if (!text.isEmpty()) {
        for (const QString& line : text.split(QLatin1Char('\n'))) {
            if (line == QLatin1String("NULL"))
                elements << std::nullopt;
            else if (line.compare(QLatin1String("\"NULL\""), Qt::CaseInsensitive) == 0)
                elements << line.mid(1, line.size() - 2);
            else
                elements << line;
        }
    }
    return arrayLiteral(elements);
}

void ValueEditorDialog::validate() {
    if (!m_exact) {
        m_status->setText(tr("This value holds carriage returns or line/paragraph separators, which this "
                             "editor would change: shown read-only"));
        m_status->setStyleSheet(textStyle(errorColor()));
        m_ok->setEnabled(false);
        return;
    }
    if (m_kind == Kind::Text) {
        m_status->setText(tr("%1 characters").arg(QLocale().toString(editedText().size())));
        m_ok->setEnabled(true);
        return;
    }
    if (m_kind == Kind::Array) {
        const int n = m_edit->toPlainText().isEmpty() ? 0 : int(m_edit->document()->blockCount());
        m_status->setText(tr("%n element(s)", nullptr, n));
        m_ok->setEnabled(true);
        return;
    }
    QString error;
    const bool ok = isValidJson(editedText(), &error);
    m_status->setText(ok ? tr("Valid JSON") : tr("Not valid JSON: %1").arg(error));
    m_status->setStyleSheet(ok ? QString() : textStyle(errorColor()));
    m_ok->setEnabled(ok);
}

} // namespace pgdesk::ui
