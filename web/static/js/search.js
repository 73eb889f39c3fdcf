// The header's search box: "/" focuses it from anywhere on the page, except while the reader is
// typing in a field (where "/" is text). Nothing else: the search itself is a plain GET form.
(function () {
  'use strict';
  document.addEventListener('keydown', function (e) {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) { return; }
    var target = e.target;
    var tag = target && target.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (target && target.isContentEditable)) { return; }
    var box = document.getElementById('search-page-q') || document.getElementById('site-search');
    if (!box) { return; }
    e.preventDefault();
    box.focus();
    box.select();
  });
}());
