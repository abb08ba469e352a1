// On a phone the navbar's links and «Выйти» fold into «Меню» (storelink.css, .navbar-collapsible): the
// button opens and closes it, Escape closes it and gives the focus back to the button. Without this script
// nothing folds, and the navbar's parts wrap onto more lines instead.
document.addEventListener('DOMContentLoaded', function () {
    'use strict';
    var navbar = document.getElementById('navbar');
    var toggle = document.getElementById('menu-toggle');
    if (!navbar || !toggle) {
        return;
    }
    navbar.classList.add('navbar-collapsible');

    function setOpen(open) {
        navbar.classList.toggle('navbar-open', open);
        toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    }

    toggle.addEventListener('click', function () {
        setOpen(toggle.getAttribute('aria-expanded') !== 'true');
    });
    navbar.addEventListener('keydown', function (event) {
        if (event.key === 'Escape' && toggle.getAttribute('aria-expanded') === 'true') {
            setOpen(false);
            toggle.focus();
        }
    });
});
