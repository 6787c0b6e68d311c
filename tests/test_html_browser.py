"""The HTML page in a real browser: what a reader sees, measured in headless Chromium.

The page is the seed article's, with the quotes the default pipeline finds, opened from a file
in Debian's Chromium through its chromedriver (nothing is downloaded). The tests read what
the browser computed (colours, outlines, focus, which element is the target of a link), not
the markup, and the first one writes the screenshot that docs/html.md shows.

Chromium as root needs ``--no-sandbox``; the other switches keep it off the network and away
from any profile but a fresh one.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

import quoteattr
from quoteattr.io.html import PALETTE
from tests.wcag import Colour, contrast, over, parse

pytestmark = [pytest.mark.browser, pytest.mark.model]

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOT = ROOT / "docs" / "html-page.png"
WIDTH, HEIGHT = 1200, 1100
TITLE = "NATO chief backs bigger Iraq mission"

# WCAG 2.1 AA: 4.5:1 for text, 3:1 for what marks a control's state (the focus outline).
TEXT_CONTRAST = 4.5
FOCUS_CONTRAST = 3.0

SWITCHES = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
    "--font-render-hinting=none",
    f"--window-size={WIDTH},{HEIGHT}",
)

# For every visible element with text of its own: its text, classes, colour, the opacity it
# is drawn with and the background colours from it up to the root (a transparent one lets
# the next show through).
COLOURS_JS = """
const out = [];
for (const el of document.querySelectorAll('body *')) {
  const own = Array.from(el.childNodes).filter(n => n.nodeType === 3 && n.data.trim());
  if (!own.length) continue;
  const box = el.getBoundingClientRect();
  if (box.width < 2 || box.height < 2) continue;  // visually hidden text for screen readers
  const backgrounds = [];
  let opacity = 1;
  for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
    const style = getComputedStyle(node);
    backgrounds.push(style.backgroundColor);
    opacity *= parseFloat(style.opacity);
  }
  out.push([own.map(n => n.data).join('').trim().slice(0, 40), el.className,
            getComputedStyle(el).color, opacity, backgrounds]);
}
return out;
"""


def backdrop(backgrounds: list[str]) -> Colour:
    """The colour behind an element: its backgrounds, innermost first, over white."""
    colour: Colour = (255.0, 255.0, 255.0)
    for css in reversed(backgrounds):
        colour = over(parse(css), colour)
    return colour


def text_contrast(row: list[Any]) -> float:
    """The contrast of an element's text with what is behind it, opacity included."""
    _, _, colour, opacity, backgrounds = row
    behind = backdrop(backgrounds)
    r, g, b, a = parse(colour)
    return contrast(over((r, g, b, a * opacity), behind), behind)


@pytest.fixture(scope="module")
def chromium() -> tuple[str, str]:
    """Debian's Chromium and chromedriver; fails, naming the packages, when they are absent."""
    browser = shutil.which("chromium")
    driver = shutil.which("chromedriver")
    if browser is None or driver is None:
        pytest.fail(
            "headless Chromium is needed for the browser tests: install Debian's packages "
            "with `apt-get install -y chromium chromium-driver` (/usr/bin/chromium, "
            "/usr/bin/chromedriver)"
        )
    return browser, driver


@pytest.fixture(scope="module")
def seed_quotes(nlp: Any, seed_text: str) -> list[quoteattr.Quote]:
    """The seed article's quotes, as the default pipeline finds them."""
    return list(nlp(seed_text)._.quotes)


@pytest.fixture(scope="module")
def page(
    chromium: tuple[str, str],
    seed_text: str,
    seed_quotes: list[quoteattr.Quote],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[webdriver.Chrome]:
    """The seed article's page, opened from a file in headless Chromium."""
    folder = tmp_path_factory.mktemp("page")
    path = folder / "seed.html"
    path.write_text(quoteattr.render(seed_text, seed_quotes, title=TITLE), encoding="utf-8")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium[0]
    for switch in SWITCHES:
        options.add_argument(switch)
    options.add_argument(f"--user-data-dir={tempfile.mkdtemp(dir=folder)}")
    driver = webdriver.Chrome(service=Service(chromium[1]), options=options)
    try:
        driver.get(path.as_uri())
        yield driver
    finally:
        driver.quit()


def fresh(page: webdriver.Chrome) -> webdriver.Chrome:
    """The page scrolled to its top, nothing focused, no link followed."""
    page.get(page.current_url.split("#")[0])
    return page


def test_screenshot_of_the_seed_page_is_written_to_docs(page: webdriver.Chrome) -> None:
    """The top of the seed page, as Chromium draws it, is docs/html-page.png (a PNG, 1200 wide)."""
    fresh(page).set_window_size(WIDTH, HEIGHT)
    # The window's frame takes some pixels: size it so that the viewport is WIDTH x HEIGHT.
    inner = page.execute_script("return [window.innerWidth, window.innerHeight]")
    page.set_window_size(2 * WIDTH - inner[0], 2 * HEIGHT - inner[1])
    assert page.save_screenshot(str(SCREENSHOT))
    data = SCREENSHOT.read_bytes()
    size = (int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big"))
    assert (data[:8], size) == (b"\x89PNG\r\n\x1a\n", (WIDTH, HEIGHT))


def test_page_fetches_nothing_and_fits_the_window(page: webdriver.Chrome) -> None:
    """Opened from a file, the page loads no resource and needs no sideways scrolling."""
    fresh(page)
    assert page.execute_script(
        "return [performance.getEntriesByType('resource').length,"
        " document.documentElement.scrollWidth <= document.documentElement.clientWidth]"
    ) == [0, True]


def test_legend_lists_each_speaker_with_its_quote_count(
    page: webdriver.Chrome, seed_quotes: list[quoteattr.Quote]
) -> None:
    """The speakers legend shows every speaker, most quoted first, with its count."""
    items = fresh(page).find_elements(By.CSS_SELECTOR, ".qa-speakers li")
    shown = [item.text.split("\n")[0] for item in items if item.is_displayed()]
    entities = sorted(quoteattr.speakers(seed_quotes), key=lambda e: -len(e.quotes))
    expected = [
        f"{e.name}: {len(e.quotes)} quote{'' if len(e.quotes) == 1 else 's'} "
        f"({', '.join(str(seed_quotes.index(q) + 1) for q in e.quotes)})"
        for e in entities
    ]
    assert (shown, len(entities) > 5) == (expected, True)


def test_each_quote_has_a_visible_label_naming_its_speaker_and_role(
    page: webdriver.Chrome, seed_quotes: list[quoteattr.Quote]
) -> None:
    """Every quote has a visible label whose accessible name gives number, speaker, role."""
    labels = fresh(page).find_elements(By.CSS_SELECTOR, ".qa-text a.qa-label")
    entity = {id(q): e for e in quoteattr.speakers(seed_quotes) for q in e.quotes}
    expected = [
        f"quote {n} {entity[id(q)].name}"
        + (f", {entity[id(q)].role}" if entity[id(q)].role else "")
        for n, q in enumerate(seed_quotes, start=1)
    ]
    shown = [
        (label.is_displayed(), label.accessible_name[: len(e)])
        for label, e in zip(labels, expected, strict=False)
    ]
    assert (len(labels), shown, sum("," in e for e in expected) > 3) == (
        len(seed_quotes),
        [(True, e) for e in expected],
        True,
    )


def test_speakers_have_their_own_colours(
    page: webdriver.Chrome, seed_quotes: list[quoteattr.Quote]
) -> None:
    """Labels of one speaker share a background colour; different speakers' differ."""
    labels = fresh(page).find_elements(By.CSS_SELECTOR, ".qa-text a.qa-label:not(.qa-low)")
    colours: dict[str, set[str]] = {}
    for label in labels:
        name = label.find_element(By.CLASS_NAME, "qa-who").text
        colours.setdefault(name, set()).add(label.value_of_css_property("background-color"))
    distinct = {next(iter(c)) for c in colours.values()}
    assert (
        [name for name, c in colours.items() if len(c) != 1],
        len(distinct),
    ) == ([], min(len(colours), len(PALETTE)))


def test_cue_categories_differ_in_shape_not_only_colour(page: webdriver.Chrome) -> None:
    """Speech is filled and solid, reports dashed, beliefs dotted; cue bold, mention boxed."""
    fresh(page)
    styles = page.execute_script(
        """
        const look = (sel) => { const s = getComputedStyle(document.querySelector(sel));
          return [s.textDecorationStyle, s.backgroundColor === 'rgba(0, 0, 0, 0)',
                  s.fontWeight, s.outlineStyle]; };
        return ['.qa-text .qa-part.qa-speech:not(.qa-low)', '.qa-text .qa-part.qa-report',
                '.qa-text .qa-part.qa-belief:not(.qa-low)', '.qa-text .qa-cue:not(.qa-part)',
                '.qa-text .qa-mention:not(.qa-part)'].map(look);
        """
    )
    assert [(s[0], s[1]) for s in styles[:3]] + [styles[3][2], styles[4][3]] == [
        ("solid", False),
        ("dashed", True),
        ("dotted", True),
        "700",
        "solid",
    ]


def test_text_contrast_is_at_least_aa_everywhere(page: webdriver.Chrome) -> None:
    """Every visible piece of text, labels inside highlighted quotes included, has 4.5:1."""
    rows = fresh(page).execute_script(COLOURS_JS)
    low = [(row[0], row[1], round(text_contrast(row), 2)) for row in rows]
    labels = [c for text, css, c in low if "qa-label" in css or "qa-who" in css]
    assert ([r for r in low if r[2] < TEXT_CONTRAST], len(labels) > 20) == ([], True)


def test_tab_reaches_the_quote_labels_with_a_visible_outline(page: webdriver.Chrome) -> None:
    """Tab from the top reaches a quote label; it then has a 2px+ outline of 3:1 contrast."""
    fresh(page)
    for _ in range(100):
        ActionChains(page).send_keys(Keys.TAB).perform()
        if page.execute_script("return document.activeElement.matches('.qa-text a.qa-label')"):
            break
    focused = page.switch_to.active_element
    outline = [focused.value_of_css_property(p) for p in ("outline-style", "outline-width")]
    ring = parse(focused.value_of_css_property("outline-color"))
    assert (
        "qa-label" in (focused.get_attribute("class") or ""),
        outline[0],
        float(outline[1].removesuffix("px")) >= 2,
        contrast(ring[:3], (255, 255, 255)) >= FOCUS_CONTRAST,
    ) == (True, "solid", True, True)


def test_keyboard_goes_from_label_to_table_row_and_back(page: webdriver.Chrome) -> None:
    """Enter on a label targets its row; Tab, Enter there targets the label again."""
    fresh(page)
    label = page.find_element(By.CSS_SELECTOR, ".qa-text a.qa-label")
    page.execute_script("arguments[0].focus()", label)
    steps = []
    for keys in (Keys.ENTER, Keys.TAB, Keys.ENTER):
        ActionChains(page).send_keys(keys).perform()
        steps.append(
            page.execute_script(
                "return [(document.querySelector(':target') || {}).id,"
                " document.activeElement.getAttribute('href')]"
            )
        )
    assert [s[0] for s in steps] + [steps[1][1]] == [
        "d1-q-1",
        "d1-q-1",
        "d1-q-1-text",
        "#d1-q-1-text",
    ]
