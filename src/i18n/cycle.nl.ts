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
    impact: 'Opbrengst',
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
  impact: {
    heading: 'Opbrengst van de cyclus',
    intro:
      'Sluit de cyclus af op vier niveaus: hoe jullie het ervoeren, wat jullie leerden, wat er in jullie lessen veranderde en wat het de leerlingen opleverde.',
    levels: {
      experience: 'Hoe ervoeren we het?',
      learning: 'Wat hebben we geleerd?',
      practice: 'Wat is er veranderd in ons lesgeven?',
      pupils: 'Wat leverde het de leerlingen op?',
    },
    hints: {
      experience:
        'De ervaring van de leraren met deze cyclus: wat werkte in de samenwerking, wat niet?',
      learning: 'Welke kennis of inzichten over lesgeven en leren hebben jullie opgedaan?',
      practice: 'Wat doen jullie nu anders in je lessen, ook buiten de onderzoeksles?',
      pupils: 'Wat zie je terug bij de leerlingen? Vergelijk de nulmeting met een nieuwe meting.',
    },
    measures: 'Nulmeting en nieuwe meting',
    noMeasures:
      'Deze cyclus heeft nog geen nulmeting. Voeg er een toe bij de beginsituatie (Overzicht).',
    measure: 'Meting',
    before: 'Nulmeting',
    after: 'Nieuwe meting',
    afterOf: 'Nieuwe meting van {{label}}',
    change: 'Verschil',
    notANumber: 'Vul een getal in.',
    saveFailed: 'De meting kon niet worden opgeslagen.',
    next: 'Volgende cyclus',
    noQuestions:
      'Nog geen open vragen. Markeer in een nabespreking een bevinding als open vraag; die wordt de onderzoeksvraag van de volgende cyclus.',
    startNext: 'Start de volgende cyclus',
    nextTitle: '{{title}}: vervolg',
    nextStarted: 'De volgende cyclus is gestart, met de open vragen als onderzoeksvraag.',
  },
};
