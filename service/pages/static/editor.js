// YASGUI on this service's own /sparql endpoint, with one tab per named query (example bound), each tab named
// by the query's summary in the page's language.
(function () {
  "use strict";
  if (typeof Yasgui === "undefined") return;
  var holder = document.getElementById("yasgui");
  var examples = JSON.parse(document.getElementById("named-queries").textContent);
  var endpoint = window.location.origin + "/sparql";
  var base = holder.getAttribute("data-local-base");  // the dataset's own namespace, https://w3id.org/proveniens/
  var yasgui = new Yasgui(holder, {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    persistenceId: null,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    yasqe: { resizeable: true, editorHeight: "360px" }
  });
  var first = yasgui.getTab();
  examples.forEach(function (example, i) {
    var tab = yasgui.addTab(i === 0, {
      name: example.summary,
      yasqe: { value: example.query },
      requestConfig: { endpoint: endpoint, method: "POST" }
    });
    if (i === 0) tab.show && tab.show();
  });
  if (first && examples.length) first.close();

  // A result IRI of the dataset's own namespace links to this server's page for it (the path after the
  // namespace, as the service serves every such IRI), not to w3id.org, which may resolve to another
  // deployment. The table draws its rows page by page, so every link that appears is looked at.
  function localise(root) {
    root.querySelectorAll("a[href]").forEach(function (link) {
      var iri = link.getAttribute("href");
      if (base && iri.indexOf(base) === 0) {
        link.setAttribute("href", "/" + iri.substring(base.length));
        link.setAttribute("title", iri);
      }
    });
    root.querySelectorAll("a[role=tab]:not([title]) > span:first-child").forEach(function (name) {
      name.parentNode.setAttribute("title", name.textContent);  // the whole summary, where the tab shows its start
    });
  }
  new MutationObserver(function () { localise(holder); }).observe(holder, { childList: true, subtree: true });
  localise(holder);
  window.proveniensEditor = yasgui;
})();
