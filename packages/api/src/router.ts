import { authRouter } from './routers/auth'
import { devRouter } from './routers/dev'
import { meRouter } from './routers/me'
import { membershipsRouter } from './routers/memberships'
import { registerRouter } from './routers/register'
import { router } from './trpc'

export const appRouter = router({
  auth: authRouter,
  me: meRouter,
  register: registerRouter,
  memberships: membershipsRouter,
  dev: devRouter,
})

export type AppRouter = typeof appRouter
