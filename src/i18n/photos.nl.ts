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
  cycleDeletion: {
    title: 'Cyclus verwijderen',
    intro:
      'Alleen een begeleider kan een cyclus verwijderen. Dat geldt dan voor het hele team en kan niet ongedaan worden gemaakt.',
    button: 'Cyclus verwijderen…',
    dialogTitle: '‘{{title}}’ verwijderen?',
    consequences:
      'Het lesplan, de casusleerlingen en voorspellingen, alle lesbezoeken met hun observaties en alle foto’s van deze cyclus worden voor het hele team verwijderd: op de server en op de apparaten van je collega’s. Dit kan niet ongedaan worden gemaakt.',
    check: 'Ik begrijp dat ‘{{title}}’ voor iedereen verdwijnt en niet terug te halen is',
    confirm: 'Definitief verwijderen',
    busy: 'Verwijderen…',
    offline: 'Verwijderen kan alleen met verbinding met de server. Er is niets verwijderd.',
    forbidden:
      'Alleen een begeleider van dit team kan een cyclus verwijderen. Er is niets verwijderd.',
    failed: 'Verwijderen is niet gelukt. Probeer het opnieuw.',
    done: '‘{{title}}’ is verwijderd.',
    deletedTitle: 'Deze cyclus is verwijderd',
    deletedBody:
      'De cyclus is voor het hele team verwijderd, met het lesplan, de observaties en de foto’s. Wat er op dit apparaat van stond, is ook gewist.',
    deletedWhen: 'Verwijderd op {{date}}.',
    deletedByWhen: 'Verwijderd door {{name}} op {{date}}.',
  },
};
