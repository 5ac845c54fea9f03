/**
 * The burn-down chart as an ECharts option (pure, so it is table-tested and the same option could
 * be rendered on the server): cumulative logged, confirmed and approved days by date of work, with
 * the budget as a horizontal line.
 */
import type { BurnDown } from '../projects.contract'

export interface BurnDownLabels {
  logged: string
  confirmed: string
  approved: string
  budget: string
}

export function burnDownOption(burnDown: BurnDown, labels: BurnDownLabels, formatDate: (day: string) => string) {
  const dates = burnDown.points.map((p) => p.date)
  const line = (name: string, values: number[], color: string) => ({ name, type: 'line', step: 'end', data: values, symbolSize: 6, itemStyle: { color }, lineStyle: { color, width: 2 } })
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [labels.logged, labels.confirmed, labels.approved, labels.budget] },
    grid: { left: 40, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: dates.map(formatDate) },
    yAxis: { type: 'value', min: 0, max: Math.max(burnDown.budgetDays, ...burnDown.points.map((p) => p.logged)) },
    series: [
      line(labels.logged, burnDown.points.map((p) => p.logged), '#1c3d5a'),
      line(labels.confirmed, burnDown.points.map((p) => p.confirmed), '#0b7285'),
      line(labels.approved, burnDown.points.map((p) => p.approved), '#2b8a3e'),
      // The budget: a flat line across the whole period.
      { name: labels.budget, type: 'line', data: dates.map(() => burnDown.budgetDays), symbol: 'none', itemStyle: { color: '#c92a2a' }, lineStyle: { color: '#c92a2a', type: 'dashed', width: 2 } },
    ],
  }
}

export interface TotalsChartLabels {
  logged: string
  approved: string
}

/**
 * Support days month by month (the totals grouped by month) as bars: logged (not disputed) beside
 * approved, so the gap still to approve shows at a glance.
 */
export function monthlyTotalsOption(rows: readonly { label: string; logged: number; approved: number }[], labels: TotalsChartLabels, formatMonth: (month: string) => string) {
  const bar = (name: string, values: number[], color: string) => ({ name, type: 'bar', data: values, itemStyle: { color }, barMaxWidth: 28 })
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [labels.logged, labels.approved] },
    grid: { left: 48, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: rows.map((r) => formatMonth(r.label)) },
    yAxis: { type: 'value', min: 0 },
    series: [bar(labels.logged, rows.map((r) => r.logged), '#1c3d5a'), bar(labels.approved, rows.map((r) => r.approved), '#2b8a3e')],
  }
}
