// The Review page works without this script (every action is a link or a form post). With it, single keys press the
// button or link that carries them in data-shortcut: 1-4 grade a flashcard, Space shows its answer, N goes to the
// next card, U undoes the last answer. Keys typed into a field are left alone.
(function () {
    "use strict";

    function typing(target) {
        return target && (target.tagName === "TEXTAREA" || target.tagName === "SELECT" || (target.tagName === "INPUT" && (target.type === "text" || target.type === "number")) || target.isContentEditable);
    }

    document.addEventListener("keydown", function (event) {
        if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
        var key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
        if (key === " " && event.target && (event.target.tagName === "BUTTON" || event.target.tagName === "A" || event.target.tagName === "INPUT")) { return; }
        var target = document.querySelector("[data-shortcut='" + (key === "'" ? "\\'" : key) + "']");
        if (!target) { return; }
        event.preventDefault();
        target.click();
    });
}());
