import { describe, expect, it } from 'vitest';
import { AlignmentError, assertAligned, ecvFromT1, labelMean } from './ecv-map.js';

describe('ecvFromT1', () => {
  it('computes the hand-derived phantom myocardium ECV', () => {
    // (1 - 0.42)(1/600 - 1/1200)/(1/420 - 1/1900) = 0.58 · 8.3333e-4 / 1.85464e-3 = 0.260608
    const [e] = ecvFromT1(Float32Array.of(1200), Float32Array.of(600), {
      hct: 0.42,
      bloodT1Pre: 1900,
      bloodT1Post: 420,
    });
    expect(e).toBeCloseTo(0.260608, 5);
  });

  it('gives blood its plasma fraction 1 - Hct', () => {
    const [e] = ecvFromT1(Float32Array.of(1900), Float32Array.of(420), {
      hct: 0.42,
      bloodT1Pre: 1900,
      bloodT1Post: 420,
    });
    expect(e).toBeCloseTo(0.58, 6);
  });

  it('is NaN where either T1 is missing or not positive', () => {
    const e = ecvFromT1(Float32Array.of(Number.NaN, 1000, 0), Float32Array.of(500, Number.NaN, 500), {
      hct: 0.4,
      bloodT1Pre: 1600,
      bloodT1Post: 300,
    });
    expect(Array.from(e).every(Number.isNaN)).toBe(true);
  });

  it('validates haematocrit and blood T1s', () => {
    const one = Float32Array.of(1);
    expect(() => ecvFromT1(one, one, { hct: 0.05, bloodT1Pre: 1600, bloodT1Post: 300 })).toThrow(/hct/);
    expect(() => ecvFromT1(one, one, { hct: 0.4, bloodT1Pre: 300, bloodT1Post: 1600 })).toThrow(/shorter/);
  });
});

describe('assertAligned and labelMean', () => {
  const grid = {
    rows: 2,
    columns: 2,
    imagePositionPatient: [0, 0, 0],
    imageOrientationPatient: [1, 0, 0, 0, 1, 0],
  };
  it('accepts maps within 0.5 mm and 1e-3', () => {
    expect(() => {
      assertAligned(grid, { ...grid, imagePositionPatient: [0.3, 0, 0.2] });
    }).not.toThrow();
  });
  it('names what differs', () => {
    expect(() => {
      assertAligned(grid, { ...grid, rows: 3 });
    }).toThrow(AlignmentError);
    expect(() => {
      assertAligned(grid, { ...grid, imagePositionPatient: [0, 0, 0.6] });
    }).toThrow(/not aligned.*positions/);
    expect(() => {
      assertAligned(grid, { ...grid, imageOrientationPatient: [1, 0, 0, 0, 0.99, 0.1] });
    }).toThrow(/orientations/);
  });
  it('averages the finite pixels of a label', () => {
    expect(labelMean(Float32Array.of(1, 3, Number.NaN, 100), Uint8Array.of(2, 2, 2, 1), 2)).toBe(2);
    expect(() => labelMean(Float32Array.of(1), Uint8Array.of(1), 2)).toThrow(/label 2/);
  });
});
