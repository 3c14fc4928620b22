import type { z } from 'zod';
import type { TFieldErrors } from './error.schema';

const joinPath = (path: readonly PropertyKey[]): string => path.map(String).join('.') || '(root)';

/**
 * Flattens zod issues into `{path, message}` pairs the form and the API both show. A strict
 * object reports all its unknown keys in one issue at the object's path; each key becomes its
 * own detail, on the key's path, so a client can place it like any other field error.
 */
export function toFieldErrors(error: z.ZodError): TFieldErrors {
  const all = error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: joinPath([...issue.path, key]), message: `unknown field "${key}"`, specific: true }))
      : [{ path: joinPath(issue.path), message: issue.message, specific: issue.code === 'custom' }],
  );
  // One message per field: a schema-wide check knows more than a field's generic bound (CIFAR's
  // "trainSubset must be at most 50000 (cifar10 has …)" beats the shared "at most 60000", which
  // contradicted it), so a custom issue wins; otherwise the first one.
  const byPath = new Map<string, { path: string; message: string; specific: boolean }>();
  for (const e of all) {
    const seen = byPath.get(e.path);
    if (!seen || (e.specific && !seen.specific)) byPath.set(e.path, e);
  }
  return [...byPath.values()].map(({ path, message }) => ({ path, message }));
}

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  int: 'an integer',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
};

const bound = (issue: { origin: string; inclusive?: boolean }, least: boolean): string => {
  const unit = issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : '';
  const word = least ? (issue.inclusive === false ? 'greater than' : 'at least') : issue.inclusive === false ? 'less than' : 'at most';
  return `${word} %${unit}`;
};

/**
 * zod's default messages ("Too small: expected number to be >=1") in the "<field> must …" style
 * the schemas' own messages use. Pass it when parsing a request (`safeParse(value, { error:
 * fieldMessages })`): it only fills in where a schema has no message of its own.
 */
export const fieldMessages: z.core.$ZodErrorMap = (issue) => {
  const segment = [...(issue.path ?? [])].reverse().find((p): p is string => typeof p === 'string');
  // No field to name: only a body can be the wrong thing as a whole (queries and paths are objects).
  const field = segment ?? 'request body';
  switch (issue.code) {
    case 'invalid_type':
      if (segment === undefined) return `request body must be a JSON ${issue.expected}`;
      if (issue.input === undefined) return `${field} is required`;
      return `${field} must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return `${field} must be ${bound(issue, true).replace('%', String(issue.minimum))}`;
    case 'too_big':
      return `${field} must be ${bound(issue, false).replace('%', String(issue.maximum))}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `${field} must be ${String(issue.values[0])}`
        : `${field} must be one of ${issue.values.map(String).join(', ')}`;
    default:
      return undefined;
  }
};
