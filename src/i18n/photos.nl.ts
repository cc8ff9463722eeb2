/** Dutch texts of src/features/photos (photos of pupil work) and of deleting a cycle. */
export const photosNl = {
  capture: {
    button: 'Foto maken',
    busy: 'Foto verwerken…',
    notAnImage:
      'Dit bestand is geen foto. Maak een foto met de camera of kies een JPEG-, PNG- of WebP-afbeelding.',
    noSpace:
      'Er is geen ruimte meer op dit apparaat om de foto te bewaren. Maak ruimte vrij en probeer het opnieuw.',
    failed: 'De foto kon niet worden bewaard. Probeer het opnieuw.',
  },
  status: {
    pending: 'Wacht op verbinding',
    uploading: 'Wordt geüpload…',
    uploaded: 'Op de server',
    failed: 'Geweigerd: {{reason}}',
  },
  thumb: {
    open: 'Foto groot bekijken: {{alt}}',
    loading: 'Foto laden…',
    notDownloaded: 'Nog niet gedownload — verbinding nodig',
    unavailable: 'Foto nog niet beschikbaar',
  },
};
