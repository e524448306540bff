import { describe, expect, it } from 'vitest'
import { groupQuotaBytes, maxUploadBytes } from './limits'

describe('limits', () => {
  it('reads MAX_UPLOAD_MB and GROUP_QUOTA_MB, falling back to the defaults for nonsense', () => {
    const base = { publicUrl: 'http://localhost', demoMode: false, groupInviteTtlMs: 1, handshakeTtlMs: 1 }
    expect(maxUploadBytes(base)).toBe(25 * 1024 * 1024)
    expect(maxUploadBytes({ ...base, maxUploadMb: 2 })).toBe(2 * 1024 * 1024)
    expect(maxUploadBytes({ ...base, maxUploadMb: Number.NaN })).toBe(25 * 1024 * 1024)
    expect(groupQuotaBytes({ ...base, groupQuotaMb: -5 })).toBe(1024 * 1024 * 1024)
  })
})
