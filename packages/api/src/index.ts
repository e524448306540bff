export { type ApiContext, type ApiDeps, createApiContext, readCookie } from './context'
export { type AppRouter, appRouter } from './router'
export { createCallerFactory, type ProcedureMeta } from './trpc'
