// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliapp.h"
#include "interrupt.h"

#include <QCoreApplication>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <unistd.h>

namespace {

// `chart`, `erd` and `notebook` (its charts) draw text into PNG and SVG with QtGui's fonts: pgdesk-cli-draw
// (drawmain.cpp), the same commands linked with QtGui, runs them in this process's place. pgdesk-cli itself
// does not load QtGui and the thirty libraries behind it, whose start (the loader binding every symbol of
// each) was a third of a short command's time.
bool draws(int argc, char* argv[]) {
    return std::any_of(argv + 1, argv + argc, [](const char* a) {
        return std::strcmp(a, "chart") == 0 || std::strcmp(a, "erd") == 0 || std::strcmp(a, "notebook") == 0;
    });
}

// Beside this program (the build tree), or in ../libexec/pgdesk (installed). Returns only when neither runs:
// then this program goes on, and run() says that chart and erd need pgdesk-cli-draw (an argument that only
// looked like one of them still runs here).
void execDrawProgram(char* argv[]) {
    std::error_code error;
    const std::filesystem::path dir = std::filesystem::read_symlink("/proc/self/exe", error).parent_path();
    for (const auto& candidate :
         {dir / "pgdesk-cli-draw", dir / ".." / "libexec" / "pgdesk" / "pgdesk-cli-draw"}) {
        ::execv(candidate.c_str(), argv); // argv[0] kept: the program's name in messages stays pgdesk-cli
        if (errno != ENOENT)
            std::fprintf(stderr, "pgdesk-cli: %s: %s\n", candidate.c_str(), std::strerror(errno));
    }
}

} // namespace

int main(int argc, char* argv[]) {
    if (draws(argc, argv))
        execDrawProgram(argv);
    pgdesk::cli::installInterruptHandler(); // before any thread exists, so all inherit the signal mask
    pgdesk::cli::keepQtMessagesOwn();
    QCoreApplication app(argc, argv);
    return pgdesk::cli::run(QCoreApplication::arguments().mid(1));
}
