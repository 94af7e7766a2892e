#pragma once

#include "cliapp.h"

namespace pgdesk::cli {

// One function per command; each returns the exit code or throws (mapped in run()).
int cmdProfiles(Invocation& inv);
int cmdQuery(Invocation& inv);
int cmdBrowse(Invocation& inv);
int cmdTables(Invocation& inv);
int cmdDescribe(Invocation& inv);
int cmdExport(Invocation& inv);
int cmdApply(Invocation& inv);
int cmdImport(Invocation& inv);

} // namespace pgdesk::cli
