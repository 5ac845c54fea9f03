import { createTheme, type CSSVariablesResolver, InputWrapper, Menu, Modal, Notification } from '@mantine/core'

/**
 * The Mantine theme, made per language (it carries the close buttons' names). Colours are chosen for WCAG 2.1 AA contrast (4.5:1 for normal text) on white:
 * blue shade 8 (#1971c2, 5.0:1) rather than the default shade 6 (3.6:1) or 7 (4.2:1), which fail
 * for button labels and links.
 */
export function createAppTheme(labels: { close: string }) {
  // Icon-only close buttons need a name in the user's language (WCAG 4.1.2); Mantine has none.
  const closeButtonProps = { 'aria-label': labels.close }
  return createTheme({
    primaryColor: 'blue',
    primaryShade: { light: 8, dark: 6 },
    focusRing: 'auto',
    defaultRadius: 'sm',
    fontFamily:
      'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
    headings: { fontWeight: '650' },
    // Animations are skipped for users who asked their system for less motion (WCAG 2.3.3).
    respectReducedMotion: true,
    components: {
      // Required fields stay `required` (announced as such) but get no asterisk: optional fields
      // say "(optional)" in their label instead (GOV.UK practice). An asterisk inside the <label>
      // also becomes part of the field's label text ("Password *").
      InputWrapper: InputWrapper.extend({ defaultProps: { withAsterisk: false } }),
      // Dialogs open at once: a fading dialog is briefly low-contrast text, which is hard to read
      // and fails automated accessibility checks that run while it fades in.
      Modal: Modal.extend({ defaultProps: { closeButtonProps, transitionProps: { duration: 0 } } }),
      // The description under a notification's title is gray 6 (3.3:1 on white): gray 7 passes AA.
      Notification: Notification.extend({ defaultProps: { closeButtonProps }, styles: { description: { color: 'var(--mantine-color-gray-7)' } } }),
      // Mantine puts a role="presentation" focus placeholder inside role="menu", where only menu
      // items belong (axe: aria-required-children); without it focus goes to the first item,
      // which is what the WAI-ARIA menu pattern asks for anyway.
      Menu: Menu.extend({ defaultProps: { withInitialFocusPlaceholder: false } }),
    },
  })
}

/**
 * Contrast fixes on Mantine's light scheme:
 * - dimmed (gray 6, 3.3:1) and error (red 6, 3.6:1) fail AA on white; gray 7 and red 9 pass
 *   (7.0:1, 5.2:1). Hints and validation messages are small text, so they matter.
 * - "light" and "subtle" blue (the active navigation entry, text buttons) put blue 9 text on
 *   blue 1, or on blue 2 under the mouse (4.0:1, fails); blue 0 and 1 keep it at 5.6:1 and 4.9:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-blue-light': 'var(--mantine-color-blue-0)',
    '--mantine-color-blue-light-hover': 'var(--mantine-color-blue-1)',
  },
  dark: {},
})
