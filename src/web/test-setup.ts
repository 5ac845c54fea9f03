/**
 * Setup for component tests (jsdom). Mantine reads matchMedia, ResizeObserver and document.fonts,
 * which jsdom does not implement; Testing Library unmounts after each test (vitest runs without globals, so
 * its automatic cleanup does not hook itself).
 */
import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterEach, beforeEach, vi } from 'vitest'

// findBy…/waitFor wait up to 1 s by default: on a 2-core machine running every test file at once a
// menu or a refetch can take longer. Waiting longer changes nothing for a test that passes.
configure({ asyncUtilTimeout: 5_000 })

Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: vi.fn().mockImplementation((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: vi.fn(),
    removeListener: vi.fn(),
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
    dispatchEvent: vi.fn(),
  })),
})

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver = ResizeObserverStub
// Mantine's autosizing Textarea listens for web fonts loading (document.fonts), which jsdom lacks.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener: () => {}, removeEventListener: () => {}, ready: Promise.resolve() },
  })
}
window.HTMLElement.prototype.scrollIntoView = function scrollIntoView() {}
window.scrollTo = () => {}
// jsdom does not implement pseudo-element styles; Mantine passes a second argument it would reject.
const { getComputedStyle } = window
window.getComputedStyle = (element: Element) => getComputedStyle(element)

beforeEach(async () => {
  // Every test starts in Italian, the default language, whatever a previous test switched to.
  window.localStorage.clear()
  const { i18n } = await import('./i18n/i18n')
  await i18n.changeLanguage('it')
})

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})
