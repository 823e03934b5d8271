// Portal logins live in the gateway's credentials store (CredentialsService); the accounts events
// only name them. A login is created after its account's events committed: the account is the
// truth, and a login that failed to appear can be re-issued (password reset endpoints).
import { RejectedCommand } from '@billing/decider';
import { CredentialsService, type LoginRole } from '@billing/gateway';
import { Inject, Injectable } from '@nestjs/common';
import { ACCOUNTS_OPTIONS, type ResolvedAccountsOptions } from '../accounts.options.js';

export interface PortalLogin {
  username: string;
  password: string;
  role: Extract<LoginRole, 'agent' | 'customer'>;
  subjectId: string;
}

@Injectable()
export class PortalLogins {
  constructor(
    @Inject(CredentialsService) private readonly credentials: CredentialsService,
    @Inject(ACCOUNTS_OPTIONS) private readonly options: ResolvedAccountsOptions,
  ) {}

  /**
   * 409 when the name is another subject's login. Usernames of agents and customers are unique
   * in the accounts read model; this catches the other holders (the ITC admin logins).
   */
  async assertAvailable(username: string, role: PortalLogin['role'], subjectId: string): Promise<void> {
    const existing = await this.credentials.findLogin(username);
    if (existing !== undefined && !(existing.role === role && existing.subjectId === subjectId)) throw usernameTaken(username);
  }

  /** Creates the login; an existing login of the same subject counts as done (a retried request). */
  async create(login: PortalLogin): Promise<void> {
    try {
      await this.credentials.createLogin(login);
    } catch (error) {
      if (!(error instanceof RejectedCommand && error.code === 'username-taken')) throw error;
      const existing = await this.credentials.findLogin(login.username);
      if (existing?.role !== login.role || existing.subjectId !== login.subjectId) throw usernameTaken(login.username);
    }
  }

  /** Many logins, a few at a time: each costs a scrypt hash (CPU, on libuv's thread pool). */
  async createMany(logins: readonly PortalLogin[]): Promise<void> {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < logins.length) {
        const login = logins[next++]!;
        await this.create(login);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.loginConcurrency, logins.length) }, worker));
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
