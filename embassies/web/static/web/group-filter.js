// The country page's filter box: narrows the groups (and the index of links to them) to the
// countries whose name contains what is typed. Without JavaScript the box stays hidden and the
// index's links still jump to each group.
(function () {
  "use strict";
  var box = document.querySelector("[data-group-filter]");
  if (!box) return;
  var input = box.querySelector("input");
  var count = box.querySelector("[role=status]");
  var lang = document.documentElement.lang || "en";
  var groups = Array.prototype.slice.call(document.querySelectorAll("section[data-group]"));
  var links = {};
  Array.prototype.forEach.call(document.querySelectorAll("li[data-group]"), function (li) {
    links[li.dataset.group] = li;
  });
  var announce = null;

  // "côte", "Cote" and "COTE" match alike; so do Arabic آ أ إ and ا, Russian ё and е: marks go.
  function fold(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase(lang).trim();
  }

  var names = groups.map(function (group) { return fold(group.dataset.names || ""); });

  function say(shown) {
    // Said once typing pauses, not at every key: a screen reader would read each count.
    clearTimeout(announce);
    announce = setTimeout(function () {
      count.textContent = count.dataset.template.replace("[shown]", String(shown));
    }, 400);
  }

  function narrow() {
    var wanted = fold(input.value);
    var shown = 0;
    groups.forEach(function (group, i) {
      var match = names[i].indexOf(wanted) !== -1;
      group.hidden = !match;
      if (links[group.dataset.group]) links[group.dataset.group].hidden = !match;
      if (match) shown += 1;
    });
    say(shown);
  }

  box.hidden = false;
  input.addEventListener("input", narrow);
})();
