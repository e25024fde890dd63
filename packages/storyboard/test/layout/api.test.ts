import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  CustomGrid,
  LayoutTemplateName,
  PageGeometryOptions,
  PageLayout,
  PagePreset,
  PageSpec,
  Rect,
  Slot,
} from '../../src/layout/index.js';
import * as layout from '../../src/layout/index.js';

describe('public surface', () => {
  it('exports the functions and values by name', () => {
    const functions = Object.entries(layout)
      .filter(([, value]) => typeof value === 'function')
      .map(([name]) => name);
    expect(functions).toEqual(
      expect.arrayContaining([
        'resolvePageSize',
        'layoutPage',
        'listTemplates',
        'chooseImageSize',
        'toPoints',
        'toInches',
        'toPixels',
        'parseLength',
        'validateGrid',
        'arrangeSpreads',
        'LayoutError',
      ]),
    );
  });

  it('has the documented types', () => {
    expectTypeOf(layout.layoutPage).parameter(0).toEqualTypeOf<PageGeometryOptions | undefined>();
    expectTypeOf(layout.layoutPage).returns.toEqualTypeOf<PageLayout>();
    expectTypeOf<PageLayout['slots']>().toEqualTypeOf<Slot[]>();
    expectTypeOf<Slot['cell']>().toEqualTypeOf<Rect>();
    expectTypeOf<'us-comic'>().toExtend<PagePreset>();
    expectTypeOf<{ width: 180; height: 260; unit: 'mm' }>().toExtend<PageSpec>();
    expectTypeOf<'grid-2x3'>().toExtend<LayoutTemplateName>();
    expectTypeOf<{ rows: [{ height: 2; columns: [1, 1] }] }>().toExtend<CustomGrid>();
    expectTypeOf(layout.chooseImageSize).returns.toEqualTypeOf<layout.ImageSize>();
  });
});
