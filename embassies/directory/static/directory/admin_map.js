/* The mission admin's map preview: a marker at the coordinates typed in the form.
   Dragging the marker fills the latitude and longitude fields; typing moves the marker.
   Without this script (or Leaflet) the coordinates and their OpenStreetMap link remain. */
(function () {
  "use strict";

  function field(name) { return document.getElementById("id_" + name); }

  function readPoint() {
    var lat = parseFloat(field("lat") && field("lat").value);
    var lon = parseFloat(field("lon") && field("lon").value);
    if (isNaN(lat) || isNaN(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) { return null; }
    return [lat, lon];
  }

  function draw(el) {
    var start = [parseFloat(el.getAttribute("data-lat")), parseFloat(el.getAttribute("data-lon"))];
    var map = L.map(el, { scrollWheelZoom: false }).setView(start, 16);
    L.tileLayer(el.getAttribute("data-tiles"), {
      maxZoom: 19, attribution: el.getAttribute("data-attribution") || ""
    }).addTo(map);
    var marker = L.marker(start, { draggable: !!field("lat") }).addTo(map);
    marker.on("dragend", function () {
      var point = marker.getLatLng();
      field("lat").value = point.lat.toFixed(6);
      field("lon").value = point.lng.toFixed(6);
    });
    ["lat", "lon"].forEach(function (name) {
      if (!field(name)) { return; }
      field(name).addEventListener("change", function () {
        var point = readPoint();
        if (point) { marker.setLatLng(point); map.panTo(point); }
      });
    });
  }

  function start() {
    if (!window.L) { return; }
    Array.prototype.forEach.call(document.querySelectorAll(".mission-map-preview"), draw);
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); }
  else { start(); }
})();
