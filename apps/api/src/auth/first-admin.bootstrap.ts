import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { PeriodicJob } from '../common/periodic.job';
import { ENV, type TEnv } from '../env';
import { hashPassword } from './password.hasher';
import { UserRepository } from './user.repository';

/**
 * A fresh installation gets one admin: from ADMIN_EMAIL / ADMIN_PASSWORD when set, otherwise
 * with a generated password printed once, here, at the first start. Does nothing once any user
 * exists. Retries in the background while the database is not reachable yet.
 */
@Injectable()
export class FirstAdminBootstrap extends PeriodicJob {
  constructor(
    private readonly users: UserRepository,
    @Inject(ENV) private readonly env: TEnv,
  ) {
    super('checking for the first admin', new Logger('Accounts'), 2000);
  }

  /** Until it has run once against a reachable database. */
  protected async round(): Promise<'done'> {
    await this.ensure();
    return 'done';
  }

  async ensure(): Promise<void> {
    if ((await this.users.count()) > 0) return;
    const email = this.env.ADMIN_EMAIL;
    const generated = this.env.ADMIN_PASSWORD === undefined;
    const password = this.env.ADMIN_PASSWORD ?? randomBytes(12).toString('base64url');
    const created = await this.users.create(email, await hashPassword(password), 'admin');
    if (!created) return; // another API process created it first
    if (generated) {
      // The one time this password exists in the clear. Shown so the first person can sign in.
      this.logger.warn(
        `created the first admin: ${email}  password: ${password}  (shown once; change it under Settings, or set ADMIN_EMAIL/ADMIN_PASSWORD before the first start)`,
      );
    } else {
      this.logger.log(`created the first admin ${email} from ADMIN_EMAIL / ADMIN_PASSWORD`);
    }
  }
}
