import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showToast } from '../../app/ui/toasts.ts';
import {
  DEBRIEF_ROLES,
  type DebriefRole,
  MAX_GUEST_NAME,
  type Person,
  personKey,
} from '../../model/debrief.ts';
import { useDebriefScope } from './debriefScope.ts';

/**
 * Who has which role in this debrief: every member of the team, and guests
 * without an account (a guest expert is often from outside the school).
 */
export function RolesPanel() {
  const { t } = useTranslation();
  const scope = useDebriefScope();
  const { state, labels, readOnly } = scope;
  const [guest, setGuest] = useState('');
  const people: Array<{ person: Person; name: string }> = scope.members.map((memberId) => ({
    person: { memberId },
    name: labels.member(memberId),
  }));
  for (const assignment of state.roles.values()) {
    const { person } = assignment;
    if ('name' in person) people.push({ person, name: person.name });
    else if (!scope.members.includes(person.memberId))
      people.push({ person, name: labels.member(person.memberId) });
  }

  const setRole = (person: Person, role: DebriefRole | null) =>
    scope.write({ kind: 'role', ...person, role });

  function addGuest(event: FormEvent) {
    event.preventDefault();
    const name = guest.trim();
    if (!name) return;
    if (setRole({ name }, 'guest')) {
      setGuest('');
      showToast(t('debrief.roles.guestAdded', { name }));
    }
  }

  return (
    <section className="debrief-roles stack" aria-labelledby="debrief-roles-heading">
      <h3 id="debrief-roles-heading">{t('debrief.roles.heading')}</h3>
      <ul className="debrief-role-list">
        {people.map(({ person, name }) => {
          const key = personKey(person);
          const role = state.roles.get(key)?.role ?? '';
          return (
            <li key={key}>
              <label htmlFor={`role-${key}`} className="small">
                {name}
              </label>
              <select
                id={`role-${key}`}
                aria-label={t('debrief.roles.roleOf', { name })}
                value={role}
                disabled={readOnly}
                onChange={(event) =>
                  setRole(person, (event.target.value || null) as DebriefRole | null)
                }
              >
                <option value="">{t('debrief.roles.none')}</option>
                {DEBRIEF_ROLES.map((each) => (
                  <option key={each} value={each}>
                    {t(`debrief.roles.${each}`)}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ul>
      {!readOnly && (
        <form className="row" onSubmit={addGuest}>
          <input
            type="text"
            aria-label={t('debrief.roles.guestName')}
            placeholder={t('debrief.roles.guestName')}
            maxLength={MAX_GUEST_NAME}
            value={guest}
            onChange={(event) => setGuest(event.target.value)}
          />
          <button type="submit" disabled={guest.trim() === ''}>
            {t('debrief.roles.addGuest')}
          </button>
        </form>
      )}
    </section>
  );
}
