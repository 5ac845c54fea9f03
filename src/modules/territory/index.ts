/**
 * Territory module (registry layer): Italian comuni, provinces and regions as versioned ISTAT
 * reference data, with NUTS 2 codes and seat coordinates. Other modules resolve places through
 * `matchComune` and read views through the contract; only the loader writes the tables.
 */
export { territoryRoutes } from './server/territory.routes'
export { loadTerritoryReferenceData, type LoadResult } from './server/territory.loader'
export { matchComune, loadComuneMatcher, italianDay, type ComuneMatcher } from './server/territory.service'
export { comuniInForceOfProvince, comuniInForceByIstat } from './server/territory.service'
