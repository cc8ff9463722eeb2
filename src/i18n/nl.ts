import { cycleNl } from './cycle.nl.ts';
import { describeNl } from './describe.nl.ts';
import { observeNl } from './observe.nl.ts';
import { photosNl } from './photos.nl.ts';
import { planNl } from './plan.nl.ts';
import { templatesUiNl } from './templatesUi.nl.ts';
import { timelineNl } from './timeline.nl.ts';

/** Dutch messages: the source of truth for every key (en.ts must have the same shape). */
export const nl = {
  app: {
    name: 'Leskring',
    tagline: 'Samen lessen ontwerpen, observeren en nabespreken',
    skipToContent: 'Naar de inhoud',
    nav: { teams: 'Teams', settings: 'Instellingen', main: 'Hoofdmenu' },
    loading: 'Laden…',
    notFound: 'Deze pagina bestaat niet.',
    backHome: 'Naar je teams',
    update: {
      available: 'Er is een nieuwe versie van Leskring.',
      apply: 'Nu bijwerken',
      later: 'Later',
      waitForSync:
        'Bijwerken kan zodra al je wijzigingen op de server staan ({{count}} nog niet bevestigd).',
      offlineReady: 'Leskring werkt nu ook zonder internet.',
      dismiss: 'Sluiten',
    },
    otherTabUpgraded: 'Leskring is in een ander tabblad bijgewerkt. Herlaad deze pagina.',
    homeScreen: {
      title: 'Zet Leskring op je beginscherm',
      why: 'Safari wist alles wat Leskring op dit apparaat bewaart, ook waarnemingen die nog niet verstuurd zijn, als je Leskring 7 dagen niet opent. Vanaf het beginscherm gebeurt dat niet.',
      steps: {
        share: 'Tik in Safari op de deelknop: het vierkant met de pijl omhoog, rechtsboven.',
        choose: 'Scrol omlaag en kies ‘Zet op beginscherm’.',
        add: 'Tik op ‘Voeg toe’.',
        open: 'Open Leskring voortaan met het icoon op je beginscherm.',
      },
      dismiss: 'Begrepen',
      how: 'Hoe zet ik Leskring op mijn beginscherm?',
      unsynced_one:
        'Let op: {{count}} wijziging staat alleen op dit apparaat. Safari wist haar als je Leskring 7 dagen niet opent. Maak verbinding met internet om haar te versturen, en zet Leskring op je beginscherm.',
      unsynced_other:
        'Let op: {{count}} wijzigingen staan alleen op dit apparaat. Safari wist ze als je Leskring 7 dagen niet opent. Maak verbinding met internet om ze te versturen, en zet Leskring op je beginscherm.',
    },
    storageProblem: {
      quota_one:
        'Dit apparaat heeft geen opslagruimte meer voor Leskring: {{count}} wijziging staat nog niet op dit apparaat. Sluit deze pagina niet en maak ruimte vrij (zie Instellingen); Leskring probeert het steeds opnieuw.',
      quota_other:
        'Dit apparaat heeft geen opslagruimte meer voor Leskring: {{count}} wijzigingen staan nog niet op dit apparaat. Sluit deze pagina niet en maak ruimte vrij (zie Instellingen); Leskring probeert het steeds opnieuw.',
      other_one:
        'Opslaan op dit apparaat lukt nu niet ({{kind}}): {{count}} wijziging staat alleen in deze pagina. Sluit deze pagina niet; Leskring probeert het steeds opnieuw.',
      other_other:
        'Opslaan op dit apparaat lukt nu niet ({{kind}}): {{count}} wijzigingen staan alleen in deze pagina. Sluit deze pagina niet; Leskring probeert het steeds opnieuw.',
    },
    reload: 'Herladen',
    deviceSave: {
      saved: 'Opgeslagen op dit apparaat',
      saving: 'Opslaan op dit apparaat…',
      failed: 'Nog niet opgeslagen op dit apparaat',
    },
  },
  connection: {
    label: 'Verbinding',
    online: 'Online',
    offline: 'Offline',
    connecting: 'Verbinden…',
    syncing: 'Synchroniseren',
    localOnly: 'Alleen op dit apparaat',
    denied: 'Geen toegang',
    refused: 'Wijziging geweigerd',
    busy: 'Wachten op de server',
    unsynced_one: '{{count}} wijziging nog niet op de server',
    unsynced_other: '{{count}} wijzigingen nog niet op de server',
    allSaved: 'Alles is opgeslagen op de server',
    offlineHint:
      'Je kunt gewoon doorwerken; wijzigingen worden verstuurd zodra er weer verbinding is.',
  },
  common: {
    cancel: 'Annuleren',
    save: 'Opslaan',
    edit: 'Wijzigen',
    close: 'Sluiten',
    copy: 'Kopiëren',
    copied: 'Gekopieerd',
    share: 'Delen',
    confirm: 'Bevestigen',
    undo: 'Ongedaan maken',
    you: 'jij',
    required: 'Vul dit in.',
    tooLong: 'Dit is te lang (maximaal {{max}} tekens).',
  },
  roles: {
    teacher: 'Leraar',
    coach: 'Coach',
    facilitator: 'Begeleider',
    guest: 'Gast',
  },
  home: {
    title: 'Je teams',
    empty: {
      title: 'Nog geen team',
      body: 'Een team is je lesson-studyteam of PLG. Maak een team aan en nodig je collega’s uit, of sluit je aan met een uitnodiging.',
    },
    lastOpened: 'Laatst geopend {{date}}',
    pending: 'Nog niet op de server: wordt aangemeld zodra er verbinding is',
    removed: 'Je bent uit dit team verwijderd',
    registrationFailed: 'Aanmelden bij de server lukte niet: {{reason}}',
    accountDeleted:
      'Je account is verwijderd. Er staat niets meer van Leskring op dit apparaat; wat je bijdroeg, blijft bij je teams zonder je naam.',
  },
  createTeam: {
    title: 'Nieuw team',
    teamName: 'Naam van het team',
    teamNamePlaceholder: 'bijv. Lesson study rekenen groep 6',
    displayName: 'Jouw naam (zichtbaar voor je team)',
    displayNamePlaceholder: 'bijv. Sanne de Vries',
    submit: 'Team aanmaken',
    offlineNote: 'Dit werkt ook offline: het team wordt later bij de server aangemeld.',
  },
  join: {
    title: 'Aansluiten bij een team',
    codeLabel: 'Uitnodigingscode',
    codePlaceholder: 'ABCDE-FGHJK',
    codeHint: 'Typ de code van tien tekens, plak de uitnodigingslink of scan de QR-code.',
    invalidCode:
      'Dit is geen geldige code. Een code heeft tien letters en cijfers, bijv. ABCDE-FGHJK.',
    scan: 'QR-code scannen',
    displayName: 'Jouw naam (zichtbaar voor je team)',
    submit: 'Aansluiten',
    invitedTo: 'Je bent uitgenodigd voor {{team}} als {{role}}.',
    expires: 'De uitnodiging verloopt {{date}}.',
    checking: 'Uitnodiging controleren…',
    offline:
      'Om je aan te sluiten is eenmalig een verbinding met de server nodig. Probeer het opnieuw zodra je online bent.',
    alreadyMember: 'Je bent al lid van {{team}}.',
    openTeam: 'Open het team',
    success: 'Welkom bij {{team}}!',
    retry: 'Opnieuw proberen',
    otherCode: 'Andere code invoeren',
  },
  scanner: {
    title: 'QR-code scannen',
    instructions: 'Richt de camera op de QR-code van de uitnodiging.',
    noCamera: 'De camera is niet beschikbaar. Typ de code in plaats daarvan.',
    denied: 'Geen toestemming voor de camera. Geef toestemming in je browser of typ de code.',
    notAnInvite: 'Deze QR-code is geen Leskring-uitnodiging.',
    stop: 'Stoppen met scannen',
  },
  team: {
    notFound: 'Dit team staat niet op dit apparaat.',
    yearLink: 'Het jaar van de PLG: cycli, metingen en leeruren',
    coachingLink: 'Coaching: feedbackgesprekken voorbereiden',
    name: 'Teamnaam',
    rename: 'Naam wijzigen',
    renamed: 'Teamnaam gewijzigd.',
    readOnly: 'Je bent gast: je kunt meelezen maar niets wijzigen.',
    removedNotice: 'Je bent uit dit team verwijderd. Wat op dit apparaat staat, blijft leesbaar.',
    members: {
      erased: 'Oud-lid {{number}}',
      title: 'Leden',
      online: 'online',
      offline: 'niet online',
      onlineNow_one: '{{count}} lid nu online',
      onlineNow_other: '{{count}} leden nu online',
      remove: 'Verwijderen uit team',
      removeConfirm:
        '{{name}} uit het team verwijderen? {{name}} kan dan niet meer bij de gegevens van het team.',
      removed: '{{name}} is uit het team verwijderd.',
      changeRole: 'Rol van {{name}}',
      empty: 'De ledenlijst verschijnt zodra het team met de server is gesynchroniseerd.',
    },
    invites: {
      title: 'Collega’s uitnodigen',
      role: 'Rol van de nieuwe collega',
      expiresIn: 'Geldig',
      days_one: '{{count}} dag',
      days_other: '{{count}} dagen',
      singleUse: 'Slechts één keer te gebruiken',
      create: 'Uitnodiging maken',
      link: 'Uitnodigingslink',
      code: 'Code',
      qrAlt: 'QR-code met de uitnodigingslink',
      expiresAt: 'Geldig tot {{date}}',
      active: 'Open uitnodigingen',
      noneActive: 'Geen open uitnodigingen.',
      revoke: 'Intrekken',
      revokeConfirm:
        'Deze uitnodiging intrekken? Wie de link nog niet gebruikt heeft, kan zich er dan niet meer mee aansluiten.',
      revoked: 'Uitnodiging ingetrokken.',
      used_one: '{{count}} keer gebruikt',
      used_other: '{{count}} keer gebruikt',
      offlineList:
        'Zonder verbinding kan de server de open uitnodigingen niet laten zien. Ze verschijnen weer zodra er verbinding is.',
      offline: 'Uitnodigen kan alleen met verbinding met de server.',
      pendingTeam: 'Uitnodigen kan zodra het team bij de server is aangemeld.',
      shareText: 'Sluit je aan bij ons team {{team}} in Leskring: {{link}} (code {{code}})',
      notOnThisDevice: 'Code alleen zichtbaar op het apparaat dat de uitnodiging maakte',
    },
    leave: {
      button: 'Team verlaten',
      confirm:
        'Weet je zeker dat je {{team}} wilt verlaten? De gegevens van dit team worden van dit apparaat verwijderd.',
      done: 'Je hebt het team verlaten.',
    },
  },
  settings: {
    title: 'Instellingen',
    language: 'Taal',
    languages: { nl: 'Nederlands', en: 'English' },
    storage: {
      title: 'Opslag op dit apparaat',
      persisted: 'Blijvende opslag is toegestaan: de browser wist je gegevens niet zomaar.',
      notPersisted:
        'Blijvende opslag is (nog) niet toegestaan: de browser kan gegevens wissen als er weinig ruimte is.',
      unsupported: 'Deze browser vertelt niet of opslag blijvend is.',
      request: 'Blijvende opslag aanvragen',
      usage: '{{used}} gebruikt van {{quota}} beschikbaar',
      unknownUsage: 'Hoeveel ruimte er gebruikt wordt, is niet bekend.',
      low: 'Let op: er is weinig opslagruimte over. Zorg dat je verbinding hebt zodat alles op de server staat, en maak ruimte vrij.',
    },
    install: {
      title: 'Installeren',
      button: 'Leskring op dit apparaat installeren',
      installed: 'Leskring is als app geïnstalleerd.',
      manual:
        'Installeer via het menu van je browser: ‘Toevoegen aan beginscherm’ of ‘App installeren’.',
    },
    myData: {
      title: 'Mijn gegevens',
      body: 'Download alles wat van jou is, of verwijder je account.',
      link: 'Naar mijn gegevens',
    },
    about: { title: 'Over', version: 'Versie {{version}}' },
  },
  errors: {
    api: {
      bad_request: 'De gegevens zijn niet geldig.',
      payload_too_large: 'Dit is te groot om te versturen.',
      unauthorized: 'Je bent niet (meer) aangemeld bij dit team.',
      forbidden: 'Dat mag jouw rol in dit team niet.',
      not_found: 'Niet gevonden.',
      conflict: 'Dat botst met wat er al op de server staat.',
      invite_invalid: 'Deze uitnodiging bestaat niet. Controleer de code.',
      invite_expired: 'Deze uitnodiging is verlopen. Vraag een collega om een nieuwe.',
      invite_revoked:
        'Deze uitnodiging is ingetrokken of al gebruikt. Vraag een collega om een nieuwe.',
      rate_limited: 'Te veel pogingen. Wacht een minuut en probeer het opnieuw.',
      internal: 'Er ging iets mis op de server. Probeer het later opnieuw.',
      not_an_image: 'Dit is geen foto: alleen JPEG, PNG en WebP worden bewaard.',
      team_limit_reached:
        'Deze server heeft het maximale aantal teams bereikt. Vraag de beheerder van de server om ruimte.',
      cycle_unknown:
        'De server kent deze cyclus nog niet. De foto wordt verstuurd zodra de cyclus is gesynchroniseerd.',
      storage_full:
        'De schijf van de server is vol; er is niets opgeslagen. Probeer het later opnieuw of waarschuw de beheerder van de server.',
      quota_exceeded:
        'De fotoruimte van dit team op de server is vol. Een begeleider kan ruimte maken door een oude cyclus te verwijderen; de foto blijft op dit apparaat.',
      network: 'Geen verbinding met de server.',
      bad_response: 'De server gaf een onverwacht antwoord.',
    },
    sync: {
      'token-missing': 'Dit apparaat is niet aangemeld bij het team.',
      'token-invalid': 'Je toegang tot dit team is ingetrokken.',
      'wrong-team': 'Deze aanmelding hoort bij een ander team.',
      'bad-document-name': 'Dit document bestaat niet.',
      'document-deleted': 'Deze cyclus is verwijderd.',
      'document-unreadable':
        'De server kan dit document niet veilig lezen en geeft het daarom niet uit. Je gegevens op dit apparaat blijven bewaard; waarschuw de beheerder van de server.',
      'too-many-documents':
        'Je hebt te veel documenten tegelijk open. Sluit andere tabbladen of apparaten en probeer het opnieuw.',
      'quota-exceeded':
        'Dit team heeft het maximale aantal documenten op de server. Een begeleider kan ruimte maken door een oude cyclus te verwijderen.',
      'not-in-track': 'Dit document hoort bij een coachingstraject waarin jij geen rol hebt.',
      'server-busy':
        'De server is even te druk. Je wijzigingen blijven op dit apparaat en worden later verstuurd.',
    },
    syncClosed: {
      'bad-update':
        'De server heeft een wijziging van dit apparaat geweigerd, omdat die niet veilig te lezen is. De wijziging blijft op dit apparaat; waarschuw de beheerder van de server.',
      'update-too-large':
        'De server heeft een wijziging van dit apparaat geweigerd, omdat die te groot is. De wijziging blijft op dit apparaat; waarschuw de beheerder van de server.',
      'document-too-large':
        'Dit document heeft op de server zijn maximale grootte bereikt, dus je laatste wijzigingen zijn niet overgenomen. Ze blijven op dit apparaat; waarschuw de beheerder van de server.',
      'rate-limited':
        'Dit apparaat stuurde te veel tegelijk. Het maakt zelf opnieuw verbinding en verstuurt je wijzigingen opnieuw.',
      'server-busy':
        'De server is even te druk. Je wijzigingen blijven op dit apparaat en worden zo opnieuw verstuurd.',
    },
    import: {
      'not-json': 'Dit bestand is geen kijkwijzer: het is geen JSON-bestand.',
      'wrong-format': 'Dit JSON-bestand is geen kijkwijzer uit Leskring.',
      'unsupported-version':
        'Deze kijkwijzer komt uit een nieuwere versie van Leskring. Werk de app bij en probeer het opnieuw.',
      'invalid-field': 'De kijkwijzer in dit bestand is niet in orde: {{path}}.',
      'too-large': 'Dit bestand is te groot voor een kijkwijzer (maximaal 1 MB).',
    },
    unexpected: 'Er ging iets mis. Je gegevens zijn veilig op dit apparaat opgeslagen.',
  },
  cycle: cycleNl,
  plan: planNl,
  templatesUi: templatesUiNl,
  observe: observeNl,
  describe: describeNl,
  timeline: timelineNl,
  photos: photosNl,
};

export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
/** The shape every locale must have: the same keys as Dutch, any strings. */
export type Messages = Shape<typeof nl>;
