# mcrc-report - see README.md.  Ordinary overridable variables:
#   CC CFLAGS CPPFLAGS LDFLAGS LIBS PKG_CONFIG prefix DESTDIR CC_FOR_BUILD CFLAGS_FOR_BUILD
# Targets: all (default), check, check-cluster, demo, install, clean.

VERSION    = 0.1.0
CC        ?= cc
CC_FOR_BUILD ?= $(CC)
CFLAGS_FOR_BUILD ?= -O2
CFLAGS    ?= -O2 -g
PKG_CONFIG ?= pkg-config
prefix    ?= /usr/local
bindir     = $(prefix)/bin
mandir     = $(prefix)/share/man
schemadir  = $(prefix)/share/mcrc-report/schemas
DESTDIR   ?=

DEP_CFLAGS := $(shell $(PKG_CONFIG) --cflags htslib libxml-2.0 libxslt libcrypto 2>/dev/null)
DEP_LIBS   := $(shell $(PKG_CONFIG) --libs htslib libxml-2.0 libxslt libcrypto 2>/dev/null)
ALL_CPPFLAGS = -Isrc -Ibuild -DMCRC_VERSION='"$(VERSION)"' -D_GNU_SOURCE $(DEP_CFLAGS) $(CPPFLAGS)
ALL_CFLAGS   = -std=c11 -Wall -Wextra -Werror $(CFLAGS)
ALL_LIBS     = $(DEP_LIBS) -lm -lpthread $(LIBS)

# the files compiled into the binary.  EMBED_TABLES: the built-in tables, each read once by refdata.c and
# checksummed into every report's data_sha256 in this order (embedded.c lists them in embedded_tables[]);
# EMBED_OTHER: the knowledge base (checksummed on its own), its schema and the HTML stylesheet.
EMBED_TABLES = genes.tsv=annotations/genes.tsv \
        assemblies.tsv=annotations/assemblies.tsv \
        reference-names.tsv=annotations/reference-names.tsv \
        copy-number-fields.tsv=annotations/copy-number-fields.tsv \
        cds_exons.tsv=annotations/cds_exons.tsv \
        cds.fa=annotations/cds.fa \
        proteins.fa=annotations/proteins.fa \
        hotspots.tsv=annotations/hotspots.tsv \
        hotspot-classes.tsv=annotations/hotspot-classes.tsv \
        allele-fraction-fields.tsv=annotations/allele-fraction-fields.tsv \
        segment-dialects.tsv=annotations/segment-dialects.tsv \
        reasons.xml=annotations/reasons.xml
EMBED_OTHER = knowledge-base.xml=annotations/knowledge-base.xml \
        annotations.xsd=schemas/annotations.xsd \
        report-html.xsl=schemas/report-html.xsl
EMBED = $(EMBED_TABLES) $(EMBED_OTHER)
EMBED_FILES = $(foreach e,$(EMBED),$(word 2,$(subst =, ,$(e))))

CORE = run util cli safe_io field_cache sv_cap genes assembly copy_number extent erbb2 input input_scan input_region input_sample input_hash region_index kb report html json output outputs sha256 tsv refdata cds_model cds_load translate protein_name annot_format annot_parse annot_protein vaf small_variant sv_record sv_decide reason callable segments seg_dialect alignments alignments_compare
# B: where objects go.  `make check` also builds the whole tree a second time in build-san/
# with AddressSanitizer and UBSan (B=build-san, SAN=1).
B ?= build
ifeq ($(SAN),1)
ALL_CFLAGS += -O1 -fsanitize=address,undefined,float-cast-overflow -fno-omit-frame-pointer -fno-sanitize-recover=undefined,float-cast-overflow
LDFLAGS += -fsanitize=address,undefined,float-cast-overflow
endif
ifeq ($(FUZZ),1)
ALL_CFLAGS += -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
endif
CORE_OBJ = $(CORE:%=$(B)/%.o) $(B)/embedded.o
HEADERS = $(wildcard src/*.h)

.PHONY: all check check-cluster demo install clean deps test-deps unit bench mcrc-report fuzz fuzz-build flip

all: mcrc-report mcrc-summary

mcrc-report: $(B)/mcrc-report
	cp $< $@

$(B)/.dir:
	mkdir -p $(B)
	touch $@

# the embed helper runs during the build: built for the build machine (CC_FOR_BUILD, as when cross-compiling)
$(B)/embed: tools/embed.c | $(B)/.dir
	$(CC_FOR_BUILD) -std=c11 -Wall -Wextra $(CFLAGS_FOR_BUILD) -o $@ $<

$(B)/embedded.c: $(B)/embed $(EMBED_FILES) Makefile
	$(B)/embed $@ $(EMBED_TABLES) -- $(EMBED_OTHER)

$(B)/embedded.o: $(B)/embedded.c src/embedded.h
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(B)/%.o: src/%.c $(HEADERS) | $(B)/.dir
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(B)/mcrc-report: $(B)/main.o $(CORE_OBJ)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(ALL_LIBS)

# the companion program: a cohort table (and MultiQC's) from many XML reports
mcrc-summary: $(B)/summary.o $(B)/util.o $(B)/output.o $(B)/safe_io.o
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(ALL_LIBS)

# the man page, from its one source docs/mcrc-report.1.md (both are committed)
.PHONY: man
man: docs/mcrc-report.1
docs/mcrc-report.1: docs/mcrc-report.1.md tools/mkman.py
	python3 tools/mkman.py $< > $@.tmp && mv $@.tmp $@

# unit tests of the decision rules and helpers
UNIT_ALL = test_rules test_util test_kb test_translate test_annot_parse test_small_variant test_safe_io test_json test_segments
UNIT = $(basename $(notdir $(filter $(wildcard tests/unit/test_*.c),$(UNIT_ALL:%=tests/unit/%.c))))
$(B)/%: tests/unit/%.c $(CORE_OBJ) $(HEADERS)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(CORE_OBJ) $(ALL_LIBS)

unit: $(UNIT:%=$(B)/%)

# fuzzing (clang's libFuzzer): targets in tests/fuzz/, built in build-fuzz/; `make fuzz` runs each
# for FUZZ_SECONDS, tests/check-all.sh for a short while; findings go to tests/fuzz/regressions/
FUZZ_TARGETS = fuzz_vcf fuzz_kb fuzz_annot fuzz_index
FUZZ_SECONDS ?= 300
$(B)/fuzz_%: tests/fuzz/fuzz_%.c $(CORE_OBJ)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< $(CORE_OBJ) $(ALL_LIBS)
fuzz-build:
	$(MAKE) B=build-fuzz CC=clang FUZZ=1 $(FUZZ_TARGETS:%=build-fuzz/%)
fuzz: fuzz-build all
	tests/fuzz/run.sh $(FUZZ_SECONDS); rc=$$?; $(MAKE) flip || rc=1; exit $$rc

# the flip property test of issue 12 (tests/flip/README.md), longer than the bounded run in `make check`
FLIP_COUNT ?= 20000
FLIP_SECONDS ?= 1800
FLIP_SEED ?= $(shell date +%s)
flip: all
	python3 tests/flip/flip.py --seed $(FLIP_SEED) --count $(FLIP_COUNT) --seconds $(FLIP_SECONDS)
	python3 tests/flip/dialects.py

deps:
	tools/install-deps.sh build

test-deps:
	tools/install-deps.sh test

check: test-deps
	$(MAKE) all unit
	$(MAKE) B=build-san SAN=1 build-san/mcrc-report unit
	$(MAKE) fuzz-build
	tests/check-all.sh

# the example Snakemake workflow through its SLURM profile on a one-node cluster on localhost (root;
# tests/cluster/run.sh starts and stops munged, slurmctld and slurmd); .ci/run runs it after check
check-cluster: all
	tools/install-deps.sh cluster
	tests/cluster/run.sh

demo: deps
	$(MAKE) all
	@# a CNVkit copy-number VCF (ERBB2 amplified) and the PCGR example's somatic calls (BRAF V600E at depth 54:
	@# indeterminate under the default --min-depth 100, see the README), both GRCh37
	./mcrc-report -g GRCh37 -o demo-report.xml --html demo-report.html --json demo-report.json testdata/cnvkit/wgs-chr17.cnvkit.vcf testdata/pcgr/T001-COAD.grch37.vcf.gz
	@echo "demo: XML report written to $(CURDIR)/demo-report.xml, HTML page to $(CURDIR)/demo-report.html, JSON to $(CURDIR)/demo-report.json"
	@grep -o '<biomarker gene="[A-Z0-9]*" [^>]*status="[a-z-]*"' demo-report.xml

bench: all
	tools/install-deps.sh bench
	bench/run.sh
	bench/hostile.sh
	bench/alignments.sh

install: mcrc-report mcrc-summary
	install -d $(DESTDIR)$(bindir) $(DESTDIR)$(mandir)/man1
	install -m 755 mcrc-report $(DESTDIR)$(bindir)/mcrc-report
	install -m 755 mcrc-summary $(DESTDIR)$(bindir)/mcrc-summary
	@# the report's schemas (XML and JSON), the knowledge base's, and the HTML stylesheet a lab may import in its own
	install -d $(DESTDIR)$(schemadir)
	install -m 644 schemas/report.xsd schemas/report.schema.json schemas/annotations.xsd schemas/report-html.xsl $(DESTDIR)$(schemadir)/
	if [ -f docs/mcrc-report.1 ]; then install -m 644 docs/mcrc-report.1 $(DESTDIR)$(mandir)/man1/; fi

clean:
	rm -rf build build-san build-fuzz mcrc-report mcrc-summary demo-report.xml demo-report.html demo-report.json tests/out
