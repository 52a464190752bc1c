/*
 * Cable Reading Archive: small behaviours on top of Material for MkDocs.
 *
 * - "Copy" buttons of the citation blocks (button[data-copy] -> the text of the
 *   element with that id), with a fallback where the Clipboard API is missing.
 *
 * One delegated listener, so it works with and without Material's instant navigation.
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
})();
