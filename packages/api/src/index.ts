export { type ApiContext, type ApiDeps, createApiContext, readCookie } from './context'
export { type AppRouter, appRouter } from './router'
export { createCallerFactory, DATABASE_UNAVAILABLE, type ProcedureMeta } from './trpc'
