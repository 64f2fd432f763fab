import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDicomSeries } from '../io/read-inputs.js';
import { fitT1Map } from '../map/fit-t1-map.js';
import { readU8, testdataPath } from '../testing/testdata.js';
import { createDicomWebClient, jsonString } from './client.js';

// Integration test against a real Orthanc with its DICOMweb plugin (Debian: apt-get install -y
// orthanc orthanc-dicomweb), started here with its own configuration on a free port and stopped
// afterwards. Skipped when Orthanc is not installed.
const ORTHANC = '/usr/sbin/Orthanc';
const PLUGIN = [
  '/usr/share/orthanc/plugins/libOrthancDicomWeb.so',
  '/usr/lib/orthanc/libOrthancDicomWeb.so.1.7',
].find((p) => existsSync(p));
const available = existsSync(ORTHANC) && PLUGIN !== undefined;
const title = available
  ? 'DICOMweb client against a real Orthanc'
  : `DICOMweb client against a real Orthanc (skipped: ${ORTHANC} or its DICOMweb plugin is not installed; apt-get install -y orthanc orthanc-dicomweb)`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => {
        resolve(port);
      });
    });
  });
}

describe.skipIf(!available)(title, () => {
  let child: ChildProcess | undefined;
  let base = '';

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cmr-mass-orthanc-'));
    const port = await freePort();
    const config = {
      Name: 'cmr-mass-test',
      StorageDirectory: join(dir, 'storage'),
      IndexDirectory: join(dir, 'index'),
      HttpPort: port,
      HttpServerEnabled: true,
      DicomServerEnabled: false,
      RemoteAccessAllowed: false,
      AuthenticationEnabled: false,
      Plugins: [PLUGIN],
      DicomWeb: { Enable: true, Root: '/dicom-web/', EnableWado: false },
    };
    const configPath = join(dir, 'orthanc.json');
    writeFileSync(configPath, JSON.stringify(config));
    child = spawn(ORTHANC, [configPath], { stdio: 'ignore' });
    base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        const res = await fetch(`${base}/system`);
        if (res.ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error('Orthanc did not start within 30 s');
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 40_000);

  afterAll(async () => {
    const c = child;
    if (c?.pid === undefined || c.exitCode !== null) return;
    const exited = new Promise<void>((resolve) =>
      c.once('exit', () => {
        resolve();
      })
    );
    c.kill('SIGTERM');
    await exited;
  });

  it('stores a series (STOW-RS), finds it (QIDO-RS), retrieves it (WADO-RS) and maps it', async () => {
    const web = createDicomWebClient({ baseUrl: `${base}/dicom-web` });
    const folder = testdataPath('heart_siemens_snr50/dicom/molli_pre');
    const files = readdirSync(folder).map((f) => new Uint8Array(readFileSync(join(folder, f))));
    await web.store(files);

    const studies = await web.searchStudies({ PatientID: 'SYNTH-MAP-0001' });
    expect(studies).toHaveLength(1);
    const studyUid = jsonString(studies[0]!, '0020000D')!;
    const series = await web.searchSeries(studyUid);
    expect(series).toHaveLength(1);
    const seriesUid = jsonString(series[0]!, '0020000E')!;
    expect(jsonString(series[0]!, '0008103E')).toBe('MOLLI 5(3)3');
    expect(await web.searchInstances(studyUid, seriesUid)).toHaveLength(8);

    const retrieved = await web.retrieveSeries(studyUid, seriesUid);
    expect(retrieved).toHaveLength(8);
    const { series: read } = await readDicomSeries(retrieved);
    const labels = readU8('heart_siemens_snr50/labels.u8');
    const remote = await fitT1Map(read[0]!, { mask: labels, threads: 1 });
    const { series: local } = await readDicomSeries([folder]);
    const direct = await fitT1Map(local[0]!, { mask: labels, threads: 1 });
    expect(Array.from(remote.slices[0]!.values)).toEqual(Array.from(direct.slices[0]!.values));
  });

  it('reports HTTP errors with the status', async () => {
    const web = createDicomWebClient({ baseUrl: `${base}/dicom-web` });
    await expect(web.retrieveSeries('1.2.3', '4.5.6')).rejects.toMatchObject({
      name: 'DicomWebError',
      status: 404,
    });
  });
});
