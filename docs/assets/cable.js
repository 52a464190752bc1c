/*
 * Cable Reading Archive: small behaviours on top of Material for MkDocs.
 *
 * - "Copy" buttons of the citation blocks (button[data-copy] -> the text of the
 *   element with that id), with a fallback where the Clipboard API is missing.
 * - Sortable tables: each heading of a listing table is a button that sorts the rows by
 *   its column (numbers as numbers, other cells as text; again to reverse), with aria-sort.
 *
 * - The home page's timeline, which scrolls sideways on a phone, opens on its newest years.
 * - A cable's BibTeX entry, written from the values the page gives (template#cite-bibtex-data,
 *   the cable's id, post and date): written into every cable page, it weighed on the site's
 *   size (docs/performance.md), and the Chicago citation serves readers without scripts.
 *
 * Delegated listeners, so they work with and without Material's instant navigation.
 */
(function () {
  "use strict";

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      try {
        document.execCommand("copy") ? resolve() : reject(new Error("copy refused"));
      } catch (error) {
        reject(error);
      } finally {
        document.body.removeChild(area);
      }
    });
  }

  function normalise(text) {
    // The Chicago citation is flowed HTML: collapse its line breaks and runs of spaces.
    return text.replace(/[ \t]*\n[ \t]*/g, " ").replace(/ {2,}/g, " ").trim();
  }

  function onCopy(event) {
    var button = event.target.closest("button[data-copy]");
    if (!button) return;
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (!source) return;
    var text = source.tagName === "PRE" ? source.textContent : normalise(source.textContent);
    var label = button.textContent;
    copyText(text).then(
      function () {
        button.textContent = "Copied";
        button.classList.add("is-copied");
      },
      function () {
        // Clipboard refused: select the text so the reader can copy it by hand.
        var range = document.createRange();
        range.selectNodeContents(source);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        button.textContent = "Press Ctrl+C";
      }
    );
    window.setTimeout(function () {
      button.textContent = label;
      button.classList.remove("is-copied");
    }, 2000);
  }

  document.addEventListener("click", onCopy);

  function cellValue(row, column) {
    var cell = row.cells[column];
    var text = cell ? cell.textContent.trim() : "";
    var number = text.replace(/,/g, "");
    return /^-?\d+(\.\d+)?$/.test(number) ? Number(number) : text.toLowerCase();
  }

  function sortBy(button) {
    var heading = button.closest("th");
    var table = heading.closest("table");
    var body = table.tBodies[0];
    var column = heading.cellIndex;
    var ascending = heading.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellValue(a, column);
      var y = cellValue(b, column);
      var order = x < y ? -1 : x > y ? 1 : 0;
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
      cell.removeAttribute("aria-sort");
    });
    heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  function onSort(event) {
    var button = event.target.closest && event.target.closest("button.sort-button");
    if (button) sortBy(button);
  }

  // Each heading of a listing table becomes a button (reachable and named for keyboards and
  // screen readers); the metadata table of a cable page, whose headings are empty, is left.
  function sortableTables() {
    document.querySelectorAll("article table").forEach(function (table) {
      if (!table.tHead || !table.tBodies[0] || table.tBodies[0].rows.length < 3) return;
      var cells = table.tHead.rows[0].cells;
      if (Array.prototype.some.call(cells, function (cell) { return !cell.textContent.trim(); })) return;
      Array.prototype.forEach.call(cells, function (cell) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "sort-button";
        button.textContent = cell.textContent.trim();
        button.title = "Sort by " + button.textContent;
        cell.textContent = "";
        cell.appendChild(button);
      });
    });
  }

  function newestYears() {
    var card = document.querySelector(".home-timeline");
    if (card) card.scrollLeft = card.scrollWidth;
  }

  // TeX's special characters in a BibTeX field, backslash first (its escape holds none of them).
  var TEX = [["\\", "\\textbackslash "], ["{", "\\{"], ["}", "\\}"], ["%", "\\%"],
    ["&", "\\&"], ["$", "\\$"], ["#", "\\#"], ["_", "\\_"],
    ["^", "\\textasciicircum "], ["~", "\\textasciitilde "]];

  function tex(value) {
    return TEX.reduce(function (text, pair) { return text.split(pair[0]).join(pair[1]); }, value || "");
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function bibtex() {
    var data = document.getElementById("cite-bibtex-data");
    var cable = document.querySelector(".cable-page[data-cable-id]");
    if (!data || !cable || document.getElementById("cite-bibtex")) return;
    var id = cable.getAttribute("data-cable-id");
    var post = document.querySelector(".cable-kicker [data-pagefind-meta=post]");
    var date = document.querySelector(".cable-kicker time[datetime]");
    var site = document.querySelector(".md-header__title");
    var kind = data.getAttribute("data-class");
    var fields = [
      ["author", "{" + tex(post ? post.textContent.trim() : "U.S. Department of State") + "}"],
      ["title", "{" + tex(data.getAttribute("data-subject")) + "}"],
      ["howpublished", "Diplomatic cable " + tex(id) + (kind ? ", " + tex(kind) : "")],
      ["year", data.getAttribute("data-year")]
    ];
    if (date) fields.push(["date", tex(date.getAttribute("datetime"))]);
    fields.push(["organization", tex(site ? site.textContent.trim() : "")]);
    fields.push(["url", data.getAttribute("data-url")]);
    var entry = "@misc{cable" + id + ",\n" + fields.map(function (field) {
      return "  " + (field[0] + "            ").slice(0, 12) + " = {" + field[1] + "}";
    }).join(",\n") + "\n}";
    var block = element("div", "cable-cite__block");
    var head = element("div", "cable-cite__head");
    var button = element("button", "cable-copy md-button", "Copy");
    button.type = "button";
    button.setAttribute("data-copy", "cite-bibtex");
    button.setAttribute("aria-label", "Copy the BibTeX entry");
    head.appendChild(element("span", "cable-cite__label", "BibTeX"));
    head.appendChild(button);
    var pre = element("pre", "cable-cite__text cable-cite__bibtex", entry);
    pre.id = "cite-bibtex";
    block.appendChild(head);
    block.appendChild(pre);
    data.parentNode.insertBefore(block, data);
  }

  function ready() {
    bibtex();
    sortableTables();
    newestYears();
  }

  document.addEventListener("click", onSort);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
