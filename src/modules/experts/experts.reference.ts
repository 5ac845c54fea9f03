/**
 * Web-safe entry of the experts module (isomorphic, no Node imports): the competence reference
 * list, profile value lists and the pure matching function. The web imports these from here; the
 * server gets the same through index.ts.
 */
export * from './experts.competences'
export * from './matching/expert-matching'
