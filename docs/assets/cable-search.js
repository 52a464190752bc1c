/* The cable search page (overrides/pagefind.html): a query box driving Pagefind's interface.
   A large archive's index is in parts (pagefind/parts.json), from the oldest cables to the
   newest. A part lacking a query's word answers with pages holding a prefix of it, so the page
   first looks the words up in the lexicon (pagefind/lexicon/, written by cable2md.search.lexicon) and
   gives Pagefind only the parts that hold them. Each part merged costs its page metadata,
   filter lists and the words' index chunks (up to PART_KB), so the first answer comes from the
   newest of those parts alone; the reader ticks "Search all parts" for the rest, and the note
   under the box says what that would add (pagefind/coverage.json: each part's years). */
(function () {
  "use strict";
  var form = document.getElementById("cable-search-form");
  var box = document.getElementById("cable-search-query");
  if (!form || !box) return;
  var root = new URL(form.getAttribute("data-root"), window.location.href).pathname;
  var stemmer = new EnglishStemmer();
  var lexicon = {};
  var parts = null;
  var coverage = [];
  var all = document.getElementById("cable-search-all");
  var order = document.getElementById("cable-search-sort");
  var SORTS = { newest: { date: "desc" }, oldest: { date: "asc" } };
  var wanted = {};  // filters named in the address, applied once the interface exists
  var note = document.getElementById("cable-search-note");
  var ui = null;
  var shown = "";
  var asked = 0;
  var timer = null;

  function bundle(part) {
    return root + "pagefind/" + (part ? parts[part - 1] : "");
  }

  function everyPart() {
    var all = [];
    for (var part = 0; part <= parts.length; part++) all.push(part);
    return all;
  }

  var KEY_CHARACTERS = 3;  // as cable2md/search/lexicon.py names the files
  var PART_KB = 110;  // gzip: 14.2 MB for the 126 parts of 251,000 cables holding "minister"

  // The hex digits of the first UTF-8 character of a key in hex (2 to 8 of them).
  function firstCharHex(hex) {
    var lead = parseInt(hex.slice(0, 2), 16);
    return 2 * (lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4);
  }

  function fileOf(word) {
    var key = Array.from(word).slice(0, KEY_CHARACTERS).join("");
    return Array.from(new TextEncoder().encode(key), function (byte) {
      return byte.toString(16).padStart(2, "0");
    }).join("");
  }

  var keyLists = {};
  // A JSON file of the index (pagefind/<path>), or *empty* when it cannot be had.
  function fetchJson(path, empty) {
    return fetch(root + "pagefind/" + path)
      .then(function (response) { return response.ok ? response.json() : empty; })
      .catch(function () { return empty; });
  }

  // A word file is fetched only when keys/<its first character>.json lists it.
  function lexiconFile(name) {
    if (!lexicon[name]) {
      var first = name.slice(0, firstCharHex(name));
      if (!keyLists[first]) keyLists[first] = fetchJson("lexicon/keys/" + first + ".json", []);
      lexicon[name] = keyLists[first].then(function (keys) {
        return keys.indexOf(name) >= 0 ? fetchJson("lexicon/" + name + ".json", {}) : {};
      });
    }
    return lexicon[name];
  }

  // The parts holding a word Pagefind would match for *term* (its stem or a longer word
  // starting with it, as Pagefind matches), as a bit mask; null when no part holds one, and
  // Pagefind's own fuzzy answer from every part is then the best there is.
  function holders(term) {
    var stem = stemmer.stemWord(term);
    if (Array.from(stem).length < KEY_CHARACTERS) return Promise.resolve(null);
    return lexiconFile(fileOf(stem)).then(function (words) {
      var mask = 0n;
      for (var word in words) {
        if (word.startsWith(stem)) mask |= BigInt("0x" + words[word]);
      }
      return mask ? mask : null;
    });
  }

  function wordsOf(text) {
    return text.split(/[^\p{L}\p{N}_]+/u).filter(Boolean);
  }

  // The query's words that no cable holds (their stem is not in the lexicon): Pagefind would
  // answer them with near matches, which the page then labels as such.
  function absent(query) {
    var terms = wordsOf(query);  // as typed, for the note
    return Promise.all(terms.map(function (term) {
      var stem = stemmer.stemWord(term.toLowerCase());
      if (Array.from(stem).length < KEY_CHARACTERS) return null;
      return lexiconFile(fileOf(stem)).then(function (words) {
        return Object.prototype.hasOwnProperty.call(words, stem) ? null : term;
      });
    })).then(function (missing) { return missing.filter(Boolean); });
  }

  function partsFor(query) {
    var terms = wordsOf(query.toLowerCase());
    if (!parts.length || !terms.length) return Promise.resolve(everyPart());
    return Promise.all(terms.map(holders)).then(function (masks) {
      masks = masks.filter(function (mask) { return mask !== null; });
      if (!masks.length) return everyPart();
      var both = masks.reduce(function (a, b) { return a & b; });
      if (!both) both = masks.reduce(function (a, b) { return a | b; });
      return everyPart().filter(function (part) { return (both >> BigInt(part)) & 1n; });
    });
  }

  function span(selected) {
    var from = selected.map(function (part) { return coverage[part] ? coverage[part].from : ""; });
    var to = selected.map(function (part) { return coverage[part] ? coverage[part].to : ""; });
    var first = from.sort()[0], last = to.sort()[to.length - 1];
    return first === last ? first : first + "\u2013" + last;
  }

  function cables(selected) {
    var count = selected.reduce(function (sum, part) {
      return sum + (coverage[part] ? coverage[part].cables : 0);
    }, 0);
    return count.toLocaleString("en-US") + (count === 1 ? " cable" : " cables");
  }

  function explain(holding, selected) {
    if (holding.length < 2 || !coverage.length) {
      note.hidden = true;
      return;
    }
    var rest = holding.filter(function (part) { return selected.indexOf(part) < 0; });
    note.textContent = rest.length
      ? "Searched the newest part of the index that can hold your words (" + cables(selected) +
        " of " + span(selected) + "). " + rest.length +
        (rest.length === 1 ? " older part (" : " older parts (") + cables(rest) + " of " +
        span(rest) + ") can hold them too: tick \u201cSearch all parts\u201d to search " +
        "those as well (a larger download, up to about " + PART_KB + " KB a part)."
      : "Searched the " + holding.length + " parts of the index that can hold your words (" +
        cables(holding) + " of " + span(holding) + ").";
    note.hidden = false;
  }

  // A result links to the paragraph that holds its first match (#p3), not to the section's
  // heading: Pagefind lists every element with an id among a page's anchors, with the word
  // position where it starts, and the matches' word positions.
  function anchorAt(anchors, locations) {
    if (!locations || !locations.length) return null;
    var first = Math.min.apply(null, locations);
    var found = null;
    anchors.forEach(function (anchor) {
      if (anchor.element !== "h1" && anchor.location <= first &&
          (!found || anchor.location >= found.location)) found = anchor;
    });
    return found;
  }

  function toParagraphs(result) {
    var anchors = result.anchors || [];
    var page = result.url.split("#")[0];
    var first = anchorAt(anchors, result.locations);
    if (first) result.url = page + "#" + first.id;
    (result.sub_results || []).forEach(function (sub) {
      var anchor = anchorAt(anchors, sub.locations);
      if (!anchor || anchor.element !== "p") return;
      sub.url = page + "#" + anchor.id;
      var number = /p(\d+)$/.exec(anchor.id);
      if (number) sub.title = "\u00b6" + number[1] + (sub.title ? " \u00b7 " + sub.title : "");
    });
    return result;
  }

  // A long filter list (posts, tags, people) gets a box that keeps only the values holding
  // what the reader types (ticked values stay). The interface redraws its lists as counts
  // change, so the box is put back and applied again after each redraw.
  var LONG_LIST = 8;
  var typed = {};  // filter name -> the text in its box

  function applyFind(group, text) {
    var wanted = text.trim().toLowerCase();
    group.querySelectorAll(".pagefind-ui__filter-value").forEach(function (value) {
      var input = value.querySelector("input");
      var away = Boolean(wanted) && !input.checked && input.value.toLowerCase().indexOf(wanted) < 0;
      value.classList.toggle("cable-filter-away", away);
    });
  }

  function fitFindBoxes() {
    document.querySelectorAll("#cable-search .pagefind-ui__filter-group").forEach(function (group) {
      var values = group.querySelectorAll(".pagefind-ui__filter-value");
      var first = values.length ? values[0].querySelector("input") : null;
      if (!first || (values.length < LONG_LIST && !typed[first.name])) return;
      var name = first.name;
      var find = group.querySelector(".cable-filter-find");
      if (!find) {
        find = document.createElement("input");
        find.type = "search";
        find.className = "cable-filter-find";
        find.placeholder = "Find a " + name;
        find.setAttribute("aria-label", "Find a " + name + " in this list");
        find.value = typed[name] || "";
        find.addEventListener("input", function () {
          typed[name] = find.value;
          applyFind(group, find.value);
        });
        group.insertBefore(find, values[0]);
      }
      applyFind(group, find.value);
    });
  }

  new MutationObserver(fitFindBoxes).observe(document.getElementById("cable-search"), {
    childList: true,
    subtree: true
  });

  function chosenFilters() {
    var chosen = {};
    document.querySelectorAll("#cable-search input[type=checkbox]:checked").forEach(function (input) {
      (chosen[input.name] = chosen[input.name] || []).push(input.value);
    });
    return chosen;
  }

  // The address keeps the query, the sort and every ticked filter (f.post=Embassy Tokyo), so
  // a reload or a shared link shows the same results.
  function remember() {
    var address = new URL(window.location.href);
    Array.from(address.searchParams.keys()).forEach(function (name) {
      if (name.indexOf("f.") === 0) address.searchParams.delete(name);
    });
    var chosen = chosenFilters();
    Object.keys(chosen).forEach(function (name) {
      chosen[name].forEach(function (value) { address.searchParams.append("f." + name, value); });
    });
    if (order.value) address.searchParams.set("sort", order.value);
    else address.searchParams.delete("sort");
    window.history.replaceState(null, "", address);
  }

  function show(selected, query) {
    var key = selected.join(",");
    if (ui && key === shown && ui.sortedBy !== order.value) {
      // A new order on the same parts: set it on the interface, whose search then runs again
      // (a new interface would end the running search's worker mid-way).
      ui._pfs.$$set({ sort: SORTS[order.value] || null });
      ui.sortedBy = order.value;
      ui.triggerFilters(chosenFilters());
    }
    if (!ui || key !== shown) {
      var filters = ui ? chosenFilters() : wanted;
      if (ui) ui.destroy();
      ui = new PagefindUI({
        element: "#cable-search",
        baseUrl: root,
        bundlePath: bundle(selected[0]),
        mergeIndex: selected.slice(1).map(function (part) { return { bundlePath: bundle(part) }; }),
        showSubResults: true,
        showImages: false,
        resetStyles: false,
        pageSize: 5,
        showEmptyFilters: false,
        sort: SORTS[order.value] || null,
        processResult: toParagraphs,
        debounceTimeoutMs: 0
      });
      shown = key;
      ui.sortedBy = order.value;
      if (Object.keys(filters).length) ui.triggerFilters(filters);
    }
    ui.triggerSearch(query);
  }

  function search() {
    var query = box.value.trim();
    var address = new URL(window.location.href);
    if (query) address.searchParams.set("query", query);
    else address.searchParams.delete("query");
    if (all.checked) address.searchParams.set("all", "1");
    else address.searchParams.delete("all");
    window.history.replaceState(null, "", address);
    var ticket = ++asked;
    if (parts === null) return;
    if (!query) {
      note.hidden = true;
      if (ui) ui.triggerSearch("");
      return;
    }
    Promise.all([partsFor(query), absent(query)]).then(function (found) {
      if (ticket !== asked) return;
      var holding = found[0];
      var selected = all.checked ? holding : holding.slice(-1);
      explain(holding, selected);
      if (found[1].length) {
        note.textContent = "No cable contains " + found[1].map(function (term) {
          return "\u201c" + term + "\u201d";
        }).join(" or ") + ". The results below are near matches, not " +
          (found[1].length === 1 ? "that word." : "those words.");
        note.hidden = false;
        note.classList.add("cable-search-note--absent");
      } else {
        note.classList.remove("cable-search-note--absent");
      }
      show(selected, query);
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    search();
  });
  box.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 250);
  });
  all.addEventListener("change", function () {
    clearTimeout(timer);
    search();
  });
  order.addEventListener("change", function () {
    remember();
    search();
  });
  document.getElementById("cable-search").addEventListener("change", function (event) {
    if (event.target.matches("input[type=checkbox]")) setTimeout(remember, 0);
  });

  form.hidden = false;
  Promise.all([fetchJson("parts.json", []), fetchJson("coverage.json", [])])
    .then(function (found) {
      parts = found[0];
      coverage = found[1];
      all.parentNode.hidden = !parts.length;
      var given = new URLSearchParams(window.location.search);
      if (given.get("all") === "1") all.checked = true;
      if (SORTS[given.get("sort")]) order.value = given.get("sort");
      given.forEach(function (value, name) {
        if (name.indexOf("f.") === 0) (wanted[name.slice(2)] = wanted[name.slice(2)] || []).push(value);
      });
      var query = given.get("query");
      if (query && !box.value) box.value = query;
      if (box.value.trim()) search();
      else box.focus();
    });
})();
