import { notYetCommand } from './not-yet.js';

export const backupCommand = notYetCommand('backup');
export const restoreCommand = notYetCommand('restore');
