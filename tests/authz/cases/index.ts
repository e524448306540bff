/**
 * Every router's authorization cases, keyed by procedure path. A procedure of `appRouter` missing
 * here fails the matrix ("procedure X has no declared authorization case").
 */
import type { RouterCases } from '../../support/authz-model'
import { authCases } from './auth'
import { commentsCases } from './comments'
import { documentsCases } from './documents'
import { filesCases } from './files'
import { invitationsCases } from './invitations'
import { membershipsCases } from './memberships'
import { auditCases, devCases, meCases, notificationsCases, registerCases } from './misc'
import { peopleCases } from './people'
import { privacyCases } from './privacy'
import { publicationCases } from './publication'
import { searchCases } from './search'
import { sessionsCases } from './sessions'
import { topicsCases } from './topics'

export const CASES: RouterCases = {
  ...authCases,
  ...meCases,
  ...registerCases,
  ...devCases,
  ...notificationsCases,
  ...auditCases,
  ...membershipsCases,
  ...topicsCases,
  ...invitationsCases,
  ...commentsCases,
  ...privacyCases,
  ...sessionsCases,
  ...documentsCases,
  ...searchCases,
  ...filesCases,
  ...publicationCases,
  ...peopleCases,
}
