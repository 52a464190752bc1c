/* The original text of a cable with line numbers (overrides/original.html): the page's
   ?file= names the cable's raw file (cables/<year>/<ID>.txt only), which the site keeps
   gzip-compressed beside it (<ID>.txt.gz); it is read as UTF-8 and shown as text, each line an
   <li id="L12"> with a link to itself, and a link saves the file as released, the .txt
   (followed at once when the address ends in #download). */
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
  var compressed = new URL(file + ".gz", root);
  var name = file.split("/").pop();

  // A server may send the file with Content-Encoding: gzip, and the browser has then
  // unpacked it: only bytes that still open with gzip's signature are unpacked here.
  function unpacked(bytes) {
    var view = new Uint8Array(bytes);
    if (view.length < 2 || view[0] !== 0x1f || view[1] !== 0x8b) return Promise.resolve(bytes);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).arrayBuffer();
  }

  fetch(compressed)
    .then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + response.statusText);
      return response.arrayBuffer();
    })
    .then(unpacked)
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
      // The bytes as released, saved under the file's own name, with its charset said
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([bytes], { type: "text/plain;charset=utf-8" }));
      link.download = name;
      link.textContent = "Download " + name;
      var packed = document.createElement("a");
      packed.href = compressed.href;
      packed.textContent = name + ".gz";
      source.append("The file as released, " + lines.length + " lines: ", link,
        " (or gzip-compressed, ", packed, ").");
      source.hidden = false;
      if (window.location.hash === "#download") {
        link.click();
      } else if (window.location.hash) {
        var target = document.getElementById(window.location.hash.slice(1));
        if (target) target.scrollIntoView();
      }
    })
    .catch(function (reason) {
      fail("The original text could not be read (" + reason.message + ").");
    });
})();
