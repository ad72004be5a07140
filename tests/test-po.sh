#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every language in po/LINGUAS is complete (no untranslated or fuzzy message) and current
# (has every message the sources have now), and POTFILES lists every file with
# translatable strings. TAP output. Usage: test-po.sh SRCDIR
set -uo pipefail

srcdir=$1
scratch=$(mktemp -d -t limber-po.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
source "$(dirname "$0")/tap.sh"

cd "$srcdir"

# Files that hold translatable strings but are not in POTFILES.
listed=$(grep -v '^#' po/POTFILES | sort)
found=$( (grep -rlE '(^|[^A-Za-z0-9_])(N?_|C_|NC_|g_dngettext) ?\(' app --include='*.c';
          grep -rl 'translatable="yes"' resources data --include='*.ui' --include='*.xml*';
          ls data/*.desktop.in data/*.metainfo.xml.in po/catalog.pot) | sort -u)
missing=$(comm -13 <(echo "$listed") <(echo "$found"))
if [ -z "$missing" ]; then ok "POTFILES lists every translatable file"; else not_ok "POTFILES misses files" $missing; fi
gone=$(for f in $listed; do [ -f "$f" ] || echo "$f"; done)
if [ -z "$gone" ]; then ok "every file in POTFILES exists"; else not_ok "POTFILES names missing files" $gone; fi

# The catalog's text reaches xgettext through po/catalog.pot, which must match the catalog.
if /usr/bin/python3 build-aux/catalog-strings resources/catalog.json "$scratch/catalog.pot" &&
   cmp -s "$scratch/catalog.pot" po/catalog.pot; then
  ok "po/catalog.pot matches resources/catalog.json"
else
  not_ok "po/catalog.pot is stale: run build-aux/catalog-strings" "$(diff po/catalog.pot "$scratch/catalog.pot" | head -20)"
fi

# The same extraction meson's i18n 'glib' preset does.
xgettext --package-name=limber --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2 \
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 --flag=N_:1:pass-c-format \
  --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format --flag=g_dngettext:2:pass-c-format \
  --flag=g_strdup_printf:1:c-format --flag=g_string_printf:2:c-format \
  --flag=g_string_append_printf:2:c-format --flag=g_error_new:3:c-format \
  --flag=g_set_error:4:c-format --flag=g_markup_printf_escaped:1:c-format \
  --flag=g_log:3:c-format --flag=g_print:1:c-format --flag=g_printerr:1:c-format \
  --flag=g_printf:1:c-format --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format \
  --flag=g_snprintf:3:c-format \
  -f po/POTFILES -D . -o "$scratch/limber.pot" 2>"$scratch/xgettext.log"
messages=$(grep -c '^msgid ' "$scratch/limber.pot")
if [ "$messages" -gt 50 ]; then ok "extracted $messages messages"; else not_ok "extraction" "$(cat "$scratch/xgettext.log")"; fi

for lang in $(grep -v '^#' po/LINGUAS); do
  stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "po/$lang.po" 2>&1)
  if [ $? -eq 0 ] && ! grep -qE 'untranslated|fuzzy' <<<"$stats"; then
    ok "$lang: $stats"
  else
    not_ok "$lang is incomplete" "$stats"
  fi
  # msgcmp fails on any source message the translation lacks or leaves untranslated.
  if out=$(msgcmp "po/$lang.po" "$scratch/limber.pot" 2>&1); then
    ok "$lang has every current message"
  else
    not_ok "$lang is out of date with the sources" "$(head -20 <<<"$out")"
  fi
done

tap_done
