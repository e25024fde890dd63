/** A benchmark figure checked against its target, as the report lists them. */
export interface Target {
  name: string;
  /** The bound as the README states it, e.g. `<= 0.05`. */
  target: string;
  value: number;
  ok: boolean;
}

const COMPARE = {
  '<': (value: number, limit: number) => value < limit,
  '<=': (value: number, limit: number) => value <= limit,
  '=': (value: number, limit: number) => value === limit,
  '>=': (value: number, limit: number) => value >= limit,
} as const;

/** Checks `value` against `target`, an operator and a number: `'<= 0.05'`, `'= 0'`. */
export function checkTarget(name: string, value: number, target: string): Target {
  const [op = '', limit = ''] = target.split(' ');
  if (!Object.hasOwn(COMPARE, op) || limit === '' || !Number.isFinite(Number(limit))) {
    throw new Error(`${name}: unreadable target "${target}"`);
  }
  return { name, target, value, ok: COMPARE[op as keyof typeof COMPARE](value, Number(limit)) };
}
