export { type ApiContext, type ApiDeps, createApiContext, readCookie } from './context'
export { type AppRouter, appRouter, productionRouter, routerFor } from './router'
export { createCallerFactory, DATABASE_UNAVAILABLE, type ProcedureMeta } from './trpc'
