// Forms that change something irreversible carry data-confirm="question"; the owner must agree first.
// An external script instead of onsubmit="...", because the Content-Security-Policy forbids inline code.
document.addEventListener('submit', function (event) {
    var question = event.target.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
        event.preventDefault();
    }
});
