// SPDX-License-Identifier: GPL-3.0-or-later
#include "programs.h"

#include <QStandardPaths>
#include <QtGlobal>

namespace pgdesk::test {

QString requireProgram(const QString& name, const char* package) {
    QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(name, {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
    if (path.isEmpty())
        qFatal("the test needs the program %s, which is missing: it comes with the Debian package %s "
               "(scripts/install-deps installs it; run make deps)",
               qPrintable(name), package);
    return path;
}

} // namespace pgdesk::test
