// Highlights the lines named in the address (#L120 or #L120-L124) and scrolls them into view.
(function () {
  "use strict";
  function highlight() {
    var marked = document.querySelectorAll(".line.highlight");
    for (var i = 0; i < marked.length; i++) marked[i].classList.remove("highlight");
    var m = /^#L(\d+)(?:-L?(\d+))?$/.exec(window.location.hash);
    if (!m) return;
    var start = parseInt(m[1], 10), end = m[2] ? parseInt(m[2], 10) : start;
    if (end < start) { var s = start; start = end; end = s; }
    var first = null;
    for (var n = start; n <= end; n++) {
      var line = document.getElementById("L" + n);
      if (line) { line.classList.add("highlight"); first = first || line; }
    }
    var note = document.getElementById("highlight-note"), range = document.getElementById("highlight-range");
    if (note && range) { range.textContent = start === end ? String(start) : start + "–" + end; note.hidden = false; }
    if (first) first.scrollIntoView({ block: "center" });
  }
  window.addEventListener("hashchange", highlight);
  highlight();
})();
