import pg from 'pg';

/** DATABASE_URL and REDIS_URL when both are set: the multi-instance figures need them. */
export function clusterServices(): { databaseUrl: string; redisUrl: string } | null {
  const databaseUrl = process.env.DATABASE_URL?.trim();
  const redisUrl = process.env.REDIS_URL?.trim();
  return databaseUrl && redisUrl ? { databaseUrl, redisUrl } : null;
}

/** A new, empty database on the server of `adminUrl`; `drop` removes it again. */
export async function freshDatabase(
  adminUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `leskring_bench_${crypto.randomUUID().replaceAll('-', '')}`;
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
