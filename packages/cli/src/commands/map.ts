import { notYetCommand } from './not-yet.js';

export const mapCommand = notYetCommand('map');
