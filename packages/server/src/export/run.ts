import { createWriteStream } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  cmrMassScore,
  decisionInputFromCasebook,
  exportMode,
  forbidden,
  MASS_SCORE_CONFIGS,
  type Actor,
  type FormName,
} from '@cmr-mass/core';
import { newId, Repository, type DbHandle } from '@cmr-mass/db';
import { allowed, effectiveSite, requireAccess } from '../registry/access.js';
import { analysisParticipantsCsv, analysisReadingsCsv, type AnalysisExportOptions } from './analysis.js';
import { codebookCsv, exportedForms } from './codebook.js';
import { dateShiftSalt } from './deidentify.js';
import { formFile, formTableCsv, type ExportScope } from './tables.js';

/** One file of an export and how to produce it. */
export interface ExportFile {
  readonly file: string;
  readonly description: string;
  produce(): AsyncGenerator<string>;
}

/** What an export is asked for. */
export interface ExportRequest {
  /** One site (site staff: always their own). */
  readonly siteId?: string;
  /** Ask for a de-identified export (study-wide roles always get one). */
  readonly deidentify?: boolean;
  /**
   * The operator of the command line, who holds the database file itself: the export is identified
   * unless `deidentify` asks otherwise, whatever the actor's role (reads still go through the actor's
   * repository, so a monitor-like operator never exports the identifiers form).
   */
  readonly operator?: boolean;
}

/**
 * Opens an export for an actor: decides whether it is de-identified (`core`'s `exportMode`: site staff
 * may export identified data of their own site; monitors and statisticians only de-identified data;
 * administrators and readers nothing), the sites, and the date-shift salt.
 */
export async function openExport(
  handle: DbHandle,
  actor: Actor,
  now: Date,
  request: ExportRequest
): Promise<ExportScope & { readonly withIdentifiers: boolean }> {
  const mode = request.operator ? 'identified' : exportMode(actor);
  if (mode === 'none') throw forbidden(`${actor.role}s cannot export data`);
  const siteId = effectiveSite(actor, request.siteId);
  if (!request.operator) requireAccess(actor, 'read', 'export', siteId);
  const deidentify = mode === 'deidentified' || request.deidentify === true;
  return {
    handle,
    actor,
    repo: new Repository(handle, { actor, now: () => now, newId: () => newId() }),
    siteId,
    deidentify,
    salt: deidentify ? await dateShiftSalt(handle) : null,
    today: now.toISOString().slice(0, 10),
    withIdentifiers: !deidentify && allowed(actor, 'read', 'identifiers', siteId),
  };
}

/**
 * The CMR mass score of a lesion as the report computes it (`core`'s decision support, default
 * configuration; null when an item is missing), for the `mass_score` column.
 */
export const coreMassScore: NonNullable<AnalysisExportOptions['massScore']> = (finding, cb) => {
  try {
    return cmrMassScore(decisionInputFromCasebook(cb, finding), MASS_SCORE_CONFIGS.default).score;
  } catch {
    return null;
  }
};

/** The files of an export, in the order they are written. */
export function exportFiles(
  scope: ExportScope & { readonly withIdentifiers: boolean },
  options: AnalysisExportOptions = { massScore: coreMassScore }
): ExportFile[] {
  const forms: FormName[] = exportedForms(scope.deidentify, scope.withIdentifiers);
  return [
    ...forms.map((form) => ({
      file: formFile(form),
      description: `the ${form} form, one row per record`,
      produce: () => formTableCsv(scope, form),
    })),
    {
      file: 'analysis_participants.csv',
      description: 'the analysis dataset: one row per analysed participant (analysis-dataset.md)',
      produce: () => analysisParticipantsCsv(scope, options),
    },
    {
      file: 'analysis_readings.csv',
      description: 'one row per reader per baseline lesion',
      produce: () => analysisReadingsCsv(scope),
    },
    {
      file: 'codebook.csv',
      description: 'every column of every file: label, type, unit, allowed values',
      // eslint-disable-next-line @typescript-eslint/require-await
      produce: async function* () {
        yield codebookCsv(scope.deidentify, scope.withIdentifiers);
      },
    },
  ];
}

/** Records an export in the audit trail (21 CFR Part 11 and ICH E6(R3): log workflow actions such as exports). */
export async function auditExport(scope: ExportScope, file: string, via: string): Promise<void> {
  await scope.repo.recordEvent({
    action: 'export',
    entity: 'export',
    entityId: file,
    siteId: scope.siteId,
    after: { file, deidentified: scope.deidentify, site: scope.siteId, via },
  });
}

/**
 * Writes every file of an export into `dir`, each streamed to a temporary name and renamed when
 * complete, each audited. Returns the files written with their sizes in bytes.
 */
export async function writeExportDir(
  scope: ExportScope & { readonly withIdentifiers: boolean },
  dir: string,
  via: string,
  options: AnalysisExportOptions = { massScore: coreMassScore }
): Promise<{ readonly file: string; readonly bytes: number }[]> {
  await mkdir(dir, { recursive: true });
  const out: { file: string; bytes: number }[] = [];
  for (const f of exportFiles(scope, options)) {
    await auditExport(scope, f.file, via);
    const path = join(dir, f.file);
    const tmp = `${path}.partial`;
    const ws = createWriteStream(tmp, { encoding: 'utf8' });
    await pipeline(Readable.from(f.produce(), { objectMode: false }), ws);
    await rename(tmp, path);
    out.push({ file: f.file, bytes: ws.bytesWritten });
  }
  return out;
}

/**
 * The reader of command-line exports: study-wide and read-only, without identifiers (a monitor's read
 * rights), acting for the operator who runs `cmr-mass export` on the database.
 */
export function operatorActor(display = 'cmr-mass export (command line)'): Actor {
  return { userId: 'system', role: 'monitor', siteId: null, display };
}
