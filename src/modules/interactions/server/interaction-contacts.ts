/** Contacts seen from the interactions module: the contacts module owns the people and their scoping. */
export { findContactNames } from '../../contacts'
