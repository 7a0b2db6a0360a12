#!/bin/sh
# install-deps.sh - install the Debian packages hotmem builds and tests with.
# Installs only what is missing; needs root (or sudo) when something is.
# clang + libclang-rt-dev (libFuzzer and the sanitizer runtimes, only a
# Recommends of clang) build the fuzz targets of make check-fuzz.
set -e
pkgs="gcc make pkg-config libglib2.0-dev libjson-glib-dev libseccomp-dev zlib1g-dev acpica-tools
python3 gcc-multilib qemu-system-x86 busybox-static cpio clang libclang-rt-dev"
missing=""
for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
        missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "install-deps: installing$missing"
sudo=""
[ "$(id -u)" = 0 ] || sudo=sudo
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q >/dev/null
# shellcheck disable=SC2086
$sudo apt-get install -y -q --no-install-recommends $missing >/dev/null
