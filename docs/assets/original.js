/* The original text of a cable with line numbers (overrides/original.html): the page's
   ?file= names the cable's raw file (cables/<year>/<ID>.txt only), read as UTF-8 and shown as
   text; each line is an <li id="L12"> with a link to itself. */
(function () {
  "use strict";
  var list = document.getElementById("original-lines");
  var error = document.getElementById("original-error");
  var source = document.getElementById("original-source");
  if (!list) return;
  var file = new URLSearchParams(window.location.search).get("file") || "";

  function fail(message) {
    error.textContent = message;
    error.hidden = false;
  }

  if (!/^cables\/\d{4}\/[A-Za-z0-9][A-Za-z0-9._-]*\.txt$/.test(file)) {
    fail("No cable named: open this page from a cable's \u201cOriginal text\u201d link.");
    return;
  }
  var root = new URL(list.getAttribute("data-root"), window.location.href);
  var raw = new URL(file, root);
  fetch(raw)
    .then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + response.statusText);
      return response.arrayBuffer();
    })
    .then(function (bytes) {
      // UTF-8 whatever the server says: a server that sends no charset must not garble it
      var text = new TextDecoder("utf-8").decode(bytes).replace(/\r\n?/g, "\n");
      var lines = text.split("\n");
      if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
      var fragment = document.createDocumentFragment();
      lines.forEach(function (line, index) {
        var item = document.createElement("li");
        item.id = "L" + (index + 1);
        var number = document.createElement("a");
        number.className = "original-number";
        number.href = "#L" + (index + 1);
        number.textContent = String(index + 1);
        number.setAttribute("aria-label", "Line " + (index + 1));
        var content = document.createElement("span");
        content.className = "original-text";
        content.textContent = line;
        item.appendChild(number);
        item.appendChild(content);
        fragment.appendChild(item);
      });
      list.appendChild(fragment);
      var link = document.createElement("a");
      link.href = raw.href;
      link.textContent = file.split("/").pop();
      source.append("The file as released: ", link, " (" + lines.length + " lines).");
      source.hidden = false;
      if (window.location.hash) {
        var target = document.getElementById(window.location.hash.slice(1));
        if (target) target.scrollIntoView();
      }
    })
    .catch(function (reason) {
      fail("The original text could not be read (" + reason.message + ").");
    });
})();
