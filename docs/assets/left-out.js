// Escape hides the reason a "left out" tag shows on hover or keyboard focus, without moving
// the pointer or the focus (WCAG 1.4.13, content on hover or focus is dismissible). It shows
// again once the tag is left and reached anew. Without JavaScript, moving on hides it.
(function () {
  var DISMISSED = "bj-out-tag--dismissed";
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll("a.bj-out-tag:hover, a.bj-out-tag:focus").forEach(function (tag) {
      tag.classList.add(DISMISSED);
    });
  });
  // Dismissed until the tag has lost both the pointer and the focus.
  function reset(still) {
    return function (event) {
      var tag = event.target.closest && event.target.closest("a.bj-out-tag");
      if (tag && !tag.contains(event.relatedTarget) && !tag.matches(still)) tag.classList.remove(DISMISSED);
    };
  }
  document.addEventListener("focusout", reset(":hover"));
  document.addEventListener("mouseout", reset(":focus"));
})();
