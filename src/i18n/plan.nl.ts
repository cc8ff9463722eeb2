/** Dutch texts of the lesson-plan feature (features/plan): phases, case pupils, predictions, versions, runs, print. */
export const planNl = {
  title: 'Lesplan',
};
