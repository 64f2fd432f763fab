import { notYetCommand } from './not-yet.js';

export const demoCommand = notYetCommand('demo');
