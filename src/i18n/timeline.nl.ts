/** Dutch texts of src/features/timeline. */
export const timelineNl = {
  title: 'Tijdlijn',
};
