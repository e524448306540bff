import { auditRouter } from './routers/audit'
import { authRouter } from './routers/auth'
import { commentsRouter } from './routers/comments'
import { devRouter } from './routers/dev'
import { documentsRouter } from './routers/documents'
import { invitationsRouter } from './routers/invitations'
import { meRouter } from './routers/me'
import { meetingsRouter } from './routers/meetings'
import { membershipsRouter } from './routers/memberships'
import { notificationsRouter } from './routers/notifications'
import { privacyRouter } from './routers/privacy'
import { publicationRouter } from './routers/publication'
import { registerRouter } from './routers/register'
import { topicsRouter } from './routers/topics'
import { router } from './trpc'

export const appRouter = router({
  auth: authRouter,
  me: meRouter,
  register: registerRouter,
  memberships: membershipsRouter,
  topics: topicsRouter,
  meetings: meetingsRouter,
  invitations: invitationsRouter,
  comments: commentsRouter,
  documents: documentsRouter,
  publication: publicationRouter,
  notifications: notificationsRouter,
  privacy: privacyRouter,
  audit: auditRouter,
  dev: devRouter,
})

export type AppRouter = typeof appRouter
