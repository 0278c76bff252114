// Progressive enhancement only: the page is complete without this script.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  document.querySelectorAll("input[data-filter]").forEach(function (box) {
    box.addEventListener("change", function () {
      var section = document.getElementById(box.getAttribute("data-filter"));
      if (!section) { return; }
      section.querySelectorAll("article.message").forEach(function (card) {
        card.hidden = box.checked && !card.classList.contains("has-findings");
      });
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && document.activeElement && document.activeElement.tagName === "MARK") {
      document.activeElement.blur();
    }
  });
})();
