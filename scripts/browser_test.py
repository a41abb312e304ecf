#!/usr/bin/env python3
"""The interactive page in a real browser: Debian's Chromium driven by Playwright, offline.

usage: browser_test.py SCREENSHOT.png [--bin ACTORGRAPH] [--keep DIR]

Builds the graph of Examples/diplomacy (with the worked extension) with the given binary (default:
$ACTORGRAPH_BIN, else .build/debug/actorgraph), renders it as a page, and checks in Chromium that search,
hover, the side panel, the edge filter, pan and zoom work, that the page makes no network request, and that
a hostile actor name shows as text. Writes a screenshot of the page with Qatar selected to SCREENSHOT.png.
Prints one line per check and `browser: N passed, M failed` last; exits 1 when a check fails, 2 when
Chromium or Playwright is missing (`make browserdeps` installs both; this script never downloads a browser).

Needs playwright==1.65.2 (PyPI) and the `chromium` package; `playwright install` is never run.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXTENSION = ["--gazetteer", str(ROOT / "Examples/extension/afghanistan-2021.gazetteer"),
             "--patterns", str(ROOT / "Examples/extension/embassies.patterns")]
TITLE = "Afghan peace process and withdrawal, 2020-2021 (Examples/diplomacy, sentence co-occurrence)"
# Every kind of markup a name from a text could try to smuggle in: HTML, a script end tag, an attribute
# break, an entity, an XML comment end and DOT syntax.
HOSTILE = '<img src=x onerror="window.__pwned=1">Q "quoted" & A --> ]; node [ </script><script>window.__pwned=2</script>'


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
            print(f"ok - {name}")
        else:
            self.failed += 1
            print(f"FAIL - {name}" + (f": {detail}" if detail else ""))
        sys.stdout.flush()
        return ok

    def run(self, name, body):
        """Runs a group of checks; an exception in it counts as one failure."""
        try:
            body()
        except Exception as error:  # the test must report, not crash
            self.check(name, False, f"{type(error).__name__}: {error}")
            traceback.print_exc(file=sys.stdout)


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {p.returncode}: {p.stderr.strip()}")
    return p


def make_pages(binary, work):
    """The diplomacy page, and a page whose names and sentences are hostile."""
    graph = work / "diplomacy.json"
    run([binary, "build", str(ROOT / "Examples/diplomacy"), *EXTENSION, "-o", str(graph)])
    page = work / "diplomacy.html"
    run([binary, "render", str(graph), "-o", str(page), "--title", TITLE])

    data = json.loads(graph.read_text(encoding="utf-8"))
    victim = next(n for n in data["nodes"] if n["id"] == "person:zalmay-khalilzad")
    victim["name"] = HOSTILE
    for edge in data["edges"]:
        if victim["id"] in (edge["source"], edge["target"]) and edge["evidence"]:
            evidence = edge["evidence"][0]
            evidence["text"] = HOSTILE + " " + evidence["text"]
            shift = len(HOSTILE) + 1
            evidence["source_span"] = [x + shift for x in evidence["source_span"]]
            evidence["target_span"] = [x + shift for x in evidence["target_span"]]
    hostile_graph = work / "hostile.json"
    hostile_graph.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    hostile = work / "hostile.html"
    run([binary, "render", str(hostile_graph), "-o", str(hostile), "--title", HOSTILE, "--color", "community"])
    return page, hostile


def open_page(browser, path, errors, requests):
    context = browser.new_context(offline=True, viewport={"width": 1440, "height": 900}, device_scale_factor=1)
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(f"page error: {e}"))
    page.on("console", lambda m: errors.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-ready=true]", timeout=15_000)
    return page


def view_box(page):
    return [float(x) for x in page.get_attribute("#canvas > svg", "viewBox").split()]


def node(actor):
    return f'#canvas svg g.node[id="{actor}"]'


def check_page(c, page, data):
    total_nodes, total_edges = len(data["nodes"]), len(data["edges"])
    c.check("every actor and tie of the data is drawn",
            page.locator("#canvas svg g.node").count() == total_nodes
            and page.locator("#canvas svg g.edge").count() == total_edges,
            f"{page.locator('#canvas svg g.node').count()} nodes, {page.locator('#canvas svg g.edge').count()} edges")

    # Search: typing a name highlights the node and centres it.
    page.click("#search")
    page.keyboard.type("Qatar", delay=20)
    page.wait_for_timeout(150)
    c.check("search lists Qatar first", page.locator("#matches li").first.inner_text().startswith("Qatar"))
    c.check("search highlights the Qatar node", "match" in (page.get_attribute(node("QAT"), "class") or ""))
    canvas = page.locator("#canvas").bounding_box()
    box = page.locator(node("QAT")).bounding_box()
    dx = box["x"] + box["width"] / 2 - (canvas["x"] + canvas["width"] / 2)
    dy = box["y"] + box["height"] / 2 - (canvas["y"] + canvas["height"] / 2)
    c.check("search centres the Qatar node", abs(dx) < 20 and abs(dy) < 20, f"off centre by {dx:.0f}, {dy:.0f} px")
    page.keyboard.press("Escape")

    # Click: the panel lists the neighbours with weights and evidence.
    page.click(node("QAT"))
    page.wait_for_selector("#panel:not([hidden])", timeout=5_000)
    c.check("clicking Qatar opens its panel", page.inner_text("#panel-name") == "Qatar", page.inner_text("#panel-name"))
    row = page.locator('#neighbours > li[data-id="AFG"]')
    c.check("the panel lists Afghanistan as a neighbour", row.count() == 1)
    weight = row.locator(".weight").inner_text() if row.count() else ""
    c.check("Afghanistan's tie shows its weight", weight.startswith("count ") and weight.split()[1].rstrip(",").isdigit(), weight)
    sentences = row.locator(".evidence li")
    first = sentences.first.inner_text() if sentences.count() else ""
    c.check("Afghanistan's tie shows evidence sentences", sentences.count() >= 1 and "Qatar" in first and len(first) > 40, first[:80])
    c.check("evidence marks both actors' mentions", row.locator(".evidence li").first.locator("mark").count() == 2)
    rows = page.locator("#neighbours > li .weight").all_inner_texts()
    counts = [int(r.split()[1].rstrip(",")) for r in rows]
    c.check("neighbours are sorted by weight", counts == sorted(counts, reverse=True) and len(counts) >= 5, str(counts[:8]))

    # A neighbour in the panel leads to that actor.
    row.locator("button.neighbour").click()
    c.check("a neighbour's name opens its own panel", page.inner_text("#panel-name") == "Afghanistan")
    page.click(node("QAT"))

    # Hover: the node and its neighbours stay, the rest dims.
    page.hover(node("PAK"))
    page.wait_for_timeout(100)
    near = page.locator("#canvas svg g.node.near").count()
    focused = "focus" in (page.get_attribute("#canvas > svg", "class") or "")
    pak_degree = sum(1 for e in data["edges"] if data["nodes"][e["s"]]["id"] == "PAK" or data["nodes"][e["t"]]["id"] == "PAK")
    c.check("hovering Pakistan highlights it and its neighbours only", focused and near == pak_degree + 1, f"{near} near, degree {pak_degree}")
    c.check("hovering shows the hover card", page.inner_text("#hovercard").startswith("Pakistan"))
    page.mouse.move(5, 5)

    # The filter on the edge measure.
    page.eval_on_selector("#threshold", "el => { el.value = el.max; el.dispatchEvent(new Event('input')); }")
    visible = page.locator("#canvas svg g.edge:not(.filtered)").count()
    strongest = max(e["w"] for e in data["edges"])
    expected = sum(1 for e in data["edges"] if e["w"] >= strongest)
    c.check("the filter at its top keeps only the strongest ties", visible == expected and visible < total_edges,
            f"{visible} visible, expected {expected}")
    c.check("the filter says how many ties it shows", page.inner_text("#threshold-label").endswith(f": {expected} of {total_edges}"),
            page.inner_text("#threshold-label"))
    page.eval_on_selector("#threshold", "el => { el.value = 0; el.dispatchEvent(new Event('input')); }")
    c.check("the filter at zero shows every tie", page.locator("#canvas svg g.edge:not(.filtered)").count() == total_edges)

    # Pan and zoom on the viewBox.
    page.click("#reset")
    before = view_box(page)
    page.mouse.move(canvas["x"] + canvas["width"] / 2, canvas["y"] + canvas["height"] / 2)
    page.mouse.wheel(0, -600)
    page.wait_for_timeout(100)
    zoomed = view_box(page)
    c.check("the wheel zooms in", zoomed[2] < before[2] * 0.7, f"{before[2]:.0f} -> {zoomed[2]:.0f}")
    page.mouse.move(canvas["x"] + 200, canvas["y"] + 200)
    page.mouse.down()
    page.mouse.move(canvas["x"] + 320, canvas["y"] + 260, steps=6)
    page.mouse.up()
    panned = view_box(page)
    c.check("dragging pans", panned[0] < zoomed[0] and panned[1] < zoomed[1] and panned[2] == zoomed[2], f"{zoomed} -> {panned}")
    c.check("a drag does not select", page.is_hidden("#panel"))
    page.click("#reset")
    c.check("reset shows the whole graph", view_box(page) == before)


def check_hostile(c, page):
    c.check("a hostile name runs no script", page.evaluate("window.__pwned === undefined"))
    c.check("a hostile name adds no element", page.locator("img").count() == 0 and page.locator("script").count() == 2,
            f"{page.locator('img').count()} img, {page.locator('script').count()} script")
    c.check("a hostile title shows as text", page.inner_text("h1") == HOSTILE and page.title() == HOSTILE, page.inner_text("h1")[:60])
    page.click("#search")
    page.keyboard.type('Q "quoted" & A', delay=10)
    page.keyboard.press("Enter")
    page.wait_for_selector("#panel:not([hidden])", timeout=5_000)
    c.check("a hostile name shows as text in the panel", page.inner_text("#panel-name") == HOSTILE, page.inner_text("#panel-name")[:60])
    texts = page.locator("#neighbours .evidence li").all_text_contents()
    c.check("a hostile sentence shows as text", any(t.startswith(HOSTILE) for t in texts))
    svg_texts = page.locator("#canvas svg text").all_text_contents()
    c.check("a hostile title shows as text in the SVG", HOSTILE in svg_texts, "")
    c.check("a hostile name still runs no script", page.evaluate("window.__pwned === undefined"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("screenshot")
    parser.add_argument("--bin", default=os.environ.get("ACTORGRAPH_BIN", str(ROOT / ".build/debug/actorgraph")))
    parser.add_argument("--keep", help="write the pages into this folder and keep them")
    args = parser.parse_args()

    chromium = shutil.which("chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        print(f"error: Playwright is not installed ({error}); run `make browserdeps`.")
        print("browser: 0 passed, 1 failed")
        return 2
    if chromium is None:
        print("error: Debian's chromium is not installed; run `make browserdeps`.")
        print("browser: 0 passed, 1 failed")
        return 2

    c = Checks()
    with tempfile.TemporaryDirectory(prefix="actorgraph-browser-") as tmp:
        work = Path(args.keep) if args.keep else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        page_path, hostile_path = make_pages(args.bin, work)
        html = page_path.read_text(encoding="utf-8")
        data = json.loads(html.split('<script type="application/json" id="graph-data">', 1)[1].split("</script>", 1)[0])
        c.check("the page is one file with nothing to fetch",
                "src=" not in html and "href=" not in html and "@import" not in html and "url(" not in html)

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, headless=True)
            try:
                errors, requests = [], []
                page = open_page(browser, page_path, errors, requests)
                c.run("the page works", lambda: check_page(c, page, data))
                c.check("the page made no network request", requests == [page_path.as_uri()], str(requests[:5]))
                c.check("the page logged no error", not errors, "; ".join(errors[:3]))

                # The screenshot: Qatar found and selected, its neighbourhood lit, the panel open.
                def screenshot():
                    shot = open_page(browser, page_path, [], [])
                    shot.click("#search")
                    shot.keyboard.type("Qatar", delay=10)
                    shot.keyboard.press("Enter")
                    shot.wait_for_selector("#panel:not([hidden])")
                    shot.locator("#canvas").focus()
                    for _ in range(3):
                        shot.keyboard.press("-")
                    shot.mouse.move(2, 2)
                    shot.wait_for_timeout(300)
                    Path(args.screenshot).parent.mkdir(parents=True, exist_ok=True)
                    shot.screenshot(path=args.screenshot)
                    c.check("the screenshot is written", Path(args.screenshot).stat().st_size > 10_000)
                c.run("the screenshot", screenshot)

                errors, requests = [], []
                hostile = open_page(browser, hostile_path, errors, requests)
                c.run("the hostile page", lambda: check_hostile(c, hostile))
                c.check("the hostile page made no network request", requests == [hostile_path.as_uri()], str(requests[:5]))
                c.check("the hostile page logged no error", not errors, "; ".join(errors[:3]))
            finally:
                browser.close()

    print(f"browser: {c.passed} passed, {c.failed} failed")
    return 0 if c.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
