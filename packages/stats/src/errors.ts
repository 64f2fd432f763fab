/**
 * The two ways a statistics call can fail, as in the `cmr-mass stats` contract (stats-cli.md §1):
 * bad input (a value that is not allowed, naming the field) and a valid input whose analysis cannot
 * be computed (no rows, one group, a singular information matrix...).
 */

/** Bad input: `field` is the path of the offending item (`data[17].time`, `terms[2]`, `levels`). */
export class StatsInputError extends Error {
  override readonly name = 'StatsInputError';
  constructor(
    /** Path of the offending item, e.g. `data[3].status` or `tp`; `""` for the input as a whole. */
    readonly field: string,
    message: string
  ) {
    super(message);
  }
}

/** Valid input, but the analysis cannot be computed (R would stop with an error here). */
export class StatsComputationError extends Error {
  override readonly name = 'StatsComputationError';
}
