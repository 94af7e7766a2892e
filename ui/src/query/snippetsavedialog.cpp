// SPDX-License-Identifier: GPL-3.0-or-later
#include "query/snippetsavedialog.h"

#include "query/snippetlibrary.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/ui/common/theme.h>

#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace pgdesk::ui {

SnippetSaveDialog::SnippetSaveDialog(const QString& body, QWidget* parent)
    : QDialog(parent)
    , m_body(body) {
    setObjectName(QStringLiteral("snippetSaveDialog"));
    setWindowTitle(tr("Save as Snippet"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("snippetName"));
    m_prefix = new QLineEdit(this);
    m_prefix->setObjectName(QStringLiteral("snippetPrefix"));
    m_prefix->setToolTip(tr("Typing this word in the editor offers the snippet"));
    m_description = new QLineEdit(this);
    m_description->setObjectName(QStringLiteral("snippetDescription"));
    m_state = new QLabel(this);
    m_state->setWordWrap(true);
    auto* where = new QLabel(tr("Saved as a plain file in %1; ${1:text} marks a place Tab goes to.")
                                 .arg(QDir::toNativeSeparators(SnippetLibrary::instance().folder())),
                             this);
    where->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_save = buttons->addButton(tr("Save"), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &SnippetSaveDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Prefix:"), m_prefix);
    form->addRow(tr("Description:"), m_description);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(where);
    layout->addWidget(m_state);
    layout->addWidget(buttons);
    connect(m_name, &QLineEdit::textChanged, this, [this](const QString& name) {
        if (!m_prefixEdited) { // the prefix follows the name until it is typed itself
            const QSignalBlocker block(m_prefix);
            m_prefix->setText(name.trimmed().toLower().replace(
                QRegularExpression(QStringLiteral("[^a-z0-9_]+")), QStringLiteral("_")));
        }
        update();
    });
    connect(m_prefix, &QLineEdit::textEdited, this, [this] {
        m_prefixEdited = true;
        update();
    });
    update();
}

QString SnippetSaveDialog::stateText() const {
    return m_state->text();
}

void SnippetSaveDialog::update() {
    static const QRegularExpression kWord(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    QString problem;  // what stops the save
    QString replaces; // said, but no reason not to save
    if (m_body.trimmed().isEmpty())
        problem = tr("There is no SQL to save: select some first.");
    else if (m_name->text().trimmed().isEmpty())
        problem = tr("The snippet needs a name.");
    else if (!kWord.match(m_prefix->text()).hasMatch())
        problem = tr("The prefix is one word: letters, digits and _.");
    else if (const core::Snippet* taken = SnippetLibrary::instance().find(m_prefix->text()))
        replaces = taken->path.isEmpty() ? tr("Replaces the shipped snippet \"%1\" for you.").arg(taken->name)
                                         : tr("Replaces your snippet \"%1\".").arg(taken->name);
    m_state->setText(problem.isEmpty() ? replaces : problem);
    m_state->setStyleSheet(problem.isEmpty() ? QString() : textStyle(errorColor()));
    m_save->setEnabled(problem.isEmpty());
}

bool SnippetSaveDialog::save() {
    if (!m_save->isEnabled())
        return false;
    core::Snippet s;
    s.name = m_name->text().trimmed();
    s.prefix = m_prefix->text();
    s.description = m_description->text().trimmed();
    s.body = m_body;
    try {
        const QString path = SnippetLibrary::instance().save(s);
        emit saved(path);
        accept();
        return true;
    } catch (const core::Error& e) {
        m_state->setText(e.displayText());
        m_state->setStyleSheet(textStyle(errorColor()));
        return false;
    }
}

} // namespace pgdesk::ui
