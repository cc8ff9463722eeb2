/** Dutch texts of the cycle feature (features/cycle): cycle list, guided start, overview, undo. */
export const cycleNl = {
  title: 'Cycli',
  untitled: 'Cyclus zonder titel',
  newTitle: 'Nieuwe cyclus',
  stages: {
    data: 'Van data naar vraag',
    question: 'Leervraag en doelen',
    design: 'Lesontwerp',
    teach: 'Lesgeven en observeren',
    debrief: 'Nabespreking',
    revise: 'Bijstellen',
    impact: 'Opbrengst',
  },
  list: {
    heading: 'Cycli van dit team',
    intro:
      'Een cyclus begint bij data uit je klas, gaat via een leervraag naar een onderzoeksles die jullie samen ontwerpen, geven en nabespreken.',
    empty: 'Jullie hebben nog geen cyclus.',
    emptyHint:
      'Start je eigen cyclus, of laad een voorbeeld (een rekenles over breuken in groep 6) om rustig rond te kijken.',
    start: 'Nieuwe cyclus starten',
    loadExample: 'Voorbeeldcyclus laden',
    working: 'Bezig…',
    lessonsTaught: '{{taught}} van {{total}} onderzoekslessen gegeven',
    lastActivity: 'Laatst bewerkt {{date}}',
    guestCannotCreate: 'Als gast kun je cycli bekijken, maar geen nieuwe starten.',
    createFailed: 'De cyclus kon niet worden aangemaakt. Probeer het opnieuw.',
  },
  page: {
    notFound: 'Deze cyclus bestaat niet (meer), of je hebt er geen toegang toe.',
    backToTeam: 'Terug naar het team',
    readOnly: 'Je bekijkt deze cyclus als gast: je kunt alles lezen, maar niets wijzigen.',
    removed: 'Je bent niet meer lid van dit team. Je ziet de laatste versie op dit apparaat.',
    newerVersion:
      'Deze cyclus is gemaakt met een nieuwere versie van Leskring. Werk de app bij om hem te wijzigen.',
    titleLabel: 'Titel van de cyclus',
    subject: 'Vak',
    yearGroup: 'Groep of leerjaar',
    lessonMinutes: 'Lesduur (minuten)',
    stageLabel: 'Fase van de cyclus',
    stageCurrent: 'huidige fase',
    print: 'Afdrukken',
    undo: 'Ongedaan maken',
    redo: 'Opnieuw',
    undoHint: 'Maakt alleen jouw eigen wijzigingen ongedaan (Ctrl+Z).',
    redoHint: 'Voert jouw laatst ongedaan gemaakte wijziging opnieuw uit (Ctrl+Shift+Z).',
    presence: 'Nu in deze cyclus',
    presenceSelf: '{{name}} (jij)',
    editingHere: '{{name}} schrijft hier mee',
    invalidTitle: 'Geef de cyclus een titel van 1 tot 120 tekens.',
    invalidNumber: 'Vul een getal in, of laat het veld leeg.',
    invalidMinutes: 'Vul een heel aantal minuten in, van 5 tot 480.',
  },
  tabs: {
    label: 'Onderdelen van de cyclus',
    overview: 'Overzicht',
    plan: 'Lesplan',
    pupils: 'Casusleerlingen en verwachtingen',
    versions: 'Versies',
    runs: 'Uitvoeringen',
  },
  rl: {
    label: 'Onderzoeksles',
    short: 'OL{{number}}',
    long: 'Onderzoeksles {{number}}',
  },
  overview: {
    fields: {
      startingData: 'Beginsituatie (data)',
      researchQuestion: 'Leervraag',
      goals: 'Leerdoelen voor de leerlingen',
      rationale: 'Achtergrond en onderbouwing',
    },
    hints: {
      startingData:
        'Wat zagen jullie in toetsresultaten, observaties of leerlingwerk? Dit is jullie nulmeting: het vertrekpunt waartegen je later verandering ziet.',
      researchQuestion:
        'Van data naar leervraag: wat willen jullie als team te weten komen over het leren van de leerlingen? Houd hem klein en concreet.',
      goals:
        'Wat moeten de leerlingen na de les kennen of kunnen? Formuleer leerdoelen zo dat je ze in de les kunt zien.',
      rationale:
        'Waarom deze vraag, en waarom deze aanpak? Noem wat jullie weten uit onderzoek, methode of eigen ervaring.',
    },
    editorLoading: 'Teksteditor laden…',
    baselines: {
      heading: 'Meetgegevens (optioneel)',
      hint: 'Bijvoorbeeld een score op een toets vooraf, zodat je na de cyclus kunt vergelijken.',
      label: 'Omschrijving',
      value: 'Waarde',
      unit: 'Eenheid',
      add: 'Meetgegeven toevoegen',
      remove: 'Meetgegeven verwijderen',
      removed: 'Meetgegeven verwijderd.',
      none: 'Nog geen meetgegevens.',
      newLabel: 'Nulmeting',
    },
  },
  wizard: {
    heading: 'Samen op weg',
    intro:
      'Vijf korte stappen om jullie cyclus te beginnen. Sla over wat je nog niet weet; alles is later aan te vullen in het overzicht.',
    step: 'Stap {{current}} van {{total}}',
    next: 'Volgende',
    back: 'Vorige',
    skip: 'Stap overslaan',
    finish: 'Klaar',
    close: 'Hulp sluiten',
    steps: {
      startingData: 'Beginsituatie',
      researchQuestion: 'Leervraag',
      goals: 'Leerdoelen',
      rationale: 'Onderbouwing',
      basics: 'Vak en groep',
    },
    basicsHint:
      'Voor welk vak en welke groep ontwerpen jullie de onderzoeksles? Geef de cyclus ook een titel die het team herkent.',
  },
  example: {
    loaded: 'De voorbeeldcyclus is geladen. Pas gerust van alles aan om de app te verkennen.',
  },
};
