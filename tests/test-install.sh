#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# `meson install` into a scratch DESTDIR installs everything a desktop needs.
# TAP output. Usage: test-install.sh BUILDDIR
set -uo pipefail

builddir=$1
destdir=$(mktemp -d -t limber-install.XXXXXX)
trap 'rm -rf "$destdir"' EXIT
source "$(dirname "$0")/tap.sh"

check "meson install" meson install -C "$builddir" --no-rebuild --destdir "$destdir"

prefix=$(meson introspect "$builddir" --buildoptions |
  python3 -c 'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"][0])')
root=$destdir$prefix
libdir=$(meson introspect "$builddir" --buildoptions |
  python3 -c 'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"] == "libdir"][0])')
case "$libdir" in
  /*) module_path=$libdir/limber/limber-sound-gst.so ;;
  *) module_path=$prefix/$libdir/limber/limber-sound-gst.so ;;
esac
sysconfdir=$(meson introspect "$builddir" --buildoptions |
  python3 -c 'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"] == "sysconfdir"][0])')
case "$sysconfdir" in
  /*) autostart=$destdir$sysconfdir/xdg/autostart ;;
  *) autostart=$root/$sysconfdir/xdg/autostart ;;
esac

check "the binary" test -x "$root/bin/limber"
check "the binary runs" "$root/bin/limber" --version
# GStreamer is in a module the app loads when a session first needs sound, not in the app.
check "the sound module" test -f "$destdir$module_path"
check "the binary looks for the sound module where it is installed" \
  grep -qaF "$module_path" "$root/bin/limber"
check "the binary does not link GStreamer" \
  sh -c '! readelf -d "$1" | grep -q "NEEDED.*libgst"' sh "$root/bin/limber"
check "the sound module links GStreamer" \
  sh -c 'readelf -d "$1" | grep -q "NEEDED.*libgstreamer"' sh "$destdir$module_path"
# Loads as the app loads it (all its libraries found) and offers the table this build expects.
abi=$(sed -n 's/^#define LIMBER_SOUND_MODULE_ABI \([0-9]*\).*/\1/p' \
  "$(dirname "$0")/../app/sound/limber-sound-module.h")
check "the installed sound module loads, ABI $abi" python3 -c '
import ctypes, sys
module = ctypes.CDLL(sys.argv[1], mode=ctypes.RTLD_LOCAL)
get = module.limber_sound_module_get
get.restype = ctypes.POINTER(ctypes.c_uint)
sys.exit(0 if get().contents.value == int(sys.argv[2]) else 1)' "$destdir$module_path" "$abi"
check "desktop file" test -f "$root/share/applications/io.github.limber.Limber.desktop"
check "metainfo" test -f "$root/share/metainfo/io.github.limber.Limber.metainfo.xml"
check "schema" test -f "$root/share/glib-2.0/schemas/io.github.limber.Limber.gschema.xml"
check "app icon" test -f "$root/share/icons/hicolor/scalable/apps/io.github.limber.Limber.svg"
check "symbolic icon" test -f "$root/share/icons/hicolor/symbolic/apps/io.github.limber.Limber-symbolic.svg"
check "pt_BR translation" test -f "$root/share/locale/pt_BR/LC_MESSAGES/limber.mo"
check "D-Bus service file" test -f "$root/share/dbus-1/services/io.github.limber.Limber.service"
check "the service starts the installed binary" \
  grep -qx "Exec=$prefix/bin/limber --gapplication-service" \
  "$root/share/dbus-1/services/io.github.limber.Limber.service"

check "the reminder service" test -x "$root/bin/limber-reminders"
check "the reminder service runs" "$root/bin/limber-reminders" --version
check "reminder D-Bus service file" \
  grep -qx "Exec=$prefix/bin/limber-reminders" \
  "$root/share/dbus-1/services/io.github.limber.Limber.Reminders.service"
check "reminder D-Bus interface" \
  test -f "$root/share/dbus-1/interfaces/io.github.limber.Limber.Reminders1.xml"
check "autostart only while reminders are on" \
  grep -qx "AutostartCondition=GSettings io.github.limber.Limber reminders-enabled" \
  "$autostart/io.github.limber.Limber.Reminders.desktop"

tap_done
