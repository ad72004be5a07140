#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# dunst's context menu ("dmenu" in tests/dunstrc) for the tests: records the lines dunst
# offers (the actions of the notifications on screen) and answers with the first line that
# contains the text in $XDG_RUNTIME_DIR/dunst-pick, so a test can choose any action.
menu="${XDG_RUNTIME_DIR:-/tmp}/dunst-menu"
cat > "$menu"
pick=$(cat "${XDG_RUNTIME_DIR:-/tmp}/dunst-pick" 2>/dev/null)
[ -n "$pick" ] && grep -F -m 1 -- "$pick" "$menu"
exit 0
