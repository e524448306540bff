export { appRouter, type AppRouter } from './router'
export { createApiContext, readCookie, type ApiContext, type ApiDeps } from './context'
export { createCallerFactory, type ProcedureMeta } from './trpc'
