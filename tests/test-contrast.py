#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Text contrast of Limber's own CSS, in libadwaita 1.2's light and dark styles.
#
# Reads resources/style.css, resolves every colour each rule sets (named colours, alpha(),
# mix(), shade(), lighter(), darker(), rgba() and alpha blending over what may lie below), and
# checks each foreground against each background it can be drawn on: at least 4.5:1 for text,
# 3:1 for icons (WCAG 2.1, 1.4.3 and 1.4.11). Dimmed text is checked too: ours, and
# libadwaita's .dim-label and subtitles, as style.css leaves them, dimmed by opacity or by a
# translucent text colour (alpha(currentColor, f), the inherited colour at f times its alpha).
# Rules other people add later are read the same way: nothing here names a rule. It also checks the chart labels' colour (LABEL_ALPHA in
# app/limber-chart-draw.c) and that safety text, the emergency and doctor banners, is never
# dimmed: no opacity below 1 and no translucent currentColor in their rules, and no .dim-label inside the widgets that get
# those classes in resources/ui.
#
# Usage: test-contrast.py SOURCE_ROOT      (prints TAP)

import os
import re
import sys
import xml.etree.ElementTree as ElementTree

TEXT_MINIMUM = 4.5
ICON_MINIMUM = 3.0
SAFETY_CLASSES = ("limber-emergency", "limber-doctor")

# libadwaita 1.2's named colours, as Debian 12's libadwaita-1-0 1.2.2 defines them in its
# resources /org/gnome/Adwaita/styles/defaults-light.css and defaults-dark.css (read with
# `gresource extract /usr/lib/x86_64-linux-gnu/libadwaita-1.so.0 /org/gnome/Adwaita/styles/
# defaults-light.css`), with the palette colours (@blue_3 and so on) they use written out.
PALETTE = {
    "blue_1": "#99c1f1", "blue_2": "#62a0ea", "blue_3": "#3584e4", "blue_4": "#1c71d8",
    "blue_5": "#1a5fb4", "green_1": "#8ff0a4", "green_2": "#57e389", "green_3": "#33d17a",
    "green_4": "#2ec27e", "green_5": "#26a269", "yellow_1": "#f9f06b", "yellow_2": "#f8e45c",
    "yellow_3": "#f6d32d", "yellow_4": "#f5c211", "yellow_5": "#e5a50a", "orange_1": "#ffbe6f",
    "orange_2": "#ffa348", "orange_3": "#ff7800", "orange_4": "#e66100", "orange_5": "#c64600",
    "red_1": "#f66151", "red_2": "#ed333b", "red_3": "#e01b24", "red_4": "#c01c28",
    "red_5": "#a51d2d", "purple_1": "#dc8add", "purple_2": "#c061cb", "purple_3": "#9141ac",
    "purple_4": "#813d9c", "purple_5": "#613583", "brown_1": "#cdab8f", "brown_2": "#b5835a",
    "brown_3": "#986a44", "brown_4": "#865e3c", "brown_5": "#63452c", "light_1": "#ffffff",
    "light_2": "#f6f5f4", "light_3": "#deddda", "light_4": "#c0bfbc", "light_5": "#9a9996",
    "dark_1": "#77767b", "dark_2": "#5e5c64", "dark_3": "#3d3846", "dark_4": "#241f31",
    "dark_5": "#000000",
}

STYLES = {
    "light": {
        "accent_bg_color": "#3584e4", "accent_fg_color": "white", "accent_color": "#1c71d8",
        "destructive_bg_color": "#e01b24", "destructive_fg_color": "white",
        "destructive_color": "#c01c28",
        "success_bg_color": "#2ec27e", "success_fg_color": "white", "success_color": "#1b8553",
        "warning_bg_color": "#e5a50a", "warning_fg_color": "rgba(0, 0, 0, 0.8)",
        "warning_color": "#9c6e03",
        "error_bg_color": "#e01b24", "error_fg_color": "white", "error_color": "#c01c28",
        "window_bg_color": "#fafafa", "window_fg_color": "rgba(0, 0, 0, 0.8)",
        "view_bg_color": "#ffffff", "view_fg_color": "rgba(0, 0, 0, 0.8)",
        "headerbar_bg_color": "#ebebeb", "headerbar_fg_color": "rgba(0, 0, 0, 0.8)",
        "card_bg_color": "#ffffff", "card_fg_color": "rgba(0, 0, 0, 0.8)",
        "dialog_bg_color": "#fafafa", "dialog_fg_color": "rgba(0, 0, 0, 0.8)",
        "popover_bg_color": "#ffffff", "popover_fg_color": "rgba(0, 0, 0, 0.8)",
        "shade_color": "rgba(0, 0, 0, 0.07)",
    },
    "dark": {
        "accent_bg_color": "#3584e4", "accent_fg_color": "white", "accent_color": "#78aeed",
        "destructive_bg_color": "#c01c28", "destructive_fg_color": "white",
        "destructive_color": "#ff7b63",
        "success_bg_color": "#26a269", "success_fg_color": "white", "success_color": "#8ff0a4",
        "warning_bg_color": "#cd9309", "warning_fg_color": "rgba(0, 0, 0, 0.8)",
        "warning_color": "#f8e45c",
        "error_bg_color": "#c01c28", "error_fg_color": "white", "error_color": "#ff7b63",
        "window_bg_color": "#242424", "window_fg_color": "white",
        "view_bg_color": "#1e1e1e", "view_fg_color": "white",
        "headerbar_bg_color": "#303030", "headerbar_fg_color": "white",
        "card_bg_color": "rgba(255, 255, 255, 0.08)", "card_fg_color": "white",
        "dialog_bg_color": "#383838", "dialog_fg_color": "white",
        "popover_bg_color": "#383838", "popover_fg_color": "white",
        "shade_color": "rgba(0, 0, 0, 0.36)",
    },
}

# What a rule that sets no background may be drawn on, and what text colour a rule that sets
# no colour inherits: the surfaces and their text colours an app's widgets sit on.
SURFACES = [
    ("window", "window_bg_color", "window_fg_color"),
    ("view", "view_bg_color", "view_fg_color"),
    ("card", "card_bg_color", "card_fg_color"),
    ("dialog", "dialog_bg_color", "dialog_fg_color"),
    ("popover", "popover_bg_color", "popover_fg_color"),
]

NAMED = {"white": (1.0, 1.0, 1.0, 1.0), "black": (0.0, 0.0, 0.0, 1.0),
         "transparent": (0.0, 0.0, 0.0, 0.0)}


class Colors:
    """Resolves CSS colour expressions for one style."""

    def __init__(self, defines):
        self.defines = defines

    def parse(self, text):
        text = text.strip()
        value, rest = self._expr(text)
        if rest.strip():
            raise ValueError("cannot read colour %r" % text)
        return value

    def _expr(self, s):
        s = s.lstrip()
        m = re.match(r"#([0-9a-fA-F]{3,8})", s)
        if m:
            return self._hex(m.group(1)), s[m.end():]
        m = re.match(r"@([A-Za-z0-9_-]+)", s)
        if m:
            name = m.group(1)
            if name not in self.defines:
                raise ValueError("unknown colour @%s" % name)
            return self.parse(self.defines[name]), s[m.end():]
        m = re.match(r"([A-Za-z-]+)\s*\(", s)
        if m:
            name = m.group(1).lower()
            args, rest = self._args(s[m.end():])
            return self._function(name, args), rest
        m = re.match(r"[A-Za-z]+", s)
        if m and m.group(0).lower() in NAMED:
            return NAMED[m.group(0).lower()], s[m.end():]
        raise ValueError("cannot read colour %r" % s)

    def _args(self, s):
        depth, start, args = 0, 0, []
        for i, c in enumerate(s):
            if c == "(":
                depth += 1
            elif c == ")":
                if depth == 0:
                    args.append(s[start:i].strip())
                    return args, s[i + 1:]
                depth -= 1
            elif c == "," and depth == 0:
                args.append(s[start:i].strip())
                start = i + 1
        raise ValueError("unbalanced parentheses in %r" % s)

    @staticmethod
    def _number(text):
        text = text.strip()
        if text.endswith("%"):
            return float(text[:-1]) / 100.0
        return float(text)

    @staticmethod
    def _hex(digits):
        if len(digits) in (3, 4):
            digits = "".join(c * 2 for c in digits)
        r, g, b = (int(digits[i:i + 2], 16) / 255.0 for i in (0, 2, 4))
        a = int(digits[6:8], 16) / 255.0 if len(digits) == 8 else 1.0
        return (r, g, b, a)

    def _function(self, name, args):
        if name in ("rgb", "rgba"):
            channels = []
            for arg in args[:3]:
                arg = arg.strip()
                channels.append(float(arg[:-1]) / 100.0 if arg.endswith("%")
                                else float(arg) / 255.0)
            alpha = self._number(args[3]) if len(args) > 3 else 1.0
            return (*channels, alpha)
        if name == "alpha":
            r, g, b, a = self.parse(args[0])
            return (r, g, b, max(0.0, min(1.0, a * self._number(args[1]))))
        if name == "mix":
            # GTK's mix(): each channel and alpha interpolated linearly, as gdk_rgba mixing.
            c1, c2, f = self.parse(args[0]), self.parse(args[1]), self._number(args[2])
            return tuple(x + (y - x) * f for x, y in zip(c1, c2))
        if name in ("shade", "lighter", "darker"):
            color = self.parse(args[0])
            factor = {"lighter": 1.3, "darker": 0.7}.get(name)
            if factor is None:
                factor = self._number(args[1])
            return shade(color, factor)
        raise ValueError("unknown colour function %s()" % name)


def shade(color, factor):
    """GTK's shade(): lightness and saturation in HLS multiplied by factor."""
    import colorsys
    r, g, b, a = color
    h, l, s = colorsys.rgb_to_hls(r, g, b)
    l = max(0.0, min(1.0, l * factor))
    s = max(0.0, min(1.0, s * factor))
    r, g, b = colorsys.hls_to_rgb(h, l, s)
    return (r, g, b, a)


def over(top, below):
    """top drawn over an opaque below."""
    r1, g1, b1, a1 = top
    r0, g0, b0, _ = below
    return (r1 * a1 + r0 * (1 - a1), g1 * a1 + g0 * (1 - a1), b1 * a1 + b0 * (1 - a1), 1.0)


def luminance(color):
    def linear(c):
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b, _ = color
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast(a, b):
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def hex_of(color):
    return "#%02x%02x%02x" % tuple(round(c * 255) for c in color[:3])


def read_rules(css):
    """(selector, {property: value}) for every rule, and the file's own @define-color."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    defines = {}
    for m in re.finditer(r"@define-color\s+([A-Za-z0-9_-]+)\s+([^;]+);", css):
        defines[m.group(1)] = m.group(2).strip()
    css = re.sub(r"@define-color[^;]*;", "", css)
    rules = []
    for m in re.finditer(r"([^{}]+)\{([^{}]*)\}", css):
        declarations = {}
        for declaration in m.group(2).split(";"):
            if ":" in declaration:
                name, value = declaration.split(":", 1)
                declarations[name.strip().lower()] = value.strip()
        for selector in m.group(1).split(","):
            rules.append((" ".join(selector.split()), declarations))
    return rules, defines


def background_of(declarations):
    value = declarations.get("background-color")
    if value is None and "background" in declarations:
        # The shorthand: a colour alone, or "none".
        value = declarations["background"]
        if value.lower() in ("none", "initial", "unset"):
            return None
    return value


def is_icon(selector):
    last = selector.split()[-1]
    return bool(re.search(r"(^|[.>\s])(image|icon)\b|\.icon\b|-symbolic", last))


def opacity_of(declarations):
    try:
        return float(declarations.get("opacity", "1"))
    except ValueError:
        return 1.0


def current_color_alpha(declarations):
    """f for a text colour alpha(currentColor, f) (the inherited colour, dimmed), else None."""
    m = re.fullmatch(r"\s*alpha\(\s*currentColor\s*,\s*([0-9.]+)\s*\)\s*",
                     declarations.get("color", ""), re.IGNORECASE)
    return float(m.group(1)) if m else None


def dimming_of(declarations):
    """How much a rule dims its text: its opacity times its currentColor alpha."""
    alpha = current_color_alpha(declarations)
    return opacity_of(declarations) * (alpha if alpha is not None else 1.0)


def check_css(source_root, results):
    with open(os.path.join(source_root, "resources", "style.css"), encoding="utf-8") as f:
        rules, own_defines = read_rules(f.read())

    for style, named in STYLES.items():
        colors = Colors({**PALETTE, **named, **own_defines})
        for selector, declarations in rules:
            fg_text = declarations.get("color")
            bg_text = background_of(declarations)
            if fg_text is None and bg_text is None:
                continue
            opacity = opacity_of(declarations)
            minimum = ICON_MINIMUM if is_icon(selector) else TEXT_MINIMUM
            worst = None
            for surface, surface_bg, surface_fg in SURFACES:
                # What lies below: the surface, itself drawn on the window (cards are
                # translucent in the dark style).
                below = over(colors.parse("@" + surface_bg), colors.parse("@window_bg_color"))
                background = over(colors.parse(bg_text), below) if bg_text else below
                # currentColor is the colour inherited from the surface.
                foreground = colors.parse(re.sub(r"(?i)currentColor", "@" + surface_fg, fg_text)
                                          if fg_text else "@" + surface_fg)
                # An opacity below 1 fades the text (and the background) into what is below.
                text = over(foreground, background)
                if opacity < 1.0:
                    text = over((*text[:3], opacity), below)
                    background = over((*background[:3], opacity), below)
                ratio = contrast(text, background)
                if worst is None or ratio < worst[0]:
                    worst = (ratio, surface, text, background)
            ratio, surface, text, background = worst
            results.append((ratio >= minimum,
                            "%s, %s: %s on %s (on %s) is %.2f:1, at least %.1f:1 needed"
                            % (style, selector, hex_of(text), hex_of(background), surface,
                               ratio, minimum)))


# Text libadwaita 1.2 dims with "opacity: 0.55" (base.css of libadwaita-1-0 1.2.2, the rule
# beginning ".dim-label, scale > value"): under 4.5:1 in the light style, so style.css
# raises it (libadwaita's opacity set back to 1 and the colour made translucent instead, which
# looks the same and draws without opacity nodes). Placeholders are left out, as WCAG leaves out text that is only a hint.
LIBADWAITA_DIMMED = {
    ".dim-label": 0.55, "scale > value": 0.55, "progressbar > text": 0.55,
    "row label.subtitle": 0.55, "headerbar .subtitle": 0.55, "windowtitle .subtitle": 0.55,
}


def check_dimmed(source_root, results):
    """libadwaita's dimmed text, and every rule of ours that dims its inherited colour."""
    with open(os.path.join(source_root, "resources", "style.css"), encoding="utf-8") as f:
        rules, own_defines = read_rules(f.read())
    dimmed = dict(LIBADWAITA_DIMMED)
    for selector, declarations in rules:
        dims = "opacity" in declarations or current_color_alpha(declarations) is not None
        if dims and ("color" not in declarations or current_color_alpha(declarations) is not None) \
                and background_of(declarations) is None:
            # Ours comes later than libadwaita's, at a higher priority: it wins.
            dimmed[selector] = dimming_of(declarations)
    for style, named in STYLES.items():
        colors = Colors({**PALETTE, **named, **own_defines})
        surfaces = SURFACES + [("headerbar", "headerbar_bg_color", "headerbar_fg_color")]
        for selector, opacity in sorted(dimmed.items()):
            if opacity >= 1.0:
                continue
            minimum = ICON_MINIMUM if is_icon(selector) else TEXT_MINIMUM
            worst = None
            for surface, surface_bg, surface_fg in surfaces:
                below = over(colors.parse("@" + surface_bg), colors.parse("@window_bg_color"))
                fg = colors.parse("@" + surface_fg)
                text = over((*fg[:3], fg[3] * opacity), below)
                ratio = contrast(text, below)
                if worst is None or ratio < worst[0]:
                    worst = (ratio, surface)
            results.append((worst[0] >= minimum,
                            "%s, %s dimmed to %.2f: %.2f:1 at worst (on %s), at least %.1f:1 "
                            "needed" % (style, selector, opacity, worst[0], worst[1], minimum)))


def check_chart_labels(source_root, results):
    path = os.path.join(source_root, "app", "limber-chart-draw.c")
    with open(path, encoding="utf-8") as f:
        m = re.search(r"#define\s+LABEL_ALPHA\s+([0-9.]+)", f.read())
    if not m:
        results.append((False, "limber-chart-draw.c: no LABEL_ALPHA"))
        return
    label_alpha = float(m.group(1))
    for style, named in STYLES.items():
        colors = Colors({**PALETTE, **named})
        window = colors.parse("@window_bg_color")
        fg = colors.parse("@window_fg_color")
        for surface in ("window_bg_color", "card_bg_color", "view_bg_color"):
            background = over(colors.parse("@" + surface), window)
            text = over((*fg[:3], fg[3] * label_alpha), background)
            ratio = contrast(text, background)
            results.append((ratio >= TEXT_MINIMUM,
                            "%s, chart labels (foreground × %.2f) on %s: %.2f:1"
                            % (style, label_alpha, surface, ratio)))


def check_safety_not_dim(source_root, results):
    with open(os.path.join(source_root, "resources", "style.css"), encoding="utf-8") as f:
        rules, _ = read_rules(f.read())
    for selector, declarations in rules:
        if any("." + c in selector for c in SAFETY_CLASSES):
            dim = dimming_of(declarations) < 1.0 or ".dim-label" in selector
            results.append((not dim, "style.css: %s keeps safety text at full strength"
                            % selector))

    # The widgets that get a safety class in code, by their template id, and their templates.
    app_dir = os.path.join(source_root, "app")
    ui_dir = os.path.join(source_root, "resources", "ui")
    for name in sorted(os.listdir(app_dir)):
        if not name.endswith(".c"):
            continue
        with open(os.path.join(app_dir, name), encoding="utf-8") as f:
            code = f.read()
        if not any('"%s"' % c in code for c in SAFETY_CLASSES):
            continue
        ids = set(re.findall(r"gtk_widget_add_css_class\s*\(\s*(?:GTK_WIDGET\s*\(\s*)?self->(\w+)",
                             code))
        ui_path = os.path.join(ui_dir, name[:-2] + ".ui")
        if not ids or not os.path.exists(ui_path):
            continue
        tree = ElementTree.parse(ui_path)
        for element in tree.iter("object"):
            if element.get("id") not in ids:
                continue
            dimmed = [o.get("id") or o.get("class")
                      for o in element.iter("object")
                      if any(c.get("name") == "dim-label" for s in o.findall("style")
                             for c in s.findall("class"))]
            results.append((not dimmed, "%s: no dim text in the safety banner %s%s"
                            % (os.path.basename(ui_path), element.get("id"),
                               " (dimmed: %s)" % ", ".join(dimmed) if dimmed else "")))
    # Classes a safety banner gets in the templates themselves.
    for name in sorted(os.listdir(ui_dir)):
        if not name.endswith(".ui"):
            continue
        tree = ElementTree.parse(os.path.join(ui_dir, name))
        for element in tree.iter("object"):
            classes = {c.get("name") for s in element.findall("style") for c in s.findall("class")}
            if not classes & set(SAFETY_CLASSES):
                continue
            dimmed = [o.get("id") or o.get("class") for o in element.iter("object")
                      if any(c.get("name") == "dim-label" for s in o.findall("style")
                             for c in s.findall("class"))]
            results.append((not dimmed, "%s: no dim text in the safety banner %s"
                            % (name, element.get("id"))))


def self_test(results):
    colors = Colors(PALETTE)
    results.append((abs(contrast(NAMED["white"], NAMED["black"]) - 21.0) < 1e-9,
                    "self-test: white on black is 21:1"))
    grey = over(colors.parse("alpha(black, 0.5)"), NAMED["white"])
    results.append((abs(grey[0] - 0.5) < 1e-9, "self-test: alpha(black, 0.5) over white is 50% grey"))
    mixed = colors.parse("mix(#000000, #ffffff, 0.25)")
    results.append((abs(mixed[0] - 0.25) < 1e-9, "self-test: mix() interpolates"))
    results.append((abs(contrast(colors.parse("#767676"), NAMED["white"]) - 4.54) < 0.01,
                    "self-test: #767676 on white is 4.54:1"))


def main():
    source_root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
    results = []
    try:
        self_test(results)
        check_css(source_root, results)
        check_dimmed(source_root, results)
        check_chart_labels(source_root, results)
        check_safety_not_dim(source_root, results)
    except (OSError, ValueError, ElementTree.ParseError) as e:
        results.append((False, "could not check: %s" % e))

    print("1..%d" % len(results))
    for i, (ok, text) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, text))
    return 0 if all(ok for ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
