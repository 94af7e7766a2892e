// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/schema/lockanalysis.h>

#include <QAbstractTableModel>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace pgdesk::ui {

// Lock analysis (core::LockAnalyzer) as rows: one per statement and table it locks (a statement that locks
// nothing has one row), with what the lock blocks, the rewrite or scan and its size and time, the safer
// pattern; after a trace, what the server took and where it disagrees.
class LockAnalysisModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Statement, Relation, Lock, Blocks, Work, Size, Trace, Safer, ColumnCount };
    static constexpr int StatementRole = Qt::UserRole + 1; // the statement's index

    explicit LockAnalysisModel(QObject* parent = nullptr);
    void setStatements(QList<core::StatementLocks> statements, bool traced);
    const QList<core::StatementLocks>& statements() const { return m_statements; }
    bool isTraced() const { return m_traced; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Pure: one sentence on the whole script ("2 statements block reads and writes of public.orders …").
    static QString summary(const QList<core::StatementLocks>& statements, bool traced);

private:
    struct Row {
        int statement = 0;
        int lock = -1; // index in the statement's locks, -1 for none
    };
    QList<core::StatementLocks> m_statements;
    QList<Row> m_rows;
    bool m_traced = false;
};

// The model in a table, the summary above it, and Trace (on connections that allow it).
class LockAnalysisView final : public QWidget {
    Q_OBJECT
public:
    explicit LockAnalysisView(QWidget* parent = nullptr);

    LockAnalysisModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QPushButton* traceButton() const { return m_trace; }
    QString summaryText() const;
    void setStatements(QList<core::StatementLocks> statements, bool traced);
    // Trace runs the statements (rolled back): offered only where the production guard does not hold.
    void setTraceAvailable(bool available, const QString& whyNot = {});

signals:
    void traceRequested();

private:
    LockAnalysisModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_trace = nullptr;
};

} // namespace pgdesk::ui
