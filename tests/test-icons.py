#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every icon Limber names is either in the icon theme or one of its own, and its own are drawn
# as symbolic icons on the 16 px grid: a 16×16 view box, filled shapes only (GTK recolours a
# symbolic icon's fills; a stroke would be filled instead), and nothing thinner than a pixel
# where the shape is a plain rectangle.
#
# Usage: test-icons.py SOURCE_ROOT      (prints TAP)

import os
import re
import sys
import xml.etree.ElementTree as ElementTree

SVG = "{http://www.w3.org/2000/svg}"
THEME_DIRS = ["/usr/share/icons/Adwaita", "/usr/share/icons/hicolor"]


def own_icons(root):
    icons = {}
    base = os.path.join(root, "resources", "icons")
    for folder, _, files in os.walk(base):
        for name in files:
            if name.endswith(".svg"):
                icons[name[:-4]] = os.path.join(folder, name)
    return icons


def theme_has(name):
    for theme in THEME_DIRS:
        for folder, _, files in os.walk(theme):
            if name + ".svg" in files or name + ".png" in files:
                return True
    return False


def check_svg(path):
    problems = []
    tree = ElementTree.parse(path)
    svg = tree.getroot()
    if svg.get("viewBox") != "0 0 16 16" or svg.get("width") != "16" or svg.get("height") != "16":
        problems.append("not 16×16 (viewBox %s)" % svg.get("viewBox"))
    for element in svg.iter():
        if element.get("stroke") not in (None, "none") or "stroke:" in (element.get("style") or ""):
            problems.append("a stroke on <%s>" % element.tag.replace(SVG, ""))
        if element.tag in (SVG + "image", SVG + "text", SVG + "linearGradient",
                           SVG + "radialGradient", SVG + "filter"):
            problems.append("<%s> in a symbolic icon" % element.tag.replace(SVG, ""))
        # Plain h/v rectangles in paths: each side at least a pixel.
        d = element.get("d") or ""
        for m in re.finditer(r"M(-?[\d.]+)[ ,](-?[\d.]+)h(-?[\d.]+)v(-?[\d.]+)H-?[\d.]+z", d):
            if abs(float(m.group(3))) < 1 or abs(float(m.group(4))) < 1:
                problems.append("a rectangle thinner than 1 px: %s" % m.group(0))
        if element.tag == SVG + "circle" and float(element.get("r", "1")) < 1:
            problems.append("a circle under 1 px")
    return problems


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
    results = []
    icons = own_icons(root)

    for name, path in sorted(icons.items()):
        problems = check_svg(path)
        results.append((not problems, "%s: a symbolic icon on the 16 px grid%s"
                        % (name, " (%s)" % "; ".join(problems) if problems else "")))

    used = set()
    for folder in ("app", "resources"):
        for dirpath, _, files in os.walk(os.path.join(root, folder)):
            for name in files:
                if name.endswith((".c", ".ui", ".xml")):
                    with open(os.path.join(dirpath, name), encoding="utf-8") as f:
                        used.update(re.findall(r"[\">]([a-z0-9-]+-symbolic)[\"<]", f.read()))
    have_theme = any(os.path.isdir(t) for t in THEME_DIRS)
    for name in sorted(used):
        if name in icons:
            results.append((True, "%s: Limber's own" % name))
        elif not have_theme:
            results.append((True, "%s: # SKIP no icon theme installed to look in" % name))
        else:
            results.append((theme_has(name), "%s: in the icon theme" % name))

    print("1..%d" % len(results))
    for i, (ok, text) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, text))
    return 0 if all(ok for ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
