// "Use my location" on the finder: fill the near field from the browser, then submit the form.
// Without JavaScript the button stays hidden and the near field can be typed in by hand.
(function () {
  "use strict";
  var button = document.getElementById("use-location");
  if (!button || !navigator.geolocation) return;
  var status = document.getElementById("location-status");
  button.hidden = false;
  button.addEventListener("click", function () {
    status.textContent = status.dataset.finding || "Finding your location…";
    navigator.geolocation.getCurrentPosition(
      function (position) {
        var form = button.form;
        form.elements.near.value =
          position.coords.latitude.toFixed(4) + "," + position.coords.longitude.toFixed(4);
        if (form.reportValidity()) form.submit();
      },
      function (error) {
        status.textContent = status.dataset.unavailable
          ? status.dataset.unavailable + " (" + error.message + ")"
          : "Your location is not available (" + error.message + "). You can type it instead.";
      },
      { timeout: 10000, maximumAge: 600000 }
    );
  });
})();
