import { notYetCommand } from './not-yet.js';

export const statsCommand = notYetCommand('stats');
