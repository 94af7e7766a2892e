// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include <QStringList>

#include <memory>
#include <optional>

class QKeyEvent;
class QListView;
class QTimer;

namespace pgdesk::core {
struct CompletionCatalog;
}

namespace pgdesk::ui {

class CompletionListModel;
class CompletionSource;
class SqlEditor;

// SQL completion in a SqlEditor: a popup of core::complete()'s proposals for the word at the cursor.
// It opens on Ctrl+Space, by itself after `.` and after a pause in typing a name (kPauseMs), and follows
// the typing while it is open. Up/Down/Page keys choose, Enter or Tab replace the word being typed with
// the proposal (quoted as it must be; a function gets its parentheses), Esc or moving away closes it.
// The popup never takes the focus: the editor keeps every other key.
//
// Only pure, indexed lookups run here, on the GUI thread (microseconds to about a millisecond on 10,000
// tables: bench/completion); the catalog comes from the CompletionSource, which loads it on a worker.
class SqlCompleter final : public QObject {
    Q_OBJECT
public:
    static constexpr int kPauseMs = 250;  // typing pause before the popup opens by itself
    static constexpr int kMaxShown = 300; // proposals listed at most (best first)

    SqlCompleter(SqlEditor* editor, std::shared_ptr<CompletionSource> source);
    ~SqlCompleter() override;

    QListView* popup() const { return m_popup; }
    CompletionListModel* model() const { return m_model; }
    CompletionSource* source() const { return m_source.get(); }
    bool isPopupVisible() const;
    // The names listed, in order.
    QStringList labels() const;
    // Ctrl+Space: the proposals for the word at the cursor, even with nothing typed yet.
    void showPopup();
    // Ctrl+J: the snippets whose prefix begins with the word at the cursor (all of them before anything is
    // typed), to insert one.
    void showSnippets();
    void hidePopup();
    // Replaces the word being typed with the chosen proposal; false when none is chosen.
    bool acceptCurrent();
    // The tab's own search path when it differs from the pool's (a SET search_path run in the tab); nullopt:
    // the catalog's.
    void setSearchPath(std::optional<QStringList> path);
    // GUI time the last update of the popup took (lookup, list, placing), for the bench.
    qint64 lastUpdateNs() const { return m_lastUpdateNs; }

    // Called by the editor: before it handles a key (true: the completer took it), after it did, and
    // for a shortcut override (true: the key must reach the editor rather than trigger a shortcut).
    bool keyBefore(QKeyEvent* event);
    void keyAfter(QKeyEvent* event);
    bool wantsKey(const QKeyEvent* event) const;

signals:
    void popupShown();
    void proposalsChanged();

private:
    enum class Mode { Explicit, Auto };
    void update(Mode mode);
    void place();
    void step(int rows);
    void cursorMoved();
    // The source's catalog, seen through the tab's search path when it has its own.
    std::shared_ptr<const core::CompletionCatalog> catalog();

    SqlEditor* m_editor = nullptr;
    std::shared_ptr<CompletionSource> m_source;
    CompletionListModel* m_model = nullptr;
    QListView* m_popup = nullptr;
    QTimer* m_pause = nullptr;
    Mode m_mode = Mode::Auto;
    int m_wordStart = -1;
    std::optional<QStringList> m_searchPath;
    std::shared_ptr<const core::CompletionCatalog> m_pathBase;    // the source's catalog m_pathCatalog copies
    std::shared_ptr<const core::CompletionCatalog> m_pathCatalog; // it with the tab's search path
    bool m_waitingForCatalog = false; // asked before the first catalog came: show when it does
    qint64 m_lastUpdateNs = 0;
};

} // namespace pgdesk::ui
