// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>

#include <functional>

namespace pgdesk::ui {

class Workbench;

// One ui folder's part of the window: in initialize() it registers its menu and toolbar actions, its entries
// in the object tree's context menu, its kinds of tab and the requests it answers, through the Workbench (Qt
// Creator's IPlugin::initialize with its ActionManager, at PgDesk's size). The window knows no feature: it
// makes one of each registered kind, in the order they were registered (folders bottom first), so a feature
// may look up those registered before it (Workbench::feature<T>()). A feature is a child of the workbench
// and goes with the window.
class Feature : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void initialize(Workbench& workbench) = 0;
};

// The features every window gets. ui/startup/features.cpp, compiled into every program that links pgdesk_ui,
// registers PgDesk's at the application's start; registering twice adds nothing (the factory's address is
// its identity).
using FeatureFactory = Feature* (*)(QObject* parent);
void registerFeature(FeatureFactory factory);
const QList<FeatureFactory>& registeredFeatures();

} // namespace pgdesk::ui
