import { describe, expect, it } from 'vitest';
import { CANDIDATES } from './candidates/index.js';
import { FEATURES } from './features.js';
import { decisionRulesTable, rulesFingerprint } from './rules-table.js';
import { SOURCES } from './sources.js';
import { RULES_VERSION } from './version.js';

describe('the rules table', () => {
  const rows = decisionRulesTable();

  it('has unique criterion ids within each rule set', () => {
    const keys = rows.map((r) => `${r.ruleSet}.${r.criterion}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(CANDIDATES.map((c) => c.key)).size).toBe(CANDIDATES.length);
  });

  it('uses only codes the feature can take, and bins only on numeric features', () => {
    for (const r of rows) {
      const f = FEATURES[r.feature as keyof typeof FEATURES];
      expect(f, r.feature).toBeDefined();
      if (f.kind === 'coded') {
        expect(r.bins).toBeNull();
        for (const code of Object.keys(r.points ?? {})) {
          expect(Object.keys(f.labels), `${r.ruleSet}.${r.criterion}`).toContain(code);
        }
      } else {
        expect(r.points).toBeNull();
        expect(r.bins!.length).toBeGreaterThan(0);
      }
    }
  });

  it('has numeric bins that do not overlap', () => {
    for (const r of rows.filter((x) => x.bins !== null)) {
      const bins = r.bins!;
      for (let i = 1; i < bins.length; i++) {
        expect(bins[i]!.min, `${r.ruleSet}.${r.criterion}`).toBeGreaterThanOrEqual(bins[i - 1]!.below!);
      }
    }
  });

  it('cites catalogued sources, with an evidence level, and flags unsourced rules as [U]', () => {
    for (const r of rows) {
      expect(SOURCES[r.source]).toBeDefined();
      expect(['C', 'P', 'U']).toContain(r.evidence);
      if (r.source === 'background' || r.source === 'engineering') expect(r.evidence).toBe('U');
    }
  });

  it('keeps points on the -4..+4 scale', () => {
    for (const r of rows) {
      const pts = [...Object.values(r.points ?? {}), ...(r.bins ?? []).map((b) => b.points)];
      for (const p of pts) expect(Math.abs(p)).toBeLessThanOrEqual(4);
    }
  });

  it('is pinned: changing a rule, a point or a mass-score configuration needs a new RULES_VERSION', () => {
    // When this fails after an intended change: bump RULES_VERSION in version.ts and update both pins.
    expect(RULES_VERSION).toBe('cmr-mass-decision/1.0.0');
    expect(rulesFingerprint()).toBe(PINNED_FINGERPRINT);
  });
});

const PINNED_FINGERPRINT = '88175fc6';
