import { z } from 'zod';

/*
 * The dashboard's environment, in one validated place. Read at call time, not at import: the
 * server renders per request (a restarted dashboard picks up a new API_PORT) and tests stub values.
 * Empty counts as unset (compose passes `${VAR:-}`).
 */

const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);
const ZBaseUrl = z.preprocess(
  unsetIfEmpty,
  z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    // The client appends /api/…: one trailing slash too many would double it.
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
);

/** Inlined into the browser bundle at build time (Next replaces `process.env.NEXT_PUBLIC_*` literally). */
const ZPublicEnv = z.object({
  /** The API's URL, fixed at build time; wins over everything else. */
  NEXT_PUBLIC_API_URL: ZBaseUrl,
});

/** Read by the dashboard's server only (app/layout.tsx renders them into the page). */
const ZServerEnv = z.object({
  /** The API's URL as browsers reach it, when it is not on the dashboard's host. */
  API_PUBLIC_URL: ZBaseUrl,
  /** The API's port on the dashboard's host otherwise. */
  API_PORT: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(0).max(65535).default(4000)),
});

export type TPublicEnv = z.infer<typeof ZPublicEnv>;
export type TServerEnv = z.infer<typeof ZServerEnv>;

function parseEnv<T>(schema: z.ZodType<T>, values: Record<string, string | undefined>): T {
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`Invalid dashboard environment: ${problems.join('; ')}`);
}

export function publicEnv(): TPublicEnv {
  // Spelled out literally: that is what Next inlines into the browser bundle.
  return parseEnv(ZPublicEnv, { NEXT_PUBLIC_API_URL: process.env.NEXT_PUBLIC_API_URL });
}

export function serverEnv(): TServerEnv {
  return parseEnv(ZServerEnv, { API_PUBLIC_URL: process.env.API_PUBLIC_URL, API_PORT: process.env.API_PORT });
}
