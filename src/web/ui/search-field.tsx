import { TextInput } from '@mantine/core'
import { useDebouncedCallback } from '@mantine/hooks'
import { IconSearch } from '@tabler/icons-react'
import { useEffect, useState } from 'react'

interface SearchFieldProps {
  label: string
  placeholder?: string
  value: string
  /** Called once typing pauses, so each keystroke does not start a request. */
  onChange: (value: string) => void
}

export function SearchField({ label, placeholder, value, onChange }: SearchFieldProps) {
  const [text, setText] = useState(value)
  const commit = useDebouncedCallback(onChange, 300)
  // Follow outside changes (back button, "clear filters").
  useEffect(() => setText(value), [value])
  return (
    <TextInput
      type="search"
      label={label}
      placeholder={placeholder}
      leftSection={<IconSearch size={16} aria-hidden="true" />}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value)
        commit(event.currentTarget.value.trim())
      }}
    />
  )
}
