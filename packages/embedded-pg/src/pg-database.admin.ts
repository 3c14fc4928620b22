import pg from 'pg';

/**
 * CREATE DATABASE `name` unless it exists. `connectUrl` is any database on the same server the
 * user may connect to (CREATE DATABASE works from any of them).
 */
export async function ensureDatabase(connectUrl: string, name: string): Promise<void> {
  await withClient(connectUrl, async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return;
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`).catch((e: unknown) => {
      // 42P04 duplicate_database: another process created it meanwhile, which is fine.
      if ((e as { code?: unknown }).code !== '42P04') throw e;
    });
  });
}

/** DROP DATABASE … WITH (FORCE): also ends sessions a pool left open (PostgreSQL 13+). */
export async function dropDatabase(connectUrl: string, name: string): Promise<void> {
  await withClient(connectUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`));
}

async function withClient<T>(connectUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: connectUrl });
  // Errors reach the caller through the awaited queries; without a listener an 'error' event
  // from a dying connection would crash the process instead.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
