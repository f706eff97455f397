# mcrc-report on Debian 12 slim: build in one stage, run in a small one.
#   docker build -t mcrc-report:0.1.0 .
#   docker run --rm -v "$PWD:/data" -w /data mcrc-report:0.1.0 mcrc-report -o T1.xml T1.cnv.vcf.gz
# No ENTRYPOINT: Nextflow and Snakemake run their own shell commands in the container (procps is
# there for Nextflow's task metrics).

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
COPY --from=build /out/usr/local/ /usr/local/
COPY schemas/report.xsd /usr/local/share/mcrc-report/report.xsd
RUN mcrc-report --version && mcrc-summary --version
CMD ["mcrc-report", "--help"]
