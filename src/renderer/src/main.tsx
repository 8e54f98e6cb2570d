import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './styles/theme.css'
import './styles/base.css'
import './styles/layout.css'
import './styles/cards.css'
import './styles/forms.css'
import { App } from './app'
import { resolveBridge } from './bridge'
import { MissingToken } from './missing-token'
import { startStore } from './start-store'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')
const root = createRoot(container)

if (resolveBridge().kind === 'missing-token') {
  root.render(
    <StrictMode>
      <MissingToken reason="missing" />
    </StrictMode>
  )
} else {
  startStore()
  root.render(
    <StrictMode>
      <App />
    </StrictMode>
  )
}
