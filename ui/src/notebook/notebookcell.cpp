// SPDX-License-Identifier: GPL-3.0-or-later
#include "notebook/notebookcell.h"

#include "notebook/notebookchartdialog.h"

#include "notebook/notebookresultmodel.h"
#include "query/sqleditor.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/paint/chartpainter.h>
#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/common/theme.h>

#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>

namespace pgdesk::ui {

namespace {

QString kindTitle(core::NotebookCellKind kind) {
    switch (kind) {
    case core::NotebookCellKind::Sql:
        return NotebookCellWidget::tr("SQL");
    case core::NotebookCellKind::Parameters:
        return NotebookCellWidget::tr("Parameters");
    case core::NotebookCellKind::Chart:
        return NotebookCellWidget::tr("Chart");
    case core::NotebookCellKind::Markdown:
        break;
    }
    return NotebookCellWidget::tr("Text");
}

} // namespace

NotebookChartWidget::NotebookChartWidget(core::ChartData data, core::ChartType type, QWidget* parent)
    : QWidget(parent)
    , m_data(std::move(data))
    , m_type(type) {
    setObjectName(QStringLiteral("notebookChart"));
    setMinimumHeight(280);
}

void NotebookChartWidget::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    paint::ChartStyle style = isDarkPalette() ? paint::ChartStyle::dark() : paint::ChartStyle::light();
    style.direction = layoutDirection();
    paint::ChartPainter().paint(painter, rect(), m_data, m_type, style);
}

NotebookCellWidget::NotebookCellWidget(const core::NotebookCell& cell, QWidget* parent)
    : QFrame(parent)
    , m_kind(cell.kind) {
    setObjectName(QStringLiteral("notebookCell"));
    setFrameShape(QFrame::StyledPanel);
    auto* title =
        new QLabel(cell.title.isEmpty() ? kindTitle(m_kind)
                                        : QStringLiteral("%1 · %2").arg(kindTitle(m_kind), cell.title),
                   this);
    title->setObjectName(QStringLiteral("notebookCellTitle"));
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    m_run = new QToolButton(this);
    m_run->setObjectName(QStringLiteral("notebookCellRun"));
    m_run->setIcon(themedIcon(QStringLiteral("media-playback-start")));
    m_run->setToolTip(tr("Run this cell (Ctrl+Enter)"));
    m_run->setAutoRaise(true);
    m_run->setVisible(cell.isCode());
    connect(m_run, &QToolButton::clicked, this, &NotebookCellWidget::runRequested);
    m_edit = new QToolButton(this);
    m_edit->setObjectName(QStringLiteral("notebookCellEdit"));
    m_edit->setText(tr("Edit"));
    m_edit->setCheckable(true);
    m_edit->setAutoRaise(true);
    m_edit->setVisible(!cell.isCode());
    connect(m_edit, &QToolButton::toggled, this, &NotebookCellWidget::setEditing);
    auto* remove = new QToolButton(this);
    remove->setObjectName(QStringLiteral("notebookCellRemove"));
    remove->setIcon(themedIcon(QStringLiteral("edit-delete")));
    remove->setToolTip(tr("Remove this cell"));
    remove->setAutoRaise(true);
    connect(remove, &QToolButton::clicked, this, &NotebookCellWidget::removeRequested);
    auto* header = new QHBoxLayout;
    header->addWidget(title, 1);
    if (m_kind == core::NotebookCellKind::Chart) {
        auto* options = new QToolButton(this);
        options->setObjectName(QStringLiteral("notebookChartOptions"));
        options->setText(tr("Options…"));
        options->setToolTip(tr("The chart's type, columns and title as a form"));
        options->setAutoRaise(true);
        connect(options, &QToolButton::clicked, this, &NotebookCellWidget::editChartOptions);
        header->addWidget(options);
    }
    header->addWidget(m_edit);
    header->addWidget(m_run);
    header->addWidget(remove);

    if (m_kind == core::NotebookCellKind::Sql) {
        m_editor = new SqlEditor(this);
    } else {
        m_editor = new QPlainTextEdit(this);
        if (m_kind != core::NotebookCellKind::Markdown)
            m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    }
    m_editor->setObjectName(QStringLiteral("notebookCellEditor"));
    m_editor->setPlainText(cell.text.endsWith(u'\n') ? cell.text.chopped(1) : cell.text);
    m_editor->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_editor->installEventFilter(this);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        fitEditor();
        if (m_rendered)
            m_rendered->setText(text());
        emit edited();
    });
    if (m_kind == core::NotebookCellKind::Markdown) {
        m_rendered = new QLabel(this);
        m_rendered->setObjectName(QStringLiteral("notebookCellRendered"));
        m_rendered->setTextFormat(Qt::MarkdownText);
        m_rendered->setWordWrap(true);
        m_rendered->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_rendered->setText(cell.text);
        m_editor->hide();
    }

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("notebookCellStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();
    m_output = new QVBoxLayout;
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 6);
    layout->addLayout(header);
    if (m_rendered)
        layout->addWidget(m_rendered);
    layout->addWidget(m_editor);
    layout->addLayout(m_output);
    layout->addWidget(m_status);
    fitEditor();
}

void NotebookCellWidget::editChartOptions() {
    core::NotebookChart chart;
    try {
        core::NotebookCell cell;
        cell.kind = m_kind;
        cell.text = text();
        chart = core::notebookChart(cell);
    } catch (const core::Error&) {
        // A cell not yet complete: the form starts from what it has, or from nothing.
    }
    NotebookChartDialog dialog(chart, m_chartColumns, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_editor->setPlainText(core::notebookChartText(dialog.chart()).chopped(1));
}

QString NotebookCellWidget::text() const {
    const QString t = m_editor->toPlainText();
    return t.isEmpty() || t.endsWith(u'\n') ? t : t + u'\n'; // a cell's body ends its last line
}

void NotebookCellWidget::setEditing(bool editing) {
    if (!m_rendered)
        return;
    m_editor->setVisible(editing);
    m_rendered->setVisible(!editing);
    if (m_edit->isChecked() != editing)
        m_edit->setChecked(editing);
    if (editing)
        m_editor->setFocus();
}

bool NotebookCellWidget::isEditing() const {
    return !m_rendered || m_editor->isVisibleTo(this);
}

void NotebookCellWidget::fitEditor() {
    // As tall as its lines (3 to 25), so the notebook scrolls as one page and not each cell on its own.
    const int lines = std::clamp(int(m_editor->document()->blockCount()), 3, 25);
    const int height = lines * m_editor->fontMetrics().lineSpacing() +
                       int(2 * m_editor->document()->documentMargin()) + 2 * m_editor->frameWidth() + 4;
    m_editor->setFixedHeight(height);
}

bool NotebookCellWidget::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_editor) {
        if (event->type() == QEvent::FocusIn)
            emit activated();
        if (event->type() == QEvent::KeyPress) {
            const auto* key = static_cast<QKeyEvent*>(event);
            if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
                key->modifiers() == Qt::ControlModifier) {
                if (m_kind == core::NotebookCellKind::Markdown)
                    setEditing(false);
                else
                    emit runRequested();
                return true;
            }
        }
    }
    return QFrame::eventFilter(watched, event);
}

void NotebookCellWidget::clearRun() {
    for (QTableView* t : std::as_const(m_tables))
        t->deleteLater();
    m_tables.clear();
    if (m_chart)
        m_chart->deleteLater();
    m_chart = nullptr;
    m_status->clear();
    m_status->hide();
}

void NotebookCellWidget::setRunning(bool running) {
    m_run->setEnabled(!running);
    if (running) {
        m_status->setStyleSheet(QString());
        m_status->setText(tr("Running…"));
        m_status->show();
    }
}

void NotebookCellWidget::setRun(const core::NotebookCellRun& run) {
    clearRun();
    QStringList said;
    if (run.sql)
        for (const core::StatementResult& s : run.sql->statements) {
            for (const QString& n : s.notices)
                said << n.trimmed();
            if (!s.returnsRows) {
                said << s.commandStatus;
                continue;
            }
            auto* table = new QTableView(this);
            table->setObjectName(QStringLiteral("notebookCellResult"));
            table->setModel(new NotebookResultModel(s.page, table));
            table->setEditTriggers(QAbstractItemView::NoEditTriggers);
            table->horizontalHeader()->setStretchLastSection(true);
            table->setMaximumHeight(table->horizontalHeader()->sizeHint().height() +
                                    std::min<int>(int(s.page.rows.size()), 12) *
                                        table->verticalHeader()->defaultSectionSize() +
                                    2 * table->frameWidth() + 20);
            m_output->addWidget(table);
            m_tables << table;
            const qint64 total = std::max<qint64>(s.rowCount, s.page.rows.size());
            said << (total > s.page.rows.size() ? tr("%1 of %2 rows").arg(s.page.rows.size()).arg(total)
                                                : tr("%n row(s)", nullptr, int(total)));
        }
    if (run.chart) {
        m_chart = new NotebookChartWidget(*run.chart, run.chartType, this);
        m_output->addWidget(m_chart);
    }
    if (!run.ok())
        said << run.error;
    else if (run.cell >= 0 && m_kind == core::NotebookCellKind::Parameters)
        said << tr("Parameters set for the cells below.");
    m_status->setStyleSheet(run.ok() ? QString() : textStyle(errorColor()));
    m_status->setText(said.join(u'\n'));
    m_status->setVisible(!said.isEmpty());
    m_run->setEnabled(true);
}

QString NotebookCellWidget::statusText() const {
    return m_status->text();
}

} // namespace pgdesk::ui
