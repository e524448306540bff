import { Route, Router } from '@solidjs/router'
import { Layout } from './components/Layout'
import { SessionProvider } from './lib/session'
import Dashboard from './pages/Dashboard'
import GroupPage from './pages/Group'
import Home from './pages/Home'
import Join from './pages/Join'
import Mailbox from './pages/Mailbox'
import Members from './pages/Members'
import NotFound from './pages/NotFound'
import Register from './pages/Register'
import SignIn from './pages/SignIn'
import SignUp from './pages/SignUp'

export function App() {
  return (
    <SessionProvider>
      <Router root={Layout}>
        <Route path="/" component={Home} />
        <Route path="/register" component={Register} />
        <Route path="/groups/:slug" component={GroupPage} />
        <Route path="/groups/:slug/members" component={Members} />
        <Route path="/sign-in" component={SignIn} />
        <Route path="/sign-up" component={SignUp} />
        <Route path="/join/:token" component={Join} />
        <Route path="/dashboard" component={Dashboard} />
        <Route path="/mailbox" component={Mailbox} />
        <Route path="*404" component={NotFound} />
      </Router>
    </SessionProvider>
  )
}
