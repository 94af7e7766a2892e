// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

class QCheckBox;
class QLineEdit;

namespace pgdesk::ui {

// A statement's `$n` / `:name` parameters before it runs: one row per parameter (its name, a value, NULL).
// Values are text as PostgreSQL reads it; they travel as bound parameters, never in the SQL. Enter runs
// (the Run button is the default), Esc cancels. Names are as core::parameterNames gives them: "1" for $1,
// "customer" for :customer.
class ParametersDialog final : public QDialog {
    Q_OBJECT
public:
    // `remembered`: values given before for these names (std::nullopt: NULL), filled in.
    ParametersDialog(const QStringList& names, const QMap<QString, std::optional<QString>>& remembered,
                     QWidget* parent = nullptr);

    // Every parameter's value as the form holds it: std::nullopt when NULL is checked.
    QMap<QString, std::optional<QString>> values() const;

    QStringList names() const { return m_names; }
    QLineEdit* valueEdit(const QString& name) const;
    QCheckBox* nullBox(const QString& name) const;

    // How a parameter is written in SQL: "$1", ":customer".
    static QString displayName(const QString& name);

private:
    struct Row {
        QLineEdit* value = nullptr;
        QCheckBox* null = nullptr;
    };
    QStringList m_names;
    QList<Row> m_rows; // in m_names' order
};

} // namespace pgdesk::ui
