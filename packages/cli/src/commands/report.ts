import { notYetCommand } from './not-yet.js';

export const reportCommand = notYetCommand('report');
