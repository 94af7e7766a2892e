#include "cliapp.h"

#include <QCoreApplication>

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    return pgdesk::cli::run(QCoreApplication::arguments().mid(1));
}
