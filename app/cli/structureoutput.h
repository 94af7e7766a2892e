// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/catalog/structurereader.h>

#include <QJsonObject>
#include <QTextStream>

namespace pgdesk::cli {

// `describe TABLE --structure`: a core::TableStructure as JSON (every field; the server's text as is,
// sizes and counters as integers, absent values null) or as text sections for people.
QJsonObject structureJson(const core::TableStructure& structure);
void printStructure(QTextStream& out, const core::TableStructure& structure);

} // namespace pgdesk::cli
