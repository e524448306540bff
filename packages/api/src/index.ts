export {
  type ApiContext,
  type ApiDeps,
  createApiContext,
  type RequestAuth,
  type RequestFacts,
} from './context'
export { type AppRouter, appRouter, productionRouter, routerFor } from './router'
export { createCallerFactory, DATABASE_UNAVAILABLE, type ProcedureMeta } from './trpc'
