# seedtui — `make run` and `make test` are the whole contract with a new machine.
SHELL := /bin/bash
SWIFT ?= swift
PREFIX ?= /usr/local

# Build needs: libraries the C bridges link. Test needs: the real peers, tracker and terminal the suite drives.
BUILD_PACKAGES := pkg-config libtorrent-rasterbar-dev libncursesw5-dev libsqlite3-dev libcurl4-openssl-dev \
                  libavformat-dev libavcodec-dev libavutil-dev libarchive-dev libexif-dev libxml2-dev ffmpeg
TEST_PACKAGES := opentracker aria2 mktorrent transmission-cli tmux libimage-exiftool-perl zip python3
BENCH_PACKAGES := qbittorrent-nox hyperfine curl python3-venv
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run build test deps test-deps bench-deps install clean

define install_missing
	@missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q "install ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing:" $$missing; \
		$(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $$missing; \
	fi
endef

deps:
	$(call install_missing,$(BUILD_PACKAGES))

test-deps: deps
	$(call install_missing,$(TEST_PACKAGES))

bench-deps: test-deps
	$(call install_missing,$(BENCH_PACKAGES))

build: deps
	$(SWIFT) build -c release --product seedtui

run: build
	.build/release/seedtui $(ARGS)

test: test-deps
	$(SWIFT) build --build-tests
	SEEDTUI_BIN=$(CURDIR)/.build/debug/seedtui $(SWIFT) test --skip-build

install: build
	install -D -m 0755 .build/release/seedtui $(DESTDIR)$(PREFIX)/bin/seedtui
	install -D -m 0644 man/seedtui.1 $(DESTDIR)$(PREFIX)/share/man/man1/seedtui.1
	for t in themes/*.theme; do install -D -m 0644 $$t $(DESTDIR)$(PREFIX)/share/seedtui/$$t; done

clean:
	rm -rf .build
