import {
  checkAnchor,
  migrationStatus,
  parseAnchor,
  verifyAuditChain,
  verifyRecordsAgainstAudit,
  type AuditBadRow,
} from '@cmr-mass/db';
import { ExitCode, UsageError, writeLine, type CliCommand } from '../io.js';
import { failsCleanly, openFromOptions, parseOptions } from './migrate.js';

const HELP = `usage: cmr-mass audit verify [--db URL] [--expect-head SEQ:HASH] [--records] [--json]

Checks the audit trail's hash chain: reads every row in order, recomputes each row's SHA-256 and
its link to the row before, and compares the last row with the chain head. Finds a row that was
changed, removed, moved (reordered) or added outside the application, and names the first one.

Keep the head it prints (SEQ:HASH) somewhere else (a ticket, an e-mail, the monitoring report):
given back with --expect-head, it also catches rows cut off the end and a trail re-hashed from
some row on, which no check inside one database file can.

Options:
  --db URL                SQLite path, sqlite:PATH or postgres://... (default: DATABASE_URL,
                          else ./data/cmr-mass.sqlite); SQLite is opened read-only
  --expect-head SEQ:HASH  a head printed by an earlier run
  --records               also replay the trail and check that every stored record (forms, sites,
                          lesions, study settings) is what its trail says: finds data edited,
                          added or removed in the database behind the application
  --json                  print the result as one JSON object

Exit 0 and one line when the trail is intact; 1 naming the first bad row (seq, entity, id and
what is wrong); 2 for a bad option or a database that does not exist.`;

function describeBad(bad: AuditBadRow): string {
  const what = bad.entity ? ` (${bad.entity}${bad.entityId ? ` ${bad.entityId}` : ''})` : '';
  return `audit trail BROKEN at seq ${bad.seq}${what}: ${bad.reason}: ${bad.detail}`;
}

/** `cmr-mass audit verify`: a thin adapter over `verifyAuditChain` of @cmr-mass/db. */
export const auditCommand: CliCommand = {
  name: 'audit',
  summary: 'audit trail tools: `audit verify` checks the hash chain',
  help: HELP,
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub !== 'verify') {
      throw new UsageError(
        sub === undefined
          ? 'say what to do: cmr-mass audit verify'
          : `unknown audit command '${sub}' (try: verify)`,
        sub
      );
    }
    const opts = parseOptions('audit verify', rest, {
      values: ['--db', '--expect-head'],
      flags: ['--json', '--records'],
    });
    const anchorText = opts.values['--expect-head'];
    const anchor = anchorText === undefined ? undefined : parseAnchor(anchorText);
    if (anchorText !== undefined && !anchor) {
      throw new UsageError(
        `--expect-head must be SEQ:HASH as audit verify prints it, got '${anchorText}'`,
        '--expect-head'
      );
    }
    const { handle, shown } = openFromOptions(io, opts.values['--db'], { mustExist: true, readonly: true });
    return failsCleanly('audit', io, async () => {
      try {
        if ((await migrationStatus(handle)).applied.length === 0) {
          throw new UsageError(`--db: ${shown} is not a cmr-mass database (no migrations)`, '--db');
        }
        const v = await verifyAuditChain(handle);
        const bad = v.firstBad ?? (anchor ? await checkAnchor(handle, anchor) : undefined);
        const records =
          !bad && opts.flags.has('--records') ? await verifyRecordsAgainstAudit(handle) : undefined;
        const mismatch = records?.firstMismatch;
        if (opts.flags.has('--json')) {
          writeLine(
            io.stdout,
            JSON.stringify({
              ok: !bad && !mismatch,
              database: shown,
              rows: v.rows,
              head: v.head,
              firstBad: bad ?? null,
              ...(records ? { records: records.records, firstMismatch: mismatch ?? null } : {}),
            })
          );
        } else if (bad) {
          writeLine(io.stdout, describeBad(bad));
        } else if (mismatch) {
          writeLine(
            io.stdout,
            `audit trail intact (${v.rows} rows), but a RECORD DIFFERS from its trail: ${mismatch.entity} ${mismatch.entityId}: ${mismatch.detail}`
          );
        } else {
          writeLine(
            io.stdout,
            `audit trail intact: ${v.rows} rows in ${shown}; head ${v.head.seq}:${v.head.hash}` +
              (anchor ? ` (matches the expected head ${anchor.seq})` : '') +
              (records ? `; ${records.records} records match their trail` : '')
          );
        }
        return bad || mismatch ? ExitCode.failed : ExitCode.ok;
      } finally {
        await handle.close();
      }
    });
  },
};
