import { notYetCommand } from './not-yet.js';

export const userCommand = notYetCommand('user');
