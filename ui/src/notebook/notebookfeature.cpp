// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/notebook/notebookfeature.h>
#include <pgdesk/ui/notebook/notebookview.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/ui/common/filechooser.h>
#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/common/workbench.h>

#include <QAction>
#include <QFileInfo>
#include <QMainWindow>
#include <QMessageBox>
#include <QTabWidget>

namespace pgdesk::ui {

NotebookFeature* NotebookFeature::of(const QWidget& window) {
    return Workbench::featureOf<NotebookFeature>(window);
}

void NotebookFeature::initialize(Workbench& workbench) {
    m_workbench = &workbench;
    const auto session = [this] { return m_workbench->hasSession(); };
    QAction* create = workbench.addMenuAction(MenuId::Query, 130, QStringLiteral("newNotebookAction"),
                                              themedIcon(QStringLiteral("document-new")), tr("New note&book"),
                                              [this] { openNotebook(); });
    workbench.enableWith(create, session);
    QAction* open =
        workbench.addMenuAction(MenuId::Query, 140, QStringLiteral("openNotebookAction"),
                                themedIcon(QStringLiteral("document-open")), tr("Open notebook…"), [this] {
                                    const QString path =
                                        chooseFileToOpen(m_workbench->window(), tr("Open Notebook"),
                                                         tr("Notebooks (*.pgnb.md *.md);;All files (*)"));
                                    if (!path.isEmpty())
                                        openNotebook(path);
                                });
    workbench.enableWith(open, session);

    TabKind notebooks;
    notebooks.key = QStringLiteral("notebook");
    notebooks.owns = [](const QWidget* page) { return qobject_cast<const NotebookView*>(page) != nullptr; };
    notebooks.confirmClose = [](QWidget* page, const std::function<void()>& again) {
        auto* view = static_cast<NotebookView*>(page);
        if (!view->isModified())
            return true;
        auto* box = new QMessageBox(QMessageBox::Question, tr("Unsaved notebook"),
                                    tr("Save the changes to the notebook before closing it?"),
                                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, view);
        box->setObjectName(QStringLiteral("notebookCloseQuestion"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(box, &QMessageBox::finished, view, [view, again](int button) {
            if (button == QMessageBox::Save && !view->save())
                return;
            if (button == QMessageBox::Save || button == QMessageBox::Discard) {
                if (button == QMessageBox::Discard)
                    view->setNotebook(view->notebook(), view->filePath()); // no longer modified
                again();
            }
        });
        box->open();
        return false;
    };
    notebooks.save = [](QWidget* page) {
        return QVariantMap{{QStringLiteral("file"), static_cast<NotebookView*>(page)->filePath()}};
    };
    notebooks.restore = [this](const QVariantMap& saved, const QString& database) {
        const QString path = saved.value(QStringLiteral("file")).toString();
        if (!path.isEmpty() && QFileInfo::exists(path))
            openNotebook(path, database);
    };
    workbench.addTabKind(std::move(notebooks));
}

NotebookView* NotebookFeature::openNotebook(const QString& path, const QString& database) {
    const QString db = !database.isEmpty() ? database : m_workbench->currentDatabase();
    const auto pool = m_workbench->poolFor(db);
    if (!pool) {
        m_workbench->showMessage(tr("Connect first: a notebook runs on the current session"), 5000);
        return nullptr;
    }
    QTabWidget* tabs = m_workbench->tabs();
    auto* view = new NotebookView(pool, tabs);
    if (!path.isEmpty()) {
        try {
            view->openFile(path);
        } catch (const core::Error& e) {
            delete view;
            m_workbench->showMessage(e.displayText(), 10000);
            return nullptr;
        }
    }
    const QString title = path.isEmpty() ? tr("Notebook %1").arg(++m_untitled) : QFileInfo(path).fileName();
    m_workbench->addTab(view, themedIcon(QStringLiteral("text-x-generic")), title,
                        path.isEmpty() ? tr("Notebook on database %1").arg(db) : path, db);
    const auto retitle = [tabs, view](const QString& name) {
        const int i = tabs->indexOf(view);
        if (i >= 0)
            tabs->setTabText(i, QString(name + (view->isModified() ? QStringLiteral(" *") : QString()))
                                    .replace(QLatin1Char('&'), QStringLiteral("&&")));
    };
    connect(view, &NotebookView::titleChanged, this, retitle);
    connect(view, &NotebookView::modifiedChanged, this, [view, retitle, title](bool) {
        retitle(view->filePath().isEmpty() ? title : QFileInfo(view->filePath()).fileName());
    });
    return view;
}

} // namespace pgdesk::ui
