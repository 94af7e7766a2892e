// SPDX-License-Identifier: GPL-3.0-or-later
#include "query/findbar.h"

#include <pgdesk/ui/common/icons.h>

#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QTextDocument>
#include <QToolButton>

namespace pgdesk::ui {

FindBar::FindBar(QPlainTextEdit* editor, QWidget* parent)
    : QWidget(parent)
    , m_editor(editor) {
    setObjectName(QStringLiteral("findBar"));
    m_find = new QLineEdit(this);
    m_find->setObjectName(QStringLiteral("findField"));
    m_find->setAccessibleName(tr("Find"));
    m_find->setPlaceholderText(tr("Find"));
    m_find->setClearButtonEnabled(true);
    m_replace = new QLineEdit(this);
    m_replace->setObjectName(QStringLiteral("replaceField"));
    m_replace->setAccessibleName(tr("Replace with"));
    m_replace->setPlaceholderText(tr("Replace with (\\1 for a group of the regular expression)"));
    m_case = new QCheckBox(tr("Match case"), this);
    m_case->setObjectName(QStringLiteral("findCase"));
    m_word = new QCheckBox(tr("Whole words"), this);
    m_word->setObjectName(QStringLiteral("findWholeWords"));
    m_regex = new QCheckBox(tr("Regular expression"), this);
    m_regex->setObjectName(QStringLiteral("findRegex"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("findStatus"));

    const auto button = [this](const QString& text, const QString& name, auto slot) {
        auto* b = new QToolButton(this);
        b->setText(text);
        b->setObjectName(name);
        b->setAutoRaise(true);
        connect(b, &QToolButton::clicked, this, slot);
        return b;
    };
    auto* previous = button(tr("Previous"), QStringLiteral("findPrevious"), [this] { findNext(true); });
    auto* next = button(tr("Next"), QStringLiteral("findNext"), [this] { findNext(false); });
    auto* replace = button(tr("Replace"), QStringLiteral("replaceOne"), [this] { replaceCurrent(); });
    auto* all = button(tr("Replace all"), QStringLiteral("replaceAll"), [this] { replaceAll(); });
    auto* close = button(QString(), QStringLiteral("findClose"), [this] {
        hide();
        m_editor->setFocus();
    });
    close->setIcon(themedIcon(QStringLiteral("window-close")));
    close->setToolTip(tr("Close (Esc)"));
    close->setAccessibleName(tr("Close the find bar"));

    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(4, 2, 4, 2);
    grid->setVerticalSpacing(2);
    grid->addWidget(m_find, 0, 0);
    auto* findButtons = new QHBoxLayout;
    findButtons->addWidget(previous);
    findButtons->addWidget(next);
    findButtons->addWidget(m_case);
    findButtons->addWidget(m_word);
    findButtons->addWidget(m_regex);
    findButtons->addWidget(m_status, 1);
    findButtons->addWidget(close);
    grid->addLayout(findButtons, 0, 1);
    m_replaceRow = new QWidget(this);
    auto* replaceButtons = new QHBoxLayout(m_replaceRow);
    replaceButtons->setContentsMargins(0, 0, 0, 0);
    replaceButtons->addWidget(replace);
    replaceButtons->addWidget(all);
    replaceButtons->addStretch(1);
    grid->addWidget(m_replace, 1, 0);
    grid->addWidget(m_replaceRow, 1, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);

    connect(m_find, &QLineEdit::returnPressed, this, [this] { findNext(false); });
    connect(m_replace, &QLineEdit::returnPressed, this, [this] { replaceCurrent(); });
    connect(m_find, &QLineEdit::textChanged, this, [this] { setStatus({}); });
}

void FindBar::open(bool replace) {
    const QTextCursor c = m_editor->textCursor();
    if (c.hasSelection() && !c.selectedText().contains(QChar::ParagraphSeparator))
        m_find->setText(m_regex->isChecked() ? QRegularExpression::escape(c.selectedText())
                                             : c.selectedText());
    m_replace->setVisible(replace);
    m_replaceRow->setVisible(replace);
    show();
    m_find->setFocus();
    m_find->selectAll();
}

QRegularExpression FindBar::pattern() const {
    QString p = m_regex->isChecked() ? m_find->text() : QRegularExpression::escape(m_find->text());
    if (m_word->isChecked())
        p = QStringLiteral("\\b(?:%1)\\b").arg(p);
    QRegularExpression::PatternOptions options = QRegularExpression::UseUnicodePropertiesOption;
    if (!m_case->isChecked())
        options |= QRegularExpression::CaseInsensitiveOption;
    return QRegularExpression(p, options);
}

QString FindBar::expand(const QString& replacement, const QRegularExpressionMatch& match) const {
    if (!m_regex->isChecked())
        return replacement;
    QString out;
    for (qsizetype i = 0; i < replacement.size(); ++i) {
        const QChar c = replacement[i];
        if (c == QLatin1Char('\\') && i + 1 < replacement.size()) {
            const QChar n = replacement[i + 1];
            if (n.isDigit()) {
                out += match.captured(n.digitValue());
                ++i;
                continue;
            }
            if (n == QLatin1Char('\\') || n == QLatin1Char('n') || n == QLatin1Char('t')) {
                out += n == QLatin1Char('n')   ? QLatin1Char('\n')
                       : n == QLatin1Char('t') ? QLatin1Char('\t')
                                               : n;
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

void FindBar::setStatus(const QString& text) {
    m_status->setText(text);
}

bool FindBar::findNext(bool backward) {
    const QRegularExpression re = pattern();
    if (m_find->text().isEmpty())
        return false;
    if (!re.isValid()) {
        setStatus(tr("Invalid regular expression: %1").arg(re.errorString()));
        return false;
    }
    QTextDocument* doc = m_editor->document();
    const QTextDocument::FindFlags flags =
        backward ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    QTextCursor found = doc->find(re, m_editor->textCursor(), flags);
    if (found.isNull()) { // wrap around
        QTextCursor from(doc);
        if (backward)
            from.movePosition(QTextCursor::End);
        found = doc->find(re, from, flags);
    }
    if (found.isNull()) {
        setStatus(tr("Not found"));
        return false;
    }
    setStatus({});
    m_editor->setTextCursor(found);
    return true;
}

bool FindBar::replaceCurrent() {
    QTextCursor c = m_editor->textCursor();
    const QRegularExpression re = pattern();
    if (c.hasSelection() && re.isValid() && !m_find->text().isEmpty()) {
        const QString selected = c.selectedText();
        const QRegularExpression whole(QRegularExpression::anchoredPattern(re.pattern()),
                                       re.patternOptions());
        const QRegularExpressionMatch m = whole.match(selected);
        if (m.hasMatch()) {
            c.insertText(expand(m_replace->text(), m));
            m_editor->setTextCursor(c);
            findNext(false);
            return true;
        }
    }
    findNext(false);
    return false;
}

int FindBar::replaceAll() {
    const QRegularExpression re = pattern();
    if (m_find->text().isEmpty() || !re.isValid())
        return 0;
    // Line by line, as Find matches, from the end so that earlier positions stay put; one edit block.
    QTextDocument* doc = m_editor->document();
    QList<std::pair<int, std::pair<int, QString>>> edits; // position, length, new text
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        auto it = re.globalMatch(b.text());
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            if (m.capturedLength() == 0 && m_find->text().isEmpty())
                continue;
            edits.append({b.position() + int(m.capturedStart()),
                          {int(m.capturedLength()), expand(m_replace->text(), m)}});
        }
    }
    if (edits.isEmpty()) {
        setStatus(tr("Not found"));
        return 0;
    }
    QTextCursor c(doc);
    c.beginEditBlock();
    for (auto it = edits.crbegin(); it != edits.crend(); ++it) {
        c.setPosition(it->first);
        c.setPosition(it->first + it->second.first, QTextCursor::KeepAnchor);
        c.insertText(it->second.second);
    }
    c.endEditBlock();
    setStatus(tr("%n replacement(s)", nullptr, int(edits.size())));
    return int(edits.size());
}

void FindBar::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Escape) {
        hide();
        m_editor->setFocus();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace pgdesk::ui
