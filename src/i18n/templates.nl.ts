import type { BuiltInTexts, LevelText } from '../model/builtInTemplates.ts';

/**
 * Dutch texts of the built-in kijkwijzers (structure in
 * src/model/builtInTemplates.ts). Written for Leskring; not taken from any
 * published observation instrument. Content, not UI messages: loaded when a
 * team adds a built-in template.
 */

/** The four levels of the classroom-practice sheet, each with its own descriptor. */
const scale = (
  one: string,
  two: string,
  three: string,
  four: string,
): readonly [LevelText, LevelText, LevelText, LevelText] => [
  { label: 'Nog niet', descriptor: one },
  { label: 'Soms', descriptor: two },
  { label: 'Vaak', descriptor: three },
  { label: 'Steeds', descriptor: four },
];

const teams = ['Team 1', 'Team 2', 'Team 3'];
const tapPerTeam = 'Tik bij het team van de leerling die de regel overtreedt.';

export const templatesNl: BuiltInTexts = {
  casePupil: {
    name: 'Casusleerlingen volgen',
    description:
      'Lesson study: per fase en per casusleerling noteer je wat je ziet en of dat klopt met de voorspelling van het team.',
    sections: { pupil: 'Casusleerling', class: 'De hele groep' },
    items: {
      seen: {
        label: 'Wat zie en hoor je?',
        description:
          'Beschrijf zo letterlijk mogelijk wat de leerling doet en zegt, zonder er een oordeel aan te hangen.',
      },
      prediction: {
        label: 'Klopt het met de voorspelling?',
        levels: [
          {
            label: 'Zoals voorspeld',
            descriptor: 'De leerling doet ongeveer wat het team voor deze fase had voorspeld.',
          },
          {
            label: 'Beter dan voorspeld',
            descriptor: 'De leerling komt verder of heeft minder moeite dan het team dacht.',
          },
          {
            label: 'Minder goed dan voorspeld',
            descriptor: 'De leerling loopt vast op iets wat het team niet of anders had verwacht.',
          },
          {
            label: 'Niet waargenomen',
            descriptor: 'In deze fase was niet te zien hoe het de leerling verging.',
          },
        ],
      },
      askedForHelp: {
        label: 'Stelt een vraag of vraagt om hulp',
        description: 'Tik elke keer dat de leerling een vraag stelt of hulp vraagt.',
      },
      quote: {
        label: 'Letterlijke uitspraak of werk',
        description:
          'Schrijf op wat de leerling zegt of noteert; maak eventueel een foto van het werk.',
      },
      classNote: {
        label: 'Wat valt op in de groep?',
        description: 'Opvallende momenten die niet over één casusleerling gaan.',
      },
    },
  },
  edi: {
    name: 'EDI-kijkwijzer',
    description:
      'Waar je per fase van een EDI-les op let. Vink aan wat je de leraar en de groep ziet doen.',
    sections: {
      lessonGoal: 'Lesdoel',
      activation: 'Voorkennis activeren',
      instruction: 'Instructie',
      guidedPractice: 'Begeleide inoefening',
      closing: 'Afsluiting (lesdoel checken)',
      independentPractice: 'Zelfstandige verwerking',
    },
    items: {
      goalShown: { label: 'Het lesdoel staat zichtbaar op het bord of scherm' },
      goalExplained: { label: 'De leraar legt in leerlingtaal uit wat de groep gaat leren' },
      goalLinked: { label: 'De leraar vertelt waarom dit lesdoel ertoe doet' },
      priorKnowledge: {
        label: 'De leraar haalt op wat de leerlingen voor deze les nodig hebben',
      },
      allPupilsAnswer: {
        label: 'Alle leerlingen laten hun antwoord zien (wisbordje, vingers, duim)',
      },
      misconceptions: {
        label: 'Misverstanden worden opgemerkt en rechtgezet voordat de uitleg verdergaat',
      },
      modelling: { label: 'De leraar doet het voor en denkt daarbij hardop' },
      smallSteps: { label: 'De uitleg is opgedeeld in kleine stappen met voorbeelden' },
      checkUnderstanding: {
        label: 'De leraar controleert het begrip bij willekeurig gekozen leerlingen',
      },
      practiseTogether: { label: 'Leerlingen oefenen stap voor stap samen met de leraar' },
      feedback: { label: 'Fouten krijgen meteen gerichte feedback' },
      successRate: {
        label: 'De meeste leerlingen doen het goed voordat ze zelfstandig verdergaan',
      },
      goalChecked: { label: 'De leraar gaat na of het lesdoel bereikt is' },
      pupilsExplain: { label: 'Leerlingen vertellen in eigen woorden wat ze geleerd hebben' },
      sameAsGuided: {
        label: 'De zelfstandige opdrachten passen bij wat is voorgedaan en samen geoefend',
      },
      extendedInstruction: {
        label: 'Wie het nog niet beheerst, krijgt verlengde instructie',
      },
      workingQuietly: { label: 'De groep werkt rustig en geconcentreerd' },
    },
  },
  classroomPractice: {
    name: 'Kijkwijzer lespraktijk',
    description:
      'Zes domeinen van de lespraktijk plus de betrokkenheid van leerlingen. Je beoordeelt elk item op vier niveaus; bij elk niveau staat wat je dan ziet.',
    sections: {
      climate: 'Veilig en stimulerend klimaat',
      management: 'Efficiënt klassenmanagement',
      clearInstruction: 'Duidelijke instructie',
      activating: 'Activerend lesgeven',
      differentiation: 'Afstemmen op verschillen',
      strategies: 'Leerstrategieën aanleren',
      engagement: 'Betrokkenheid van leerlingen',
    },
    items: {
      respect: {
        label: 'Omgang met leerlingen',
        levels: scale(
          'De toon is vaak kortaf of negatief; wat goed gaat, wordt zelden benoemd.',
          'De leraar is meestal vriendelijk, maar reageert wisselend op leerlingen.',
          'De leraar is warm en respectvol en benoemt regelmatig wat goed gaat.',
          'De leraar is warm en respectvol naar iedereen, en leerlingen gaan ook zo met elkaar om.',
        ),
      },
      safety: {
        label: 'Ruimte om fouten te maken',
        levels: scale(
          'Fouten worden afgekeurd of genegeerd; leerlingen durven weinig te zeggen.',
          'Fouten worden verbeterd maar zelden benut; een deel van de groep durft mee te doen.',
          'Fouten worden rustig besproken als iets om van te leren; de meeste leerlingen doen mee.',
          'Leerlingen delen uit zichzelf hun twijfels en fouten; de leraar maakt er een leermoment van voor de hele groep.',
        ),
      },
      structure: {
        label: 'Afspraken, routines en overgangen',
        levels: scale(
          'Het is onduidelijk wat de afspraken zijn; overgangen verlopen rommelig.',
          'Er zijn afspraken, maar de leraar houdt er niet consequent aan vast.',
          'Routines zijn bekend en overgangen verlopen meestal vlot.',
          'Leerlingen houden zich vanzelf aan de routines; overgangen kosten nauwelijks tijd.',
        ),
      },
      learningTime: {
        label: 'Benutten van de lestijd',
        levels: scale(
          'Veel tijd gaat verloren aan wachten, zoeken of orde houden.',
          'De les begint of eindigt rommelig, of er zijn lange momenten zonder taak.',
          'Vrijwel de hele les is er een duidelijke taak en ligt het materiaal klaar.',
          'De lestijd wordt volledig benut, ook door leerlingen die eerder klaar zijn.',
        ),
      },
      explanation: {
        label: 'Helderheid van de uitleg',
        levels: scale(
          'De uitleg is moeilijk te volgen of springt van de hak op de tak.',
          'De uitleg is te volgen, maar mist voorbeelden of een duidelijke opbouw.',
          'De uitleg is stap voor stap opgebouwd, met passende voorbeelden.',
          'De uitleg is helder en beknopt, sluit aan bij wat leerlingen al weten en eindigt met de kern.',
        ),
      },
      understanding: {
        label: 'Nagaan of leerlingen het begrijpen',
        levels: scale(
          'De leraar gaat niet na of leerlingen het begrijpen.',
          'De leraar vraagt alleen "Is het duidelijk?" of laat een enkele leerling antwoorden.',
          'De leraar controleert het begrip bij verschillende leerlingen en legt zo nodig opnieuw uit.',
          'De leraar ziet het antwoord van alle leerlingen tegelijk en kiest op basis daarvan de volgende stap.',
        ),
      },
      thinking: {
        label: 'Leerlingen aan het denken zetten',
        levels: scale(
          'Leerlingen luisteren vooral; er worden weinig vragen gesteld.',
          'Er worden vragen gesteld, vooral om feiten op te halen, aan steeds dezelfde leerlingen.',
          'De leraar stelt denkvragen en geeft bedenktijd voordat iemand antwoordt.',
          'Leerlingen leggen hun denken uit, reageren op elkaar en stellen zelf vragen.',
        ),
      },
      interaction: {
        label: 'Samen over de stof praten',
        levels: scale(
          'Leerlingen krijgen geen gelegenheid om met elkaar over de stof te praten.',
          'Er wordt samengewerkt, maar zonder duidelijke opdracht of rolverdeling.',
          'Leerlingen overleggen gericht in tweetallen of groepjes over de stof.',
          'De samenwerking is doelgericht opgezet; iedereen levert een bijdrage en de opbrengst wordt klassikaal besproken.',
        ),
      },
      adjusting: {
        label: 'Opdrachten en tijd afstemmen',
        levels: scale(
          'Alle leerlingen krijgen hetzelfde, ongeacht wat ze al kunnen.',
          'Er is enige variatie, maar die sluit nog niet aan bij wat leerlingen nodig hebben.',
          'Opdrachten of tijd zijn afgestemd op verschillen die de leraar kent.',
          'De leraar stuurt tijdens de les bij op wat hij of zij ziet, zowel voor wie meer als voor wie minder aankan.',
        ),
      },
      extraSupport: {
        label: 'Extra hulp en uitdaging',
        levels: scale(
          'Leerlingen die vastlopen of klaar zijn, zitten te wachten.',
          'Hulp komt op verzoek, maar zonder plan.',
          'Er is verlengde instructie voor wie dat nodig heeft en verrijking voor wie verder kan.',
          'Hulp en uitdaging zijn vooraf gepland op basis van gegevens en worden in de les bijgesteld.',
        ),
      },
      howToLearn: {
        label: 'Een aanpak leren',
        levels: scale(
          'Er is alleen aandacht voor het goede antwoord, niet voor de aanpak.',
          'De leraar noemt soms een aanpak, zonder die voor te doen.',
          'De leraar doet een aanpak voor ("hoe pak je dit aan?") en laat leerlingen die toepassen.',
          'Leerlingen kiezen zelf een passende aanpak en kunnen uitleggen waarom.',
        ),
      },
      reflection: {
        label: 'Terugkijken op het eigen leren',
        levels: scale(
          'Er wordt niet teruggekeken op hoe het leren ging.',
          'Er wordt kort teruggekeken, vooral op het resultaat.',
          'Leerlingen vertellen wat ze geleerd hebben en wat nog lastig is.',
          'Leerlingen beoordelen hun werk aan de hand van het lesdoel en bedenken wat ze een volgende keer anders doen.',
        ),
      },
      involvement: {
        label: 'Actief meedoen',
        levels: scale(
          'Veel leerlingen zijn met andere dingen bezig.',
          'Ongeveer de helft van de leerlingen doet actief mee.',
          'De meeste leerlingen doen actief mee en zijn bij de les.',
          'Vrijwel alle leerlingen zijn de hele les actief en geconcentreerd bezig.',
        ),
      },
      persistence: {
        label: 'Doorzetten als het moeilijk wordt',
        levels: scale(
          'Leerlingen haken af zodra iets moeilijk wordt.',
          'Een deel van de leerlingen probeert het, anderen wachten op hulp.',
          'De meeste leerlingen zoeken eerst zelf een oplossing voordat ze hulp vragen.',
          'Leerlingen blijven zoeken, gebruiken hulpmiddelen en helpen elkaar verder.',
        ),
      },
    },
  },
  goodBehaviourGame: {
    name: 'Good Behaviour Game: turflijst',
    description:
      'Turf per team hoe vaak een afgesproken regel wordt overtreden, per speelronde. Pas de teamnamen aan aan jullie klas.',
    sections: { game: 'Speelronde' },
    items: {
      rulesReviewed: { label: 'De regels en de beloning zijn voor de start samen doorgenomen' },
      talking: { label: 'Praten zonder beurt', description: tapPerTeam, teams },
      outOfSeat: { label: 'Zonder toestemming van de plek', description: tapPerTeam, teams },
      disturbing: { label: 'Anderen storen of afleiden', description: tapPerTeam, teams },
      gameNote: { label: 'Opmerkingen bij deze ronde' },
    },
  },
  timeOnTask: {
    name: 'Taakgerichtheid (tijdsteekproef)',
    description:
      'Om de paar minuten kijk je de klas rond en tel je hoeveel leerlingen op dat moment met hun taak bezig zijn.',
    sections: { sampling: 'Meting' },
    items: {
      onTask: {
        label: 'Leerlingen taakgericht',
        description:
          'Tel binnen een halve minuut. Twijfel je of een leerling met de taak bezig is, tel hem of haar dan niet mee.',
        prompt: 'Kijk de klas rond: hoeveel leerlingen zijn nu met hun taak bezig?',
      },
      activity: {
        label: 'Waar was de groep mee bezig?',
        description: 'Bijvoorbeeld uitleg, samen oefenen, zelfstandig werken of een overgang.',
      },
    },
  },
};
