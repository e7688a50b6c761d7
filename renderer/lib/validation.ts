// Check a form against the operation's own zod schema from the contract before sending it,
// so the person sees the same messages the backend would give, under the right field.
import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

export function fieldErrors(schema: z.ZodType, value: unknown): FieldErrors {
  const result = schema.safeParse(value);
  if (result.success) return {};
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : '_';
    errors[key] ??= issue.message; // the first problem of a field is the one to fix first
  }
  return errors;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}
