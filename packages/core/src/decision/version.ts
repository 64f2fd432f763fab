/**
 * The version of the decision rules (criteria, points, tissue rules, management pathways). Stored with
 * every suggestion so that it can be traced to the rules that made it; bump it whenever any of them
 * changes (the rules-table fingerprint test fails until you do). The mass score's configuration has
 * its own id and version.
 */
export const RULES_VERSION = 'cmr-mass-decision/1.0.0';
