#!/bin/sh
# install-deps.sh - install the Debian packages mcrc-report needs, if missing.
# Usage: tools/install-deps.sh build|test|bench|cluster
#   (test/bench = build + what the tests/benchmark use; cluster = build + a one-node SLURM for make check-cluster)
set -eu
build="gcc make pkg-config libhts-dev zlib1g-dev libxml2-dev libxslt1-dev libssl-dev"
test="$build bcftools tabix libxml2-utils python3 valgrind clang libclang-rt-14-dev"
test="$test nodejs npm chromium xsltproc poppler-utils fonts-dejavu-core"
test="$test snakemake python3-yaml python3-jsonschema man-db multiqc black"
test="$test xz-utils zstd bzip2 time"    # the hostile-input tests: refused compressions, GNU time's peak memory
cluster="$build snakemake python3-yaml slurm-wlm munge"
bench="$build bcftools tabix samtools hyperfine python3-cyvcf2 time"
case "${1:-build}" in
    build) want=$build ;;
    bench) want=$bench ;;
    test) want=$test ;;
    cluster) want=$cluster ;;
    *) echo "usage: $0 build|test|bench|cluster" >&2; exit 1 ;;
esac
missing=""
for p in $want; do
    # another nodejs package (e.g. one that bundles npm and conflicts with Debian's) also does
    [ "$p" = npm ] && command -v npm > /dev/null && continue
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
    echo "install-deps: missing Debian packages:$missing (run as root, or install them)" >&2
    exit 1
fi
echo "install-deps: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends $missing >&2
