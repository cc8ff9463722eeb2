/** Dutch texts of src/features/observe. */
export const observeNl = {
  title: 'Observeren',
};
