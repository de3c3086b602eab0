// Small progressive enhancement; every page works without it.
// "/" focuses the first search field; a "select all" box toggles the row boxes of its table.
document.addEventListener('keydown', function (e) {
  if (e.key === '/' && !/^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName)) {
    var field = document.querySelector('form.search input');
    if (field) { e.preventDefault(); field.focus(); }
  }
});
document.addEventListener('change', function (e) {
  if (e.target.matches('input[data-select-all]')) {
    document.querySelectorAll('input[name="' + e.target.getAttribute('data-select-all') + '"]')
      .forEach(function (box) { box.checked = e.target.checked; });
  }
});
