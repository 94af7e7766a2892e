// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <functional>

#include <memory>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace pgdesk::core {
class Connection;
class Pool;
} // namespace pgdesk::core

namespace pgdesk::ui {

class JobSlot;
class SqlHighlighter;

// The CREATE script of one relation (with its partitions) or of a whole schema (core::DdlWriter), shown
// read-only with SQL colours, Copy and Save as…. Read on a worker when first shown (a structure tab shows it
// as one of its pages; the object tree opens a schema's in a tab of its own), again on Refresh; a failure
// shows its reason with Retry.
class CreateScriptView final : public QWidget {
    Q_OBJECT
public:
    // `relation` empty: the script of the whole schema.
    CreateScriptView(std::shared_ptr<core::Pool> pool, QString schema, QString relation,
                     QWidget* parent = nullptr);
    // The script of another object (a tablespace, an event trigger): `read` writes it on a worker; `title`
    // names it ("tablespace fast"), `fileName` is what Save as… proposes (without .sql).
    using Source = std::function<QString(core::Connection&)>;
    CreateScriptView(std::shared_ptr<core::Pool> pool, QString title, QString fileName, Source read,
                     QWidget* parent = nullptr);
    ~CreateScriptView() override;

    void ensureLoaded();
    void refresh();
    bool isLoading() const;
    // Whether it was ever asked for (shown): a host's Refresh reads it again only then.
    bool isRequested() const { return m_requested; }
    QString script() const { return m_script; }
    // The file name Save as… proposes: "schema.table.sql" or "schema.sql".
    QString suggestedFileName() const;

    QPlainTextEdit* editor() const { return m_editor; }
    QPushButton* copyButton() const { return m_copy; }
    QPushButton* saveButton() const { return m_save; }
    QLabel* messageLabel() const { return m_message; }

    void copyScript();
    // Writes the script to `path` whole or not at all (a temporary file renamed); false with the reason in
    // the message line when it cannot.
    bool saveTo(const QString& path);

signals:
    void loaded();
    void loadFailed(const QString& message);

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void saveAs();
    void showFailure(const QString& message);

    std::shared_ptr<core::Pool> m_pool;
    QString m_schema;
    QString m_relation;
    QString m_title; // with m_source: what the script is of
    Source m_source;
    JobSlot* m_load = nullptr;
    bool m_requested = false;
    QString m_script;
    QLabel* m_message = nullptr;
    QPushButton* m_retry = nullptr;
    QPushButton* m_copy = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_refresh = nullptr;
    QPlainTextEdit* m_editor = nullptr;
    SqlHighlighter* m_highlighter = nullptr;
};

} // namespace pgdesk::ui
