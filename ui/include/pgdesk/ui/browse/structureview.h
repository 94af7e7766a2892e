// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/catalog/structurereader.h>

#include <QWidget>

#include <memory>
#include <optional>

class QAction;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStandardItemModel;
class QTabWidget;
class QTableView;

namespace pgdesk::core {
class Pool;
}

namespace pgdesk::ui {

class CreateScriptView;
class JobSlot;
struct StructureCell; // one cell's exact and displayed text (structureview.cpp)

// The structure of one relation (core::TableStructure) in sections: columns, constraints, indexes, foreign
// keys both ways, triggers, policies, partitions, options and statistics, and a view's definition. Each
// section is a read-only table whose columns resize and whose selected cells Ctrl+C copies as TSV (the exact
// text, never the display marks). Read on a worker (one catalog round trip) when first shown, again on
// Refresh (F5); a failure (a lock another session holds, a dropped table) shows its reason with Retry.
class StructureView final : public QWidget {
    Q_OBJECT
public:
    enum Section {
        Columns,
        Constraints,
        Indexes,
        ForeignKeys,
        ReferencedBy,
        Triggers,
        Policies,
        Partitions,
        Options,
        Definition, // views and materialized views: text, not a table
        Script,     // the CREATE script (CreateScriptView), read when first shown
        SectionCount
    };
    // The exact text of a cell (what is copied); the display text may carry bidi isolates.
    static constexpr int ExactTextRole = Qt::UserRole + 1;

    StructureView(std::shared_ptr<core::Pool> pool, QString schema, QString table, QWidget* parent = nullptr);
    ~StructureView() override;

    // Loads once: the first time the view is shown (or this is called), not before.
    void ensureLoaded();
    // Reads the structure again (F5, the Refresh button, Retry).
    void refresh();
    bool isLoading() const;
    const std::optional<core::TableStructure>& structure() const { return m_structure; }

    QTabWidget* sections() const { return m_sections; }
    // The table of a section (nullptr for Definition) and its model.
    QTableView* sectionView(Section section) const;
    QStandardItemModel* sectionModel(Section section) const;
    QPlainTextEdit* definitionView() const { return m_definition; }
    CreateScriptView* scriptView() const { return m_script; }
    QLabel* messageLabel() const { return m_message; }
    QPushButton* retryButton() const { return m_retry; }
    // F5 while the focus is in the view; a host with an F5 of its own (TableBrowser) disables it and
    // calls refresh() itself, so that the key is never ambiguous.
    QAction* refreshAction() const { return m_refreshAction; }
    // The selected cells of the current section as TSV on the clipboard.
    void copySelection();

signals:
    // "Design…": the window opens the table designer on this table.
    void designRequested(const QString& schema, const QString& table);
    void loaded();
    void loadFailed(const QString& message);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void present(const core::TableStructure& structure);
    void showFailure(const QString& message);
    QTableView* addSection(Section section, const QString& title, const QStringList& headers);
    void fill(Section section, const QList<QList<StructureCell>>& rows);
    void fillColumns(const core::TableStructure& s);
    void fillConstraints(const core::TableStructure& s);
    void fillIndexes(const core::TableStructure& s);
    void fillForeignKeys(const core::TableStructure& s);
    void fillTriggersAndPolicies(const core::TableStructure& s);
    void fillPartitions(const core::TableStructure& s);
    void fillOptions(const core::TableStructure& s);
    void updateTabs(const core::TableStructure& s);

    std::shared_ptr<core::Pool> m_pool;
    QString m_schema;
    QString m_table;
    JobSlot* m_load = nullptr;
    bool m_requested = false;
    std::optional<core::TableStructure> m_structure;
    QLabel* m_title = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_retry = nullptr;
    QPushButton* m_refresh = nullptr;
    QAction* m_refreshAction = nullptr;
    QTabWidget* m_sections = nullptr;
    QTableView* m_views[SectionCount] = {};
    QStandardItemModel* m_models[SectionCount] = {};
    QPlainTextEdit* m_definition = nullptr;
    CreateScriptView* m_script = nullptr;
    QString m_sectionTitles[SectionCount];
};

} // namespace pgdesk::ui
