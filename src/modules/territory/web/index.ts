/** The territory module's web side: the comune picker and the reference lists other modules' pages use. */
export { ComuneField, comuneLabel } from './comune-field'
export { territoryKeys, useComuneSearch, useProvinces } from './territory.queries'
