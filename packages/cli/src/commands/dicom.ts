import { notYetCommand } from './not-yet.js';

export const dicomCommand = notYetCommand('dicom');
