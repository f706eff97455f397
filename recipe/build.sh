#!/bin/bash
# conda-build / bioconda build script: the ordinary Makefile, nothing patched.
# -Wno-error: a packager's newer compiler or libraries may warn where ours do not; a warning must not
# stop a package build (make check, with -Werror, is where warnings fail).
# PKG_CONFIG_PATH: htslib, libxml2, libxslt and openssl are the host environment's, in $PREFIX.
# CC_FOR_BUILD: the helper that embeds annotations/ runs during the build, so it is built for the build
# machine (conda-build sets it when cross-compiling; otherwise it is the same compiler).
set -euo pipefail
export PKG_CONFIG_PATH="${PREFIX}/lib/pkgconfig${PKG_CONFIG_PATH:+:${PKG_CONFIG_PATH}}"
make -j"${CPU_COUNT:-1}" CC="${CC:-cc}" CC_FOR_BUILD="${CC_FOR_BUILD:-${CC:-cc}}" CFLAGS="${CFLAGS:--O2} -Wno-error" all
make install prefix="${PREFIX}"
