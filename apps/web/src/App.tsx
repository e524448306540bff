import { Route, Router, type RouteSectionProps } from '@solidjs/router'
import { lazy } from 'solid-js'
import { Layout } from './components/Layout'
import { UnreadProvider } from './lib/notifications'
import { preloadRead } from './lib/preload'
import { SignInProvider } from './lib/sign-in'

// Every page is its own chunk (with its own CSS): the first visit downloads the shell and the page it opens.
const Account = lazy(() => import('./pages/Account'))
const Admin = lazy(() => import('./pages/Admin'))
const AdminAudit = lazy(() => import('./pages/AdminAudit'))
const AdminGroupHistory = lazy(() => import('./pages/AdminGroupHistory'))
const AdminGroupsWithoutOfficers = lazy(() => import('./pages/AdminGroupsWithoutOfficers'))
const AdminPeople = lazy(() => import('./pages/AdminPeople'))
const AdminRules = lazy(() => import('./pages/AdminRules'))
const Dashboard = lazy(() => import('./pages/Dashboard'))
const DocumentPage = lazy(() => import('./pages/Document'))
const DocumentNew = lazy(() => import('./pages/DocumentNew'))
const DocumentPrint = lazy(() => import('./pages/DocumentPrint'))
const GroupPage = lazy(() => import('./pages/Group'))
const GroupAudit = lazy(() => import('./pages/GroupAudit'))
const GroupSessions = lazy(() => import('./pages/GroupSessions'))
const Home = lazy(() => import('./pages/Home'))
const Invitations = lazy(() => import('./pages/Invitations'))
const Join = lazy(() => import('./pages/Join'))
const JointWork = lazy(() => import('./pages/JointWork'))
const Mailbox = lazy(() => import('./pages/Mailbox'))
const Members = lazy(() => import('./pages/Members'))
const NotFound = lazy(() => import('./pages/NotFound'))
const Notifications = lazy(() => import('./pages/Notifications'))
const Privacy = lazy(() => import('./pages/Privacy'))
const Register = lazy(() => import('./pages/Register'))
const ResetPassword = lazy(() => import('./pages/ResetPassword'))
const Search = lazy(() => import('./pages/Search'))
const SessionPage = lazy(() => import('./pages/Session'))
const SessionConfirm = lazy(() => import('./pages/SessionConfirm'))
const SessionNew = lazy(() => import('./pages/SessionNew'))
const SignIn = lazy(() => import('./pages/SignIn'))
const SignUp = lazy(() => import('./pages/SignUp'))
const TopicPage = lazy(() => import('./pages/Topic'))
const TopicNew = lazy(() => import('./pages/TopicNew'))

/** Inside the router: who is signed in and the unread count are router reads like every other. */
function Root(props: RouteSectionProps) {
  return (
    <SignInProvider>
      <UnreadProvider>
        <Layout {...props} />
      </UnreadProvider>
    </SignInProvider>
  )
}

export function App() {
  return (
    <Router root={Root}>
      <Route path="/" component={Home} />
      <Route path="/register" component={Register} />
      <Route path="/search" component={Search} />
      <Route path="/groups/:slug" component={GroupPage} preload={preloadRead('group', 'slug')} />
      <Route path="/groups/:slug/members" component={Members} />
      <Route path="/groups/:slug/audit" component={GroupAudit} />
      <Route path="/groups/:slug/invitations" component={Invitations} />
      <Route path="/groups/:slug/topics/new" component={TopicNew} />
      <Route path="/topics/:id" component={TopicPage} preload={preloadRead('topic', 'id')} />
      <Route path="/documents/:id" component={DocumentPage} preload={preloadRead('document', 'id')} />
      <Route path="/documents/:id/print" component={DocumentPrint} preload={preloadRead('document', 'id')} />
      <Route path="/groups/:slug/documents/new" component={DocumentNew} />
      <Route path="/groups/:slug/sessions" component={GroupSessions} />
      <Route path="/groups/:slug/sessions/new" component={SessionNew} />
      <Route path="/sessions/confirm/:token" component={SessionConfirm} />
      <Route path="/sessions/:id" component={SessionPage} preload={preloadRead('session', 'id')} />
      <Route path="/notifications" component={Notifications} />
      <Route path="/sign-in" component={SignIn} />
      <Route path="/sign-up" component={SignUp} />
      <Route path="/reset-password" component={ResetPassword} />
      <Route path="/reset-password/:token" component={ResetPassword} />
      <Route path="/join/:token" component={Join} />
      <Route path="/dashboard" component={Dashboard} />
      <Route path="/joint-work" component={JointWork} />
      <Route path="/account" component={Account} />
      <Route path="/privacy" component={Privacy} />
      <Route path="/admin" component={Admin} />
      <Route path="/admin/audit" component={AdminAudit} />
      <Route path="/admin/group-history" component={AdminGroupHistory} />
      <Route path="/admin/groups-without-officers" component={AdminGroupsWithoutOfficers} />
      <Route path="/admin/people" component={AdminPeople} />
      <Route path="/admin/rules" component={AdminRules} />
      <Route path="/mailbox" component={Mailbox} />
      <Route path="*404" component={NotFound} />
    </Router>
  )
}
