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
sysconfdir=$(meson introspect "$builddir" --buildoptions |
  python3 -c 'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"] == "sysconfdir"][0])')
case "$sysconfdir" in
  /*) autostart=$destdir$sysconfdir/xdg/autostart ;;
  *) autostart=$root/$sysconfdir/xdg/autostart ;;
esac

check "the binary" test -x "$root/bin/limber"
check "the binary runs" "$root/bin/limber" --version
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
