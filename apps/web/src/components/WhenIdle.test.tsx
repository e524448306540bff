import { cleanup, render, screen } from '@solidjs/testing-library'
import { afterEach, describe, expect, it } from 'vitest'
import { WhenIdle } from './WhenIdle'

describe('WhenIdle', () => {
  afterEach(() => cleanup())

  it('leaves its children out of the first render and mounts them once the browser is idle', async () => {
    render(() => (
      <>
        <p>The text</p>
        <WhenIdle>
          <p>The discussion</p>
        </WhenIdle>
      </>
    ))
    expect(screen.getByText('The text')).toBeTruthy()
    expect(screen.queryByText('The discussion')).toBeNull()
    expect(await screen.findByText('The discussion')).toBeTruthy()
  })
})
