# SPDX-License-Identifier: GPL-3.0-or-later
# Warnings and sanitizers for project targets only (never for Qt's generated moc code of other projects).
function(pgdesk_target_options target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
  if(PGDESK_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  target_compile_definitions(${target} PRIVATE QT_NO_URL_CAST_FROM_STRING QT_NO_FOREACH)
  # Qt6::Test defines QT_TESTCASE_BUILDDIR and _SOURCEDIR as absolute paths (for QFINDTESTDATA, which
  # PgDesk does not use; tests get PGDESK_SOURCE_DIR): a fixed build dir here, and the Makefile keeps the
  # source dir out of ccache's hash, so a clone elsewhere (CI's) hits the cache for every test too.
  set_target_properties(${target} PROPERTIES QT_TESTCASE_BUILDDIR ".")
  if(PGDESK_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
      message(FATAL_ERROR "PGDESK_FUZZ needs clang (CXX=clang++)")
    endif()
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                                             -fno-sanitize-recover=undefined -g)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  elseif(PGDESK_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()
