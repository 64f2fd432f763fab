/** One row of the conflict comparison. */
export interface ConflictRow {
  readonly field: string;
  /** What the record held when this user started editing. */
  readonly base: unknown;
  /** This user's entry (undefined when they did not change the field). */
  readonly mine: unknown;
  /** The value saved by the other person, now current. */
  readonly theirs: unknown;
  /** Both changed the field, to different values. */
  readonly clash: boolean;
  readonly changedByMe: boolean;
  readonly changedByThem: boolean;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Server-managed fields that are not part of a comparison. */
const META = new Set(['id', 'version', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'deletedAt']);

/**
 * Compares this user's changes with the version someone else saved meanwhile (409): every field either
 * side changed, and whether they clash. Nothing is lost: both values are kept for the user to choose.
 */
export function compareVersions(
  base: Readonly<Record<string, unknown>>,
  mine: Readonly<Record<string, unknown>>,
  theirs: Readonly<Record<string, unknown>>
): ConflictRow[] {
  const keys = new Set([...Object.keys(mine), ...Object.keys(theirs)].filter((k) => !META.has(k)));
  const rows: ConflictRow[] = [];
  for (const field of keys) {
    const changedByMe = field in mine && !same(mine[field], base[field]);
    const changedByThem = !same(theirs[field], base[field]);
    if (!changedByMe && !changedByThem) continue;
    rows.push({
      field,
      base: base[field],
      mine: changedByMe ? mine[field] : undefined,
      theirs: theirs[field],
      clash: changedByMe && changedByThem && !same(mine[field], theirs[field]),
      changedByMe,
      changedByThem,
    });
  }
  return rows.sort(
    (a, b) => Number(b.clash) - Number(a.clash) || Number(b.changedByMe) - Number(a.changedByMe)
  );
}

/** My changes re-based onto the current version: only fields that still differ from it. */
export function rebase(
  mine: Readonly<Record<string, unknown>>,
  theirs: Readonly<Record<string, unknown>>
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(mine)) if (!same(v, theirs[k])) out[k] = v;
  return out;
}
