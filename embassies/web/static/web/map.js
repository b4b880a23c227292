/* Turns each [data-map] element into a Leaflet map of the markers in its JSON <script>.
   Without this script (or Leaflet) the page still lists every coordinate as a link. */
(function () {
  "use strict";
  if (!window.L) { return; }
  var colours = { open: "#1d70b8", suspended: "#f47738", closed: "#d4351c" };

  function popup(marker) {
    var link = document.createElement("a");
    link.href = marker.url;
    link.textContent = marker.title;
    return link;
  }

  // Offline or blocked, the tiles fail silently and leave a blank grey box: say so in words
  // (the page's language, from the element's data-tiles-failed), once, beside the map.
  function sayTilesFailed(el) {
    var text = el.getAttribute("data-tiles-failed");
    if (!text || el.getAttribute("data-tiles-said")) { return; }
    el.setAttribute("data-tiles-said", "true");
    var note = document.createElement("p");
    note.className = "notice map-notice";
    note.setAttribute("role", "status");
    note.textContent = text;
    el.parentNode.insertBefore(note, el.nextSibling);
  }

  function draw(el) {
    var source = document.getElementById(el.getAttribute("data-markers"));
    var markers = source ? JSON.parse(source.textContent) : [];
    if (!markers.length) { return; }
    // Hundreds of markers (a country page) draw far faster on one canvas than as SVG paths.
    var map = L.map(el, { scrollWheelZoom: false, preferCanvas: markers.length > 50 });
    if (el.getAttribute("data-tiles")) {
      L.tileLayer(el.getAttribute("data-tiles"), {
        maxZoom: 19, attribution: el.getAttribute("data-attribution") || ""
      }).on("tileerror", function () { sayTilesFailed(el); }).addTo(map);
    }
    var points = markers.map(function (m) {
      // A city centre (approximate) is drawn as an area of a few kilometres, not a pin.
      var shape = m.approximate
        ? L.circle([m.lat, m.lon], { radius: 3000, weight: 2, dashArray: "6 6", color: "#0b0c0c",
            fillColor: colours[m.status] || colours.open, fillOpacity: 0.15 })
        : L.circleMarker([m.lat, m.lon], { radius: 8, weight: 2, color: "#0b0c0c",
            fillColor: colours[m.status] || colours.open, fillOpacity: 0.9 });
      shape.bindPopup(popup(m)).addTo(map);
      return [m.lat, m.lon];
    });
    if (points.length === 1) { map.setView(points[0], markers[0].approximate ? 11 : 15); }
    else { map.fitBounds(points, { padding: [24, 24], maxZoom: 14 }); }
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-map]"), draw);
})();
