// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractItemModel>
#include <QString>

namespace pgdesk::test {

// The column of a grid's model whose header reads `name`, or -1 (shared by the UI suites).
inline int columnNamed(const QAbstractItemModel* model, const QString& name) {
    for (int c = 0; c < model->columnCount(); ++c) {
        if (model->headerData(c, Qt::Horizontal).toString() == name)
            return c;
    }
    return -1;
}

} // namespace pgdesk::test
