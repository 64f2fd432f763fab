import type { CliCommand } from '../io.js';

/**
 * Every command, loaded lazily so that `cmr-mass stats` does not load the web server or the DICOM
 * codecs. Each command lives in its own file under `commands/`.
 */
export const commandLoaders: Readonly<Record<string, { summary: string; load: () => Promise<CliCommand> }>> = {
  start: {
    summary: 'migrate, load the demo cohort into ./data/demo.sqlite if new, and serve (what `npm start` runs)',
    load: async () => (await import('./start.js')).startCommand,
  },
  serve: {
    summary: 'serve the web app and the API on a database',
    load: async () => (await import('./serve.js')).serveCommand,
  },
  migrate: {
    summary: 'create or upgrade the database schema',
    load: async () => (await import('./migrate.js')).migrateCommand,
  },
  demo: {
    summary: 'create a synthetic multi-site cohort (clearly marked as synthetic)',
    load: async () => (await import('./demo.js')).demoCommand,
  },
  audit: {
    summary: 'audit trail tools: `audit verify` checks the hash chain',
    load: async () => (await import('./audit.js')).auditCommand,
  },
  user: {
    summary: 'user accounts: `user add --email E --role R [--site S]` (password on stdin)',
    load: async () => (await import('./user.js')).userCommand,
  },
  export: {
    summary: 'export every form, the analysis dataset and the codebook as CSV',
    load: async () => (await import('./export.js')).exportCommand,
  },
  report: {
    summary: "write the study's report: report.html, results.json, tables and figures",
    load: async () => (await import('./report.js')).reportCommand,
  },
  backup: {
    summary: 'write a consistent copy of the database',
    load: async () => (await import('./backup.js')).backupCommand,
  },
  restore: {
    summary: 'restore a database from a backup',
    load: async () => (await import('./backup.js')).restoreCommand,
  },
  stats: {
    summary: 'run one statistical analysis from a JSON spec (stats-cli.md)',
    load: async () => (await import('./stats.js')).statsCommand,
  },
  dicom: {
    summary: 'DICOM tools: `dicom ls INPUT...` lists series',
    load: async () => (await import('./dicom.js')).dicomCommand,
  },
  map: {
    summary: 'fit parametric maps: `map t1|t2|ecv` (mapping-cli.md)',
    load: async () => (await import('./map.js')).mapCommand,
  },
  roi: {
    summary: 'ROI statistics of a map over a label image',
    load: async () => (await import('./roi.js')).roiCommand,
  },
};
