// Renders the TeX that the content pipeline leaves in .math elements as MathML (no inline styles, so the site's
// content security policy stays strict). Without JavaScript the TeX stays readable as it is.
(function () {
    "use strict";
    function render() {
        if (typeof katex === "undefined") {
            return;
        }
        document.querySelectorAll("span.math, div.math").forEach(function (element) {
            var tex = element.textContent.trim();
            var display = element.tagName === "DIV";
            var match = display ? tex.match(/^\\\[([\s\S]*)\\\]$/) : tex.match(/^\\\(([\s\S]*)\\\)$/);
            if (match) {
                tex = match[1];
            }
            try {
                katex.render(tex, element, { displayMode: display, output: "mathml", throwOnError: false });
                element.classList.add("math-rendered");
            } catch (e) {
                // Leave the TeX as written.
            }
        });
    }
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", render);
    } else {
        render();
    }
})();
