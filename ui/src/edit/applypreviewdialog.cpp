// SPDX-License-Identifier: GPL-3.0-or-later
#include "edit/applypreviewdialog.h"

#include "common/sqlhighlighter.h"

#include <pgdesk/ui/common/environmentstyle.h>

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace pgdesk::ui {

// The texts keep the context they were translated in when the dialog was part of TableEditor.
ApplyPreviewDialog::ApplyPreviewDialog(const QString& title, const QString& sql,
                                       const core::ConnectionProfile& profile, QWidget* parent)
    : QDialog(parent)
    , m_sql(new QPlainTextEdit(sql, this)) {
    setObjectName(QStringLiteral("applyPreview"));
    setWindowTitle(title);
    m_sql->setObjectName(QStringLiteral("previewSql"));
    m_sql->setReadOnly(true);
    m_sql->setAccessibleName(QCoreApplication::translate("pgdesk::ui::TableEditor", "SQL to run"));
    // Wrapped, and a long literal or identifier broken anywhere rather than hidden past the right edge.
    m_sql->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_sql->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_sql->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new SqlHighlighter(m_sql->document(), m_sql->palette()); // the document's child
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    auto* go = buttons->addButton(QCoreApplication::translate("pgdesk::ui::TableEditor", "Apply"),
                                  QDialogButtonBox::AcceptRole);
    go->setObjectName(QStringLiteral("confirmApplyButton"));
    go->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* note = new QLabel(QCoreApplication::translate("pgdesk::ui::TableEditor",
                                                        "These statements run in one transaction; if any row "
                                                        "changed since it was read, nothing is written."),
                            this);
    note->setWordWrap(true);
    auto* target = new QLabel(targetText(profile), this);
    target->setObjectName(QStringLiteral("applyPreviewTarget"));
    target->setTextFormat(Qt::PlainText);
    target->setWordWrap(true);
    QFont bold = target->font();
    bold.setBold(true);
    target->setFont(bold);
    // The environment's colour as a bar beside the name, as on the tab and in the status bar.
    if (const QColor colour = environmentColour(profile); colour.isValid())
        target->setStyleSheet(
            QStringLiteral("border-left: 6px solid %1; padding-left: 6px;").arg(colour.name()));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(target);
    layout->addWidget(note);
    m_warning = new QLabel(this);
    m_warning->setObjectName(QStringLiteral("applyPreviewWarning"));
    m_warning->setWordWrap(true);
    m_warning->setTextFormat(Qt::PlainText);
    m_warning->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_warning->hide();
    layout->addWidget(m_warning);
    layout->addWidget(m_sql, 1);
    layout->addWidget(buttons);
    resize(720, 420);
}

QString ApplyPreviewDialog::targetText(const core::ConnectionProfile& profile) {
    const QString environment = environmentLabel(profile.environment);
    if (profile.name.isEmpty())
        return environment.isEmpty() ? tr("Database %1").arg(profile.database)
                                     : tr("Database %1 (%2)").arg(profile.database, environment);
    return environment.isEmpty()
               ? tr("Profile %1, database %2").arg(profile.name, profile.database)
               : tr("Profile %1, database %2 (%3)").arg(profile.name, profile.database, environment);
}

void ApplyPreviewDialog::setWarning(const QString& text) {
    m_warning->setText(text);
    m_warning->setVisible(!text.isEmpty());
}

QString ApplyPreviewDialog::warning() const {
    return m_warning->text();
}

} // namespace pgdesk::ui
