# SPDX-License-Identifier: GPL-3.0-or-later
# CPack: `make package` (cpack -G DEB in build/) packs what `cmake --install` installs into one .deb.
# Included from the top-level CMakeLists.txt (CPack must be set up there).
set(PGDESK_PACKAGE_MAINTAINER "PgDesk maintainers <maintainers@pgdesk.invalid>"
    CACHE STRING "Maintainer field of the .deb")
set(PGDESK_HOMEPAGE "https://github.com/pgdesk/pgdesk" CACHE STRING "Homepage of the .deb")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME pgdesk)
set(CPACK_PACKAGE_VENDOR "PgDesk")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "native PostgreSQL desktop client")
set(CPACK_PACKAGE_DESCRIPTION
    "PgDesk browses and changes PostgreSQL data safely: server-side filtering,
sorting and paging that stay fast on tables of any size, edits staged in change
sets and applied in one transaction with conflict detection, soft-delete
awareness, a query tool and exports (CSV, JSON, SQL, Markdown, XLSX).
.
The package also contains pgdesk-cli, the same core on the command line.")
set(CPACK_PACKAGE_CONTACT "${PGDESK_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY pgdesk)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # pgdesk_0.1.0-1_amd64.deb
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${PGDESK_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION database)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PGDESK_HOMEPAGE}")
# Libraries the binaries link (libqt6*, libpq5, libqt6keychain1, libxlsxwriter) come from dpkg-shlibdeps;
# plugins Qt loads at run time do not show there: the xcb platform and the SQLite driver (query history,
# change journal) are required, the SVG plugin draws the window icon (the other icons are drawn with
# libQt6Svg, linked, so dpkg-shlibdeps names libqt6svg6).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6sql6-sqlite")
# Noto covers the scripts users' data holds (CJK, Persian, Arabic …) where the default fonts show boxes.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libqt6svg6, openssh-client, fonts-noto-core, fonts-noto-cjk")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "gnome-keyring, postgresql-client")
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

include(CPack)
