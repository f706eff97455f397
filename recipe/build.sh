#!/bin/bash
# conda-build / bioconda build script: the ordinary Makefile, nothing patched.
# -Wno-error: a packager's newer compiler or libraries may warn where ours do not; a warning must not
# stop a package build (make check, with -Werror, is where warnings fail).
set -euo pipefail
make -j"${CPU_COUNT:-1}" CC="${CC:-cc}" CFLAGS="${CFLAGS:--O2} -Wno-error" all
make install prefix="${PREFIX}"
