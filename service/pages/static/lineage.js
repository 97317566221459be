// Draws the lineage picture from the JSON the page carries (#lineage-data) with Cytoscape.js + dagre.
// Nodes open their page; edges open the evidence of their link. Labels are set as data, never as HTML.
(function () {
  "use strict";
  var holder = document.getElementById("lineage-graph");
  var source = document.getElementById("lineage-data");
  if (!holder || !source || typeof cytoscape === "undefined") return;
  if (typeof cytoscapeDagre !== "undefined") cytoscape.use(cytoscapeDagre);
  var data = JSON.parse(source.textContent);
  var colours = { stated: "#1f7a3a", inferred: "#b35c00", none: "#8a8f98" };
  // Text is never drawn below 12 px at the picture's first zoom: a large lineage is shown at full size around
  // the thing asked about, and the reader moves and zooms it (drag, wheel, the buttons) to see the rest.
  var NODE_TEXT = 14, EDGE_TEXT = 12, LEAST_TEXT = 12;
  var cy = cytoscape({
    container: holder,
    elements: { nodes: data.nodes, edges: data.edges },
    style: [
      { selector: "node", style: {
          "shape": "round-rectangle", "background-color": "#e8f0fb", "border-width": 1, "border-color": "#6c8fbf",
          "label": function (n) { return n.data("label") + "\n" + n.data("kindName"); },
          "text-wrap": "wrap", "text-max-width": "188px", "text-valign": "center", "text-halign": "center",
          "font-size": NODE_TEXT, "color": "#1d2430", "width": 200, "height": 64 } },
      { selector: "node:active, node:selected", style: { "border-width": 3, "border-color": "#1d4f91" } },
      { selector: "node.start", style: { "background-color": "#fff2a8", "border-color": "#b38f00", "border-width": 2 } },
      { selector: "node.sou, node.proposal, node.inquiry, node.directive", style: { "background-color": "#e4f3e8", "border-color": "#5b9a6b" } },
      { selector: "node.proposition, node.law, node.provision, node.riksdag-decision", style: { "background-color": "#f1e8f7", "border-color": "#8a64a8" } },
      { selector: "node.context", style: { "opacity": 0.75, "border-style": "dashed" } },
      { selector: "edge", style: {
          "curve-style": "bezier", "target-arrow-shape": "triangle", "width": 2, "arrow-scale": 1.1,
          "label": "data(label)", "font-size": EDGE_TEXT, "text-rotation": "autorotate", "text-background-color": "#fff",
          "text-background-opacity": 0.85, "text-background-padding": "2px", "color": "#39414d",
          "line-color": function (e) { return colours[e.data("assertion")] || "#8a8f98"; },
          "target-arrow-color": function (e) { return colours[e.data("assertion")] || "#8a8f98"; } } },
      { selector: "edge.inferred", style: { "line-style": "dashed" } },
      { selector: "edge.none", style: { "line-style": "dotted" } },
      { selector: "edge.context", style: { "line-color": "#b8bec7", "target-arrow-color": "#b8bec7", "width": 1.5, "color": "#7b838f" } }
    ],
    layout: { name: "preset" }
  });
  var layout = typeof cytoscapeDagre !== "undefined"
    ? { name: "dagre", rankDir: "TB", nodeSep: 30, rankSep: 70, edgeSep: 10, padding: 20 }
    : { name: "breadthfirst", directed: true, roots: "node.start", padding: 20 };
  var readable = LEAST_TEXT / Math.min(NODE_TEXT, EDGE_TEXT);
  // Context (what the same national work led to, not what this rests on) starts folded away: the answer
  // first, the rest one click away. The picture is laid out again over what is shown.
  var context = cy.elements(".context");
  function shown() { return cy.elements().filter(function (e) { return e.style("display") !== "none"; }); }
  var toggle = document.getElementById("lineage-context");
  function draw(withContext) {
    context.style("display", withContext ? "element" : "none");
    shown().layout(layout).run();
    cy.fit(shown(), 20);
    if (cy.zoom() < readable) {
      cy.zoom(readable);
      cy.center(cy.nodes(".start"));
    }
    if (toggle) {
      toggle.setAttribute("aria-pressed", withContext ? "true" : "false");
      toggle.textContent = toggle.getAttribute(withContext ? "data-hide" : "data-show");
    }
  }
  draw(false);
  var tools = document.getElementById("lineage-tools");
  if (tools) {
    tools.addEventListener("click", function (evt) {
      if (evt.target === toggle) return draw(toggle.getAttribute("aria-pressed") !== "true");
      var how = evt.target.getAttribute("data-zoom");
      var middle = { x: holder.clientWidth / 2, y: holder.clientHeight / 2 };
      if (how === "in") cy.zoom({ level: cy.zoom() * 1.25, renderedPosition: middle });
      if (how === "out") cy.zoom({ level: cy.zoom() / 1.25, renderedPosition: middle });
      if (how === "fit") cy.fit(shown(), 20);
    });
  }
  cy.on("tap", "node, edge", function (evt) {
    var href = evt.target.data("href");
    if (href) window.location.href = href;
  });
  cy.on("mouseover", "node, edge", function () { holder.style.cursor = "pointer"; });
  cy.on("mouseout", "node, edge", function () { holder.style.cursor = ""; });
  // The page may settle after the picture is drawn (fonts, sections below); a stale size would misplace taps.
  if (typeof ResizeObserver !== "undefined") new ResizeObserver(function () { cy.resize(); }).observe(holder);
  window.proveniensLineage = cy;
  holder.setAttribute("data-ready", "true");
})();
