/**
 * Module 1 (customer data) is prefilled from the company record when an assessment starts; what
 * the assessor or the company corrects there writes back to the record only when a staff member
 * chooses to, field by field (issue 4 "Lifecycle"). The write goes through the companies service,
 * so it is validated, scoped and audited like any edit of the company; the assessment's audit trail
 * records which fields were applied.
 */
import type { RequestContext } from '../../../server/http/context'
import { AppError } from '../../../shared/app-error'
import { getCompany, updateCompany } from '../../companies'
import { CompanyUpdateInput, type Company } from '../../companies/companies.contract'
import { translateIssue } from '../../../server/http/i18n'
import {
  CUSTOMER_DATA_WRITABLE_FIELDS,
  type AssessmentCustomerData,
  type AssessmentCustomerDataApplyInput,
  type AssessmentCustomerDataComparison,
  type CustomerDataWritableField,
} from '../assessments.contract'
import { getScopedAssessment, requireActor } from './assessments.service'

type Value = string | number | null

function companyValue(company: Company, field: CustomerDataWritableField): Value {
  return field === 'comuneIstat' ? (company.comune?.istatCode ?? null) : company[field]
}

function moduleValue(data: AssessmentCustomerData, field: CustomerDataWritableField): Value | undefined {
  return data[field]
}

const same = (a: Value | undefined, b: Value) => (a ?? null) === b || (typeof a === 'string' && typeof b === 'string' && a.trim() === b.trim())

export async function compareCustomerData(ctx: RequestContext, id: string): Promise<AssessmentCustomerDataComparison> {
  const { row, isStaff, canWrite } = await getScopedAssessment(ctx.db, requireActor(ctx), id)
  // The company record is staff data: others see no comparison.
  if (!isStaff) throw new AppError('FORBIDDEN', 'errors.forbidden')
  const company = await getCompany(ctx, row.companyId)
  const data = row.customerData as AssessmentCustomerData
  return {
    fields: CUSTOMER_DATA_WRITABLE_FIELDS.map((field) => {
      const assessment = moduleValue(data, field) ?? null
      const current = companyValue(company, field)
      return {
        field,
        assessment,
        company: current,
        assessmentLabel: field === 'comuneIstat' ? (data.comune ?? null) : null,
        companyLabel: field === 'comuneIstat' ? (company.comune?.name ?? null) : null,
        differs: moduleValue(data, field) !== undefined && !same(assessment, current),
      }
    }),
    canApply: canWrite,
  }
}

/** Writes the chosen Module 1 fields to the company record (only those that differ). */
export async function applyCustomerData(ctx: RequestContext, id: string, input: AssessmentCustomerDataApplyInput): Promise<AssessmentCustomerDataComparison> {
  const { row, canWrite } = await getScopedAssessment(ctx.db, requireActor(ctx), id)
  if (!canWrite) throw new AppError('FORBIDDEN', 'errors.forbidden')
  const comparison = await compareCustomerData(ctx, id)
  const chosen = comparison.fields.filter((f) => input.fields.includes(f.field) && f.differs)
  if (chosen.length === 0) throw new AppError('CONFLICT', 'errors.assessmentCustomerDataNothingToApply')
  const update: Record<string, Value> = {}
  for (const f of chosen) update[f.field] = f.assessment
  // The company's own rules (e.g. the ATECO code's format), reported on Module 1's fields.
  const parsed = CompanyUpdateInput.safeParse(update)
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => ({ path: `customerData.${issue.path.map(String).join('.')}`, message: translateIssue(ctx.locale, issue) }))
    throw new AppError('VALIDATION', 'errors.validation', {}, fields)
  }
  await updateCompany(ctx, row.companyId, parsed.data)
  await ctx.deps.audit.record(ctx.db, ctx, {
    action: 'update',
    entityType: 'assessment',
    entityId: row.id,
    unitId: row.unitId,
    after: { appliedToCompany: Object.fromEntries(chosen.map((f) => [f.field, { from: f.company, to: f.assessment }])) },
  })
  return compareCustomerData(ctx, id)
}
