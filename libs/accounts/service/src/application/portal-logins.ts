// Portal logins live in the gateway's credentials store (CredentialsService); the accounts events
// only name them. A login is created after its account's events committed: the account is the
// truth, and a login that failed to appear can be re-issued (password reset endpoints).
// Passwords generated here (customers') are stored with the gateway's cheap salted hash; chosen
// ones (agents') and every later password change get full-cost scrypt.
import { RejectedCommand } from '@billing/decider';
import { CredentialsService, MAX_LOGINS_PER_CALL, normalizeUsername, UsernamesTaken, type LoginRole } from '@billing/gateway';
import { Inject, Injectable } from '@nestjs/common';

export interface PortalLogin {
  username: string;
  password: string;
  role: Extract<LoginRole, 'agent' | 'customer'>;
  subjectId: string;
}

@Injectable()
export class PortalLogins {
  constructor(@Inject(CredentialsService) private readonly credentials: CredentialsService) {}

  /**
   * 409 when the name is another subject's login. Usernames of agents and customers are unique
   * in the accounts read model; this catches the other holders (the ITC admin logins).
   */
  async assertAvailable(username: string, role: PortalLogin['role'], subjectId: string): Promise<void> {
    const existing = await this.credentials.findLogin(username);
    if (existing !== undefined && !(existing.role === role && existing.subjectId === subjectId)) throw usernameTaken(username);
  }

  /** 422 weak_password with the reason, for a chosen password (the gateway's one rule). */
  assertAcceptablePassword(password: string): void {
    this.credentials.assertAcceptablePassword(password);
  }

  /**
   * Creates the login of a chosen password (full-cost hash); an existing login of the same subject
   * counts as done (a retried request).
   */
  async create(login: PortalLogin): Promise<void> {
    try {
      await this.credentials.createLogin(login);
    } catch (error) {
      if (!(error instanceof RejectedCommand && error.code === 'username_taken')) throw error;
      const existing = await this.credentials.findLogin(login.username);
      if (existing?.role !== login.role || existing.subjectId !== login.subjectId) throw usernameTaken(login.username);
    }
  }

  /**
   * Logins whose passwords this service generated (≈140 bits, generatePortalPassword): one
   * transaction and one INSERT per MAX_LOGINS_PER_CALL (a whole batch), cheap salted hashes — a
   * batch of 1000 takes milliseconds instead of minutes of scrypt. Existing logins of the same
   * subject count as done (a retried request); a name held by anyone else is a 409 and, as the
   * gateway creates all or none, leaves that chunk's logins uncreated (the reset endpoints make them).
   */
  async createGenerated(logins: readonly PortalLogin[]): Promise<void> {
    for (let start = 0; start < logins.length; start += MAX_LOGINS_PER_CALL) {
      const chunk = logins.slice(start, start + MAX_LOGINS_PER_CALL);
      try {
        await this.credentials.createLogins(chunk, { generated: true });
      } catch (error) {
        if (!(error instanceof UsernamesTaken)) throw error;
        const taken = new Set(error.usernames);
        for (const login of chunk.filter((l) => taken.has(normalizeUsername(l.username)))) {
          const existing = await this.credentials.findLogin(login.username);
          if (existing?.role !== login.role || existing.subjectId !== login.subjectId) throw usernameTaken(login.username);
        }
        try {
          await this.credentials.createLogins(chunk.filter((l) => !taken.has(normalizeUsername(l.username))), { generated: true });
        } catch (retryError) {
          // taken in between by someone else
          if (retryError instanceof UsernamesTaken) throw usernameTaken(retryError.usernames[0]!);
          throw retryError;
        }
      }
    }
  }

  /** A new password for an existing login, or the login if it never got created. */
  async reset(login: PortalLogin): Promise<void> {
    const existing = await this.credentials.findLogin(login.username);
    if (existing === undefined) return this.create(login);
    if (existing.role !== login.role || existing.subjectId !== login.subjectId) throw usernameTaken(login.username);
    await this.credentials.changePassword(login.username, login.password);
  }

  /** Closed accounts cannot log in any more (their tokens stop working too). */
  async disable(username: string): Promise<void> {
    if ((await this.credentials.findLogin(username)) !== undefined) await this.credentials.disable(username);
  }
}

export function usernameTaken(username: string): RejectedCommand {
  return new RejectedCommand(`username "${username}" is already taken`, 'username_taken', 409);
}
