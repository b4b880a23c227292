// Registers the service worker that keeps the mission and finder pages a person has visited
// for reading offline (sw.js). The page that registers it is saved too, with its stylesheets.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.caches) { return; }
  // Read before registering: once the worker claims this page, controller is no longer null,
  // although the page itself never passed through it.
  var servedByWorker = navigator.serviceWorker.controller !== null;
  window.addEventListener("load", function () {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      // Pages opened before the worker took control never passed through it: ask it to save
      // this one now. Later pages are saved as they are fetched.
      if (servedByWorker || !registration.active) { return; }
      var styles = Array.prototype.map.call(
        document.querySelectorAll("link[rel=stylesheet]"), function (link) { return link.href; });
      registration.active.postMessage({ save: location.href, styles: styles });
    }).catch(function () { /* no worker: the site works the same, online only */ });
  });
})();
