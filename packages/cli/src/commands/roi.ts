import { notYetCommand } from './not-yet.js';

export const roiCommand = notYetCommand('roi');
