// jupyterquiz draws its numeric answer boxes without a label (axe: "label",
// critical). Name them once the quizzes have been drawn.
(function () {
  function label() {
    document.querySelectorAll(".Quiz input:not([type=radio]):not([aria-label])").forEach(function (input) {
      input.setAttribute("aria-label", "Your answer (a number)");
    });
  }
  document.addEventListener("DOMContentLoaded", label);
  window.addEventListener("load", label);
})();
