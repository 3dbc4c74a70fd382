# berth: a terminal console for Docker.
#   make            build ./berth
#   make check      install what is missing, then every test (sanitized)
#   make demo       install what is missing, build, open berth on a private engine
#   make fuzz       run each libFuzzer target for FUZZ_SECONDS
#   make install    PREFIX=/usr/local DESTDIR=
#   make dist       build/dist/berth-VERSION.tar.gz (builds and tests alone)
#   make deb        the Debian package, from that tarball, in build/deb

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man/man1
DATADIR = $(PREFIX)/share/berth
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR = $(PREFIX)/share/zsh/vendor-completions
FISHCOMPDIR = $(PREFIX)/share/fish/vendor_completions.d
# systemd reads /usr/local/lib/systemd/system too; a Debian package sets
# /lib/systemd/system
SYSTEMDDIR ?= $(PREFIX)/lib/systemd/system
UNIT = build/contrib/berth-watch.service
COMPLETIONS = build/completions/berth build/completions/_berth \
	build/completions/berth.fish

CC ?= cc
CLANG ?= clang
PKG_CONFIG ?= pkg-config
PKGS = ncursesw libcurl libcjson yaml-0.1 libarchive
FUZZ_SECONDS ?= 60

VERSION := $(shell cat VERSION 2>/dev/null || echo 0.0.0)
# which commit (semver build metadata: 0.1.0+g1c57dbc): git's, in a
# checkout; a release tarball carries it in .git-describe
GIT_DESC := $(if $(wildcard .git),$(shell git describe --tags --always --dirty 2>/dev/null),$(shell cat .git-describe 2>/dev/null))
FULL_VERSION := $(VERSION)$(if $(GIT_DESC),+g$(subst -,.,$(GIT_DESC)))

CFLAGS ?= -O2 -g
# Messages are cut to fit a status line on purpose (always with snprintf),
# so gcc's guesses about truncation are noise, and differ between -O1 and -O2.
WARN = -std=c11 -Wall -Wextra -Werror -Wmissing-prototypes -Wshadow \
	-Wstrict-prototypes -Wformat=2 -Wno-format-nonliteral -Wno-format-truncation
DEFS = -D_GNU_SOURCE -D_XOPEN_SOURCE_EXTENDED \
	-DBERTH_VERSION=\"$(FULL_VERSION)\" -DBERTH_DATADIR=\"$(DATADIR)\"
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS = $(WARN) $(DEFS) -I. $(PKG_CFLAGS) $(CPPFLAGS) $(CFLAGS) -pthread -MMD -MP
LIBS = $(PKG_LIBS) -lm -pthread

SAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
TEST_LIBS = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)

SRC_LIB := $(sort $(wildcard api/*.c posture/*.c ops/*.c model/*.c tui/*.c views/*.c) \
	$(filter-out cli/main.c,$(wildcard cli/*.c)))
SRC_TESTLIB := $(wildcard tests/lib/*.c)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
INTEG_SRC := $(wildcard tests/integration/test_*.c)
FUZZ_SRC := $(wildcard tests/fuzz/fuzz_*.c)
ALL_SRC := $(wildcard api/*.[ch] posture/*.[ch] ops/*.[ch] model/*.[ch] tui/*.[ch] views/*.[ch] \
	cli/*.[ch] tests/*/*.[ch])

REL = build/rel
SAN = build/san
FUZ = build/fuzz
REL_OBJ := $(SRC_LIB:%.c=$(REL)/%.o)
SAN_OBJ := $(SRC_LIB:%.c=$(SAN)/%.o)
SAN_TESTLIB_OBJ := $(SRC_TESTLIB:%.c=$(SAN)/%.o)
UNIT_BIN := $(UNIT_SRC:%.c=$(SAN)/%)
INTEG_BIN := $(INTEG_SRC:%.c=$(SAN)/%)
FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=$(FUZ)/%)
FUZZ_OBJ := $(SRC_LIB:%.c=$(FUZ)/obj/%.o)
FUZZ_CFLAGS = $(WARN) -Wno-unknown-warning-option $(DEFS) -I. $(PKG_CFLAGS) -g -O1 -MMD -MP \
	-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all

.PHONY: FORCE all check test-build demo fuzz fuzz-smoke clean install uninstall \
	format format-check lint layers deps engine-start engine-stop bench \
	unit dist deb

all: berth man/berth.1 $(COMPLETIONS)

# The shells' completions come from the command and option tables.
build/completions/berth: berth
	@mkdir -p $(@D)
	./berth completions bash > $@
build/completions/_berth: berth
	@mkdir -p $(@D)
	./berth completions zsh > $@
build/completions/berth.fish: berth
	@mkdir -p $(@D)
	./berth completions fish > $@

# The man page's option and key sections come from the tables themselves.
man/berth.1: man/berth.1.in berth
	./berth man-tables > $@.tables
	./berth man-tables options > $@.options
	sed -e 's/@VERSION@/$(VERSION)/' -e "s/@DATE@/$$(date -u +%Y-%m-%d)/" \
		-e 's#@DATADIR@#$(DATADIR)#g' -e 's#@BINDIR@#$(BINDIR)#g' -e 's#@SYSTEMDDIR@#$(SYSTEMDDIR)#g' \
		-e '/@OPTIONS@/{r $@.options' -e 'd}' \
		-e '/@TABLES@/{r $@.tables' -e 'd}' man/berth.1.in > $@
	rm -f $@.tables $@.options

berth: $(REL_OBJ) $(REL)/cli/main.o
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

$(REL)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(SAN)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) -c -o $@ $<

$(SAN)/berth: $(SAN_OBJ) $(SAN)/cli/main.o
	$(CC) $(SAN_FLAGS) -o $@ $^ $(LIBS)

# Tests link an archive, so each pulls only the objects it uses: an api
# test does not depend on the console being complete.
$(SAN)/libberth.a: $(SAN_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

$(SAN)/tests/%: $(SAN)/tests/%.o $(SAN_TESTLIB_OBJ) $(SAN)/libberth.a
	$(CC) $(SAN_FLAGS) -o $@ $^ $(LIBS) $(TEST_LIBS)

build/tools/berth-capfilter: tests/tools/berth-capfilter.c
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(DEFS) $(PKG_CFLAGS) -O2 -o $@ $< $(LIBS)

build/tools/berth-faultproxy: tests/tools/faultproxy.c
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(DEFS) -O2 -o $@ $<

# The allocation-failure test fails the n-th malloc: it wraps the allocator.
TORTURE_WRAP = -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=strdup,--wrap=strndup
$(SAN)/tests/unit/test_torture: $(SAN)/tests/unit/test_torture.o \
	$(SAN_TESTLIB_OBJ) $(SAN)/libberth.a
	$(CC) $(SAN_FLAGS) $(TORTURE_WRAP) -o $@ $^ $(LIBS) $(TEST_LIBS)

$(FUZ)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CLANG) $(FUZZ_CFLAGS) -c -o $@ $<

$(FUZ)/libberth.a: $(FUZZ_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

$(FUZ)/fuzz_%: $(FUZ)/obj/tests/fuzz/fuzz_%.o $(FUZ)/libberth.a
	$(CLANG) -fsanitize=fuzzer,address,undefined -o $@ $^ $(LIBS)

# The unit tests alone: what a build from the release tarball runs.
unit: $(UNIT_BIN)
	@for t in $(UNIT_BIN); do $$t >$$t.log 2>&1 || { cat $$t.log; echo "unit: $$t failed"; exit 1; }; done; \
	echo "unit: $(words $(UNIT_BIN)) passed"

dist:
	@scripts/dist.sh

deb:
	@scripts/deb.sh

test-build: $(SAN)/berth $(UNIT_BIN) $(INTEG_BIN) $(FUZZ_BIN) \
	build/tools/berth-capfilter build/tools/berth-faultproxy berth

deps:
	@scripts/deps.sh

check: deps
	@$(MAKE) --no-print-directory test-build
	@tests/run.sh

fuzz: $(FUZZ_BIN)
	@tests/fuzz/run.sh $(FUZZ_SECONDS)

fuzz-smoke: $(FUZZ_BIN)
	@tests/fuzz/run.sh 5

demo: deps
	@$(MAKE) --no-print-directory berth build/tools/berth-capfilter
	@scripts/demo.sh

bench: deps
	@$(MAKE) --no-print-directory berth build/tools/berth-capfilter
	@scripts/bench.sh

format:
	clang-format -i $(ALL_SRC)

format-check:
	@clang-format --dry-run -Werror $(ALL_SRC) && echo "format: clean"

# The house rules: which folder may include which, no circle between
# folders or files (scripts/layers.py); known debts in scripts/layers.debt.
layers:
	@python3 scripts/layers.py --debt scripts/layers.debt .

lint:
	@cppcheck --quiet --error-exitcode=1 --inline-suppr \
		--enable=warning,portability,performance \
		--suppress=missingIncludeSystem -I. $(DEFS) \
		api posture ops model tui views cli && echo "cppcheck: clean"

# The unit runs the berth this installs: made for this PREFIX each time
# (install writes it the same way, never from an older PREFIX's file).
UNIT_SED = sed 's|@BINDIR@|$(BINDIR)|g' contrib/berth-watch.service.in
$(UNIT): contrib/berth-watch.service.in FORCE
	@mkdir -p $(dir $@)
	$(UNIT_SED) >$@
FORCE:

install: berth man/berth.1 $(COMPLETIONS)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(DATADIR)/themes \
		$(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR) \
		$(DESTDIR)$(SYSTEMDDIR)
	$(UNIT_SED) >$(DESTDIR)$(SYSTEMDDIR)/berth-watch.service
	chmod 644 $(DESTDIR)$(SYSTEMDDIR)/berth-watch.service
	install -m 644 build/completions/berth $(DESTDIR)$(BASHCOMPDIR)/berth
	install -m 644 build/completions/_berth $(DESTDIR)$(ZSHCOMPDIR)/_berth
	install -m 644 build/completions/berth.fish $(DESTDIR)$(FISHCOMPDIR)/berth.fish
	install -m 755 berth $(DESTDIR)$(BINDIR)/berth
	if [ -f man/berth.1 ]; then install -m 644 man/berth.1 $(DESTDIR)$(MANDIR)/berth.1; fi
	for t in themes/*.theme; do [ -f "$$t" ] && install -m 644 "$$t" $(DESTDIR)$(DATADIR)/themes/ || true; done
	install -m 644 data/eol.tsv $(DESTDIR)$(DATADIR)/eol.tsv

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/berth $(DESTDIR)$(MANDIR)/berth.1 \
		$(DESTDIR)$(BASHCOMPDIR)/berth $(DESTDIR)$(ZSHCOMPDIR)/_berth \
		$(DESTDIR)$(FISHCOMPDIR)/berth.fish \
		$(DESTDIR)$(SYSTEMDDIR)/berth-watch.service
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build berth man/berth.1

-include $(shell find $(REL) $(SAN) $(FUZ) -name '*.d' -type f 2>/dev/null)
