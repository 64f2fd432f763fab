import { notYetCommand } from './not-yet.js';

export const startCommand = notYetCommand('start');
