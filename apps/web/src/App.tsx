import { Route, Router } from '@solidjs/router'
import { Layout } from './components/Layout'
import { UnreadProvider } from './lib/notifications'
import { SessionProvider } from './lib/session'
import Account from './pages/Account'
import AdminGroupsWithoutOfficers from './pages/AdminGroupsWithoutOfficers'
import AdminPeople from './pages/AdminPeople'
import Dashboard from './pages/Dashboard'
import DocumentPage from './pages/Document'
import DocumentNew from './pages/DocumentNew'
import DocumentPrint from './pages/DocumentPrint'
import GroupPage from './pages/Group'
import GroupSessions from './pages/GroupSessions'
import Home from './pages/Home'
import Invitations from './pages/Invitations'
import Join from './pages/Join'
import JointWork from './pages/JointWork'
import Mailbox from './pages/Mailbox'
import Members from './pages/Members'
import NotFound from './pages/NotFound'
import Notifications from './pages/Notifications'
import Privacy from './pages/Privacy'
import Register from './pages/Register'
import ResetPassword from './pages/ResetPassword'
import Search from './pages/Search'
import SessionPage from './pages/Session'
import SessionConfirm from './pages/SessionConfirm'
import SessionNew from './pages/SessionNew'
import SignIn from './pages/SignIn'
import SignUp from './pages/SignUp'
import TopicPage from './pages/Topic'
import TopicNew from './pages/TopicNew'

export function App() {
  return (
    <SessionProvider>
      <UnreadProvider>
        <Router root={Layout}>
          <Route path="/" component={Home} />
          <Route path="/register" component={Register} />
          <Route path="/search" component={Search} />
          <Route path="/groups/:slug" component={GroupPage} />
          <Route path="/groups/:slug/members" component={Members} />
          <Route path="/groups/:slug/invitations" component={Invitations} />
          <Route path="/groups/:slug/topics/new" component={TopicNew} />
          <Route path="/topics/:id" component={TopicPage} />
          <Route path="/documents/:id" component={DocumentPage} />
          <Route path="/documents/:id/print" component={DocumentPrint} />
          <Route path="/groups/:slug/documents/new" component={DocumentNew} />
          <Route path="/groups/:slug/sessions" component={GroupSessions} />
          <Route path="/groups/:slug/sessions/new" component={SessionNew} />
          <Route path="/sessions/confirm/:token" component={SessionConfirm} />
          <Route path="/sessions/:id" component={SessionPage} />
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
          <Route path="/admin/groups-without-officers" component={AdminGroupsWithoutOfficers} />
          <Route path="/admin/people" component={AdminPeople} />
          <Route path="/mailbox" component={Mailbox} />
          <Route path="*404" component={NotFound} />
        </Router>
      </UnreadProvider>
    </SessionProvider>
  )
}
