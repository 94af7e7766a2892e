// SPDX-License-Identifier: GPL-3.0-or-later
// Compiled into every program that links pgdesk_ui (an INTERFACE source, see ui/CMakeLists.txt), so that it
// runs without being referenced: the features every window gets, registered at the application's start in
// the order of ui/CMakeLists.txt's folders (a feature may use those before it). The one place that names
// them all; the window (shell) names none.
#include <pgdesk/ui/admin/adminfeature.h>
#include <pgdesk/ui/browse/browsefeature.h>
#include <pgdesk/ui/common/feature.h>
#include <pgdesk/ui/connect/connectfeature.h>
#include <pgdesk/ui/diagram/diagramfeature.h>
#include <pgdesk/ui/notebook/notebookfeature.h>
#include <pgdesk/ui/plan/planfeature.h>
#include <pgdesk/ui/query/queryfeature.h>
#include <pgdesk/ui/schema/schemafeature.h>
#include <pgdesk/ui/server/serverfeature.h>
#include <pgdesk/ui/transfer/transferfeature.h>
#include <pgdesk/ui/visual/visualfeature.h>

#include <QCoreApplication>

namespace {

template <class T> pgdesk::ui::Feature* make(QObject* parent) {
    return new T(parent);
}

void registerPgDeskFeatures() {
    using namespace pgdesk::ui;
    for (FeatureFactory factory :
         {&make<PlanFeature>, &make<SchemaFeature>, &make<ConnectFeature>, &make<BrowseFeature>,
          &make<TransferFeature>, &make<QueryFeature>, &make<AdminFeature>, &make<VisualFeature>,
          &make<DiagramFeature>, &make<ServerFeature>, &make<NotebookFeature>})
        registerFeature(factory);
}

} // namespace

Q_COREAPP_STARTUP_FUNCTION(registerPgDeskFeatures)
