/** Only same-app paths are accepted as a post-login destination (no open redirect, no loop back to /login). */
export function safeRedirect(target: unknown): string {
  return typeof target === 'string' &&
    target.startsWith('/') &&
    !target.startsWith('//') &&
    !target.startsWith('/login')
    ? target
    : '/';
}
