import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { renderPage } from '../../../web/test-utils'
import { EU_DMA_SME_2024, validateDmaAnswers, getDmaRules } from '../assessments.reference'
import { DmaQuestionnaire, type DmaDraftAnswers } from './dma-questionnaire'

/** The form with its own state, exposing the latest answers to the test. */
function Harness({ initial = {}, seen }: { initial?: DmaDraftAnswers; seen: { answers: DmaDraftAnswers } }) {
  const [answers, setAnswers] = useState<DmaDraftAnswers>(initial)
  seen.answers = answers
  return (
    <DmaQuestionnaire
      instrument={EU_DMA_SME_2024}
      answers={answers}
      onChange={(next) => {
        seen.answers = next
        setAnswers(next)
      }}
    />
  )
}

async function questionCard(id: string): Promise<HTMLElement> {
  await screen.findAllByText('Q1')
  const card = document.querySelector(`[data-question="${id}"]`)
  if (!(card instanceof HTMLElement)) throw new Error(`no card for ${id}`)
  return card
}

describe('DmaQuestionnaire', { timeout: 20_000 }, () => {
  it('shows every SME question in Italian, says the translation is unofficial, and counts progress', async () => {
    renderPage(<Harness seen={{ answers: {} }} />)
    expect(await screen.findByText('Traduzione non ufficiale')).toBeInTheDocument()
    for (const question of EU_DMA_SME_2024.questions) expect(document.getElementById(`${question.id}-label`)).toHaveTextContent(question.text.it)
    expect(screen.getByText('Domande con almeno una risposta: 0 di 11')).toBeInTheDocument()
  })

  it('clears the other Q7 options when "data is not collected digitally" is picked, and clears it when another is picked', async () => {
    const seen = { answers: {} as DmaDraftAnswers }
    renderPage(<Harness seen={seen} />)
    const q7 = await questionCard('Q7')
    const option = (n: number) => within(q7).getByRole('checkbox', { name: EU_DMA_SME_2024.questions.find((q) => q.id === 'Q7')?.options[n - 1]?.it })

    await userEvent.click(option(3))
    await userEvent.click(option(5))
    expect(seen.answers.Q7).toEqual([3, 5])
    await userEvent.click(option(2))
    expect(seen.answers.Q7).toEqual([2])
    await userEvent.click(option(4))
    expect(seen.answers.Q7).toEqual([4])
    expect(screen.getByText('Domande con almeno una risposta: 1 di 11')).toBeInTheDocument()
  })

  it('answers a dual matrix, a 0-5 row and a tri-state row into answers the engine accepts', async () => {
    const seen = { answers: {} as DmaDraftAnswers }
    renderPage(<Harness seen={seen} />)
    const q1 = await questionCard('Q1')
    await userEvent.click(within(q1).getAllByRole('checkbox', { name: /Ha già investito/ })[5] as HTMLElement)
    await userEvent.click(within(q1).getAllByRole('checkbox', { name: /Prevede di investire/ })[0] as HTMLElement)
    expect(seen.answers.Q1).toEqual({ plan: [1], already: [6] })

    const q4 = await questionCard('Q4')
    await userEvent.click(within(q4).getAllByRole('radio', { name: '3' })[2] as HTMLElement)
    expect(seen.answers.Q4).toEqual([0, 0, 3, 0, 0, 0, 0])

    const q11 = await questionCard('Q11')
    await userEvent.click(within(q11).getAllByRole('radio', { name: 'Parzialmente' })[1] as HTMLElement)
    expect(seen.answers.Q11).toEqual(['no', 'partially', 'no', 'no', 'no'])

    expect(validateDmaAnswers(EU_DMA_SME_2024, getDmaRules(), seen.answers).ok).toBe(true)
  })

  it('shows the problems found under their question, in Italian', async () => {
    render()
    function render() {
      renderPage(
        <DmaQuestionnaire
          instrument={EU_DMA_SME_2024}
          answers={{ Q4: [9, 0, 0, 0, 0, 0, 0] }}
          onChange={() => undefined}
          issues={[{ code: 'valueOutOfRange', question: 'Q4', row: 1, value: '9', messageKey: 'assessments.validation.valueOutOfRange' }]}
        />,
      )
    }
    expect(await within(await questionCard('Q4')).findByRole('alert')).toHaveTextContent('Q4, riga 1: il valore 9 è fuori dalla scala da 0 a 5.')
  })
})
