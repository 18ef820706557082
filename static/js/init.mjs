// Starts the NHS.UK frontend components. Kept in its own file so the Content Security
// Policy needs no inline script beyond the design system's js-enabled snippet.
import { initAll } from '../vendor/nhsuk-frontend/nhsuk-frontend.min.js'

initAll({ button: { preventDoubleClick: true } })

// A printed page shows every "details" section open: paper cannot be clicked. Each is
// put back as it was after printing.
const opened = []
window.addEventListener('beforeprint', () => {
  for (const d of document.querySelectorAll('details:not([open])')) {
    d.open = true
    opened.push(d)
  }
})
window.addEventListener('afterprint', () => {
  while (opened.length) opened.pop().open = false
})
