import { auditRouter } from './routers/audit'
import { authRouter } from './routers/auth'
import { commentsRouter } from './routers/comments'
import { devRouter } from './routers/dev'
import { documentsRouter } from './routers/documents'
import { filesRouter } from './routers/files'
import { invitationsRouter } from './routers/invitations'
import { meRouter } from './routers/me'
import { membershipsRouter } from './routers/memberships'
import { notificationsRouter } from './routers/notifications'
import { peopleRouter } from './routers/people'
import { privacyRouter } from './routers/privacy'
import { publicationRouter } from './routers/publication'
import { registerRouter } from './routers/register'
import { searchRouter } from './routers/search'
import { sessionsRouter } from './routers/sessions'
import { topicsRouter } from './routers/topics'
import { router } from './trpc'

const procedures = {
  auth: authRouter,
  me: meRouter,
  register: registerRouter,
  memberships: membershipsRouter,
  topics: topicsRouter,
  sessions: sessionsRouter,
  invitations: invitationsRouter,
  comments: commentsRouter,
  documents: documentsRouter,
  files: filesRouter,
  publication: publicationRouter,
  notifications: notificationsRouter,
  privacy: privacyRouter,
  audit: auditRouter,
  search: searchRouter,
  people: peopleRouter,
}

/** Every procedure, the demo's `dev.*` included: what the hub serves in demo mode. */
export const appRouter = router({ ...procedures, dev: devRouter })

/** Outside demo mode the `dev.*` procedures are not refused but absent: they answer 404 like any unknown path. */
export const productionRouter = router(procedures)

/** The router for a configuration: `dev.*` only in demo mode. */
export function routerFor(config: { demoMode: boolean }) {
  return config.demoMode ? appRouter : productionRouter
}

export type AppRouter = typeof appRouter
