#include <pgdesk/ui/background.h>

#include <pgdesk/core/errors.h>

namespace pgdesk::ui {

QString errorText(const std::exception& e) {
    if (const auto* error = dynamic_cast<const core::Error*>(&e))
        return error->displayText();
    return QString::fromUtf8(e.what());
}

bool isConnectionLost(const std::exception& e) {
    const auto* error = dynamic_cast<const core::Error*>(&e);
    return error && error->kind() == core::ErrorKind::Connection;
}

} // namespace pgdesk::ui
