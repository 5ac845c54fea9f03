/**
 * EU SME size class (Commission Recommendation 2003/361/EC, art. 2): staff headcount is decisive;
 * a company also stays within a class if EITHER its turnover OR its balance-sheet total is within
 * that class's ceiling.
 *   micro  < 10 staff  and (turnover ≤ €2 m  or balance sheet ≤ €2 m)
 *   small  < 50 staff  and (turnover ≤ €10 m or balance sheet ≤ €10 m)
 *   medium < 250 staff and (turnover ≤ €50 m or balance sheet ≤ €43 m)
 * Missing financial figures do not push a company up: only the headcount is used then.
 */
import type { CompanySize } from '../companies.reference'

const CEILINGS: { size: CompanySize; staff: number; turnover: number; balance: number }[] = [
  { size: 'micro', staff: 10, turnover: 2_000_000, balance: 2_000_000 },
  { size: 'small', staff: 50, turnover: 10_000_000, balance: 10_000_000 },
  { size: 'medium', staff: 250, turnover: 50_000_000, balance: 43_000_000 },
]

export function deriveCompanySize(input: {
  employees: number | null
  turnover: number | null
  balanceSheetTotal: number | null
}): CompanySize | null {
  const { employees, turnover, balanceSheetTotal } = input
  if (employees === null) return null
  for (const c of CEILINGS) {
    if (employees >= c.staff) continue
    const hasFinancials = turnover !== null || balanceSheetTotal !== null
    const withinMoney = !hasFinancials || (turnover !== null && turnover <= c.turnover) || (balanceSheetTotal !== null && balanceSheetTotal <= c.balance)
    if (withinMoney) return c.size
  }
  return 'large'
}

/** Lower case without accents: the form names and search text are compared in. */
export function normalizeText(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim()
}
