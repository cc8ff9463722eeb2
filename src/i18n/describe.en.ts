import type { describeNl } from './describe.nl.ts';
import type { Shape } from './nl.ts';

/** English texts of src/model/describeEvent.ts (same keys as describe.nl.ts). */
export const describeEn: Shape<typeof describeNl> = {
  start: 'Start',
  phase: 'To {{phase}}',
  end: 'End',
  photo: 'Photo',
  undo: 'Undone',
  edit: 'Corrected',
  note: 'Note: {{text}}',
  unknownItem: 'Item that is not in the observation checklist',
  unknownTeam: 'team {{number}}',
  itemTeam: '{{item}} · {{team}}',
  tally: '+{{count}}',
  tallyCorrection: '−{{count}} (correction)',
  tallyLine: '+{{count}} {{item}}',
  tallyCorrectionLine: 'Correction: −{{count}} {{item}}',
  checkYes: 'seen',
  checkNo: 'not seen',
  rating: '{{value}} of 4',
  ratingNamed: '{{value}} of 4 — {{level}}',
  interval: 'answer {{value}}',
  itemLine: '{{item}}: {{value}}',
  forPupil: '{{what}} ({{name}})',
};
