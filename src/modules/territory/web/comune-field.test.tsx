import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { renderPage, stubApi } from '../../../web/test-utils'
import type { Comune } from '../territory.contract'
import { ComuneField } from './comune-field'

function buildComune(overrides: Partial<Comune> & Pick<Comune, 'istatCode' | 'name'>): Comune {
  return {
    provinceCode: 'BG',
    provinceIstatCode: '016',
    provinceName: 'Bergamo',
    regionCode: '03',
    regionName: 'Lombardia',
    nuts2: 'ITC4',
    ripartizione: 1,
    cadastralCode: null,
    population: null,
    latitude: null,
    longitude: null,
    validFrom: '2020-01-01',
    validTo: null,
    ...overrides,
  }
}

const bergamo = buildComune({ istatCode: '016024', name: 'Bergamo' })
const bergolo = buildComune({ istatCode: '004019', name: 'Bergolo', provinceCode: 'CN', regionCode: '01', regionName: 'Piemonte' })

function Harness({ onChange }: { onChange: (istatCode: string) => void }) {
  const [value, setValue] = useState('')
  return (
    <ComuneField
      label="Comune"
      value={value}
      onChange={(istatCode) => {
        setValue(istatCode)
        onChange(istatCode)
      }}
    />
  )
}

describe('ComuneField', () => {
  it('finds comuni by part of their name and keeps the ISTAT code of the one picked with the keyboard', async () => {
    const requests = stubApi((request) =>
      request.path.startsWith('/api/territory/comuni') ? { status: 200, body: { items: [bergamo, bergolo] } } : undefined,
    )
    const onChange = vi.fn()
    renderPage(<Harness onChange={onChange} />)
    const input = await screen.findByRole('combobox', { name: 'Comune' })

    await userEvent.type(input, 'berg')
    // jsdom lays nothing out, so Mantine hides the dropdown as if scrolled away: the options are
    // found with `hidden`, and picked with the keyboard as a user of the listbox would.
    await screen.findByRole('option', { name: 'Bergamo (BG)', hidden: true })
    await userEvent.keyboard('{ArrowDown}{Enter}')

    expect(onChange).toHaveBeenLastCalledWith('016024')
    await waitFor(() => expect(input).toHaveValue('Bergamo (BG)'))
    expect(requests.map((request) => request.path)).toContain('/api/territory/comuni?q=berg&limit=10')
  })

  it('asks for more letters before searching', async () => {
    const requests = stubApi(() => undefined)
    renderPage(<Harness onChange={vi.fn()} />)
    await userEvent.type(await screen.findByRole('combobox', { name: 'Comune' }), 'b')

    expect(await screen.findByText('Scrivi almeno 2 lettere del nome')).toBeInTheDocument()
    expect(requests).toHaveLength(0)
  })
})
