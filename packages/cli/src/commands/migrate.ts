import { notYetCommand } from './not-yet.js';

export const migrateCommand = notYetCommand('migrate');
