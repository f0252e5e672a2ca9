// Bridges contract zod schemas to antd Forms: per-field rules, required marks, and submit parsing.
import type { FormInstance, FormRule as Rule } from 'antd';
import type { z } from 'zod';

type Shape = Record<string, z.ZodType>;

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/** Empty inputs become null where the field accepts null, otherwise undefined (left out). */
function normalizeOne(field: z.ZodType | undefined, v: unknown): unknown {
  if (!field || !isEmpty(v)) return v;
  if (field.safeParse(null).success) return null;
  if (typeof v === 'string' && !field.safeParse(undefined).success) return v;
  return undefined;
}

export interface ZodFormHelper<S extends z.ZodObject> {
  /** Spread onto a Form.Item: `{...zf.item('name')}` gives its rules and required mark. */
  item(name: keyof z.infer<S> & string): { rules: Rule[]; required: boolean };
  /** Validates form values with the schema; on failure marks the fields and returns null. */
  parse(form: FormInstance, values: Record<string, unknown>): z.infer<S> | null;
}

/** `requiredMessage` is shown for empty required fields instead of zod's type message. */
export function zodForm<S extends z.ZodObject>(schema: S, requiredMessage: string): ZodFormHelper<S> {
  const shape = schema.shape as Shape;
  const required = (name: string) => {
    const f = shape[name];
    return !!f && !f.safeParse(undefined).success && !f.safeParse(null).success;
  };
  return {
    item(name) {
      const field = shape[name];
      const rule: Rule = {
        validator: async (_r, value) => {
          if (!field) return;
          if (isEmpty(value) && required(name)) throw new Error(requiredMessage);
          const r = field.safeParse(normalizeOne(field, value));
          if (!r.success) throw new Error(r.error.issues[0]?.message ?? requiredMessage);
        },
      };
      return { rules: [rule], required: required(name) };
    },
    parse(form, values) {
      const input: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(values)) input[k] = normalizeOne(shape[k], v);
      const r = schema.safeParse(input);
      if (r.success) return r.data;
      const byField = new Map<string, string[]>();
      for (const issue of r.error.issues) {
        const key = String(issue.path[0] ?? '');
        const msg = isEmpty(input[key]) && required(key) ? requiredMessage : issue.message;
        byField.set(key, [...(byField.get(key) ?? []), msg]);
      }
      form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
      return null;
    },
  };
}
