import { defineConfig } from 'vitest/config';

/**
 * The attack tests of the server (issue 10), run a second time against the
 * multi-instance configuration: every test server an instance on a fresh
 * PostgreSQL database with Redis. Only when DATABASE_URL and REDIS_URL name
 * real servers (`.ci/run` starts both); test/integration/cluster.test.ts says
 * when they are skipped.
 */
const DISTRIBUTED_ATTACKS = [
  'test/integration/api.test.ts',
  'test/integration/invites.test.ts',
  'test/integration/photos.test.ts',
  'test/integration/updateValidation.test.ts',
  'test/integration/rateLimits.test.ts',
  'test/integration/sync.test.ts',
  'test/integration/syncAuth.test.ts',
  'test/integration/syncInput.test.ts',
  'test/integration/syncLimits.test.ts',
  'test/integration/coachingAccess.test.ts',
  'test/integration/updateFuzz.test.ts',
];
const SCREEN_AUDIT = 'test/e2e/screenAudit.test.ts';
const distributed = Boolean(process.env.DATABASE_URL?.trim() && process.env.REDIS_URL?.trim());

// Three levels (see README); `npm test` (test/run.ts) runs e2e beside the others, in two processes.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/unit/setup.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      ...(distributed
        ? [
            {
              test: {
                name: 'distributed',
                include: DISTRIBUTED_ATTACKS,
                environment: 'node',
                testTimeout: 30_000,
                hookTimeout: 30_000,
                // The full fuzz runs in the integration project; here it checks the same on PostgreSQL.
                env: { LESKRING_TEST_DISTRIBUTED: '1', FUZZ_ROUNDS: '400' },
              },
            },
          ]
        : []),
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          exclude: [SCREEN_AUDIT],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // The screen audit is the longest browser file by far; test/run.ts runs it in the other
        // process, after unit and integration, so the two processes end at about the same time.
        test: {
          name: 'e2e-audit',
          include: [SCREEN_AUDIT],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
