# hotmem top-level Makefile.
#   make            the hotmem binary and the firmware (seabios/out/bios.bin)
#   make check      installs what is missing, then unit, ACPI and guest tests
#   make demo       boots the default guest, prints its CPUs and MemTotal
#   make bench      hotmem and QEMU side by side (not part of check)
#   make fuzz       every libFuzzer target for FUZZ_SECONDS (tests/fuzz/README.md)

ifneq ($(wildcard config-host.mak),)
include config-host.mak
endif

Q := $(if $(V),,@)
ALL_CFLAGS = $(CFLAGS) $(GLIB_CFLAGS) -I. -Iinclude -MMD -MP

LIB_SRCS := $(sort $(wildcard hw/*.c accel/*.c system/*.c util/*.c monitor/*.c migration/*.c))
GENERATED := qemu-options.def
# Monitors: C from qapi-schema.json and hmp-commands.hx (the same runs write
# docs/qmp.md, qmp-commands.hx and docs/hmp.md, which are kept in git).
QAPI_GEN := qapi-generated.h qapi-generated.c
GENERATED += $(QAPI_GEN) hmp-commands.def
GEN_HEADERS := qemu-options.def qapi-generated.h hmp-commands.def
LIB_OBJS := $(LIB_SRCS:.c=.o)
LIB_OBJS += qapi-generated.o
UNIT_TESTS := $(patsubst %.c,%,$(sort $(wildcard tests/unit/test-*.c)))
FIRMWARE := seabios/out/bios.bin

.SECONDARY:

.PHONY: all install check check-unit check-firmware check-guest demo demo-guest bench bench-guest clean distclean deps firmware

all: hotmem firmware docs/options.md hotmem.1

config-host.mak:
	@echo "config-host.mak missing: run ./configure (or make check, which does it)" >&2
	@false

# The generators and the modules they import: a change to any rebuilds.
HXTOOL_PY := scripts/hxtool.py scripts/hxparse.py scripts/genlib.py
HMP_GEN_PY := scripts/hmp-gen.py scripts/hxparse.py scripts/genlib.py
QAPI_GEN_PY := scripts/qapi-gen.py $(wildcard scripts/qapi/*.py) scripts/genlib.py

qemu-options.def: qemu-options.hx $(HXTOOL_PY)
	$(Q)$(PYTHON) scripts/hxtool.py options-def $< > $@.tmp && mv $@.tmp $@

# Option docs (kept in git): docs/options.md and the README's option table.
docs/options.md: qemu-options.hx $(HXTOOL_PY)
	@echo "  GEN     $@ README.md"
	$(Q)$(PYTHON) scripts/hxtool.py options-doc $< > $@.tmp && mv $@.tmp $@
	$(Q)$(PYTHON) scripts/hxtool.py readme $< README.md

$(QAPI_GEN) docs/qmp.md qmp-commands.hx &: qapi-schema.json $(QAPI_GEN_PY)
	@echo "  GEN     $(QAPI_GEN) docs/qmp.md qmp-commands.hx"
	$(Q)$(PYTHON) scripts/qapi-gen.py $< --h qapi-generated.h --c qapi-generated.c \
		--md docs/qmp.md --hx qmp-commands.hx && touch $(QAPI_GEN) docs/qmp.md qmp-commands.hx

hmp-commands.def docs/hmp.md &: hmp-commands.hx $(HMP_GEN_PY)
	@echo "  GEN     hmp-commands.def docs/hmp.md"
	$(Q)$(PYTHON) scripts/hmp-gen.py $< --def hmp-commands.def --md docs/hmp.md && \
		touch hmp-commands.def docs/hmp.md

# The man page, from the same single sources as -h and the monitors.
MKMAN_PY := scripts/mkman.py $(HXTOOL_PY) scripts/hmp-gen.py $(QAPI_GEN_PY)
HOTMEM_VERSION = $(shell sed -n 's/^\#define HOTMEM_VERSION "\(.*\)"/\1/p' \
	include/hotmem/version.h)
hotmem.1: qemu-options.hx hmp-commands.hx qapi-schema.json $(MKMAN_PY) include/hotmem/version.h
	@echo "  GEN     $@"
	$(Q)$(PYTHON) scripts/mkman.py qemu-options.hx hmp-commands.hx qapi-schema.json \
		"$(HOTMEM_VERSION)" > $@.tmp && mv $@.tmp $@

# make install [PREFIX=/usr/local] [DESTDIR=]: the binary, its firmware in
# share/hotmem/ (where hotmem looks after its build tree) and the man page.
PREFIX ?= /usr/local
install: all
	install -D -m 0755 hotmem $(DESTDIR)$(PREFIX)/bin/hotmem
	install -D -m 0644 seabios/out/bios.bin $(DESTDIR)$(PREFIX)/share/hotmem/bios.bin
	install -D -m 0644 hotmem.1 $(DESTDIR)$(PREFIX)/share/man/man1/hotmem.1
	install -D -m 0644 docs/qmp.md $(DESTDIR)$(PREFIX)/share/doc/hotmem/qmp.md
	install -D -m 0644 docs/hmp.md $(DESTDIR)$(PREFIX)/share/doc/hotmem/hmp.md
	install -D -m 0644 docs/options.md $(DESTDIR)$(PREFIX)/share/doc/hotmem/options.md

vl.o: qemu-options.def
$(LIB_OBJS) vl.o $(UNIT_TESTS:=.o): | $(GEN_HEADERS)

%.o: %.c config-host.mak
	@echo "  CC      $@"
	$(Q)$(CC) $(ALL_CFLAGS) -c $< -o $@

libhotmem.a: $(LIB_OBJS)
	$(Q)rm -f $@ && ar rcs $@ $^

hotmem: vl.o libhotmem.a
	@echo "  LINK    $@"
	$(Q)$(CC) $(LDFLAGS) -o $@ vl.o libhotmem.a $(GLIB_LIBS)

firmware:
	$(Q)$(MAKE) -C seabios

tests/unit/test-%: tests/unit/test-%.o libhotmem.a
	@echo "  LINK    $@"
	$(Q)$(CC) $(LDFLAGS) -o $@ $< libhotmem.a $(GLIB_LIBS)

# Fresh machine: packages first, then configure, then the real work.
deps:
	$(Q)./scripts/install-deps.sh
	$(Q)test -f config-host.mak || ./configure

check: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)$(MAKE) --no-print-directory check-unit
	$(Q)$(MAKE) --no-print-directory check-fuzz
	$(Q)$(MAKE) --no-print-directory check-firmware
	$(Q)$(MAKE) --no-print-directory check-guest

check-unit: $(UNIT_TESTS)
	$(Q)$(PYTHON) scripts/run-tap.py $(UNIT_TESTS)

# AML builder unit tests and the byte-for-byte round trip through iasl
check-firmware:
	$(Q)$(MAKE) --no-print-directory -C seabios check

check-guest: all
	$(Q)$(PYTHON) tests/guest/run-checks.py

# demo and bench, like check, run their steps in a sub-make: on a fresh
# clone config-host.mak (and $(PYTHON)) only exists once deps has run.
demo: deps
	$(Q)$(MAKE) --no-print-directory demo-guest

demo-guest: all
	$(Q)$(PYTHON) tests/guest/demo.py

bench: deps
	$(Q)$(MAKE) --no-print-directory bench-guest

bench-guest: all
	$(Q)$(PYTHON) bench/bench.py

# ---- fuzzing (tests/fuzz/README.md): libFuzzer targets, clang with ASan and
# UBSan, objects in build-fuzz/ so that the gcc build is untouched ----
FUZZ_CC ?= clang
FUZZ_DIR := build-fuzz
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_CFLAGS := -std=gnu11 -O1 -g -fno-omit-frame-pointer -D_GNU_SOURCE -Wall -Wextra \
	-Wno-unused-parameter $(FUZZ_SAN) -fsanitize=fuzzer-no-link $(GLIB_CFLAGS) -I. -Iinclude -MMD -MP
FUZZ_NAMES := $(patsubst tests/fuzz/fuzz-%.c,%,$(filter-out %/fuzz-machine.c,$(wildcard tests/fuzz/fuzz-*.c)))
FUZZ_BINS := $(FUZZ_NAMES:%=$(FUZZ_DIR)/fuzz-%)
FUZZ_LIB_OBJS := $(addprefix $(FUZZ_DIR)/,$(LIB_OBJS) tests/fuzz/fuzz-machine.o)
FUZZ_SECONDS ?= 150
FUZZ_CHECK_RUNS ?= 5000
FUZZ_RUN = $(PYTHON) tests/fuzz/run-fuzz.py --bin-dir $(FUZZ_DIR) $(FUZZ_NAMES)
.PHONY: fuzz fuzz-build fuzz-run check-fuzz

$(FUZZ_DIR)/%.o: %.c config-host.mak | $(GEN_HEADERS)
	@echo "  FUZZCC  $@"
	$(Q)mkdir -p $(@D) && $(FUZZ_CC) $(FUZZ_CFLAGS) -c $< -o $@

# --wrap=open: tests/fuzz/fuzz-machine.c keeps files the input names in a scratch dir
$(FUZZ_DIR)/fuzz-%: $(FUZZ_DIR)/tests/fuzz/fuzz-%.o $(FUZZ_LIB_OBJS)
	@echo "  FUZZLD  $@"
	$(Q)$(FUZZ_CC) $(FUZZ_SAN) -fsanitize=fuzzer -Wl,--wrap=open -o $@ $^ $(GLIB_LIBS)

fuzz-build: $(FUZZ_BINS)

fuzz: deps
	$(Q)$(MAKE) --no-print-directory fuzz-run

fuzz-run: fuzz-build
	$(Q)$(FUZZ_RUN) --seconds $(FUZZ_SECONDS) --work $(FUZZ_DIR)/run

# a short, deterministic run of every target over its seeds: part of check
check-fuzz: fuzz-build
	$(Q)$(FUZZ_RUN) --runs $(FUZZ_CHECK_RUNS) --seed 1 --work $(FUZZ_DIR)/check

-include $(FUZZ_LIB_OBJS:.o=.d) $(FUZZ_NAMES:%=$(FUZZ_DIR)/tests/fuzz/fuzz-%.d)

clean:
	rm -rf $(FUZZ_DIR)
	rm -f hotmem hotmem.1 vl.o vl.d libhotmem.a $(LIB_OBJS) $(LIB_OBJS:.o=.d) $(GENERATED)
	rm -f $(UNIT_TESTS) tests/unit/*.o tests/unit/*.d
	$(MAKE) -C seabios clean

distclean: clean
	rm -f config-host.mak

-include $(LIB_OBJS:.o=.d) vl.d $(UNIT_TESTS:=.d)
