/** Dutch texts of the "My data" screen (src/features/settings/MyDataPage.tsx). */
export const myDataNl = {
  title: 'Mijn gegevens',
  intro:
    'Wat je in Leskring doet, staat op dit apparaat en op de server van je teams. Hier neem je alles van jou mee, of verwijder je je account.',
  link: 'Mijn gegevens: downloaden of account verwijderen',
  back: 'Terug naar instellingen',
  teams: 'Je teams op dit apparaat',
  noTeams: 'Er staan geen teams op dit apparaat.',
  teamLine: '{{team}} — als {{name}}',
  export: {
    title: 'Alles van mij downloaden',
    what: 'Eén bestand (JSON) met per team: je naam en rol, wat de server over je bewaart (je aanmeldingen en de uitnodigingen die je maakte), je leeruren, de bijeenkomsten waarbij je was, de lessen die je gaf, alle observaties die je vastlegde en je coachingstrajecten (als coach ook je voorbereiding). En de instellingen van dit apparaat.',
    never:
      'Nooit in het bestand: je toegangssleutels en de echte namen van leerlingen (die staan alleen op het apparaat waarop ze getypt zijn).',
    button: 'Mijn gegevens downloaden',
    busy: 'Gegevens verzamelen…',
    done: 'Je gegevens zijn gedownload.',
    partial:
      'Gedownload, maar de server gaf niet alles: zonder verbinding ontbreekt wat de server over je bewaart.',
    failed: 'Downloaden lukte niet: {{reason}}',
  },
  delete: {
    title: 'Account verwijderen',
    goesTitle: 'Wat verdwijnt',
    goesName:
      'Je naam, in elk team: je collega’s zien voortaan “Oud-lid” waar je naam stond, ook in oude observaties en uren.',
    goesAccess:
      'Je toegang tot elk team, op al je apparaten, en de uitnodigingen die je maakte en die nog open staan.',
    goesDevice:
      'Alles van Leskring op dit apparaat: teams, cycli, observaties, foto’s, echte namen van leerlingen en instellingen.',
    staysTitle: 'Wat blijft',
    staysTeam:
      'De teamdocumenten waaraan je bijdroeg: je observaties, plannen, nabesprekingen, bijeenkomsten en uren blijven bij het team, onder “Oud-lid”, zodat je collega’s hun lesson study kunnen voortzetten.',
    staysText:
      'Tekst die je zelf typte, blijft zoals je hem schreef: haal er eerst zelf namen uit als dat nodig is.',
    staysRemoved:
      'In teams waaruit je al verwijderd bent, herkent de server je niet meer: daar blijft je naam staan bij wat je bijdroeg.',
    offline:
      'Verwijderen kan alleen met verbinding met de server: die moet je naam en je toegang vergeten.',
    unsynced:
      'Let op: dit apparaat heeft wijzigingen die de server nog niet heeft. Wacht tot alles gesynchroniseerd is; anders gaan ze verloren.',
    button: 'Account verwijderen…',
    confirm_one:
      'Je account in {{count}} team verwijderen en alles van Leskring op dit apparaat wissen? Dit kan niet ongedaan worden gemaakt.',
    confirm_other:
      'Je account in {{count}} teams verwijderen en alles van Leskring op dit apparaat wissen? Dit kan niet ongedaan worden gemaakt.',
    confirmButton: 'Definitief verwijderen',
    busy: 'Account verwijderen…',
    failed:
      'Niet alles is verwijderd. Deze teams staan nog op dit apparaat; los het op en probeer het opnieuw:',
    failedTeam: '{{team}}: {{reason}}',
    lastFacilitator:
      'je bent de enige facilitator. Geef die rol eerst aan een collega (op de teampagina), of verwijder de anderen uit het team.',
  },
};
