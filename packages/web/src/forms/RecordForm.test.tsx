import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AnyRecord } from '../api/types.js';
import { fakeApi } from '../test/fake-api.js';
import { renderPage } from '../test/render.js';
import { RecordForm } from './RecordForm.js';

const EXAM = '8b0a5c6e-1c1d-4b5e-9a3f-1d2e3f4a5b6c';
const ctx = { today: '2026-03-15', fieldStrengthT: 3 as const };

const lesion = (over: Partial<AnyRecord> = {}): AnyRecord => ({
  id: '3f0b1c2d-0000-4000-8000-000000000001',
  version: 2,
  formStatus: 'complete',
  createdAt: '2026-03-01T10:00:00Z',
  updatedAt: '2026-03-01T10:00:00Z',
  createdBy: 'reader@example.org',
  updatedBy: 'reader@example.org',
  deletedAt: null,
  examId: EXAM,
  lesionId: '3f0b1c2d-0000-4000-8000-0000000000aa',
  lesionLabel: 'L1',
  participantId: '3f0b1c2d-0000-4000-8000-0000000000bb',
  location: 'left_atrium',
  attachment: 'pedunculated',
  sizeLongMm: 20,
  shape: 'round',
  mobility: 'mobile',
  infiltration: false,
  pericardialEffusion: 'none',
  homogeneity: 'heterogeneous',
  firstPassPerfusion: 'mild',
  lgePattern: 'heterogeneous',
  ...over,
});

describe('RecordForm', () => {
  it("shows the server's message under the field before sending anything", async () => {
    const { api, seen } = fakeApi(() => ({ status: 500 }));
    renderPage(<RecordForm form="lesion_finding" parent={{ examId: EXAM }} ctx={ctx} />, { api });
    fireEvent.change(screen.getByLabelText('Largest diameter (mm)'), { target: { value: '900' } });
    fireEvent.click(screen.getByTestId('save'));
    expect(await screen.findByText('must be at most 250 mm')).toBeTruthy();
    expect(seen.length).toBe(0);
  });

  it('creates a record with the typed values and reports warnings', async () => {
    const onSaved = vi.fn();
    const { api, seen } = fakeApi((r) =>
      r.method === 'POST'
        ? { status: 201, body: { record: lesion({ formStatus: 'incomplete' }), warnings: [] } }
        : undefined
    );
    renderPage(<RecordForm form="lesion_finding" parent={{ examId: EXAM }} ctx={ctx} onSaved={onSaved} />, {
      api,
    });
    fireEvent.change(screen.getByLabelText('Location'), { target: { value: 'left_atrium' } });
    fireEvent.change(screen.getByLabelText('Largest diameter (mm)'), { target: { value: '23.5' } });
    fireEvent.change(screen.getByLabelText('Infiltration'), { target: { value: 'no' } });
    fireEvent.click(screen.getByTestId('save'));
    await waitFor(() => {
      expect(onSaved).toHaveBeenCalled();
    });
    expect(seen[0]?.path).toBe('/v1/lesion-findings');
    expect(seen[0]?.body).toEqual({
      examId: EXAM,
      location: 'left_atrium',
      sizeLongMm: 23.5,
      infiltration: false,
      formStatus: 'incomplete',
    });
  });

  it('asks for a reason before changing a complete record, and sends it', async () => {
    const { api, seen } = fakeApi((r) =>
      r.method === 'PATCH'
        ? { body: { record: lesion({ version: 3, sizeLongMm: 21 }), warnings: [] } }
        : undefined
    );
    renderPage(<RecordForm form="lesion_finding" record={lesion()} ctx={ctx} />, { api });
    // A complete form marks the fields it needs with an asterisk after the label.
    fireEvent.change(screen.getByLabelText(/^Largest diameter \(mm\)/), { target: { value: '21' } });
    fireEvent.click(screen.getByTestId('save'));
    const reason = await screen.findByLabelText('Reason for the change');
    expect(seen.length).toBe(0);
    fireEvent.change(reason, { target: { value: 'x' } });
    fireEvent.click(screen.getByText('Save with this reason'));
    expect(await screen.findByText('give a reason of at least 3 characters')).toBeTruthy();
    fireEvent.change(reason, { target: { value: 'transcription error' } });
    fireEvent.click(screen.getByText('Save with this reason'));
    await waitFor(() => {
      expect(seen.length).toBe(1);
    });
    expect(seen[0]?.body).toEqual({
      sizeLongMm: 21,
      version: 2,
      formStatus: 'complete',
      reason: 'transcription error',
    });
  });

  it('shows both versions when someone else saved first (409), and re-applies mine on request', async () => {
    const current = lesion({ version: 3, sizeLongMm: 25, formStatus: 'incomplete' });
    let calls = 0;
    const { api, seen } = fakeApi((r) => {
      if (r.method !== 'PATCH') return undefined;
      calls += 1;
      if (calls === 1) {
        return {
          status: 409,
          body: { error: { code: 'version_conflict', message: 'changed', field: 'version', current } },
        };
      }
      return { body: { record: { ...current, version: 4, sizeLongMm: 22 }, warnings: [] } };
    });
    renderPage(<RecordForm form="lesion_finding" record={lesion({ formStatus: 'incomplete' })} ctx={ctx} />, {
      api,
    });
    fireEvent.change(screen.getByLabelText('Largest diameter (mm)'), { target: { value: '22' } });
    fireEvent.click(screen.getByTestId('save'));
    expect(await screen.findByText('Someone else saved this record first')).toBeTruthy();
    expect(screen.getByText('22')).toBeTruthy();
    expect(screen.getByText('25')).toBeTruthy();
    fireEvent.click(screen.getByText('Apply my changes to the new version'));
    await waitFor(() => {
      expect(seen.length).toBe(2);
    });
    expect(seen[1]?.body).toMatchObject({ sizeLongMm: 22, version: 3 });
  });

  it('speaks Chinese, with field labels and messages translated', async () => {
    const { api } = fakeApi(() => undefined);
    renderPage(<RecordForm form="lesion_finding" parent={{ examId: EXAM }} ctx={ctx} />, { api, lang: 'zh' });
    fireEvent.change(screen.getByLabelText('最大径（mm）'), { target: { value: '900' } });
    fireEvent.click(screen.getByTestId('save'));
    expect(await screen.findByText('不能大于 250 mm')).toBeTruthy();
    expect(screen.getByLabelText('部位')).toBeTruthy();
  });
});
