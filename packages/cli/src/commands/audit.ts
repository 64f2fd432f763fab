import { notYetCommand } from './not-yet.js';

export const auditCommand = notYetCommand('audit');
