import { describe, expect, it } from 'vitest';
import { REAL_ESRGAN_MODEL, validateRunInputs } from './model-catalog.js';

describe('validateRunInputs for xinntao/Real-ESRGAN', () => {
  it('fills defaults, trims, and writes a checkbox as true or false', () => {
    const result = validateRunInputs(REAL_ESRGAN_MODEL, {
      inputImageUrl: ' http://127.0.0.1:1/files/1001/0.png ',
      modelName: 'RealESRGAN_x2plus',
      faceEnhance: 'TRUE',
      outscale: 2,
    });
    expect(result).toEqual({
      ok: true,
      callbackUrl: undefined,
      parameters: {
        inputImageUrl: 'http://127.0.0.1:1/files/1001/0.png',
        modelName: 'RealESRGAN_x2plus',
        outscale: '2',
        faceEnhance: 'true',
        tile: '0',
        tilePad: '10',
        prePad: '0',
        denoiseStrength: '0.5',
      },
    });
  });

  it('refuses a select value that is not one of its options, and a non-boolean checkbox', () => {
    const base = { inputImageUrl: 'https://example.com/a.png', modelName: 'RealESRGAN_x4plus' };
    expect(validateRunInputs(REAL_ESRGAN_MODEL, { ...base, modelName: 4 })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Request parameter \[modelName\] must be one of /),
    });
    expect(validateRunInputs(REAL_ESRGAN_MODEL, { ...base, faceEnhance: 1 })).toEqual({
      ok: false,
      message: 'Request parameter [faceEnhance] must be true or false',
    });
  });
});
