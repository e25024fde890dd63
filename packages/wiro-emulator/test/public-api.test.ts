import { describe, expectTypeOf, it } from 'vitest';
import type { WireTask } from 'wiro-core';
import {
  type Emulator,
  type EmulatorOptions,
  type FaultRule,
  type LedgerSnapshot,
  startEmulator,
} from '../src/index.js';

describe('public API types', () => {
  it('startEmulator takes optional options and resolves to an Emulator', () => {
    expectTypeOf(startEmulator).parameters.toEqualTypeOf<[options?: EmulatorOptions]>();
    expectTypeOf(startEmulator).returns.resolves.toEqualTypeOf<Emulator>();
  });

  it('exposes the control surface tests rely on', () => {
    expectTypeOf<Emulator['url']>().toEqualTypeOf<string>();
    expectTypeOf<Emulator['ledger']>().returns.toEqualTypeOf<LedgerSnapshot>();
    expectTypeOf<Emulator['injectFault']>().parameter(0).toEqualTypeOf<FaultRule | string>();
    expectTypeOf<Emulator['waitForStatus']>().returns.resolves.toEqualTypeOf<WireTask>();
    expectTypeOf<Emulator['close']>().returns.toEqualTypeOf<Promise<void>>();
    expectTypeOf<LedgerSnapshot['billedByInput']>().toEqualTypeOf<Record<string, number>>();
  });
});
