// Starts the NHS.UK frontend components. Kept in its own file so the Content Security
// Policy needs no inline script beyond the design system's js-enabled snippet.
import { initAll } from '../vendor/nhsuk-frontend/nhsuk-frontend.min.js'

initAll({ button: { preventDoubleClick: true } })
