/**
 * Italian company identifiers, checked with the maintained `stdnum` library (its partita IVA and
 * codice fiscale validators verify the check digit; a format check alone accepts typos).
 */
// Only the two Italian validators, not the whole library (every country's) in the web bundle.
import * as iva from 'stdnum/lib/cjs/it/iva.js'
import * as codiceFiscale from 'stdnum/lib/cjs/it/codicefiscale.js'

/** Strips spaces, dots, dashes and an `IT` prefix: `IT 007 431 101 57` → `00743110157`. */
export function compactVatNumber(value: string): string {
  return value.replace(/[\s.\-/]/g, '').replace(/^IT/i, '')
}

export function isValidVatNumber(value: string): boolean {
  return iva.validate(compactVatNumber(value)).isValid
}

export function compactTaxCode(value: string): string {
  return value.replace(/\s/g, '').toUpperCase()
}

/** A company's codice fiscale is either its partita IVA (11 digits) or a person's 16-character code. */
export function isValidTaxCode(value: string): boolean {
  const compact = compactTaxCode(value)
  if (/^\d{11}$/.test(compact)) return iva.validate(compact).isValid
  return codiceFiscale.validate(compact).isValid
}
