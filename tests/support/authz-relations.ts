/**
 * The relations the matrix's cases have to the callers' own group, alpha, and the shape (owner,
 * partner groups, visibility) an item of each relation has in the authorization world.
 */
import type { GroupName } from './authz-people'

/** The relations of the item (or group) a case acts on to the callers' own group, alpha. */
export const ITEM_RELATIONS = ['own', 'partner', 'unrelated', 'public'] as const
export const GROUP_RELATIONS = ['own', 'partner', 'unrelated'] as const
/** For procedures about the caller's own account or about nothing in particular. */
export const SELF = ['self'] as const
export type Relation = (typeof ITEM_RELATIONS)[number] | 'self'
export type GroupRelation = (typeof GROUP_RELATIONS)[number]

/** The shape of the item for each relation: owner, partner groups, visibility. */
export const ITEM_SHAPES: Record<
  (typeof ITEM_RELATIONS)[number],
  { owner: GroupName; partners: GroupName[]; visibility: 'participants' | 'public' }
> = {
  own: { owner: 'alpha', partners: ['beta'], visibility: 'participants' },
  partner: { owner: 'beta', partners: ['alpha'], visibility: 'participants' },
  unrelated: { owner: 'delta', partners: ['epsilon'], visibility: 'participants' },
  public: { owner: 'delta', partners: ['epsilon'], visibility: 'public' },
}

export const GROUP_OF: Record<GroupRelation, GroupName> = {
  own: 'alpha',
  partner: 'beta',
  unrelated: 'delta',
}
