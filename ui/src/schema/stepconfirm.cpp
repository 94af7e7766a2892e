// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema/stepconfirm.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace pgdesk::ui {

void confirmDestructiveSteps(QWidget* parent, const QList<core::DesignStatement>& statements,
                             const std::function<void(const QSet<int>& confirmed)>& confirmed) {
    QList<int> destructive;
    for (int i = 0; i < statements.size(); ++i)
        if (statements[i].destructive)
            destructive << i;
    if (destructive.isEmpty())
        return confirmed({});
    // Each step that drops or converts data has a box of its own: Apply stays off until all are ticked.
    auto* dialog = new QDialog(parent);
    dialog->setObjectName(QStringLiteral("designConfirmDialog"));
    dialog->setWindowTitle(
        QCoreApplication::translate("pgdesk::ui::StepConfirm", "Confirm the steps that change data"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(new QLabel(
        QCoreApplication::translate("pgdesk::ui::StepConfirm",
                                    "These steps drop or convert stored data. Tick each one to apply it."),
        dialog));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    QPushButton* ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(QCoreApplication::translate("pgdesk::ui::StepConfirm", "Apply"));
    ok->setEnabled(false);
    QList<QCheckBox*> boxes;
    for (int i : destructive) {
        auto* box = new QCheckBox(statements[i].description, dialog);
        box->setToolTip(statements[i].sql);
        boxes << box;
        layout->addWidget(box);
    }
    for (QCheckBox* box : boxes)
        QObject::connect(box, &QCheckBox::toggled, dialog, [boxes, ok] {
            bool all = true;
            for (QCheckBox* b : boxes)
                all = all && b->isChecked();
            ok->setEnabled(all);
        });
    layout->addWidget(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    QObject::connect(dialog, &QDialog::accepted, dialog, [confirmed, destructive] {
        confirmed(QSet<int>(destructive.cbegin(), destructive.cend()));
    });
    dialog->open();
}

} // namespace pgdesk::ui
