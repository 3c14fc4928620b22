import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { PeriodicJob } from '../common/periodic.job';
import { ENV, type TEnv } from '../env';
import { hashPassword } from './password.hasher';
import { UserRepository } from './user.repository';

/**
 * A fresh installation gets one admin: from ADMIN_EMAIL / ADMIN_PASSWORD when set, otherwise
 * with a generated password printed once, here, at the first start. Does nothing once any user
 * exists. The first attempt is awaited during bootstrap, so the API listens (and `npm start`
 * says "ready") only once that admin can sign in; while the database is not reachable the API
 * starts anyway and the attempt is retried in the background.
 */
@Injectable()
export class FirstAdminBootstrap extends PeriodicJob {
  constructor(
    private readonly users: UserRepository,
    @Inject(ENV) private readonly env: TEnv,
  ) {
    super('checking for the first admin', new Logger('Accounts'), 2000);
  }

  /** How long bootstrap waits for the first attempt before leaving it to the background. */
  static readonly FIRST_ATTEMPT_MS = 10_000;

  override async onApplicationBootstrap(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<'later'>((resolve) => {
      timer = setTimeout(() => resolve('later'), FirstAdminBootstrap.FIRST_ATTEMPT_MS);
    });
    const first = this.ensure().then(
      () => 'done' as const,
      () => 'later' as const, // the periodic rounds log what is not a database outage
    );
    const outcome = await Promise.race([first, gaveUp]);
    clearTimeout(timer);
    if (outcome === 'later') super.onApplicationBootstrap();
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
