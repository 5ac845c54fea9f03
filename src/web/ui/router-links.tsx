/**
 * Mantine components that navigate with the router (typed `to`, client-side transitions, and
 * `aria-current="page"` on the active link, which TanStack Router sets for us).
 */
import { Anchor, type AnchorProps, Button, type ButtonProps, NavLink, type NavLinkProps } from '@mantine/core'
import { createLink } from '@tanstack/react-router'
import type { AnchorHTMLAttributes, Ref } from 'react'

type AnchorAttributes = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'color' | 'style'>

function RoutedAnchor(props: AnchorProps & AnchorAttributes & { ref?: Ref<HTMLAnchorElement> }) {
  return <Anchor component="a" {...props} />
}

function RoutedButton(props: ButtonProps & AnchorAttributes & { ref?: Ref<HTMLAnchorElement> }) {
  return <Button component="a" {...props} />
}

function RoutedNavLink(
  props: Omit<NavLinkProps, 'active'> & AnchorAttributes & { ref?: Ref<HTMLAnchorElement> },
) {
  // The router marks the current page with aria-current; Mantine styles it as active from that.
  return <NavLink component="a" active={props['aria-current'] === 'page'} {...props} />
}

/** An inline text link to an app route. */
export const AnchorLink = createLink(RoutedAnchor)
/** A button that is a link to an app route (it navigates, so it is an <a>). */
export const ButtonLink = createLink(RoutedButton)
/** A navigation entry of the app shell. */
export const NavLinkLink = createLink(RoutedNavLink)
