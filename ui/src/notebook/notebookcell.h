// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/notebook/notebookrunner.h>

#include <QFrame>

class QLabel;
class QPlainTextEdit;
class QTableView;
class QToolButton;
class QVBoxLayout;

namespace pgdesk::ui {

// A chart cell's picture: core's ChartData drawn by the window's ChartPainter (the CLI's report draws the
// same with the same painter).
class NotebookChartWidget final : public QWidget {
    Q_OBJECT
public:
    NotebookChartWidget(core::ChartData data, core::ChartType type, QWidget* parent = nullptr);
    const core::ChartData& data() const { return m_data; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    core::ChartData m_data;
    core::ChartType m_type;
};

// One cell of a NotebookView: its kind and a Run button over its editor (SqlEditor for SQL; Markdown shown
// rendered until Edit), and under it what its last run showed: each statement's rows (bounded by the
// runner's row limit), command tags and notices, the chart, or the error in the error colour.
class NotebookCellWidget final : public QFrame {
    Q_OBJECT
public:
    NotebookCellWidget(const core::NotebookCell& cell, QWidget* parent = nullptr);

    core::NotebookCellKind kind() const { return m_kind; }
    QString text() const;
    QPlainTextEdit* editor() const { return m_editor; }
    QToolButton* runButton() const { return m_run; }
    // Text cells: the source to edit, or the Markdown rendered (the default).
    void setEditing(bool editing);
    bool isEditing() const;

    void setRun(const core::NotebookCellRun& run);
    void clearRun();
    // A chart cell's Options… form offers these (the result above it).
    void setChartColumns(const QStringList& columns) { m_chartColumns = columns; }
    // Opens the chart options (a chart cell); what is chosen replaces the cell's text.
    void editChartOptions();
    void setRunning(bool running);
    QString statusText() const; // what the cell says under it: rows, tags, the error
    QList<QTableView*> resultViews() const { return m_tables; }
    NotebookChartWidget* chartWidget() const { return m_chart; }

signals:
    void edited();
    void runRequested();
    void removeRequested();
    void activated(); // its editor got the focus: the cell new ones are added after

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void fitEditor();

    core::NotebookCellKind m_kind;
    QPlainTextEdit* m_editor = nullptr;
    QLabel* m_rendered = nullptr; // text cells
    QToolButton* m_run = nullptr;
    QToolButton* m_edit = nullptr;
    QVBoxLayout* m_output = nullptr;
    QLabel* m_status = nullptr;
    QList<QTableView*> m_tables;
    NotebookChartWidget* m_chart = nullptr;
    QStringList m_chartColumns;
};

} // namespace pgdesk::ui
