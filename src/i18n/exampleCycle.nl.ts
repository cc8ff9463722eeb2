import type { ExampleCycleContent } from '../model/exampleCycle.ts';

/**
 * The example cycle in Dutch (issue 5 point 8): a maths research lesson on
 * comparing fractions in groep 6, to explore the app with. Loaded on demand.
 */
export const exampleCycleNl: ExampleCycleContent = {
  title: 'Voorbeeld: breuken vergelijken in groep 6',
  subject: 'Rekenen',
  yearGroup: 'Groep 6',
  lessonMinutes: 50,
  baseline: { label: 'Nulmeting: opgaven breuken vergelijken goed', value: 48, unit: '%' },
  texts: {
    startingData: [
      'Op de methodetoets van blok 4 had de groep gemiddeld 48% van de opgaven over breuken vergelijken goed. Vooral opgaven als "wat is groter, 1/3 of 1/5?" gingen mis.',
      'In het leerlingwerk zagen we steeds dezelfde redenering: "5 is meer dan 3, dus 1/5 is groter." Bij het nakijken en in korte gesprekken bleek dat veel leerlingen naar de noemer kijken als een gewoon getal.',
    ],
    researchQuestion: [
      'Hoe helpt het werken met stroken en een getallenlijn leerlingen van groep 6 om stambreuken (zoals 1/3 en 1/5) goed te vergelijken en hun keuze uit te leggen?',
    ],
    goals: [
      'Aan het eind van de les kunnen de leerlingen twee stambreuken vergelijken en uitleggen welke groter is, met een tekening of een strook.',
      'De leerlingen kunnen onder woorden brengen dat een geheel in méér gelijke delen verdelen kleinere delen oplevert.',
    ],
    rationale: [
      'Leerlingen passen vaak hun kennis van hele getallen toe op breuken ("groter getal is meer"). Onderzoek naar rekendidactiek laat zien dat een breuk als deel van een geheel én als plek op de getallenlijn helpt om die misvatting te doorbreken.',
      'We kiezen voor directe instructie (EDI) met veel controle van begrip, zodat we per fase kunnen zien wat de casusleerlingen wel en niet begrijpen.',
    ],
  },
  phases: [
    {
      title: 'Lesdoel',
      minutes: 2,
      teacherActions:
        'Noemt het lesdoel en schrijft het op het bord: "Ik kan twee breuken vergelijken en uitleggen welke groter is."',
      pupilActivities:
        'Lezen het lesdoel hardop mee en zeggen het in eigen woorden tegen hun buur.',
      observerFocus: 'Kunnen de casusleerlingen het lesdoel in eigen woorden herhalen?',
    },
    {
      title: 'Voorkennis activeren',
      minutes: 5,
      teacherActions:
        'Laat een pizza zien die in 2 en een die in 4 gelijke stukken is verdeeld. Vraagt: "Van welke pizza krijg je het grootste stuk?"',
      pupilActivities:
        'Denken eerst alleen na, overleggen dan kort met hun buur en steken hun wisbordje op.',
      observerFocus: 'Welke woorden gebruiken leerlingen (helft, kwart, deel, stuk)?',
    },
    {
      title: 'Instructie',
      minutes: 10,
      teacherActions:
        'Vouwt stroken van gelijke lengte in 3 en in 5 gelijke delen en legt ze onder elkaar. Denkt hardop: "Hoe meer delen, hoe kleiner elk deel." Zet 1/3 en 1/5 op de getallenlijn.',
      pupilActivities: 'Vouwen zelf mee met hun eigen stroken en kleuren één deel.',
      observerFocus:
        'Vouwen de leerlingen echt gelijke delen? Kijken ze naar de lengte van het deel of naar het getal?',
    },
    {
      title: 'Begeleide inoefening',
      minutes: 10,
      teacherActions:
        'Geeft drie paren stambreuken (1/4 en 1/6, 1/2 en 1/8, 1/10 en 1/3). Laat leerlingen kiezen en hun wisbordje opsteken; vraagt willekeurige leerlingen om uitleg.',
      pupilActivities:
        'Vergelijken de paren met stroken of een tekening en schrijven het antwoord met < of >.',
      observerFocus:
        'Gebruiken de casusleerlingen de strook, of kiezen ze op het getal? Wie legt het uit, en hoe?',
    },
    {
      title: 'Afsluiting (lesdoel checken)',
      minutes: 3,
      teacherActions:
        'Stelt de exitvraag: "Wat is groter, 1/7 of 1/9? Leg uit in één zin." Kijkt snel alle antwoorden na.',
      pupilActivities: 'Schrijven antwoord en uitleg op een kaartje en leveren het in.',
      observerFocus: 'Wat schrijven de casusleerlingen op hun exitkaartje?',
    },
    {
      title: 'Zelfstandige verwerking',
      minutes: 20,
      teacherActions:
        'Geeft verlengde instructie aan de instructietafel aan de leerlingen die de exitvraag fout hadden.',
      pupilActivities:
        'Maken opgaven uit de methode; wie klaar is, bedenkt zelf een paar breuken voor de buur.',
      observerFocus:
        'Welke strategie gebruiken de leerlingen als de strook niet meer op tafel ligt?',
    },
  ],
  casePupils: [
    {
      pseudonym: 'Leerling A',
      profile: 'Sterk in rekenen, werkt snel, legt niet graag uit hoe ze aan een antwoord komt.',
      predictions: [
        'Herhaalt het lesdoel vlot.',
        'Weet meteen dat het halve pizzastuk groter is.',
        'Begrijpt het vouwen snel en gaat misschien alvast verder.',
        'Heeft alle paren goed, maar schrijft alleen het antwoord zonder uitleg.',
        'Goed antwoord; de uitleg blijft kort ("want dat is zo").',
        'Klaar binnen tien minuten; kan de verrijkingsopdracht aan.',
      ],
    },
    {
      pseudonym: 'Leerling B',
      profile:
        'Gemiddeld in rekenen, doet goed mee als het concreet is, twijfelt bij abstracte opgaven.',
      predictions: [
        'Kan het lesdoel herhalen met hulp van de buur.',
        'Geeft het goede antwoord na overleg met de buur.',
        'Vouwt netjes mee; heeft de strook nodig om het te zien.',
        'Goed bij 1/2 en 1/8, twijfelt bij 1/10 en 1/3.',
        'Waarschijnlijk goed, met een uitleg over de strook.',
        'Gebruikt tekeningen; werkt trager dan A maar zelfstandig.',
      ],
    },
    {
      pseudonym: 'Leerling C',
      profile: 'Zwak in rekenen, haakt snel af bij breuken, denkt "groter getal is meer".',
      predictions: [
        'Herhaalt het lesdoel niet uit zichzelf.',
        'Zegt dat het stuk van de pizza in 4 groter is, "want 4 is meer".',
        'Vouwt ongelijke delen; heeft hulp nodig bij het vouwen.',
        'Kiest bij de meeste paren de breuk met de grootste noemer.',
        'Fout antwoord op de exitvraag; komt aan de instructietafel.',
        'Werkt met de leraar aan de instructietafel; heeft de strook erbij nodig.',
      ],
    },
  ],
  response: {
    phaseIndex: 2,
    response: '"1/5 is groter, want 5 is groter dan 3."',
    answer:
      'Leg de twee stroken naast elkaar en vraag: "Welk gekleurd stuk is langer? Waarom denk je dat dat zo is?"',
  },
};
