// SPDX-License-Identifier: GPL-3.0-or-later
#include "notebook/notebookchartdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>

namespace pgdesk::ui {

NotebookChartDialog::NotebookChartDialog(const core::NotebookChart& chart, const QStringList& columns,
                                         QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Chart options"));
    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("chartType"));
    m_type->addItem(tr("Bars"), int(core::ChartType::Bar));
    m_type->addItem(tr("Line"), int(core::ChartType::Line));
    m_type->addItem(tr("Area"), int(core::ChartType::Area));
    m_type->addItem(tr("Points (scatter)"), int(core::ChartType::Scatter));
    m_type->addItem(tr("Pie"), int(core::ChartType::Pie));
    m_type->setCurrentIndex(m_type->findData(int(chart.type)));

    // Columns of the result above first, then any the cell names that it does not have.
    QStringList offered = columns;
    for (const QString& c : QStringList{chart.x, chart.group} + chart.y)
        if (!c.isEmpty() && !offered.contains(c))
            offered << c;
    m_x = new QComboBox(this);
    m_x->setObjectName(QStringLiteral("chartX"));
    m_x->setEditable(true);
    m_x->addItems(offered);
    m_x->setCurrentText(chart.x);
    m_y = new QListWidget(this);
    m_y->setObjectName(QStringLiteral("chartY"));
    for (const QString& c : std::as_const(offered)) {
        auto* item = new QListWidgetItem(c, m_y);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(chart.y.contains(c) ? Qt::Checked : Qt::Unchecked);
    }
    m_y->setMaximumHeight(m_y->sizeHintForRow(0) * 8 + 4);
    m_moreY = new QLineEdit(this);
    m_moreY->setObjectName(QStringLiteral("chartMoreY"));
    m_moreY->setPlaceholderText(tr("other columns, comma-separated"));
    m_group = new QComboBox(this);
    m_group->setObjectName(QStringLiteral("chartGroup"));
    m_group->setEditable(true);
    m_group->addItem(QString());
    m_group->addItems(offered);
    m_group->setCurrentText(chart.group);
    m_title = new QLineEdit(chart.title, this);
    m_title->setObjectName(QStringLiteral("chartTitle"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* form = new QFormLayout(this);
    form->addRow(tr("&Type:"), m_type);
    form->addRow(tr("&X (categories or time):"), m_x);
    form->addRow(tr("&Y (values):"), m_y);
    form->addRow(QString(), m_moreY);
    form->addRow(tr("&Group by:"), m_group);
    form->addRow(tr("T&itle:"), m_title);
    form->addRow(buttons);
    connect(m_x, &QComboBox::currentTextChanged, this, &NotebookChartDialog::updateOk);
    connect(m_y, &QListWidget::itemChanged, this, &NotebookChartDialog::updateOk);
    connect(m_moreY, &QLineEdit::textChanged, this, &NotebookChartDialog::updateOk);
    updateOk();
}

core::NotebookChart NotebookChartDialog::chart() const {
    core::NotebookChart chart;
    chart.type = core::ChartType(m_type->currentData().toInt());
    chart.x = m_x->currentText().trimmed();
    for (int i = 0; i < m_y->count(); ++i)
        if (m_y->item(i)->checkState() == Qt::Checked)
            chart.y << m_y->item(i)->text();
    for (const QString& more : m_moreY->text().split(u',', Qt::SkipEmptyParts))
        if (!more.trimmed().isEmpty() && !chart.y.contains(more.trimmed()))
            chart.y << more.trimmed();
    chart.group = m_group->currentText().trimmed();
    chart.title = m_title->text().trimmed();
    return chart;
}

// A chart needs an x and at least one y (as core::notebookChart asks).
void NotebookChartDialog::updateOk() {
    const core::NotebookChart c = chart();
    m_ok->setEnabled(!c.x.isEmpty() && !c.y.isEmpty());
}

} // namespace pgdesk::ui
