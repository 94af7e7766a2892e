#pragma once

#include "cliapp.h"

namespace pgdesk::cli {

// One function per command; each returns the exit code or throws (mapped in run()).
int cmdProfiles(Invocation& inv);
int cmdQuery(Invocation& inv);

} // namespace pgdesk::cli
