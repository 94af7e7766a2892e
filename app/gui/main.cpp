#include <pgdesk/core/version.h>
#include <pgdesk/ui/mainwindow.h>

#include <QApplication>
#include <QIcon>

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("pgdesk"));
    QApplication::setApplicationDisplayName(QStringLiteral("PgDesk"));
    QApplication::setApplicationVersion(pgdesk::core::pgdeskVersion());
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/pgdesk/icons/pgdesk.svg")));

    pgdesk::ui::MainWindow window;
    window.show();
    return app.exec();
}
