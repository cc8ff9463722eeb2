import pg from 'pg';

/** DATABASE_URL and REDIS_URL when both are set: the multi-instance figures need them. */
export function clusterServices(): { databaseUrl: string; redisUrl: string } | null {
  const databaseUrl = process.env.DATABASE_URL?.trim();
  const redisUrl = process.env.REDIS_URL?.trim();
  return databaseUrl && redisUrl ? { databaseUrl, redisUrl } : null;
}

/**
 * A new, empty database on the server of `adminUrl`, named after `purpose`;
 * `drop` removes it again. Benchmarks and tests alike.
 */
export async function freshDatabase(
  adminUrl: string,
  purpose: 'bench' | 'test' = 'bench',
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `leskring_${purpose}_${crypto.randomUUID().replaceAll('-', '')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
