export { readCookie, readCsrfCookie, CSRF_COOKIE, SECURE_CSRF_COOKIE, CSRF_HEADER } from './cookies.js';
export { ProblemError, networkProblem, orThrow } from './problem-error.js';
export { SessionStore, type PortalRole, type SessionUser, type SessionStoreOptions } from './session-store.js';
export { SessionProvider, useSession, useSessionStore, useSessionUser, type Session } from './session-context.js';
