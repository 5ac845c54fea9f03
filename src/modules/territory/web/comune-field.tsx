import { type ComboboxItem, Select } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { COMUNE_SEARCH_MIN_LENGTH, useComuneSearch } from './territory.queries'

/** How a comune reads everywhere in the app: "Bergamo (BG)". */
export function comuneLabel(comune: { name: string; provinceCode: string }): string {
  return `${comune.name} (${comune.provinceCode})`
}

/** The chosen comune's own label searches by its name: "Bergamo (BG)" → "Bergamo". */
function searchTextOf(label: string): string {
  return label.replace(/\s*\([A-Z]{2}\)\s*$/, '')
}

interface ComuneFieldProps {
  label: string
  description?: ReactNode
  /** ISTAT code of the chosen comune; '' when none. */
  value: string
  /** How the chosen comune reads before any search, e.g. "Bergamo (BG)" from a saved record. */
  initialLabel?: string
  /** The ISTAT code picked from the list, or '' when the choice is cleared. */
  onChange: (istatCode: string) => void
  error?: ReactNode
}

/**
 * A comune picked from ISTAT's list by typing part of its name (accents and case do not matter):
 * the form stores the ISTAT code, never free text, so places can be counted by province and region.
 */
export function ComuneField({ label, description, value, initialLabel, onChange, error }: ComuneFieldProps) {
  const { t } = useTranslation()
  const [chosen, setChosen] = useState<ComboboxItem | null>(
    value !== '' && initialLabel ? { value, label: initialLabel } : null,
  )
  const [search, setSearch] = useState(chosen?.label ?? '')
  const [debounced] = useDebouncedValue(searchTextOf(search), 250)
  const comuni = useComuneSearch(debounced)

  const found = (comuni.data ?? []).map((comune) => ({ value: comune.istatCode, label: comuneLabel(comune) }))
  // The chosen comune is offered while its label is in the input (so the input can show it), not
  // among the matches for other text.
  const showChosen = chosen !== null && search === chosen.label && !found.some((option) => option.value === chosen.value)
  const data = showChosen ? [chosen, ...found] : found
  const isTooShort = debounced.trim().length < COMUNE_SEARCH_MIN_LENGTH

  return (
    <Select
      label={label}
      description={description}
      error={error}
      searchable
      // Enter on the highlighted comune always chooses it; clearing is the clear button's job.
      allowDeselect={false}
      clearable
      clearButtonProps={{ 'aria-label': t('territory.comune.clear') }}
      value={value === '' ? null : value}
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      // The server has matched and ranked already (accent-insensitive); filtering again here would drop
      // "Forlì" when the user typed "forli".
      filter={({ options }) => options}
      nothingFoundMessage={
        isTooShort
          ? t('territory.comune.typeMore', { count: COMUNE_SEARCH_MIN_LENGTH })
          : comuni.isFetching
            ? t('common.loading')
            : t('territory.comune.noResults')
      }
      // Picking the comune already chosen changes nothing but the text typed, which shows its label again.
      onOptionSubmit={(istatCode) => {
        const option = data.find((candidate) => candidate.value === istatCode)
        if (option) setSearch(option.label)
      }}
      onChange={(istatCode, option) => {
        setChosen(option)
        onChange(istatCode ?? '')
      }}
      autoComplete="off"
    />
  )
}
