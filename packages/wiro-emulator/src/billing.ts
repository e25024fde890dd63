/** The account every project of the emulator bills to. Mutable: balance falls as tasks succeed. */
export interface Account {
  /** Balance in USD. */
  balance: number;
  /** USD per second of run time. */
  cps: number;
  /** Explicit concurrency limit; when undefined the balance-based rule applies. */
  concurrency: number | undefined;
}

/** Balance above which the documented concurrency rule stops growing (chosen: it is capped). */
const RULE_BALANCE_CAP = 250;

/**
 * Active-task limit: the explicit override, else `max(1, floor(balance × 0.10))`, computed with the
 * balance capped at $250 (the protocol file gives the rule only up to $250; chosen).
 *
 * @example
 * concurrencyLimit(100, undefined); // 10
 * concurrencyLimit(3, undefined); // 1
 */
export function concurrencyLimit(balance: number, override: number | undefined): number {
  if (override !== undefined) return override;
  return Math.max(1, Math.floor(Math.min(balance, RULE_BALANCE_CAP) * 0.1));
}

/** Cost in USD of `seconds` of run time at `cps` USD per second. */
export function computeCost(cps: number, seconds: number): number {
  return cps * seconds;
}

/** Run time in seconds as Wiro shows it in `elapsedseconds`: four decimals. */
export function roundSeconds(ms: number): number {
  return Number((Math.max(0, ms) / 1000).toFixed(4));
}

/**
 * A number with a fixed count of decimals, as in Wiro's published examples: `elapsedseconds`
 * has 4 (`"6.0000"`), `cps` and `totalcost` have 12 (`"0.003510000000"`).
 *
 * @example
 * formatFixed(0.00351, 12); // '0.003510000000'
 */
export function formatFixed(value: number, decimals: number): string {
  const text = (Number.isFinite(value) ? value : 0).toFixed(decimals);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

/**
 * Formats USD or seconds as Wiro does: a plain decimal string, never exponent notation.
 *
 * @example
 * formatDecimal(0.0000016); // '0.0000016'
 * formatDecimal(0); // '0'
 */
export function formatDecimal(value: number): string {
  if (!Number.isFinite(value) || value === 0) return '0';
  const text = value.toFixed(10).replace(/0+$/, '').replace(/\.$/, '');
  return text === '-0' ? '0' : text;
}
