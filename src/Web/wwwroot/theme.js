// Light/dark: the system decides unless the reader chose with the toggle (kept in localStorage).
// Loaded in <head> so a stored choice applies before the first paint; without JavaScript the page still
// follows the system and the toggle stays hidden.
(function () {
    var root = document.documentElement;
    var stored = null;
    try { stored = localStorage.getItem("theme"); } catch (e) { /* storage blocked: follow the system */ }
    if (stored === "dark" || stored === "light") {
        root.setAttribute("data-theme", stored);
    }

    function isDark() {
        var chosen = root.getAttribute("data-theme");
        return chosen ? chosen === "dark" : window.matchMedia("(prefers-color-scheme: dark)").matches;
    }

    document.addEventListener("DOMContentLoaded", function () {
        var button = document.getElementById("theme-toggle");
        if (!button) {
            return;
        }

        button.setAttribute("aria-pressed", String(isDark()));
        button.hidden = false;
        button.addEventListener("click", function () {
            var next = isDark() ? "light" : "dark";
            root.setAttribute("data-theme", next);
            try { localStorage.setItem("theme", next); } catch (e) { /* the choice lasts for this page only */ }
            button.setAttribute("aria-pressed", String(next === "dark"));
        });
    });
})();
