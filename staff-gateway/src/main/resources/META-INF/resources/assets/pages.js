// Touchpoint pages work without this script. It only says "Looking up…" while a form is on its way and stops a
// second tap from sending it twice. It sends nothing itself: no keystrokes, no drafts (architecture rule 11).
document.addEventListener('submit', function (event) {
  var form = event.target;
  var busy = form.getAttribute('data-busy');
  if (!busy) { return; }
  var status = form.querySelector('.busy') || form.parentNode.querySelector('.busy');
  if (status) { status.textContent = busy; }
  form.querySelectorAll('button[type=submit]').forEach(function (button) { button.disabled = true; });
  form.setAttribute('aria-busy', 'true');
});
