"""axe-core (npm ``axe-core``, run in the page) finds no serious or critical violation on the
pages a reader meets first, in light and dark mode."""

from __future__ import annotations

import pytest

from tests.helpers import ROOT, open_page

AXE = ROOT / ".cache" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
PAGES = [
    "",  # home
    "cables/2005/05TOKYO1349/",
    "people/tsuneo-nishida/",
    "people/",
    "topics/prel/",
    "search/?query=Bandung",
    "404.html",
    "original/?file=cables/2005/05TOKYO1349.txt",
]
RUN = """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
  .filter(v => v.impact === "serious" || v.impact === "critical")
  .map(v => `${v.id} (${v.impact}): ${v.nodes.length} element(s), e.g. ${v.nodes[0].target.join(" ")}`)"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violation(page, base_url, path, scheme):
    assert AXE.exists(), f"{AXE} missing: make test installs it (npm axe-core)"
    page.emulate_media(color_scheme=scheme)
    open_page(page, base_url, path)
    if path.startswith("search/"):
        page.wait_for_selector(".pagefind-ui__result", timeout=30_000)
    if path.startswith("original/"):
        page.wait_for_selector("#L1", timeout=30_000)
    page.add_script_tag(path=str(AXE))
    assert page.evaluate(RUN) == []
