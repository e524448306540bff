/**
 * The client's pages, as App.tsx routes them. The server reads this list to answer an unknown page
 * with 404 (and the not-found page) rather than 200; apps/server/src/client-routes.test.ts checks
 * that it matches App.tsx. `demoOnly` pages exist in demo mode only.
 */
export const CLIENT_ROUTES: readonly { path: string; demoOnly?: true }[] = [
  { path: '/' },
  { path: '/register' },
  { path: '/search' },
  { path: '/groups/:slug' },
  { path: '/groups/:slug/members' },
  { path: '/groups/:slug/audit' },
  { path: '/groups/:slug/invitations' },
  { path: '/groups/:slug/topics/new' },
  { path: '/topics/:id' },
  { path: '/documents/:id' },
  { path: '/documents/:id/print' },
  { path: '/groups/:slug/documents/new' },
  { path: '/groups/:slug/sessions' },
  { path: '/groups/:slug/sessions/new' },
  { path: '/sessions/confirm/:token' },
  { path: '/sessions/:id' },
  { path: '/notifications' },
  { path: '/sign-in' },
  { path: '/sign-up' },
  { path: '/reset-password' },
  { path: '/reset-password/:token' },
  { path: '/join/:token' },
  { path: '/dashboard' },
  { path: '/joint-work' },
  { path: '/account' },
  { path: '/privacy' },
  { path: '/admin' },
  { path: '/admin/audit' },
  { path: '/admin/group-history' },
  { path: '/admin/groups-without-officers' },
  { path: '/admin/people' },
  { path: '/mailbox', demoOnly: true },
]
