/**
 * Where to go after signing in. Only paths inside this app are accepted: an absolute or
 * protocol-relative URL in `?redirect=` would make the sign-in page an open redirect (phishing).
 */
export function safeRedirectTarget(target: string | undefined): string {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return '/'
  if (target.startsWith('/login')) return '/'
  return target
}
