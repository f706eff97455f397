# mcrc-report on Debian 12 slim: build in one stage, run in a small one.
#   docker build -t mcrc-report:0.1.0 .
#   docker run --rm -v "$PWD:/data" -w /data mcrc-report:0.1.0 mcrc-report -o T1.xml T1.cnv.vcf.gz
# No ENTRYPOINT: Nextflow and Snakemake run their own shell commands in the container (procps is
# there for Nextflow's task metrics).  It runs as the unprivileged user mcrc (uid 1000); pipelines that
# pass their own uid (docker run -u) work as well, since nothing in the image needs to be written.

FROM debian:12-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
        gcc make pkg-config libhts-dev zlib1g-dev libxml2-dev libxslt1-dev libssl-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# only what the build reads: the test data (with its own licences) stays out of the image
COPY Makefile ./
COPY src/ src/
COPY tools/embed.c tools/
COPY annotations/ annotations/
COPY schemas/ schemas/
COPY docs/mcrc-report.1 docs/
RUN make -j"$(nproc)" all \
 && make install prefix=/usr/local DESTDIR=/out

FROM debian:12-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
        libhts3 zlib1g libxml2 libxslt1.1 libssl3 procps \
 && rm -rf /var/lib/apt/lists/*
# OCI annotations; mcrc-report.invalid stands for the project's home until it is published (recipe/meta.yaml)
LABEL org.opencontainers.image.title="mcrc-report" \
      org.opencontainers.image.description="ERBB2 (HER2) amplification and KRAS/NRAS/BRAF status of a colorectal tumour from VCF/BCF, as an XML report, an HTML page and JSON" \
      org.opencontainers.image.version="0.1.0" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.url="https://mcrc-report.invalid" \
      org.opencontainers.image.source="https://mcrc-report.invalid" \
      org.opencontainers.image.documentation="https://mcrc-report.invalid/docs/pipelines.md" \
      org.opencontainers.image.base.name="docker.io/library/debian:12-slim"
# the programs, the man page and the schemas (share/mcrc-report/schemas), all from make install
COPY --from=build /out/usr/local/ /usr/local/
COPY LICENSE /usr/local/share/doc/mcrc-report/LICENSE
RUN mcrc-report --version && mcrc-summary --version \
 && useradd --uid 1000 --create-home --shell /bin/sh mcrc
USER mcrc
WORKDIR /home/mcrc
CMD ["mcrc-report", "--help"]
