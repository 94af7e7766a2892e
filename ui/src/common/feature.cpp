// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/common/feature.h>

namespace pgdesk::ui {

namespace {

QList<FeatureFactory>& factories() {
    static QList<FeatureFactory> list;
    return list;
}

} // namespace

void registerFeature(FeatureFactory factory) {
    if (!factories().contains(factory))
        factories() << factory;
}

const QList<FeatureFactory>& registeredFeatures() {
    return factories();
}

} // namespace pgdesk::ui
