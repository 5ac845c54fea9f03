/**
 * The identity module's web side: pages for the router, and the session hooks the app shell and
 * other modules use (who is signed in, signing out, switching language on the account).
 */
export { AcceptInvitationPage } from './accept-invitation-page'
export { ForgotPasswordPage } from './forgot-password-page'
export { HomePage } from './home-page'
export {
  identityKeys,
  sessionQueryOptions,
  useMe,
  useSignOut,
  useUnits,
  useUpdateMe,
  useUserList,
} from './identity.queries'
export { InvitationsPage } from './invitations-page'
export { LoginPage } from './login-page'
export { NetworkPage } from './network-page'
export { ProfilePage } from './profile-page'
export { ResetPasswordPage } from './reset-password-page'
export { UserDetailPage } from './user-detail-page'
export { UsersPage } from './users-page'
