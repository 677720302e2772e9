// Quizzes and exams work without this script (every action is a form post). With it:
// - an exam answer is saved on the server the moment it is chosen (and a flag the moment it is set);
// - arrow keys move between options of a "select all" group as they already do in a radio group;
// - F flags the question; the exam timer counts down and is announced politely to screen readers.
(function () {
    "use strict";

    function typing(target) {
        return target && (target.tagName === "TEXTAREA" || (target.tagName === "INPUT" && target.type === "text") || target.isContentEditable);
    }

    // F toggles the flag (a checkbox in exams, a button in practice).
    document.addEventListener("keydown", function (event) {
        if (event.key !== "f" && event.key !== "F") { return; }
        if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
        var toggle = document.querySelector("[data-flag-toggle]");
        if (!toggle) { return; }
        event.preventDefault();
        toggle.click();
    });

    // Arrow keys within a group of checkboxes.
    document.querySelectorAll("[data-options]").forEach(function (group) {
        group.addEventListener("keydown", function (event) {
            var inputs = Array.prototype.slice.call(group.querySelectorAll("input[type=checkbox]"));
            var index = inputs.indexOf(event.target);
            if (index < 0) { return; }
            var step = event.key === "ArrowDown" || event.key === "ArrowRight" ? 1 : event.key === "ArrowUp" || event.key === "ArrowLeft" ? -1 : 0;
            if (step === 0) { return; }
            event.preventDefault();
            inputs[(index + step + inputs.length) % inputs.length].focus();
        });
    });

    // Exam autosave.
    var form = document.querySelector("form[data-exam]");
    var status = document.querySelector("[data-save-status]");
    function say(text) { if (status) { status.textContent = text; } }
    if (form) {
        var revision = form.querySelector("[data-revision]");
        var counter = document.querySelector("[data-testid=answered-count]");
        var pending = Promise.resolve();
        var inFlight = 0;
        // The grid cell of this question states it in words and colour (like the server's _ExamGrid): keep both
        // true after a save, which may have set only the flag; the "answered" count in the exam bar follows.
        var mark = function (link, position) {
            var answered = Array.prototype.some.call(form.querySelectorAll("[data-options] input"), function (i) { return i.checked; })
                || Array.prototype.some.call(form.querySelectorAll("input[type=text][data-answer-input]"), function (i) { return i.value.trim() !== ""; });
            var flag = form.querySelector("input[data-flag-toggle]");
            var flagged = !!(flag && flag.checked);
            var cell = link.closest("li");
            cell.classList.toggle("is-answered", answered);
            cell.classList.toggle("is-unanswered", !answered);
            cell.classList.toggle("is-flagged", flagged);
            link.setAttribute("aria-label", "Question " + position + ", " + (answered ? "answered" : "unanswered") + (flagged ? ", flagged" : ""));
            link.textContent = position + (flagged ? "⚑" : "");
            if (counter) { counter.textContent = document.querySelectorAll(".exam-grid .is-answered").length; }
        };
        // A save the server could not take (503: its database is unavailable) or that never arrived stays pending:
        // the answer is still chosen in the form, and the same save is sent again after the server's Retry-After.
        var retryTimer = null;
        var retryLater = function (seconds) {
            if (retryTimer) { window.clearTimeout(retryTimer); }
            var wait = Math.min(Math.max(isNaN(seconds) ? 10 : seconds, 5), 60);
            retryTimer = window.setTimeout(function () { retryTimer = null; save(); }, wait * 1000);
        };
        var save = function () {
            if (retryTimer) { window.clearTimeout(retryTimer); retryTimer = null; }
            inFlight++;
            pending = pending.then(function () {
                // Read the form when this save's turn comes, not when it was queued: it then carries the revision
                // the previous save returned, and a quick second choice is not mistaken for another tab's change.
                var data = new FormData(form);
                data.delete("Navigate");
                data.delete("Clear");
                say("Saving…");
                return fetch(form.action, { method: "POST", body: data, headers: { "Accept": "application/json" }, credentials: "same-origin" })
                    .then(function (response) {
                        if (response.status === 429) {
                            return { ok: false, json: { message: "Not saved: too many saves in a minute. Wait a moment; your answer is sent when you move on." } };
                        }
                        if (response.status === 503) {
                            retryLater(parseInt(response.headers.get("Retry-After"), 10));
                            return { ok: false, json: { message: "Temporarily unavailable: your answer is kept on this page and will be saved when the site is back." } };
                        }
                        return response.json().then(function (json) { return { ok: response.ok, json: json }; });
                    })
                    .then(function (result) {
                        if (result.json.redirect) { window.location.assign(result.json.redirect); return; }
                        if (!result.ok) { say(result.json.message || "Not saved."); return; }
                        if (revision && result.json.revision) { revision.value = result.json.revision; }
                        say(result.json.message || "Saved.");
                        var cell = document.querySelector("[data-grid-position='" + result.json.position + "']");
                        if (cell) { mark(cell, result.json.position); }
                    })
                    .catch(function () {
                        retryLater(10);
                        say("Not saved: the connection failed. Your answer is kept on this page and will be sent again.");
                    })
                    .then(function () { inFlight--; });
            });
        };
        form.querySelectorAll("[data-answer-input]").forEach(function (input) {
            input.addEventListener("change", save);
        });
        // A plain post (Save and next, Review) must not overtake a save still on its way: it would carry an old
        // revision and be mistaken for another tab. Wait for the queue, then post with the latest revision.
        form.addEventListener("submit", function (event) {
            if (inFlight === 0) { say(""); return; }
            event.preventDefault();
            var submitter = event.submitter;
            pending.then(function () { form.requestSubmit(submitter); });
        });
    }

    // Exam timer: counts down from the server's remaining time (not the device clock); at zero the page reloads
    // and the server, which enforces the deadline, submits the exam.
    document.querySelectorAll("[data-timer]").forEach(function (timer) {
        var display = timer.querySelector("[data-timer-display]");
        var announce = timer.querySelector("[data-timer-announce]");
        var remaining = parseInt(timer.getAttribute("data-remaining"), 10);
        var started = performance.now();
        var announced = {};
        function pad(n) { return n < 10 ? "0" + n : "" + n; }
        function format(s) {
            var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
            return (h > 0 ? h + ":" + pad(m) : pad(m)) + ":" + pad(sec);
        }
        function tick() {
            var left = Math.max(0, remaining - Math.floor((performance.now() - started) / 1000));
            display.textContent = format(left);
            var minutes = Math.ceil(left / 60);
            var milestone = left <= 60 ? (left <= 10 ? "10s" : "1m") : (minutes % 10 === 0 || minutes === 5 ? minutes + "m" : null);
            if (milestone && !announced[milestone]) {
                announced[milestone] = true;
                announce.textContent = left <= 10 ? "Time is almost up." : left <= 60 ? "One minute left." : minutes + " minutes left.";
            }
            if (left <= 0) {
                timer.classList.add("timer-done");
                window.setTimeout(function () { window.location.reload(); }, 1500);
                return;
            }
            if (left <= 300) { timer.classList.add("timer-low"); }
            window.setTimeout(tick, 1000 - ((performance.now() - started) % 1000));
        }
        tick();
    });
})();
