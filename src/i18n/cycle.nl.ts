/** Dutch texts of the cycle feature (features/cycle): cycle list, guided start, overview, undo. */
export const cycleNl = {
  title: 'Cycli',
};
