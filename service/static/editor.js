// YASGUI on this service's own /sparql endpoint, with one tab per named query (example bound).
(function () {
  "use strict";
  if (typeof Yasgui === "undefined") return;
  var holder = document.getElementById("yasgui");
  var examples = JSON.parse(document.getElementById("named-queries").textContent);
  var endpoint = window.location.origin + "/sparql";
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
      name: example.name,
      yasqe: { value: example.query },
      requestConfig: { endpoint: endpoint, method: "POST" }
    });
    if (i === 0) tab.show && tab.show();
  });
  if (first && examples.length) first.close();
  window.proveniensEditor = yasgui;
})();
