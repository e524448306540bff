/**
 * Facts about people of the Register that the parliamentary ids and the title rules do not settle,
 * each with the reason it is believed. The import applies them (`import/people.ts`) and records
 * every merge they cause (`person_alias`, source `repository`); `hub people-report` lists them.
 *
 * Each fact: the name (as the Register or a membership list writes it) is the person known by
 * `is`, another name or `mnis:<id>`. A wrong merge is split by a site administrator, whose
 * split keeps the name apart from then on (`person_alias`, source `admin`).
 *
 * Names are compared as `normaliseName` makes them (case, honorifics and spacing do not matter).
 */
export interface SameFact {
  name: string
  is: string
  reason: string
}

const GIVEN_NAME = 'the membership list puts the given name into the title'
const SUFFIXED = 'the membership list adds a role, party or honours to the title'

export const SAME: SameFact[] = [
  // Given names inside a title: the short title is unique in the Register, the given name is the peer's.
  { name: 'Baroness Ilora Finlay', is: 'Baroness Finlay of Llandaff', reason: `Ilora Finlay; ${GIVEN_NAME}` },
  {
    name: 'Baroness Ilora Finlay of Llandaff',
    is: 'Baroness Finlay of Llandaff',
    reason: `Ilora Finlay; ${GIVEN_NAME}`,
  },
  { name: 'Lord John Randall', is: 'Lord Randall of Uxbridge', reason: `John Randall; ${GIVEN_NAME}` },
  {
    name: 'Lord John Randall of Uxbridge',
    is: 'Lord Randall of Uxbridge',
    reason: `John Randall; ${GIVEN_NAME}`,
  },
  { name: 'Lord Steve Bassam', is: 'Lord Bassam of Brighton', reason: `Steve Bassam; ${GIVEN_NAME}` },
  {
    name: 'Lord Steve Bassam of Brighton',
    is: 'Lord Bassam of Brighton',
    reason: `Steve Bassam; ${GIVEN_NAME}`,
  },
  { name: 'Baroness Ruth Lister', is: 'Baroness Lister of Burtersett', reason: `Ruth Lister; ${GIVEN_NAME}` },
  {
    name: 'Baroness Ruth Lister of Burtersett',
    is: 'Baroness Lister of Burtersett',
    reason: `Ruth Lister; ${GIVEN_NAME}`,
  },
  {
    name: 'Baroness Ruth Lister of Burtesset',
    is: 'Baroness Lister of Burtersett',
    reason: `Ruth Lister; ${GIVEN_NAME}, and misspells Burtersett`,
  },
  // Misspelt or shortened places: one peer holds a title of that name and place.
  { name: 'Lord Davies of the Gower', is: 'Lord Davies of Gower', reason: 'the title is "of Gower"' },
  {
    name: 'Lord Hunt of King’s Heath',
    is: 'Lord Hunt of Kings Heath',
    reason: 'the title is spelt "Kings Heath"',
  },
  { name: 'Lord Young of Norwood', is: 'Lord Young of Norwood Green', reason: 'the place is Norwood Green' },
  // Roles, parties and honours written into the name.
  { name: 'Lord Hunt of Wirral Hunt', is: 'Lord Hunt of Wirral', reason: SUFFIXED },
  { name: 'Lord Hunt of Wirral M.B.E', is: 'Lord Hunt of Wirral', reason: SUFFIXED },
  { name: 'Lord Taylor of Holbeach (Vice-Chair) Con', is: 'Lord Taylor of Holbeach', reason: SUFFIXED },
  { name: 'Lord Davies Of Brixton OFFICER', is: 'Lord Davies of Brixton', reason: SUFFIXED },
  { name: 'The Baroness Foster of Oxton DBE Peer', is: 'Baroness Foster of Oxton', reason: SUFFIXED },
  {
    name: 'The Baroness Foster of Aghadrumsee D.B.E. P.C',
    is: 'Baroness Foster of Aghadrumsee',
    reason: SUFFIXED,
  },
]
