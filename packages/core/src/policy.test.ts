import { describe, expect, it } from 'vitest'
import { ACTIONS, type Action, bestRole, can, canManageMember, groupRights, ROLES } from './policy'

/**
 * docs/architecture.md §3's table, written out again by hand so that a change to the policy module has to be
 * made twice, knowingly. Columns: chair, officer, secretariat, member, observer, public.
 */
const EXPECTED: Record<Action, [boolean, boolean, boolean, boolean, boolean, boolean]> = {
  'item.read': [true, true, true, true, true, true],
  'item.comment': [true, true, true, true, false, false],
  'item.create': [true, true, true, false, false, false],
  'item.edit': [true, true, true, false, false, false],
  'item.invite': [true, true, false, false, false, false],
  'comment.moderate': [true, true, false, false, false, false],
  'group.viewRoster': [true, true, true, false, false, false],
  'group.manageMembers': [true, true, false, false, false, false],
  'group.editRegister': [true, true, true, false, false, false],
  'group.viewAudit': [true, true, false, false, false, false],
  'group.viewRuleChecks': [true, true, true, false, false, false],
  'people.merge': [false, false, false, false, false, false],
  'site.administer': [false, false, false, false, false, false],
}

describe('the role table', () => {
  it('lists every action', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort())
  })

  for (const action of ACTIONS) {
    ROLES.forEach((role, column) => {
      const allowed = EXPECTED[action][column]
      it(`${role} ${allowed ? 'may' : 'may not'} ${action} on a participant item`, () => {
        expect(can({ role, isSiteAdmin: false, isPublic: false }, action)).toBe(allowed)
      })
    })
    const publicAllowed = EXPECTED[action][5]
    it(`the public ${publicAllowed ? 'may' : 'may not'} ${action} on a public item`, () => {
      expect(can({ role: null, isSiteAdmin: false, isPublic: true }, action)).toBe(publicAllowed)
    })
    it(`nobody without a role may ${action} on a participants-only item`, () => {
      expect(can({ role: null, isSiteAdmin: false, isPublic: false }, action)).toBe(false)
    })
    it(`a site admin may ${action}`, () => {
      expect(can({ role: null, isSiteAdmin: true, isPublic: false }, action)).toBe(true)
    })
  }
})

describe('bestRole', () => {
  it('picks the highest role and null for none', () => {
    expect(bestRole(['member', 'officer', 'observer'])).toBe('officer')
    expect(bestRole(['secretariat', 'chair'])).toBe('chair')
    expect(bestRole([])).toBeNull()
  })
})

describe('managing members', () => {
  const chair = { role: 'chair' as const, isSiteAdmin: false }
  const officer = { role: 'officer' as const, isSiteAdmin: false }

  it('lets the chair do anything, including appointing a chair', () => {
    expect(canManageMember(chair, null, 'chair')).toBe(true)
    expect(canManageMember(chair, 'chair', 'member')).toBe(true)
    expect(canManageMember(chair, 'officer', null)).toBe(true)
  })

  it('lets an officer manage everyone but the chair', () => {
    expect(canManageMember(officer, null, 'officer')).toBe(true)
    expect(canManageMember(officer, 'member', 'secretariat')).toBe(true)
    expect(canManageMember(officer, 'officer', null)).toBe(true)
    expect(canManageMember(officer, null, 'chair')).toBe(false)
    expect(canManageMember(officer, 'member', 'chair')).toBe(false)
    expect(canManageMember(officer, 'chair', 'member')).toBe(false)
    expect(canManageMember(officer, 'chair', null)).toBe(false)
  })

  it('refuses the secretariat, members, observers and outsiders', () => {
    for (const role of ['secretariat', 'member', 'observer', null] as const) {
      expect(canManageMember({ role, isSiteAdmin: false }, null, 'member')).toBe(false)
      expect(canManageMember({ role, isSiteAdmin: false }, 'member', null)).toBe(false)
    }
  })

  it('lets a site admin manage any group', () => {
    expect(canManageMember({ role: null, isSiteAdmin: true }, 'chair', null)).toBe(true)
  })
})

describe('groupRights (the flags me.get sends for each group)', () => {
  it('answers from the table: the secretariat creates items and sees the roster, only officers invite', () => {
    expect(groupRights('secretariat', false)).toEqual({
      createItems: true,
      invite: false,
      viewRoster: true,
      manageMembers: false,
      editRegister: true,
      viewAudit: false,
      viewRuleChecks: true,
      viewHistory: true,
    })
    expect(groupRights('officer', false)).toMatchObject({
      invite: true,
      manageMembers: true,
      viewAudit: true,
    })
    // A member reads the group's Register history, and nothing more among these flags.
    expect(groupRights('member', false)).toEqual({
      createItems: false,
      invite: false,
      viewRoster: false,
      manageMembers: false,
      editRegister: false,
      viewAudit: false,
      viewRuleChecks: false,
      viewHistory: true,
    })
    expect(groupRights('observer', false).viewHistory).toBe(true)
  })

  it('gives a site admin every right in a group without a role, and nobody else any', () => {
    expect(Object.values(groupRights(null, true)).every(Boolean)).toBe(true)
    expect(Object.values(groupRights(null, false)).some(Boolean)).toBe(false)
  })
})
