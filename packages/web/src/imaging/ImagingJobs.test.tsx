import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../test/fake-api.js';
import { renderPage } from '../test/render.js';
import type { JobItem, SeriesItem } from './imaging-api.js';
import { ImagingJobs } from './ImagingJobs.js';
import type { ViewerEntry } from './types.js';

const EXAM = '8b0a5c6e-1c1d-4b5e-9a3f-1d2e3f4a5b6c';
const MOLLI: SeriesItem = {
  id: 's1',
  seriesInstanceUid: '1.2.3.4',
  seriesNumber: 7,
  description: 'MOLLI 5(3)3 native',
  manufacturer: 'SIEMENS',
  kind: 'molli',
  sequence: 'molli',
  reason: 'Look-Locker inversion times in a 5(3)3 pattern',
  timesMs: [100, 180, 260, 1100, 1180, 1260, 2100, 3100],
  images: 8,
  slices: 1,
};
const job = (over: Partial<JobItem>): JobItem => ({
  id: 'j1',
  kind: 't1',
  params: { seriesInstanceUid: '1.2.3.4' },
  status: 'running',
  progress: 0.4,
  stage: 'fitting pixels',
  error: null,
  mapIds: [],
  createdAt: '2026-03-15T10:00:00Z',
  finishedAt: null,
  ...over,
});
const t1Map = (key: string, name: string): ViewerEntry => ({
  key,
  kind: 't1',
  mapId: key,
  image: { name, data: new Float32Array(4), columns: 2, rows: 2, units: 'ms' },
});

describe('ImagingJobs', () => {
  it('fits a T1 map from a MOLLI series and follows the job until it is done', async () => {
    let jobs: JobItem[] = [];
    const { api, seen } = fakeApi((req) => {
      if (req.path === `/v1/cmr-exams/${EXAM}/series`) return { body: { items: [MOLLI] } };
      if (req.path === `/v1/cmr-exams/${EXAM}/imaging-jobs` && req.method === 'GET') {
        return { body: { items: jobs } };
      }
      if (req.path === `/v1/cmr-exams/${EXAM}/imaging-jobs` && req.method === 'POST') {
        jobs = [job({ status: 'queued', progress: 0, stage: 'queued' })];
        return { status: 202, body: jobs[0] };
      }
      return undefined;
    });
    const onMapsChanged = vi.fn();
    renderPage(
      <ImagingJobs examId={EXAM} t1Maps={[]} bloodRoi={null} onMapsChanged={onMapsChanged} canCompute />,
      { api, role: 'reader' }
    );
    expect(await screen.findByText('MOLLI 5(3)3 native')).toBeTruthy();
    expect(screen.getByText('MOLLI')).toBeTruthy();
    expect(screen.getByText('100, 180, 260, 1100, 1180, 1260 … (8) ms')).toBeTruthy();
    fireEvent.click(screen.getByTestId('fit-t1'));
    await waitFor(() => {
      expect(seen.some((r) => r.method === 'POST')).toBe(true);
    });
    expect(seen.find((r) => r.method === 'POST')?.body).toEqual({ kind: 't1', seriesInstanceUid: '1.2.3.4' });
    expect(await screen.findByText('Queued')).toBeTruthy();
    // The server finishes the job: the list, polled every second, shows it and the maps are read again.
    jobs = [job({ status: 'done', progress: 1, stage: 'done', mapIds: ['m1'] })];
    expect(await screen.findByText('1 map made', {}, { timeout: 3000 })).toBeTruthy();
    expect(onMapsChanged).toHaveBeenCalled();
  });

  it('shows a failed job with its reason, cancels a running one, and offers ECV from two T1 maps', async () => {
    const { api, seen } = fakeApi((req) => {
      if (req.path.endsWith('/series')) return { body: { items: [MOLLI] } };
      if (req.path.endsWith('/imaging-jobs') && req.method === 'GET') {
        return {
          body: {
            items: [job({ id: 'j2' }), job({ id: 'j3', status: 'failed', error: 'the series has 2 images' })],
          },
        };
      }
      if (req.path === '/v1/imaging-jobs/j2/cancel') return { body: job({ id: 'j2', status: 'cancelled' }) };
      if (req.method === 'POST') {
        return { status: 202, body: job({ id: 'j4', kind: 'ecv', status: 'queued' }) };
      }
      return undefined;
    });
    renderPage(
      <ImagingJobs
        examId={EXAM}
        t1Maps={[t1Map('pre', 'T1 native'), t1Map('post', 'T1 post')]}
        bloodRoi={[
          [0, 0],
          [1, 0],
          [1, 1],
        ]}
        onMapsChanged={() => undefined}
        canCompute
      />,
      { api, role: 'coordinator' }
    );
    expect(await screen.findByText('the series has 2 images')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Progress 40 %' })).toBeTruthy();
    fireEvent.click(screen.getByText('Cancel'));
    await waitFor(() => {
      expect(seen.some((r) => r.path === '/v1/imaging-jobs/j2/cancel')).toBe(true);
    });
    expect(screen.getByText('Blood T1 from the blood-pool ROI')).toBeTruthy();
    fireEvent.click(screen.getByText('Compute ECV'));
    await waitFor(() => {
      expect(seen.some((r) => r.method === 'POST' && r.path.endsWith('/imaging-jobs'))).toBe(true);
    });
    expect(seen.find((r) => r.method === 'POST' && r.path.endsWith('/imaging-jobs'))?.body).toEqual({
      kind: 'ecv',
      preMapIds: ['pre'],
      postMapIds: ['post'],
      bloodRoi: {
        polygon: [
          [0, 0],
          [1, 0],
          [1, 1],
        ],
      },
    });
  });

  it('lets a monitor look without computing', async () => {
    const { api } = fakeApi((req) =>
      req.path.endsWith('/series')
        ? { body: { items: [MOLLI] } }
        : req.path.endsWith('/imaging-jobs')
          ? { body: { items: [] } }
          : undefined
    );
    renderPage(
      <ImagingJobs
        examId={EXAM}
        t1Maps={[]}
        bloodRoi={null}
        onMapsChanged={() => undefined}
        canCompute={false}
      />,
      { api, role: 'monitor' }
    );
    expect(await screen.findByText('MOLLI 5(3)3 native')).toBeTruthy();
    expect(screen.queryByTestId('fit-t1')).toBeNull();
  });
});
