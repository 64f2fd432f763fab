import { forms } from '@cmr-mass/core';
import { describe, expect, it } from 'vitest';
import { translateMessage } from './messages.js';

const label = (f: string): string =>
  ({ sizeLongMm: '最大径（mm）', lvEsvMl: '左室收缩末期容积（ml）', lvEdvMl: '左室舒张末期容积（ml）' })[f] ??
  f;

describe('translateMessage', () => {
  it('keeps English exactly as the server wrote it', () => {
    expect(translateMessage('must be at most 250 mm', 'en', label)).toBe('must be at most 250 mm');
  });

  it('renders the schema messages in Chinese', () => {
    const r = forms.lesion_finding.create.safeParse({
      examId: '8b0a5c6e-1c1d-4b5e-9a3f-1d2e3f4a5b6c',
      sizeLongMm: 900,
    });
    expect(r.success).toBe(false);
    const msg = r.success ? '' : (r.error.issues[0]?.message ?? '');
    expect(msg).toBe('must be at most 250 mm');
    expect(translateMessage(msg, 'zh', label)).toBe('不能大于 250 mm');
    expect(translateMessage('must be a date written YYYY-MM-DD', 'zh', label)).toBe(
      '须为 YYYY-MM-DD 格式的日期'
    );
  });

  it('renders rule messages with field labels', () => {
    expect(translateMessage('lvEsvMl (200 ml) must be less than lvEdvMl (150 ml)', 'zh', label)).toBe(
      '左室收缩末期容积（ml）（200 ml）须小于左室舒张末期容积（ml）（150 ml）'
    );
    expect(translateMessage('examDate 2031-01-01 is after today (2026-03-15)', 'zh', () => '检查日期')).toBe(
      '检查日期 2031-01-01 晚于今天（2026-03-15）'
    );
  });

  it('falls back to the server text for an unknown message', () => {
    expect(translateMessage('something new', 'zh', label)).toBe('something new');
  });
});
