import { notYetCommand } from './not-yet.js';

export const serveCommand = notYetCommand('serve');
