// The dashboard's navigation on a phone: the Menu button opens and closes the list. Delegated from the document,
// so it keeps working when Blazor's enhanced navigation patches the page; a navigation re-renders the button
// closed, which closes the menu.
(function () {
    function menu(toggle) {
        return document.getElementById(toggle.getAttribute("aria-controls"));
    }

    function setOpen(toggle, open) {
        toggle.setAttribute("aria-expanded", String(open));
        var list = menu(toggle);
        if (list) {
            list.classList.toggle("open", open);
        }
    }

    document.addEventListener("click", function (event) {
        var toggle = event.target.closest("[data-menu-toggle]");
        if (toggle) {
            setOpen(toggle, toggle.getAttribute("aria-expanded") !== "true");
            return;
        }

        var open = document.querySelector("[data-menu-toggle][aria-expanded=true]");
        if (open && event.target.closest("a") && menu(open) && menu(open).contains(event.target)) {
            setOpen(open, false);
        }
    });

    document.addEventListener("keydown", function (event) {
        var open = document.querySelector("[data-menu-toggle][aria-expanded=true]");
        if (event.key === "Escape" && open) {
            setOpen(open, false);
            open.focus();
        }
    });
})();

// The post editor sends the cursor to a field (a quality finding's, an outline entry's): scrolled to the middle of the
// screen, clear of the sticky bar, and focused. A section (not itself focusable) gives its first control.
window.digestFocus = function (id) {
    var element = document.getElementById(id);
    if (!element) {
        return false;
    }

    var target = element.matches("input, textarea, select, button, a[href]")
        ? element
        : element.querySelector("input, textarea, select, button") || element;
    if (target === element && !element.hasAttribute("tabindex")) {
        element.setAttribute("tabindex", "-1");
    }

    target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
    return true;
};
