import { notYetCommand } from './not-yet.js';

export const exportCommand = notYetCommand('export');
